/// Scalar arithmetic as PyTorch's CPU kernels compute it for float64, where that differs from
/// the plain formula.
enum TorchMath {
    /// `x ** exponent` for a number `exponent`, as `torch.pow(Tensor, Scalar)` computes it:
    /// 0 and 1 are a fill and a copy, 2, 3 and −2 are products (`x*x*x` is `(x*x)*x`), ±½ and −1
    /// go to the square-root and reciprocal kernels, and every other exponent to the C library's `pow`.
    @inline(__always)
    static func pow(_ x: Double, _ exponent: Double) -> Double {
        switch exponent {
        case 0: return 1
        case 1: return x
        case 2: return x * x
        case 3: return x * x * x
        case -1: return 1 / x
        case -2: return 1 / (x * x)
        // torch's vectorised square root can differ from IEEE's correctly rounded one in the
        // last bit; the correctly rounded value is the closest a portable program can come.
        case 0.5: return x.squareRoot()
        case -0.5: return 1 / x.squareRoot()
        default: return cPow(x, exponent)
        }
    }

    /// `torch.sgn` of a real number: −1, 0 or 1, and 0 for NaN (`(0 < x) - (x < 0)`).
    @inline(__always)
    static func sign(_ x: Double) -> Double {
        (0 < x ? 1 : 0) - (x < 0 ? 1 : 0)
    }
}
