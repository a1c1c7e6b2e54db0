import ExperimentLanguage
import Optimizers

/// A `Schedule` builder with the learning rate of every call at every step, and the runs on
/// its objective when it has one.
public struct ScheduleResult: Sendable {
    public var study: ScheduleStudy
    /// `learningRates[run][t]` for t = 0 ..< steps, runs in the order of `study.runs`.
    public var learningRates: [[Double]]
    /// The runs on `study.problem`, when there is one.
    public var problem: ExperimentResult?

    public init(study: ScheduleStudy, learningRates: [[Double]], problem: ExperimentResult?) {
        self.study = study
        self.learningRates = learningRates
        self.problem = problem
    }

    /// The rates of the run labelled `label`.
    public func rates(_ label: String) -> [Double]? {
        study.runs.firstIndex { $0.label == label }.map { learningRates[$0] }
    }
}

extension ScheduleResult: RunOutput {
    public func json(_ w: inout JSONWriter) { RunJSON.schedule(self, &w) }

    public var runText: String {
        "\(study.title)\n"
            + "learning-rate schedules over \(study.steps) steps: \(study.runs.map(\.label).joined(separator: ", "))\n"
            + (problem?.runText ?? "\n")
    }
}
