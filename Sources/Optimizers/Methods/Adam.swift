internal import COptimizerKernels

/// `torch.optim.Adam`, with coupled weight decay and the optional AMSGrad maximum.
enum Adam: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "Adam", hyperparameters: [
            .lr(1e-3), .betas, .eps(1e-8), .weightDecay(), .amsgrad(false), .maximize, .decoupledWeightDecay,
        ],
        reference: PaperReference(
            citation: "Kingma & Ba 2015", title: "Adam: A Method for Stochastic Optimization",
            arXiv: "1412.6980"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#,
            #"\theta_t = \theta_{t-1} - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \varepsilon}"#,
        ],
        conditions: [
            .when("decoupledWeightDecay", #"With decoupled, the decay acts on the weights instead of the gradient: $\theta_{t-1} \leftarrow (1 - \eta \lambda) \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1})$."#),
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
        ],
        notation: Notation.adamMoments,
        summary: "Momentum on the gradient and RMSProp's scaling, both bias-corrected for their zero start.",
        effectiveLearningRate: #"\eta / (\sqrt{\hat{v}_t} + \varepsilon)"#)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        AdamEngine(c, dimension: n, amsgrad: c[bool: "amsgrad"], decoupled: c[bool: "decoupledWeightDecay"])
    }
}

/// `torch.optim.Adam` and `AdamW` (`_single_tensor_adam`): coupled L2 or decoupled
/// weight decay, and the AMSGrad maximum. ε is added after dividing √v by √(1 − β₂ᵗ).
final class AdamEngine: FirstOrderEngine {
    // The moments are readable inside the module so that tests can compare the loops' state.
    let firstMoment: Vector
    let secondMoment: Vector
    let maxSecondMoment: Vector
    private var beta1: Double
    private let beta2: Double, eps: Double, weightDecay: Double
    private let amsgrad: Bool, decoupled: Bool
    private var t = 0
    /// √(1 − β₂ᵗ) of the last step, which its denominator divided √v (or √v^max) by.
    private var biasCorrection2Root = 1.0
    /// Which loop runs the update; tests pin it, everyone else keeps `.automatic`.
    var loop = ElementwiseLoop.automatic

    private let maximize: Bool

    init(
        dimension: Int, betas: (Double, Double), eps: Double, weightDecay: Double, amsgrad: Bool, decoupled: Bool,
        maximize: Bool = false
    ) {
        self.maximize = maximize
        firstMoment = Vector(count: dimension)
        secondMoment = Vector(count: dimension)
        maxSecondMoment = Vector(count: amsgrad ? dimension : 0)
        (beta1, beta2) = betas
        self.eps = eps
        self.weightDecay = weightDecay
        self.amsgrad = amsgrad
        self.decoupled = decoupled
    }

    /// The engine of Adam, AMSGrad and AdamW, with the betas, ε, weight decay and maximize their specs share.
    convenience init(_ c: OptimizerConfig, dimension: Int, amsgrad: Bool, decoupled: Bool) {
        self.init(
            dimension: dimension, betas: c[pair: "betas"], eps: c[real: "eps"], weightDecay: c[real: "weightDecay"],
            amsgrad: amsgrad, decoupled: decoupled, maximize: c[bool: "maximize"])
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        negateForMaximize(g, maximize)
        t += 1
        let step = Double(t)
        let stepSize = lr / (1 - LibM.pow(beta1, step))
        let biasCorrection2Root = (1 - LibM.pow(beta2, step)).squareRoot()
        self.biasCorrection2Root = biasCorrection2Root
        // Multiplying by 1 is exact, so no decoupled decay is a decay by 1.
        let decay = decoupled ? 1 - lr * weightDecay : 1
        let coupled = !decoupled && weightDecay != 0
        let (compiled, portable) = loop.compiled(count: x.count)
        if compiled {
            // The same arithmetic as the loop below, four elements at a time in C.
            guard let xp = x.baseAddress, let gp = g.baseAddress else { return true }
            let constants = AdamKernelConstants(
                decay: decay, weightDecay: weightDecay, beta2: beta2, weight1: 1 - beta1, weight1Complement: 1 - (1 - beta1),
                weight2: 1 - beta2, stepSize: stepSize, biasCorrection2Root: biasCorrection2Root, eps: eps,
                coupled: coupled, amsgrad: amsgrad, smallWeight: 1 - beta1 < 0.5)
            adam_kernel_update(
                constants, xp, gp, firstMoment.pointer, secondMoment.pointer, maxSecondMoment.pointer, x.count, portable)
            return true
        }
        let m = firstMoment.pointer, v = secondMoment.pointer, vMax = maxSecondMoment.pointer
        for i in 0..<x.count {
            x[i] *= decay
            let gi = coupled ? g[i].addingProduct(weightDecay, x[i]) : g[i]
            m[i] = lerp(m[i], gi, 1 - beta1)
            v[i] = runningSquareAverage(v[i], gi, beta2)
            if amsgrad { vMax[i] = max(vMax[i], v[i]) }
            let denominator = (amsgrad ? vMax[i] : v[i]).squareRoot() / biasCorrection2Root + eps
            x[i] = addcdiv(x[i], -stepSize, m[i], denominator)
        }
        return true
    }

    /// η / (√v̂ₜ + ε) per coordinate, with the denominator of the loops above (v^max for AMSGrad).
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let v = amsgrad ? maxSecondMoment.pointer : secondMoment.pointer
        for i in 0..<rates.count {
            rates[i] = lr / (v[i].squareRoot() / biasCorrection2Root + eps)
        }
        return true
    }
}

extension AdamEngine: MomentumCyclingEngine {
    /// β₁, `group["betas"][0]`, which torch's Adam reads at every step.
    func setMomentum(_ value: Double) { beta1 = value }
}
