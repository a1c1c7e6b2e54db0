#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `torch.optim.Adam` and `AdamW` (`_single_tensor_adam`): coupled L2 or decoupled
/// weight decay, and the AMSGrad maximum. ε is added after dividing √v by √(1 − β₂ᵗ).
final class AdamEngine: FirstOrderEngine {
    let gradient: Vector
    private let firstMoment: Vector
    private let secondMoment: Vector
    private let maxSecondMoment: Vector
    private let beta1: Double, beta2: Double, eps: Double, weightDecay: Double
    private let amsgrad: Bool, decoupled: Bool
    private var t = 0

    init(dimension: Int, betas: (Double, Double), eps: Double, weightDecay: Double, amsgrad: Bool, decoupled: Bool) {
        gradient = Vector(count: dimension)
        firstMoment = Vector(count: dimension)
        secondMoment = Vector(count: dimension)
        maxSecondMoment = Vector(count: amsgrad ? dimension : 0)
        (beta1, beta2) = betas
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
        self.decoupled = decoupled
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        t += 1
        let step = Double(t)
        let stepSize = lr / (1 - pow(beta1, step))
        let biasCorrection2Root = (1 - pow(beta2, step)).squareRoot()
        // Multiplying by 1 is exact, so the decoupled decay needs no branch in the loop.
        let decay = decoupled && weightDecay != 0 ? 1 - lr * weightDecay : 1
        let coupled = !decoupled && weightDecay != 0
        // The loop is written once and inlined with constant flags, so each variant is a
        // straight-line loop the compiler can vectorize.
        switch (amsgrad, coupled, 1 - beta1 < 0.5) {
        case (false, false, true): loop(x, g, decay, stepSize, biasCorrection2Root, false, false, true)
        case (false, false, false): loop(x, g, decay, stepSize, biasCorrection2Root, false, false, false)
        case (false, true, true): loop(x, g, decay, stepSize, biasCorrection2Root, false, true, true)
        case (false, true, false): loop(x, g, decay, stepSize, biasCorrection2Root, false, true, false)
        case (true, false, true): loop(x, g, decay, stepSize, biasCorrection2Root, true, false, true)
        case (true, false, false): loop(x, g, decay, stepSize, biasCorrection2Root, true, false, false)
        case (true, true, true): loop(x, g, decay, stepSize, biasCorrection2Root, true, true, true)
        case (true, true, false): loop(x, g, decay, stepSize, biasCorrection2Root, true, true, false)
        }
        return true
    }

    @inline(__always)
    private func loop(
        _ x: UnsafeMutableBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>, _ decay: Double,
        _ stepSize: Double, _ biasCorrection2Root: Double, _ amsgrad: Bool, _ coupled: Bool, _ smallWeight: Bool
    ) {
        let n = x.count
        guard n > 0, let xp = x.baseAddress, let gp = g.baseAddress else { return }
        let m = firstMoment.pointer, v = secondMoment.pointer, vMax = maxSecondMoment.pointer
        let b2 = beta2, w1 = 1 - beta1, w2 = 1 - beta2, wd = weightDecay, e = eps
        // PyTorch's lerp uses 1 − weight, which need not round back to β₁.
        let w1Complement = 1 - w1
        for i in 0..<n {
            let xi = xp[i] * decay
            let gi = coupled ? gp[i].addingProduct(wd, xi) : gp[i]
            // lerp(m, g, 1 − β₁) with the branch on the weight taken outside the loop.
            let mi = smallWeight ? m[i].addingProduct(w1, gi - m[i]) : gi.addingProduct(-(gi - m[i]), w1Complement)
            let vi = addcmul(v[i] * b2, w2, gi, gi)
            m[i] = mi
            v[i] = vi
            var second = vi
            if amsgrad {
                second = max(vMax[i], vi)
                vMax[i] = second
            }
            let denominator = second.squareRoot() / biasCorrection2Root + e
            xp[i] = addcdiv(xi, -stepSize, mi, denominator)
        }
    }
}
