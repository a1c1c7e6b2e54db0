import Foundation
import Optimizers

/// What a training step does to the gradient between backpropagation and the optimizer:
/// torch's `clip_grad_norm_` or `clip_grad_value_`, called after `loss.backward()`.
public enum GradientClipping: Hashable, Sendable {
    /// `clip_grad_norm_(parameters, maxNorm)`: with ‖g‖ the 2-norm over every parameter tensor,
    /// g ← g · min(1, maxNorm/(‖g‖ + 10⁻⁶)). The direction is kept.
    case norm(Double)
    /// `clip_grad_value_(parameters, v)`: every component clamped to [−v, v]. The direction is not kept.
    case value(Double)

    /// The threshold: the largest norm, or the largest absolute component.
    public var threshold: Double {
        switch self {
        case .norm(let maxNorm): maxNorm
        case .value(let v): v
        }
    }

    /// What is out of range, or nil: the threshold must be positive and finite.
    public var validationError: String? {
        switch self {
        case .norm(let maxNorm) where !(maxNorm > 0 && maxNorm.isFinite):
            "the largest gradient norm must be > 0, not \(maxNorm)"
        case .value(let v) where !(v > 0 && v.isFinite):
            "the largest gradient component must be > 0, not \(v)"
        default: nil
        }
    }

    /// The total 2-norm of `g` as torch's `get_total_norm` takes it: the 2-norm of the tensors' 2-norms.
    public static func totalNorm(_ g: UnsafeBufferPointer<Double>, layout: ParameterLayout) -> Double {
        var squares = 0.0
        for tensor in layout.tensors {
            var sum = 0.0
            for i in tensor.range { sum += g[i] * g[i] }
            // Squaring the tensor's norm again, as torch stacks the norms before the last one.
            let norm = sum.squareRoot()
            squares += norm * norm
        }
        return squares.squareRoot()
    }

    /// Clips `g` in place, given its total norm (from ``totalNorm(_:layout:)``). A non-finite
    /// norm makes every component NaN by norm, as in torch without `error_if_nonfinite`.
    public func clip(_ g: UnsafeMutableBufferPointer<Double>, totalNorm: Double) {
        switch self {
        case .norm(let maxNorm):
            // torch multiplies by the clamped coefficient always; by 1 it changes nothing.
            let coefficient = min(maxNorm / (totalNorm + 1e-6), 1)
            guard coefficient != 1 else { return }
            for i in g.indices { g[i] *= coefficient }
        case .value(let v):
            // Clamping keeps a NaN a NaN, as torch.clamp_ does.
            for i in g.indices where g[i] > v || g[i] < -v { g[i] = g[i] > v ? v : -v }
        }
    }
}
