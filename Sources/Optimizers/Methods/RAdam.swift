/// `torch.optim.RAdam`.
enum RAdam: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "RAdam", hyperparameters: [.lr(1e-3), .betas, .eps(1e-8), .weightDecay(), .decoupledWeightDecay, .maximize],
        reference: PaperReference(
            citation: "Liu et al. 2020", title: "On the Variance of the Adaptive Learning Rate and Beyond",
            arXiv: "1908.03265"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t, \quad \hat{m}_t = \frac{m_t}{1 - \beta_1^t}"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"\rho_\infty = \frac{2}{1 - \beta_2} - 1, \quad \rho_t = \rho_\infty - \frac{2 t \beta_2^t}{1 - \beta_2^t}"#,
            #"r_t = \sqrt{\frac{(\rho_t - 4)(\rho_t - 2) \rho_\infty}{(\rho_\infty - 4)(\rho_\infty - 2) \rho_t}}"#,
            #"\theta_t = \theta_{t-1} - \eta \hat{m}_t r_t \frac{\sqrt{1 - \beta_2^t}}{\sqrt{v_t} + \varepsilon}"#,
        ],
        conditions: [
            #"The last line applies while $\rho_t > 5$; before that, $\theta_t = \theta_{t-1} - \eta \hat{m}_t$."#,
            #"With decoupled, the decay acts on the weights instead of the gradient: $\theta_{t-1} \leftarrow (1 - \eta \lambda) \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1})$."#,
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
        ],
        notation: [
            Notation.gradient, ("m_t", "first moment"), ("v_t", "second moment"),
            ("\\rho_t", "length of the approximated simple moving average"), ("r_t", "variance rectification"),
        ],
        summary: "Adam that starts as momentum SGD and turns on adaptive scaling once its variance estimate is reliable.",
        effectiveLearningRate: #"\eta r_t \sqrt{1 - \beta_2^t} / (\sqrt{v_t} + \varepsilon)"#)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        RAdamEngine(
            dimension: n, betas: c[pair: "betas"], eps: c[real: "eps"], weightDecay: WeightDecay(c),
            maximize: c[bool: "maximize"])
    }
}

/// `torch.optim.RAdam` (`_single_tensor_radam`): the rectified adaptive step once
/// ρₜ > 5, plain bias-corrected momentum before.
final class RAdamEngine: FirstOrderEngine {
    private var moments: AdamMoments
    private let eps: Double
    private let weightDecay: WeightDecay
    private var t = 0
    /// The last step's rectification rₜ and √(1 − β₂ᵗ); rₜ is `nil` while ρₜ ≤ 5.
    private var rectification: Double?
    private var biasCorrection2Root = 1.0

    private let maximize: Bool

    init(dimension: Int, betas: (Double, Double), eps: Double, weightDecay: WeightDecay, maximize: Bool = false) {
        self.maximize = maximize
        moments = AdamMoments(dimension: dimension, betas: betas)
        self.eps = eps
        self.weightDecay = weightDecay
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        negateForMaximize(g, maximize)
        t += 1
        let m = moments.first.pointer, v = moments.second.pointer, beta1 = moments.beta1, beta2 = moments.beta2
        let step = Double(t)
        let biasCorrection1 = 1 - LibM.pow(beta1, step)
        let biasCorrection2 = 1 - LibM.pow(beta2, step)
        let rhoInfinity = 2 / (1 - beta2) - 1
        let rhoT = rhoInfinity - 2 * step * LibM.pow(beta2, step) / biasCorrection2
        let rectified = rhoT > 5
        let rectification = rectified
            // PyTorch writes `** 0.5`, which is pow, not sqrt; the two differ in rare last bits.
            ? LibM.pow((rhoT - 4) * (rhoT - 2) * rhoInfinity / ((rhoInfinity - 4) * (rhoInfinity - 2) * rhoT), 0.5)
            : 0
        let biasCorrection2Root = LibM.pow(biasCorrection2, 0.5)
        self.rectification = rectified ? rectification : nil
        self.biasCorrection2Root = biasCorrection2Root
        let decay = weightDecay.factor(learningRate: lr)
        for i in 0..<x.count {
            let gi = weightDecay.apply(&x[i], g[i], factor: decay)
            moments.update(i, with: gi)
            let corrected = m[i] / biasCorrection1
            if rectified {
                // `float / tensor` in PyTorch is `tensor.reciprocal() * float`.
                let adaptive = 1 / (v[i].squareRoot() + eps) * biasCorrection2Root
                x[i] = x[i].addingProduct(-1.0, corrected * lr * adaptive * rectification)
            } else {
                x[i] = x[i].addingProduct(-1.0, corrected * lr)
            }
        }
        return true
    }

    /// The factor of m̂ₜ in the step: η rₜ √(1 − β₂ᵗ) / (√vₜ + ε) once rectified, η before.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let v = moments.second.pointer
        for i in 0..<rates.count {
            if let rectification {
                rates[i] = lr * (1 / (v[i].squareRoot() + eps) * biasCorrection2Root) * rectification
            } else {
                rates[i] = lr
            }
        }
        return true
    }
}

extension RAdamEngine: MomentumCyclingEngine {
    /// β₁, `group["betas"][0]`, which torch's RAdam reads at every step.
    func setMomentum(_ value: Double) { moments.beta1 = value }
}
