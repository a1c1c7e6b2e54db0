import Optimizers

extension NetworkArchitecture {
    /// A flat parameter vector with every layer's weights drawn by `weights` and biases set by `biases`.
    ///
    /// Layers are filled input to output, each weight matrix then its bias, from the
    /// seed's initialisation stream; the same seed gives the same vector on every run. A batch
    /// normalisation's γ starts at 1 and β at 0, as `nn.BatchNorm1d`'s, drawing nothing.
    public func initialParameters(weights: Initialization, biases: BiasInitialization = .zeros, seed: UInt64) -> [Double] {
        var generator = RandomStream.initialization.generator(seed: seed)
        var parameters = [Double](repeating: 0, count: parameterCount)
        parameters.withUnsafeMutableBufferPointer { p in
            for layer in layers {
                let w = UnsafeMutableBufferPointer(rebasing: p[layer.weightRange])
                weights.fill(w, fanIn: layer.fanIn, fanOut: layer.fanOut, using: &generator)
                if let biasRange = layer.biasRange {
                    biases.fill(UnsafeMutableBufferPointer(rebasing: p[biasRange]), fanIn: layer.fanIn, using: &generator)
                }
                if let normalization = layer.normalization {
                    p.baseAddress!.advanced(by: normalization.scaleOffset).update(repeating: 1, count: layer.outputs)
                }
            }
        }
        return parameters
    }
}
