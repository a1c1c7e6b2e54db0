import ExperimentLanguage
import Optimizers

/// What one run of an experiment came to, computed once from its trajectory and read by
/// every consumer: the claims, the results table and the figure descriptions, `coursegen
/// run`'s text and `=Result` references.
public struct RunSummary: Sendable, Equatable {
    /// The run's index in `experiment.runs`.
    public var runIndex: Int
    /// The start's index in `experiment.starts`.
    public var startIndex: Int
    /// The last f recorded; for a diverged run, the last one before it left (nil when the run has none).
    public var finalLoss: Double?
    /// The last point recorded; nil for a run that did not run.
    public var finalPoint: [Double]?
    /// ‖x_T − x*‖ to the nearest known minimiser x*; nil when none is known, the run has no
    /// point, or it diverged: the last point before a run leaves is no end of it, so a diverged
    /// run has no final distance (the table shows "–", and a claim that it is closer fails).
    public var distanceToMinimum: Double?
    /// The first step with f − f* below ``threshold``, when f* is known.
    public var firstStepBelowThreshold: Int?
    public var divergedAt: Int?
    /// The step at which SWATS switched to SGD, when it did.
    public var switchedAt: Int?
    /// Why the run stopped early, other than divergence.
    public var halt: Trajectory.Halt?
    /// Whether the run's method can switch from Adam to SGD (SWATS, alone or wrapped).
    public var canSwitch: Bool

    /// f − f* below this counts as converged in the results table.
    public static let threshold = 1e-3

    public init(experiment: Experiment, runIndex: Int, startIndex: Int, trajectory: Trajectory) {
        let minima = experiment.objective.minima
        self.runIndex = runIndex
        self.startIndex = startIndex
        finalLoss = trajectory.losses.last
        finalPoint = trajectory.pointCount > 0 ? trajectory.finalPoint : nil
        if trajectory.divergedAt == nil, let end = finalPoint {
            distanceToMinimum = minima.map { Self.distance(end, $0) }.min()
        }
        if let fStar = experiment.objective.minimumValue {
            firstStepBelowThreshold = trajectory.losses.firstIndex { $0 - fStar < Self.threshold }
        }
        divergedAt = trajectory.divergedAt
        switchedAt = trajectory.switchedAt
        halt = trajectory.halt
        canSwitch = experiment.runs.indices.contains(runIndex) && experiment.runs[runIndex].optimizer.has(.switchesToSGD)
    }

    /// How far the run ends from the goal, as `closerThan` compares runs: the distance to
    /// the nearest known minimiser, or the final f when none is known; infinite when the run
    /// diverged or has no point.
    public var closeness: Double {
        guard divergedAt == nil, finalPoint != nil else { return .infinity }
        return distanceToMinimum ?? finalLoss ?? .infinity
    }

    /// The Euclidean distance between two points of the same dimension.
    static func distance(_ a: [Double], _ b: [Double]) -> Double {
        zip(a, b).reduce(0) { $0 + ($1.0 - $1.1) * ($1.0 - $1.1) }.squareRoot()
    }
}
