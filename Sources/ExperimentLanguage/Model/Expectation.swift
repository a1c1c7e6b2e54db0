import CourseDiagnostics
import Foundation

/// A checked claim about the runs, written `Expect(…)`, evaluated after they finish.
///
/// The checker has made sure every label names a run and every number is sensible; the
/// experiment runner decides whether the claim holds and reports a false one at ``location``.
public struct Expectation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// f − f* ≤ `tolerance` at some step ≤ `within`, on every start.
        case reaches(label: String, tolerance: Double, within: Int)
        /// The run diverges (`true`) or stays finite (`false`), on every start.
        case diverges(label: String, Bool)
        /// The run ends nearer the closest known minimiser than `other` (or lower in f
        /// when no minimiser is known), on every start.
        case closerThan(label: String, other: String)
        /// f − f* > `tolerance` at every step ≤ `within`, on every start: the run never
        /// gets that close to the minimum value (it is stuck in another basin, or too slow).
        case misses(label: String, tolerance: Double, within: Int)
        /// The final point is within Euclidean distance `within` of `point`, on every start,
        /// or only on the start with 0-based index `start` when it is given.
        case endsNear(label: String, point: [Double], within: Double, start: Int?)
        /// f is lower than `other`'s: at the end (`steps` nil; what the loss curves show at their
        /// ends), or at every step of `steps` (the curve lies below the other's), on every start
        /// or only on the 0-based `start`. A diverged run's loss is ∞ from the step it diverged.
        case lowerLossThan(label: String, other: String, steps: ClosedRange<Int>?, start: Int?)
        /// A series the run derives (its loss, its distance to the nearest minimiser, its step
        /// length) has `shape` at every step of `steps`, on every start or only on `start`.
        case series(label: String, series: Series, shape: Shape, steps: ClosedRange<Int>, start: Int?)
        /// The run's measured rate of convergence over `steps` (``Expectation/measuredRate(_:over:)``)
        /// is `bound`, on every start or only on `start`.
        case rate(label: String, bound: RateBound, steps: ClosedRange<Int>, start: Int?)
    }

    /// What a claim says of a measured rate: `.near(0.82, within: 0.01)` (|r − 0.82| ≤ 0.01),
    /// `.below(0.9)`, `.above(0.5)`.
    public enum RateBound: Hashable, Sendable {
        case near(Double, within: Double)
        case below(Double)
        case above(Double)
    }

    /// The rate at which `distances` (‖θ_t − θ*‖ by step) shrink per step over `steps`, a geometric
    /// mean: (d_b / d_a)^(1 / (b − a)) for `steps` = a...b. On a quadratic it is the spectral
    /// radius of the iteration when one mode dominates: (κ − 1)/(κ + 1) for gradient descent with
    /// η = 2/(L + μ). Nil when the window is one step, leaves the series, or starts at the minimiser.
    public static func measuredRate(_ distances: [Double], over steps: ClosedRange<Int>) -> Double? {
        guard steps.count > 1, steps.upperBound < distances.count, distances[steps.lowerBound] > 0 else { return nil }
        let ratio = distances[steps.upperBound] / distances[steps.lowerBound]
        return Foundation.pow(ratio, 1 / Double(steps.count - 1))
    }

    /// A number a run has at every step, written as the claim's label: `loss:`, `distance:`,
    /// `stepSize:`, `effectiveLearningRate:`.
    public enum Series: String, CaseIterable, Hashable, Sendable {
        /// f(θ_t), the full objective; defined from step 0.
        case loss
        /// ‖θ_t − θ*‖ to the nearest known minimiser; defined from step 0.
        case distance
        /// ‖θ_t − θ_{t−1}‖, the length of step t; defined from step 1.
        case stepSize
        /// η over the step's denominator, per coordinate, after step t (the catalog's
        /// `OptimizerSpec.effectiveLearningRate`); defined from step 1, for the methods that have
        /// one. A claim about it holds when it holds for every coordinate.
        case effectiveLearningRate

        /// The first step at which the series has a value.
        public var firstStep: Int { self == .stepSize || self == .effectiveLearningRate ? 1 : 0 }

        /// The series' name in messages: "loss", "distance to the nearest minimum", "step size".
        public var phrase: String {
            switch self {
            case .loss: return "loss"
            case .distance: return "distance to the nearest minimum"
            case .stepSize: return "step size"
            case .effectiveLearningRate: return "effective learning rate"
            }
        }
    }

    /// What a series does over its window: `.increasing` (never falls from one step to the
    /// next), `.decreasing` (never rises), `.below(x)` (stays below x), `.above(x)` (stays above x).
    public enum Shape: Hashable, Sendable {
        case increasing
        case decreasing
        case below(Double)
        case above(Double)
    }

    public var kind: Kind
    /// The `Expect` call as written, whitespace normalised.
    public var call: String
    public var location: SourceLocation
    /// The point of each run the claim reads (`point:`): its iterate unless the author chose
    /// the evaluated point, which only a run evaluated elsewhere (schedule-free) has.
    public var point: RunPoint = .iterate
    /// Which variants of a sweep the claim is about, as written (`variants:`).
    public var variants: VariantScope = .every
    /// In one variant of a sweep: whether the claim must hold there (`true`), must fail there
    /// (`false`, as `variants: .none` asks), or is not checked there (`nil`, outside a `.when`).
    public var expected: Bool? = true

    /// The label of the run whose effective learning rate the claim is about, if it is such a
    /// claim: that run records the rate at every step.
    public var effectiveLearningRateLabel: String? {
        if case .series(let label, .effectiveLearningRate, _, _, _) = kind { return label }
        return nil
    }

    /// The labels of the runs the claim is about.
    public var labels: [String] {
        switch kind {
        case .reaches(let label, _, _), .diverges(let label, _), .misses(let label, _, _), .endsNear(let label, _, _, _):
            return [label]
        case .series(let label, _, _, _, _), .rate(let label, _, _, _): return [label]
        case .closerThan(let label, let other), .lowerLossThan(let label, let other, _, _): return [label, other]
        }
    }
}
