/// `torch.optim.Adamax`.
enum Adamax: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "Adamax", hyperparameters: [.lr(2e-3), .betas, .eps(1e-8), .weightDecay(), .maximize],
        reference: Adam.spec.reference,
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"u_t = \max(\beta_2 u_{t-1}, |g_t| + \varepsilon)"#,
            #"\theta_t = \theta_{t-1} - \frac{\eta}{1 - \beta_1^t} \frac{m_t}{u_t}"#,
        ],
        conditions: [
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
        ],
        notation: [Notation.gradient, ("m_t", "first moment"), ("u_t", "decaying maximum of gradient magnitudes")],
        summary: "Adam with the infinity norm: the denominator is a decaying maximum of gradient magnitudes.",
        effectiveLearningRate: #"\eta / u_t"#)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        AdamaxEngine(
            dimension: n, betas: c[pair: "betas"], eps: c[real: "eps"], weightDecay: c[real: "weightDecay"],
            maximize: c[bool: "maximize"])
    }
}

/// `torch.optim.Adamax` (`_single_tensor_adamax`): ε enters the infinity norm, not the division.
final class AdamaxEngine: FirstOrderEngine {
    private let firstMoment: Vector
    private let infinityNorm: Vector
    private var beta1: Double
    private let beta2: Double, eps: Double, weightDecay: Double
    private var t = 0

    private let maximize: Bool

    init(dimension: Int, betas: (Double, Double), eps: Double, weightDecay: Double, maximize: Bool = false) {
        self.maximize = maximize
        firstMoment = Vector(count: dimension)
        infinityNorm = Vector(count: dimension)
        (beta1, beta2) = betas
        self.eps = eps
        self.weightDecay = weightDecay
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        negateForMaximize(g, maximize)
        t += 1
        let m = firstMoment.pointer, u = infinityNorm.pointer
        let clr = lr / (1 - LibM.pow(beta1, Double(t)))
        for i in 0..<x.count {
            let gi = withWeightDecay(g[i], x[i], weightDecay)
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

extension AdamaxEngine: MomentumCyclingEngine {
    /// β₁, `group["betas"][0]`, which torch's Adamax reads at every step.
    func setMomentum(_ value: Double) { beta1 = value }
}
