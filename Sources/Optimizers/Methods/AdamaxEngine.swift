#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `torch.optim.Adamax` (`_single_tensor_adamax`): ε enters the infinity norm, not the division.
final class AdamaxEngine: FirstOrderEngine {
    let gradient: Vector
    private let firstMoment: Vector
    private let infinityNorm: Vector
    private let beta1: Double, beta2: Double, eps: Double, weightDecay: Double
    private var t = 0

    init(dimension: Int, betas: (Double, Double), eps: Double, weightDecay: Double) {
        gradient = Vector(count: dimension)
        firstMoment = Vector(count: dimension)
        infinityNorm = Vector(count: dimension)
        (beta1, beta2) = betas
        self.eps = eps
        self.weightDecay = weightDecay
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        t += 1
        let m = firstMoment.pointer, u = infinityNorm.pointer
        let clr = lr / (1 - pow(beta1, Double(t)))
        for i in 0..<x.count {
            let gi = weightDecay != 0 ? g[i].addingProduct(weightDecay, x[i]) : g[i]
            m[i] = lerp(m[i], gi, 1 - beta1)
            u[i] = max(u[i] * beta2, abs(gi) + eps)
            x[i] = addcdiv(x[i], -clr, m[i], u[i])
        }
        return true
    }

    /// η / uₜ per coordinate: the factor of the bias-corrected m̂ₜ = mₜ / (1 − β₁ᵗ) in the step.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let u = infinityNorm.pointer
        for i in 0..<rates.count { rates[i] = lr / u[i] }
        return true
    }
}
