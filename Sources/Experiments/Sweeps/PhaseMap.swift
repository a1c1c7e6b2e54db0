import ExperimentLanguage
import Optimizers

/// What a phase diagram draws: the summary of every variant's run, one cell per variant in
/// the sweep's order, and the theory's convergence region where it applies.
public struct PhaseMap: Sendable, Equatable {
    /// One cell's summary.
    public enum Cell: Equatable, Sendable {
        /// The summary's number: the first step below the loss (`.stepsTo`), or f − f* at the
        /// last step (`.finalLoss`; f when f* is unknown).
        case value(Double)
        /// f − f* stayed at or above the loss for all the experiment's steps.
        case notReached
        /// The run left every bound at this 1-based step.
        case diverged(at: Int)
        /// `.diverged`: the run stayed finite to its last step.
        case finite
    }

    public var diagram: PhaseDiagram
    /// One per variant, row-major as ``ExperimentSweep`` numbers them.
    public var cells: [Cell]
    /// The theory drawn over the cells, when the run is heavy ball on a quadratic.
    public var theory: HeavyBallTheory?
    /// The experiment's steps, for "not reached within n steps".
    public var steps: Int
    /// Whether f* is known, so that `.finalLoss` is f − f* (else f).
    public var minimumIsKnown: Bool

    public init(_ result: SweepResult) {
        let sweep = result.sweep
        let diagram = sweep.phaseDiagram!
        self.diagram = diagram
        steps = result.experiment.steps
        minimumIsKnown = result.experiment.objective.minimumValue != nil
        theory = HeavyBallTheory(sweep)
        cells = result.variants.map { variant in
            let trajectory = variant.trajectories[diagram.runIndex][0]
            let fStar = variant.experiment.objective.minimumValue
            switch diagram.summary {
            case .stepsTo(let loss):
                if let step = trajectory.losses.firstIndex(where: { $0 - fStar! < loss }) { return .value(Double(step)) }
                return trajectory.divergedAt.map { .diverged(at: $0) } ?? .notReached
            case .finalLoss:
                if let step = trajectory.divergedAt { return .diverged(at: step) }
                guard let last = trajectory.losses.last else { return .notReached }
                return .value(last - (fStar ?? 0))
            case .diverged:
                return trajectory.divergedAt.map { .diverged(at: $0) } ?? .finite
            }
        }
    }

    /// The cells' numbers, for the colour scale.
    public var values: [Double] {
        cells.compactMap { if case .value(let v) = $0 { v } else { nil } }
    }
}
