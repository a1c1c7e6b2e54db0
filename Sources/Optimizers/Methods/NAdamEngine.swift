#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `torch.optim.NAdam` (`_single_tensor_nadam`): Dozat's momentum schedule
/// μₜ = β₁(1 − ½·0.96^(tψ)) with its running product, coupled or decoupled decay.
final class NAdamEngine: FirstOrderEngine {
    let gradient: Vector
    private let firstMoment: Vector
    private let secondMoment: Vector
    private let beta1: Double, beta2: Double, eps: Double, weightDecay: Double, momentumDecay: Double
    private let decoupled: Bool
    private var t = 0
    private var muProduct = 1.0
    /// 1 − β₂ᵗ of the last step.
    private var biasCorrection2 = 1.0

    init(dimension: Int, betas: (Double, Double), eps: Double, weightDecay: Double, momentumDecay: Double, decoupled: Bool) {
        gradient = Vector(count: dimension)
        firstMoment = Vector(count: dimension)
        secondMoment = Vector(count: dimension)
        (beta1, beta2) = betas
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentumDecay = momentumDecay
        self.decoupled = decoupled
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        t += 1
        let m = firstMoment.pointer, v = secondMoment.pointer
        let step = Double(t)
        let biasCorrection2 = 1 - pow(beta2, step)
        self.biasCorrection2 = biasCorrection2
        let mu = beta1 * (1 - 0.5 * pow(0.96, step * momentumDecay))
        let muNext = beta1 * (1 - 0.5 * pow(0.96, (step + 1) * momentumDecay))
        // PyTorch stores mu_product as a float32 tensor under the default dtype, so the
        // product is rounded to single precision at every step.
        muProduct = Double(Float(muProduct) * Float(mu))
        let muProductNext = muProduct * muNext
        let gradientScale = -lr * (1 - mu) / (1 - muProduct)
        let momentumScale = (-lr * muNext) / (1 - muProductNext)
        let decay = 1 - lr * weightDecay
        for i in 0..<x.count {
            var gi = g[i]
            if weightDecay != 0 {
                if decoupled { x[i] *= decay } else { gi = gi.addingProduct(weightDecay, x[i]) }
            }
            m[i] = lerp(m[i], gi, 1 - beta1)
            v[i] = addcmul(v[i] * beta2, 1 - beta2, gi, gi)
            let denominator = (v[i] / biasCorrection2).squareRoot() + eps
            x[i] = addcdiv(x[i], gradientScale, gi, denominator)
            x[i] = addcdiv(x[i], momentumScale, m[i], denominator)
        }
        return true
    }

    /// η / (√v̂ₜ + ε) per coordinate: the denominator both of the step's terms divide by.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let v = secondMoment.pointer
        for i in 0..<rates.count {
            rates[i] = lr / ((v[i] / biasCorrection2).squareRoot() + eps)
        }
        return true
    }
}
