import ExperimentLanguage

/// An `Average` builder with its series and the values of every average.
public struct AverageResult: Sendable {
    public var study: AverageStudy
    /// The clean signal s₁ … s_N.
    public var signal: [Double]
    /// The noisy observations x₁ … x_N.
    public var observations: [Double]
    /// One line per average, in the order of `study.averages`, one value per observation.
    public var averages: [[Double]]

    public init(study: AverageStudy, signal: [Double], observations: [Double], averages: [[Double]]) {
        self.study = study
        self.signal = signal
        self.observations = observations
        self.averages = averages
    }

    /// The values of the average labelled `label`.
    public func values(_ label: String) -> [Double]? {
        study.averages.firstIndex { $0.label == label }.map { averages[$0] }
    }
}

extension AverageResult: RunOutput {
    public func json(_ w: inout JSONWriter) { RunJSON.average(self, &w) }

    public var runText: String {
        "\(study.title)\n\(study.averages.count) averages of \(study.samples) samples (use --json for their values)\n\n"
    }
}
