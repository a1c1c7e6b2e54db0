internal import COptimizerKernels

/// Yogi as `pytorch-optimizer` 4.1.0 implements it (`pytorch_optimizer.Yogi`): Adam whose second
/// moment moves towards g² by an additive step of fixed sign instead of a multiplicative decay.
///
/// Where it differs from Algorithm 2 of the paper (m₀ = v₀ = 0, no bias correction,
/// θₜ = θₜ₋₁ − η mₜ / (√vₜ + ε)): both moments start at `initialAccumulator` (10⁻⁶), both are
/// bias-corrected as in Adam (η / (1 − β₁ᵗ) and √vₜ / √(1 − β₂ᵗ), ε added after the correction),
/// and weight decay is decoupled by default. The paper's update itself, and its ε = 10⁻³, are kept.
enum Yogi: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "Yogi",
        hyperparameters: [
            .lr(1e-2), .betas,
            .number(
                "initialAccumulator", "initial moments", symbol: "v₀", latex: "v_0", .real(1e-6), .nonNegative,
                torch: "initial_accumulator value"),
            .weightDecay(),
            HyperparameterSpec(
                name: "decoupledWeightDecay", label: "decoupled weight decay", symbol: "decoupled",
                latex: "\\text{decoupled}", kind: .bool, defaultValue: .bool(true)),
            HyperparameterSpec(
                name: "fixedDecay", label: "weight decay not scaled by η", symbol: "fixed", latex: "\\text{fixed}",
                kind: .bool, defaultValue: .bool(false)),
            .eps(1e-3),
            .maximize,
        ],
        reference: PaperReference(
            citation: "Zaheer et al. 2018", title: "Adaptive Methods for Nonconvex Optimization",
            url: "https://papers.nips.cc/paper/8186-adaptive-methods-for-nonconvex-optimization"),
        formula: [
            #"\theta'_{t-1} = (1 - \eta \lambda) \theta_{t-1}"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t, \quad m_0 = v_0"#,
            #"v_t = v_{t-1} - (1 - \beta_2) \operatorname{sign}(v_{t-1} - g_t^2) \, g_t^2"#,
            #"\theta_t = \theta'_{t-1} - \frac{\eta}{1 - \beta_1^t} \frac{m_t}{\sqrt{v_t} / \sqrt{1 - \beta_2^t} + \varepsilon}"#,
        ],
        conditions: [
            #"With fixedDecay, the decay is $1 - \lambda$; without decoupledWeightDecay, $\theta'_{t-1} = \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}$."#,
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
            #"The paper's Algorithm 2 starts from $m_0 = v_0 = 0$ and corrects neither moment; this is pytorch-optimizer's Yogi."#,
        ],
        notation: Notation.adamMoments,
        summary: "Adam whose second moment moves towards g² by a fixed-sign additive step, so it grows fast and shrinks slowly.",
        effectiveLearningRate: #"\eta / (\sqrt{v_t} / \sqrt{1 - \beta_2^t} + \varepsilon)"#)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        YogiEngine(
            dimension: n, betas: c[pair: "betas"], initialAccumulator: c[real: "initialAccumulator"],
            weightDecay: c[real: "weightDecay"], decoupled: c[bool: "decoupledWeightDecay"], fixedDecay: c[bool: "fixedDecay"],
            eps: c[real: "eps"], maximize: c[bool: "maximize"])
    }
}

/// `pytorch_optimizer.Yogi` (its foreach step, which rounds as its per-parameter one).
final class YogiEngine: FirstOrderEngine {
    // Readable inside the module so that tests can compare the loops' state.
    let firstMoment: Vector
    let secondMoment: Vector
    private let beta1: Double, beta2: Double, weightDecay: Double, eps: Double
    private let decoupled: Bool, fixedDecay: Bool, maximize: Bool
    private var t = 0
    /// √(1 − β₂ᵗ) of the last step.
    private var biasCorrection2Root = 1.0
    /// Which loop runs the update; tests pin it, everyone else keeps `.automatic`.
    var loop = ElementwiseLoop.automatic

    init(
        dimension: Int, betas: (Double, Double), initialAccumulator: Double, weightDecay: Double, decoupled: Bool,
        fixedDecay: Bool, eps: Double, maximize: Bool
    ) {
        firstMoment = Vector(count: dimension, repeating: initialAccumulator)
        secondMoment = Vector(count: dimension, repeating: initialAccumulator)
        (beta1, beta2) = betas
        self.weightDecay = weightDecay
        self.decoupled = decoupled
        self.fixedDecay = fixedDecay
        self.eps = eps
        self.maximize = maximize
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        t += 1
        let step = Double(t)
        let stepSize = lr / (1 - LibM.pow(beta1, step))
        let biasCorrection2Root = (1 - LibM.pow(beta2, step)).squareRoot()
        self.biasCorrection2Root = biasCorrection2Root
        // Multiplying by 1 is exact, so no decoupled decay is a decay by 1.
        let decay = decoupled && weightDecay != 0 ? 1 - weightDecay * (fixedDecay ? 1 : lr) : 1
        let coupled = !decoupled && weightDecay > 0
        let (compiled, portable) = loop.compiled(count: x.count)
        if compiled, let xp = x.baseAddress, let gp = g.baseAddress {
            // The same arithmetic as the loop below, four elements at a time in C.
            let constants = YogiKernelConstants(
                decay: decay, weightDecay: weightDecay, weight1: 1 - beta1, weight1Complement: 1 - (1 - beta1),
                negativeWeight2: -(1 - beta2), stepSize: stepSize, biasCorrection2Root: biasCorrection2Root, eps: eps,
                coupled: coupled, maximize: maximize, smallWeight: 1 - beta1 < 0.5)
            yogi_kernel_update(constants, xp, gp, firstMoment.pointer, secondMoment.pointer, x.count, portable)
            return true
        }
        let m = firstMoment.pointer, v = secondMoment.pointer
        for i in 0..<x.count {
            var gi = maximize ? -g[i] : g[i]
            x[i] *= decay
            if coupled { gi = gi.addingProduct(weightDecay, x[i]) }
            m[i] = lerp(m[i], gi, 1 - beta1)
            let square = gi * gi
            v[i] = addcmul(v[i], -(1 - beta2), torchSign(v[i] - square), square)
            let denominator = v[i].squareRoot() / biasCorrection2Root + eps
            x[i] = addcdiv(x[i], -stepSize, m[i], denominator)
        }
        return true
    }

    /// η / (√vₜ / √(1 − β₂ᵗ) + ε) per coordinate, the denominator of both loops.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let v = secondMoment.pointer
        for i in 0..<rates.count { rates[i] = lr / (v[i].squareRoot() / biasCorrection2Root + eps) }
        return true
    }
}
