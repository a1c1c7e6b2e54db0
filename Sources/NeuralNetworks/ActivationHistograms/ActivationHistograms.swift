import Optimizers

/// Runs an `ActivationHistogramsConfiguration`: the forward pass of a bias-free network per initialisation, histogrammed per layer.
public enum ActivationHistograms {
    /// The histograms; every row sees the same inputs (the seed's input stream), and
    /// row r's weights come from the seed's initialisation stream offset by r.
    public static func run(_ configuration: ActivationHistogramsConfiguration, kernel: MatrixKernel = .preferred) throws(TrainingError) -> ActivationHistogramsResult {
        let problems = configuration.validationErrors
        guard problems.isEmpty else { throw .invalidConfiguration(problems) }
        let units = configuration.units, samples = configuration.inputSamples
        var inputGenerator = RandomStream.activationInputs.generator(seed: configuration.seed)
        let inputs = (0..<samples * units).map { _ in inputGenerator.nextNormal() }
        let data = LabeledData(features: inputs, featureCount: units, labels: [Int](repeating: 0, count: samples), classCount: 1)
        // The hidden layers are the study's layers; the output layer is a 1-unit stub the forward pass needs.
        let architecture = NetworkArchitecture(
            inputSize: units, hidden: [Int](repeating: units, count: configuration.layers), outputSize: 1,
            activation: configuration.activation, bias: false)
        let workspace = NetworkWorkspace(architecture: architecture, capacity: samples, kernel: kernel)
        Array(0..<samples).withUnsafeBufferPointer { workspace.gather(data, rows: $0) }
        let rows = configuration.rows.enumerated().map { index, row in
            let parameters = architecture.initialParameters(
                weights: row.initialization, seed: configuration.seed &+ UInt64(index))
            _ = parameters.withUnsafeBufferPointer { workspace.forward(parameters: $0.baseAddress!, rows: samples, training: false) }
            let histograms = (0..<configuration.layers).map { layer in
                LayerHistogram.of(
                    workspace.hiddenOutputs(layer), count: samples * units, layer: layer + 1,
                    range: configuration.histogramRange, bins: configuration.bins)
            }
            return ActivationHistogramsResult.Row(label: row.label, initialization: row.initialization, layers: histograms)
        }
        return ActivationHistogramsResult(configuration: configuration, rows: rows)
    }
}
