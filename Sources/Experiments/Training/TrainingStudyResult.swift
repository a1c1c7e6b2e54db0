import ExperimentLanguage
import NeuralNetworks

/// A `Training` builder with what training produced: per run, the loss of every
/// iteration, accuracy checkpoints and final figures, in the order of `study.runs`.
public struct TrainingStudyResult: Sendable {
    public var study: TrainingStudy
    public var report: TrainingReport

    public init(study: TrainingStudy, report: TrainingReport) {
        precondition(report.results.count == study.runs.count, "one result per optimizer call")
        self.study = study
        self.report = report
    }

    /// The result of the run labelled `label`.
    public func result(_ label: String) -> TrainingResult? {
        study.runs.firstIndex { $0.label == label }.map { report.results[$0] }
    }
}
