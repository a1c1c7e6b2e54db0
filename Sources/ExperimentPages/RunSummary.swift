import ExperimentLanguage
import Optimizers

/// What the results table and the figure descriptions say about one run.
public struct RunSummary: Sendable {
    /// The run's label, with the start when the experiment has several.
    public var label: String
    public var runIndex: Int
    public var startIndex: Int
    public var finalValue: Double?
    /// Euclidean distance from the last point to the nearest known minimiser.
    public var distanceToMinimum: Double?
    /// The first step with f − f* below ``threshold``, when f* is known.
    public var firstStepBelowThreshold: Int?
    public var divergedAt: Int?
    /// Why the run stopped early, in words, other than divergence.
    public var halt: String?
    /// Whether the run's method can switch from Adam to SGD (SWATS, alone or wrapped).
    public var canSwitch: Bool
    /// The step at which SWATS switched to SGD, when it did.
    public var switchedAt: Int?

    /// f − f* below this counts as converged in the results table.
    public static let threshold = 1e-3

    init(experiment: Experiment, runIndex: Int, startIndex: Int, trajectory: Trajectory) {
        let run = experiment.runs[runIndex]
        label = experiment.starts.count > 1 ? "\(run.label) from \(Numbers.point(experiment.starts[startIndex]))" : run.label
        self.runIndex = runIndex
        self.startIndex = startIndex
        finalValue = trajectory.losses.last
        if trajectory.pointCount > 0, !experiment.objective.minima.isEmpty {
            let last = trajectory.finalPoint
            distanceToMinimum = experiment.objective.minima.map { minimum in
                zip(minimum, last).map { ($0 - $1) * ($0 - $1) }.reduce(0, +).squareRoot()
            }.min()
        }
        if let fStar = experiment.objective.minimumValue {
            firstStepBelowThreshold = trajectory.losses.firstIndex { $0 - fStar < Self.threshold }
        }
        divergedAt = trajectory.divergedAt
        canSwitch = run.optimizer.has(.switchesToSGD)
        switchedAt = trajectory.switchedAt
        switch trajectory.halt {
        case .hessianUnavailable(let step): halt = "stopped at step \(step): no Hessian"
        case .singularHessian(let step): halt = "stopped at step \(step): singular Hessian"
        case .invalidConfiguration(let problems): halt = "did not run: " + problems.joined(separator: "; ")
        case nil: halt = nil
        }
    }
}
