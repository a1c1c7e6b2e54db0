#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The few libm functions the plotter needs, behind one import, so the module stays
/// free of Foundation.
enum Math {
    static func log10(_ x: Double) -> Double { libmLog10(x) }
    static func pow(_ x: Double, _ y: Double) -> Double { libmPow(x, y) }
    static func cos(_ x: Double) -> Double { libmCos(x) }
    static func sin(_ x: Double) -> Double { libmSin(x) }

    /// `x` as an `Int` for indices, counts and exponents computed from data: NaN is 0 and
    /// anything beyond ±2⁵³ is clamped there, where `Int(x)` would trap on a value that a
    /// directive can make (an infinite width, a subnormal step).
    static func int(_ x: Double) -> Int {
        guard !x.isNaN else { return 0 }
        let limit = 9_007_199_254_740_992.0
        return Int(Swift.max(-limit, Swift.min(limit, x)))
    }
}

// Free functions, so that the names inside `Math` do not shadow libm's.
private func libmLog10(_ x: Double) -> Double { log10(x) }
private func libmPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
private func libmCos(_ x: Double) -> Double { cos(x) }
private func libmSin(_ x: Double) -> Double { sin(x) }

extension Double {
    /// This value rounded toward zero into `range` as an `Int`; NaN gives the lower bound.
    /// For sizes computed from a directive's numbers, where `Int(x)` would trap.
    public func clampedInt(_ range: ClosedRange<Int>) -> Int {
        guard !isNaN else { return range.lowerBound }
        return Int(Swift.max(Double(range.lowerBound), Swift.min(Double(range.upperBound), self)))
    }
}
