#if canImport(Darwin)
import Darwin
#elseif canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The functions an objective closure may call, plus the two that derivatives introduce
/// (`sign` for |u|′ and `heaviside` for min/max′).
public enum MathFunction: String, Hashable, Sendable, CaseIterable {
    case sqrt, exp, log, sin, cos, tan, tanh, sinh, cosh, atan, abs
    case min, max
    /// sign(u): −1, 0 or 1; the derivative of |u|.
    case sign
    /// H(u): 0 below zero, ½ at zero, 1 above; the derivative of min and max, choosing
    /// the average of the one-sided derivatives at a tie.
    case heaviside

    /// The functions a closure can name, in the reference's order (`pow` is an operator node, listed apart).
    public static let callable: [MathFunction] = [.sqrt, .exp, .log, .sin, .cos, .tan, .tanh, .sinh, .cosh, .atan, .abs, .min, .max]

    public var arity: Int { self == .min || self == .max ? 2 : 1 }

    /// The function's value at `u` (and `v` for min and max).
    @inline(__always)
    public func apply(_ u: Double, _ v: Double = 0) -> Double {
        switch self {
        case .sqrt: return u.squareRoot()
        case .exp: return cExp(u)
        case .log: return cLog(u)
        case .sin: return cSin(u)
        case .cos: return cCos(u)
        case .tan: return cTan(u)
        case .tanh: return cTanh(u)
        case .sinh: return cSinh(u)
        case .cosh: return cCosh(u)
        case .atan: return cAtan(u)
        case .abs: return Swift.abs(u)
        // Swift's min/max propagate NaN the way Foundation's fmin does not; use comparisons
        // so a NaN argument gives NaN and a diverged run is seen as diverged.
        case .min: return u.isNaN || v.isNaN ? .nan : (u < v ? u : v)
        case .max: return u.isNaN || v.isNaN ? .nan : (u > v ? u : v)
        case .sign: return u > 0 ? 1 : u < 0 ? -1 : u == 0 ? 0 : .nan
        case .heaviside: return u > 0 ? 1 : u < 0 ? 0 : u == 0 ? 0.5 : .nan
        }
    }
}

// The C library's functions, named apart so they never resolve to the enum's cases (inside the enum, `exp` names the case).
@inline(__always) func cExp(_ x: Double) -> Double { exp(x) }
@inline(__always) func cLog(_ x: Double) -> Double { log(x) }
@inline(__always) func cSin(_ x: Double) -> Double { sin(x) }
@inline(__always) func cCos(_ x: Double) -> Double { cos(x) }
@inline(__always) func cTan(_ x: Double) -> Double { tan(x) }
@inline(__always) func cTanh(_ x: Double) -> Double { tanh(x) }
@inline(__always) func cSinh(_ x: Double) -> Double { sinh(x) }
@inline(__always) func cCosh(_ x: Double) -> Double { cosh(x) }
@inline(__always) func cAtan(_ x: Double) -> Double { atan(x) }
@inline(__always) func cPow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
