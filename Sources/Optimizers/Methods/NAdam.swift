/// `torch.optim.NAdam`.
enum NAdam: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "NAdam",
        hyperparameters: [
            .lr(2e-3), .betas, .eps(1e-8), .weightDecay(),
            .number(
                "momentumDecay", "momentum decay", symbol: "ψ", latex: "\\psi", .real(4e-3), .nonNegative, torch: "momentum_decay value"),
            .decoupledWeightDecay, .maximize,
        ],
        reference: PaperReference(
            citation: "Dozat 2016", title: "Incorporating Nesterov Momentum into Adam",
            url: "https://openreview.net/forum?id=OM0jvwB8jIp57ZJjtNEZ"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"\mu_t = \beta_1 \left(1 - \frac{1}{2} 0.96^{t \psi}\right)"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#,
            #"\theta_t = \theta_{t-1} - \eta \frac{1 - \mu_t}{1 - \prod_{i=1}^{t} \mu_i} \frac{g_t}{\sqrt{\hat{v}_t} + \varepsilon} - \eta \frac{\mu_{t+1}}{1 - \prod_{i=1}^{t+1} \mu_i} \frac{m_t}{\sqrt{\hat{v}_t} + \varepsilon}"#,
        ],
        conditions: [
            #"With decoupled, the decay acts on the weights instead of the gradient: $\theta_{t-1} \leftarrow (1 - \eta \lambda) \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1})$."#,
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
        ],
        notation: [
            Notation.gradient, ("\\mu_t", "momentum schedule"), ("m_t", "first moment"), ("v_t", "second moment"),
            ("\\prod_{i=1}^{t} \\mu_i", "running product, kept in single precision as PyTorch keeps it"),
        ],
        summary: "Adam with Nesterov's look-ahead: the step mixes the current gradient with the next momentum.",
        effectiveLearningRate: #"\eta / (\sqrt{\hat{v}_t} + \varepsilon)"#)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        NAdamEngine(
            dimension: n, betas: c[pair: "betas"], eps: c[real: "eps"], weightDecay: WeightDecay(c),
            momentumDecay: c[real: "momentumDecay"], maximize: c[bool: "maximize"])
    }
}

/// `torch.optim.NAdam` (`_single_tensor_nadam`): Dozat's momentum schedule
/// μₜ = β₁(1 − ½·0.96^(tψ)) with its running product, coupled or decoupled decay.
final class NAdamEngine: FirstOrderEngine {
    private var moments: AdamMoments
    private let eps: Double, momentumDecay: Double
    private let weightDecay: WeightDecay
    private var t = 0
    private var muProduct = 1.0
    /// 1 − β₂ᵗ of the last step.
    private var biasCorrection2 = 1.0

    private let maximize: Bool

    init(dimension: Int, betas: (Double, Double), eps: Double, weightDecay: WeightDecay, momentumDecay: Double, maximize: Bool = false) {
        self.maximize = maximize
        moments = AdamMoments(dimension: dimension, betas: betas)
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentumDecay = momentumDecay
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        negateForMaximize(g, maximize)
        t += 1
        let m = moments.first.pointer, v = moments.second.pointer, beta1 = moments.beta1, beta2 = moments.beta2
        let step = Double(t)
        let biasCorrection2 = 1 - LibM.pow(beta2, step)
        self.biasCorrection2 = biasCorrection2
        let mu = beta1 * (1 - 0.5 * LibM.pow(0.96, step * momentumDecay))
        let muNext = beta1 * (1 - 0.5 * LibM.pow(0.96, (step + 1) * momentumDecay))
        // PyTorch stores mu_product as a float32 tensor under the default dtype, so the
        // product is rounded to single precision at every step.
        muProduct = Double(Float(muProduct) * Float(mu))
        let muProductNext = muProduct * muNext
        let gradientScale = -lr * (1 - mu) / (1 - muProduct)
        let momentumScale = (-lr * muNext) / (1 - muProductNext)
        let decay = weightDecay.factor(learningRate: lr)
        for i in 0..<x.count {
            let gi = weightDecay.apply(&x[i], g[i], factor: decay)
            moments.update(i, with: gi)
            let denominator = (v[i] / biasCorrection2).squareRoot() + eps
            x[i] = addcdiv(x[i], gradientScale, gi, denominator)
            x[i] = addcdiv(x[i], momentumScale, m[i], denominator)
        }
        return true
    }

    /// η / (√v̂ₜ + ε) per coordinate: the denominator both of the step's terms divide by.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let v = moments.second.pointer
        for i in 0..<rates.count {
            rates[i] = lr / ((v[i] / biasCorrection2).squareRoot() + eps)
        }
        return true
    }
}

extension NAdamEngine: MomentumCyclingEngine {
    /// β₁, `group["betas"][0]`, which torch's NAdam reads at every step.
    func setMomentum(_ value: Double) { moments.beta1 = value }
}
