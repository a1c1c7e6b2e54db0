import Optimizers

extension NetworkArchitecture {
    /// The flat parameter vector as the optimizer sees it: each layer's weight matrix
    /// (outputs × inputs, as `nn.Linear.weight`) then its bias vector. The first layer's matrix
    /// reads the input and the last one writes the output; a network without hidden layers has
    /// only an output matrix. A batch normalisation's γ and β are vectors of their own role.
    public var parameterLayout: ParameterLayout {
        var tensors: [ParameterLayout.Tensor] = []
        for (index, layer) in layers.enumerated() {
            let role: ParameterLayout.Role =
                index == layers.count - 1 ? .outputWeight : index == 0 ? .inputWeight : .hiddenWeight
            tensors.append(.init(offset: layer.weightOffset, shape: .matrix(rows: layer.outputs, columns: layer.inputs), role: role))
            if let biasOffset = layer.biasOffset {
                tensors.append(.init(offset: biasOffset, shape: .vector(layer.outputs), role: .bias))
            }
            if let normalization = layer.normalization {
                tensors.append(.init(offset: normalization.scaleOffset, shape: .vector(layer.outputs), role: .normalization))
                tensors.append(.init(offset: normalization.shiftOffset, shape: .vector(layer.outputs), role: .normalization))
            }
        }
        // The layers tile the vector in order, so the layout exists.
        return ParameterLayout(tensors)!
    }
}
