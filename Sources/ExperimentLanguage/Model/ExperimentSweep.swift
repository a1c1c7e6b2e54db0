import CourseDiagnostics

/// The variants of an `Experiment` that writes `Sweep(…)` for one value or two: one checked
/// ``Experiment`` per value (per pair of values for two sweeps, a grid), each exactly the
/// experiment that writes that value in place of the `Sweep`.
///
/// Variants are numbered row-major: with axes of `n₀` and `n₁` values, variant
/// `i₀ · n₁ + i₁` takes value `i₀` of the first axis and `i₁` of the second. A summary per
/// variant (steps to a threshold, final loss, diverged) is a grid indexed the same way.
public struct ExperimentSweep: Sendable {
    /// The swept values, in the order the `Sweep`s are written; one or two.
    public var axes: [SweepAxis]
    /// One checked experiment per variant, row-major over ``axes``; none of them has a sweep.
    public var variants: [Experiment]
    /// `PhaseDiagram(…)`: the grid drawn as a heat map whose cells choose the variant, in place
    /// of a row of buttons per axis; only with two axes.
    public var phaseDiagram: PhaseDiagram?

    public init(axes: [SweepAxis], variants: [Experiment], phaseDiagram: PhaseDiagram? = nil) {
        precondition(variants.count == axes.reduce(1) { $0 * $1.values.count }, "one variant per combination of values")
        precondition(phaseDiagram == nil || axes.count == 2, "a phase diagram has two axes")
        self.axes = axes
        self.variants = variants
        self.phaseDiagram = phaseDiagram
    }

    /// The variant shown first: every axis at its default value.
    public var defaultVariant: Int { variant(axes.map(\.defaultIndex)) }

    /// The variant at one value index per axis.
    public func variant(_ indices: [Int]) -> Int {
        zip(axes, indices).reduce(0) { $0 * $1.0.values.count + $1.1 }
    }

    /// The value index of each axis in `variant`.
    public func indices(of variant: Int) -> [Int] {
        Self.indices(of: variant, counts: axes.map(\.values.count))
    }

    /// The index on each axis of `variant`, row-major over axes of `counts` values.
    public static func indices(of variant: Int, counts: [Int]) -> [Int] {
        var rest = variant
        var indices = Array(repeating: 0, count: counts.count)
        for axis in counts.indices.reversed() {
            indices[axis] = rest % counts[axis]
            rest /= counts[axis]
        }
        return indices
    }

    /// The swept values of `variant`, one per axis.
    public func values(of variant: Int) -> [Double] {
        zip(axes, indices(of: variant)).map { $0.values[$1] }
    }

    /// "lr = 0.1" or "lr = 0.1, momentum = 0.9": the variant named by its values, as
    /// messages and the page's labels without CSS write it.
    public func name(of variant: Int) -> String {
        zip(axes, values(of: variant)).map { "\($0.name) = \(NumberText.format($1))" }.joined(separator: ", ")
    }
}

/// One `Sweep(…)`: the values a hyperparameter, a start coordinate or an objective's
/// parameter takes, in order, and which one the page shows first.
public struct SweepAxis: Hashable, Sendable {
    /// The name claims' conditions use: the argument's label (`lr`, `momentum`, `b`), `x` or `y`
    /// for a start's coordinate, or the `name:` the author gave.
    public var name: String
    /// The symbol of the swept hyperparameter (`η`, `μ`, `β₂`), when the catalog has one.
    public var symbol: String?
    /// Distinct finite values, in the order written (or from `from:` to `to:`).
    public var values: [Double]
    /// The index of the value shown first (`default:`, else the first value).
    public var defaultIndex: Int
    /// Where the `Sweep` is written.
    public var location: SourceLocation
    /// Whether the values are spaced on a log scale (`scale: .log`, or listed values, all
    /// positive, each the same multiple of the one before), so that a phase diagram places a
    /// value between two cells where a log axis would.
    public var isLogarithmic: Bool

    public init(name: String, symbol: String?, values: [Double], defaultIndex: Int, location: SourceLocation, isLogarithmic: Bool = false) {
        self.name = name
        self.symbol = symbol
        self.values = values
        self.defaultIndex = defaultIndex
        self.location = location
        self.isLogarithmic = isLogarithmic
    }
}

/// Which variants of a sweep a claim is about (`Expect(…, variants:)`).
public enum VariantScope: Hashable, Sendable {
    /// Every variant must satisfy the claim (the default).
    case every
    /// No variant may satisfy it.
    case none
    /// It holds exactly in the variants where the condition holds, and fails in the others.
    case exactlyWhen(String)
    /// It holds in the variants where the condition holds; the others are not checked.
    case when(String)
}
