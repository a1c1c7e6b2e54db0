#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The averages of chapter 3 and the two measures its claims compare, as plain functions
/// of arrays: `x[0]` is observation x₁, and each average returns one value per observation.
public enum AverageMath {
    /// The exponentially weighted average v_t = β v_{t−1} + (1 − β) x_t from v₀ = 0, or
    /// with `biasCorrection` the corrected v_t / (1 − β^t).
    public static func exponential(_ x: [Double], beta: Double, biasCorrection: Bool) -> [Double] {
        var v = 0.0
        // β^t by repeated multiplication, as optimizers keep it; it underflows to 0 harmlessly.
        var betaPower = 1.0
        return x.map { value in
            v = beta * v + (1 - beta) * value
            betaPower *= beta
            return biasCorrection ? v / (1 - betaPower) : v
        }
    }

    /// The mean of the last `window` observations, or of all of them while t < `window`.
    public static func moving(_ x: [Double], window: Int) -> [Double] {
        precondition(window >= 1, "a moving average needs a window of at least one observation")
        var sum = 0.0
        var out: [Double] = []
        out.reserveCapacity(x.count)
        for t in x.indices {
            sum += x[t]
            if t >= window { sum -= x[t - window] }
            out.append(sum / Double(min(t + 1, window)))
        }
        return out
    }

    /// Σ a_k x_{t−k} / Σ a_k with `weights[0]` for the newest observation; at the start only
    /// the weights of observations that exist count.
    public static func weighted(_ x: [Double], weights: [Double]) -> [Double] {
        precondition(!weights.isEmpty && weights[0] > 0, "a weighted average needs a positive weight for the newest observation")
        return x.indices.map { t in
            var sum = 0.0, total = 0.0
            for k in 0..<min(weights.count, t + 1) {
                sum += weights[k] * x[t - k]
                total += weights[k]
            }
            return sum / total
        }
    }

    /// The total variation Σ |a_{t+1} − a_t| over the observations `window` (1-based, inclusive):
    /// how much the line moves up and down; the smoother line has the smaller one.
    public static func totalVariation(_ a: [Double], over window: ClosedRange<Int>) -> Double {
        var sum = 0.0
        for t in window.lowerBound..<window.upperBound { sum += abs(a[t] - a[t - 1]) }
        return sum
    }

    /// The root-mean-square distance √(Σ (a_t − s_t)² / n) over the observations `window`
    /// (1-based, inclusive).
    public static func rmsDistance(_ a: [Double], _ s: [Double], over window: ClosedRange<Int>) -> Double {
        var sum = 0.0
        for t in window { sum += (a[t - 1] - s[t - 1]) * (a[t - 1] - s[t - 1]) }
        return (sum / Double(window.count)).squareRoot()
    }
}
