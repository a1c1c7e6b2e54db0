import ExperimentLanguage
import Optimizers

/// An experiment with the numbers its runs produced.
public struct ExperimentResult: Sendable {
    public var experiment: Experiment
    /// `trajectories[run][start]`: runs in the order of `experiment.runs`, starts in the order of `experiment.starts`.
    public var trajectories: [[Trajectory]]

    public init(experiment: Experiment, trajectories: [[Trajectory]]) {
        self.experiment = experiment
        self.trajectories = trajectories
    }

    /// The index of the run labelled `label`.
    public func runIndex(_ label: String) -> Int? {
        experiment.runs.firstIndex { $0.label == label }
    }
}
