internal import COptimizerKernels

/// `torch.optim.Adagrad`.
enum AdaGrad: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "AdaGrad",
        hyperparameters: [
            .lr(1e-2),
            .number(
                "lrDecay", "learning-rate decay", symbol: "ζ", latex: "\\zeta", .real(0), .nonNegative, torch: "lr_decay value"),
            .weightDecay(),
            .number(
                "initialAccumulatorValue", "initial accumulator", symbol: "G₀", latex: "G_0", .real(0), .nonNegative, torch: "initial_accumulator_value value"),
            .eps(1e-10),
            .maximize,
        ],
        reference: PaperReference(
            citation: "Duchi, Hazan & Singer 2011",
            title: "Adaptive Subgradient Methods for Online Learning and Stochastic Optimization",
            url: "https://jmlr.org/papers/v12/duchi11a.html"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"\eta_t = \frac{\eta}{1 + (t - 1) \zeta}"#,
            #"G_t = G_{t-1} + g_t^2"#,
            #"\theta_t = \theta_{t-1} - \eta_t \frac{g_t}{\sqrt{G_t} + \varepsilon}"#,
        ],
        conditions: [
            #"$G_0$ is the initial accumulator."#,
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
        ],
        notation: [Notation.gradient, ("G_t", "sum of squared gradients, per coordinate")],
        summary: "Divides each coordinate's step by the root of its summed squared gradients, so steps only shrink.",
        effectiveLearningRate: #"\eta_t / (\sqrt{G_t} + \varepsilon)"#)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        AdaGradEngine(
            dimension: n, lrDecay: c[real: "lrDecay"], weightDecay: c[real: "weightDecay"],
            initialAccumulatorValue: c[real: "initialAccumulatorValue"], eps: c[real: "eps"],
            maximize: c[bool: "maximize"])
    }
}

/// `torch.optim.Adagrad` (`_single_tensor_adagrad`, dense gradients).
final class AdaGradEngine: FirstOrderEngine {
    // Readable inside the module so that tests can compare the loops' state.
    let sum: Vector
    private let lrDecay: Double, weightDecay: Double, eps: Double
    private var t = 0
    /// ηₜ = η / (1 + (t − 1)·lrDecay) of the last step.
    private var decayedLearningRate = 0.0
    /// Which loop runs the update; tests pin it, everyone else keeps `.automatic`.
    var loop = ElementwiseLoop.automatic

    private let maximize: Bool

    init(dimension: Int, lrDecay: Double, weightDecay: Double, initialAccumulatorValue: Double, eps: Double, maximize: Bool = false) {
        self.maximize = maximize
        sum = Vector(count: dimension, repeating: initialAccumulatorValue)
        self.lrDecay = lrDecay
        self.weightDecay = weightDecay
        self.eps = eps
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        negateForMaximize(g, maximize)
        t += 1
        let s = sum.pointer
        let clr = lr / (1 + Double(t - 1) * lrDecay)
        decayedLearningRate = clr
        let (compiled, portable) = loop.compiled(count: x.count)
        if compiled {
            // The same arithmetic as the loop below, four elements at a time in C.
            guard let xp = x.baseAddress, let gp = g.baseAddress else { return true }
            let constants = AdaGradKernelConstants(learningRate: clr, weightDecay: weightDecay, eps: eps, decays: weightDecay != 0)
            adagrad_kernel_update(constants, xp, gp, s, x.count, portable)
            return true
        }
        for i in 0..<x.count {
            let gi = withWeightDecay(g[i], x[i], weightDecay)
            s[i] = addcmul(s[i], 1, gi, gi)
            x[i] = addcdiv(x[i], -clr, gi, s[i].squareRoot() + eps)
        }
        return true
    }

    /// ηₜ / (√Gₜ + ε) per coordinate, the denominator of both loops.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let s = sum.pointer
        for i in 0..<rates.count { rates[i] = decayedLearningRate / (s[i].squareRoot() + eps) }
        return true
    }
}
