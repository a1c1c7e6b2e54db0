#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CourseDiagnostics

/// A checked `Average` builder: a noisy series drawn from the seed and the averages
/// that smooth it.
///
/// The series has ``samples`` observations x₁ … x_N of the clean ``signal`` plus Gaussian
/// noise; every average produces one value per observation.
public struct AverageStudy: Sendable {
    public var title: String
    public var signal: Signal
    /// N, the number of observations (1 to ``Limits/maximumSamples``).
    public var samples: Int
    /// Seed of the noise (`Seed`, default ``Experiment/defaultSeed``).
    public var seed: UInt64
    /// One per average call, in order.
    public var averages: [AverageDescription]
    public var expectations: [AverageExpectation]
    /// The fence's text, for a "source" disclosure beside the figure.
    public var source: String
    /// The builder's name in the chapter.
    public var location: SourceLocation

    /// Observations when `Series` gives no `samples:`.
    public static let defaultSamples = 100
}

/// The clean signal of a series and the standard deviation of the noise added to it.
///
/// Observations are counted from t = 1; observation t is `value(at: t) + noise · z_t`, with
/// z_t the t-th standard normal of the study's seed.
public enum Signal: Hashable, Sendable {
    /// `.noisySine(period:amplitude:noise:)`: A · sin(2πt / P).
    case sine(period: Double, amplitude: Double, noise: Double)
    /// `.step(at:from:to:noise:)`: `from` before observation `at`, `to` from it on.
    case step(at: Int, from: Double, to: Double, noise: Double)
    /// `.constant(_:noise:)`: the same value throughout.
    case constant(Double, noise: Double)

    /// The clean value of observation `t` (1-based).
    public func value(at t: Int) -> Double {
        switch self {
        case .sine(let period, let amplitude, _): return amplitude * sin(2 * Double.pi * Double(t) / period)
        case .step(let at, let from, let to, _): return t >= at ? to : from
        case .constant(let value, _): return value
        }
    }

    /// The standard deviation of the Gaussian noise.
    public var noise: Double {
        switch self {
        case .sine(_, _, let noise), .step(_, _, _, let noise), .constant(_, let noise): return noise
        }
    }
}

/// One average of an `Average` builder: `ExponentialAverage(beta: 0.9).label("β = 0.9")`.
public struct AverageDescription: Sendable {
    public var method: AverageMethod
    /// The call as written, modifiers included, whitespace normalised.
    public var call: String
    /// `.label("…")`, or one made from the arguments (`β = 0.9`). Unique within the builder.
    ///
    /// It is the name claims (`Expect("β = 0.9", smootherThan: …)`) and `=Result` look the
    /// average up by. A made-up label is ``AverageMethod/defaultLabel``, the same in every
    /// course, so claims keep working whatever the page's language; the page shows it in
    /// its own words (``isDefaultLabel``).
    public var label: String
    /// Whether ``label`` was made up from the arguments rather than written with `.label`: a
    /// page then says it in its catalog's words (`滑动平均，w = 10`), not as the key.
    public var isDefaultLabel = false
    /// `.color(.purple)` as the name, or a `#rrggbb` string; `nil` for the palette's next colour.
    public var color: String?
    public var location: SourceLocation
}

/// How an average weighs the observations x₁ … x_t into its value a_t.
public enum AverageMethod: Hashable, Sendable {
    /// `MovingAverage(window: w)`: the mean of the last w observations (of all t when t < w).
    case moving(window: Int)
    /// `WeightedAverage(weights: [a₀, a₁, …])`: Σ a_k x_{t−k} / Σ a_k, a₀ for the newest;
    /// at the start only the weights of existing observations count.
    case weighted(weights: [Double])
    /// `ExponentialAverage(beta: β, biasCorrection:)`: v_t = β v_{t−1} + (1 − β) x_t from
    /// v₀ = 0, divided by 1 − β^t when bias-corrected.
    case exponential(beta: Double, biasCorrection: Bool)

    /// The label an average gets without `.label`, its name for claims: `moving average, w = 10`,
    /// `β = 0.9`. Pages show it in their catalog's words (`average.label.*`).
    public var defaultLabel: String {
        switch self {
        case .moving(let window): return "moving average, w = \(window)"
        case .weighted(let weights): return "weights " + weights.map(NumberText.format).joined(separator: ", ")
        case .exponential(let beta, let corrected): return "β = \(NumberText.format(beta))" + (corrected ? ", bias-corrected" : "")
        }
    }
}

/// A claim about two averages of an `Average` builder, checked after they are computed.
public struct AverageExpectation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// The average's total variation Σ |a_{t+1} − a_t| over the window is smaller.
        case smootherThan(label: String, other: String)
        /// The average's root-mean-square distance to the clean signal over the window is smaller.
        case closerThan(label: String, other: String)
    }

    public var kind: Kind
    /// The observations compared, 1-based and inclusive (`over: 1...10`); all of them by default.
    public var window: ClosedRange<Int>
    /// The `Expect` call as written, whitespace normalised.
    public var call: String
    public var location: SourceLocation

    /// The two labels, the claimed better one first.
    public var labels: (String, String) {
        switch kind {
        case .smootherThan(let label, let other), .closerThan(let label, let other): return (label, other)
        }
    }
}

extension AverageStudy: CheckedDirective {
    public var figureTitle: String? { title }

    public var cost: DirectiveCost {
        DirectiveCost(operations: Double(samples) * Double(averages.count + 1) * 20,
                      bytes: Double(samples) * Double(averages.count + 1) * 8)
    }
}
