import ExperimentLanguage
import NeuralNetworks

/// An `Activations` builder with its histograms: one row per `Weights`, one histogram per layer.
public struct ActivationsStudyResult: Sendable {
    public var study: ActivationsStudy
    public var result: ActivationHistogramsResult

    public init(study: ActivationsStudy, result: ActivationHistogramsResult) {
        precondition(result.rows.count == study.configuration.rows.count, "one row of histograms per initialisation")
        self.study = study
        self.result = result
    }

    /// The histogram of layer `layer` (1-based) in the row labelled `label`.
    public func histogram(_ label: String, layer: Int) -> LayerHistogram? {
        result.rows.first { $0.label == label }?.layers.first { $0.layer == layer }
    }

    /// The fraction of a layer's activations in the histogram's first and last bins, or outside its range.
    public static func saturatedShare(_ histogram: LayerHistogram) -> Double {
        let counts = histogram.counts
        let edges = counts.count == 1 ? counts[0] : (counts.first ?? 0) + (counts.last ?? 0)
        let total = histogram.total
        guard total > 0 else { return 0 }
        return Double(edges + histogram.below + histogram.above) / Double(total)
    }
}

extension ActivationsStudyResult: RunOutput {
    public func json(_ w: inout JSONWriter) { RunJSON.activations(self, &w) }

    public var runText: String {
        let layers = study.configuration.layers
        let rows = result.rows.map { row in [row.label] + row.layers.map { RunText.number($0.standardDeviation) } }
        return "\(study.title)\nstandard deviation of the activations per layer\n"
            + RunText.table(["weights"] + (1...layers).map { "layer \($0)" }, rows) + "\n"
    }
}
