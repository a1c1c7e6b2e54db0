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
        let m = firstMoment.pointer, v = secondMoment.pointer, vMax = maxSecondMoment.pointer
        let step = Double(t)
        let biasCorrection1 = 1 - pow(beta1, step)
        let biasCorrection2 = 1 - pow(beta2, step)
        let stepSize = lr / biasCorrection1
        let biasCorrection2Root = biasCorrection2.squareRoot()
        let decay = decoupled ? 1 - lr * weightDecay : 1
        let coupled = decoupled ? 0 : weightDecay
        let oneMinusBeta1 = 1 - beta1, oneMinusBeta2 = 1 - beta2
        for i in 0..<x.count {
            if decoupled { x[i] *= decay }
            let gi = coupled != 0 ? g[i].addingProduct(coupled, x[i]) : g[i]
            m[i] = lerp(m[i], gi, oneMinusBeta1)
            v[i] = addcmul(v[i] * beta2, oneMinusBeta2, gi, gi)
            var second = v[i]
            if amsgrad {
                vMax[i] = max(vMax[i], v[i])
                second = vMax[i]
            }
            let denominator = second.squareRoot() / biasCorrection2Root + eps
            x[i] = addcdiv(x[i], -stepSize, m[i], denominator)
        }
        return true
    }
}
