import ExperimentLanguage
import Optimizers

/// An experiment with the numbers its runs produced.
public struct ExperimentResult: Sendable {
    public var experiment: Experiment { didSet { summarise() } }
    /// `trajectories[run][start]`: runs in the order of `experiment.runs`, starts in the order of `experiment.starts`.
    public var trajectories: [[Trajectory]] { didSet { summarise() } }
    /// `summaries[run][start]`: what each trajectory came to, computed once here for every reader.
    public private(set) var summaries: [[RunSummary]] = []

    public init(experiment: Experiment, trajectories: [[Trajectory]]) {
        self.experiment = experiment
        self.trajectories = trajectories
        summarise()
    }

    /// The index of the run labelled `label`.
    public func runIndex(_ label: String) -> Int? {
        experiment.runs.firstIndex { $0.label == label }
    }

    /// Every summary, runs in order and each run's starts in order, as tables list them.
    public var allSummaries: [RunSummary] { summaries.flatMap { $0 } }

    private mutating func summarise() {
        summaries = trajectories.enumerated().map { r, starts in
            starts.enumerated().map { s, trajectory in
                RunSummary(experiment: experiment, runIndex: r, startIndex: s, trajectory: trajectory)
            }
        }
    }
}
