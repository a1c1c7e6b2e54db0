internal import COptimizerKernels

/// `torch.optim.RMSprop`.
enum RMSProp: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "RMSProp",
        hyperparameters: [
            .lr(1e-2),
            .number(
                "alpha", "smoothing constant", symbol: "α", latex: "\\alpha", .real(0.99), .nonNegative, torch: "alpha value"),
            .eps(1e-8), .weightDecay(), .momentum(0),
            HyperparameterSpec(
                name: "centered", label: "centered", symbol: "centered", latex: "\\text{centered}", kind: .bool,
                defaultValue: .bool(false)),
            .maximize,
        ],
        reference: PaperReference(
            citation: "Tieleman & Hinton 2012",
            title: "Lecture 6.5 – RMSProp: Divide the gradient by a running average of its recent magnitude",
            url: "https://www.cs.toronto.edu/~tijmen/csc321/slides/lecture_slides_lec6.pdf"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"v_t = \alpha v_{t-1} + (1 - \alpha) g_t^2"#,
            #"\bar{g}_t = \alpha \bar{g}_{t-1} + (1 - \alpha) g_t"#,
            #"\tilde{v}_t = v_t"#,
            #"b_t = \mu b_{t-1} + \frac{g_t}{\sqrt{\tilde{v}_t} + \varepsilon}"#,
            #"\theta_t = \theta_{t-1} - \eta b_t"#,
        ],
        conditions: [
            #"With centered, $\tilde{v}_t = v_t - \bar{g}_t^2$."#,
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
        ],
        notation: [
            Notation.gradient, ("v_t", "running mean of squared gradients"), ("\\bar{g}_t", "running mean of gradients"),
            ("b_t", "momentum buffer"),
        ],
        summary: "AdaGrad with a leaky average, so old gradients are forgotten and steps can grow again.",
        effectiveLearningRate: #"\eta / (\sqrt{\tilde{v}_t} + \varepsilon)"#)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        RMSPropEngine(
            dimension: n, alpha: c[real: "alpha"], eps: c[real: "eps"], weightDecay: c[real: "weightDecay"],
            momentum: c[real: "momentum"], centered: c[bool: "centered"], maximize: c[bool: "maximize"])
    }
}

/// `torch.optim.RMSprop` (`_single_tensor_rmsprop`), with `centered` and `momentum`.
final class RMSPropEngine: FirstOrderEngine {
    // Readable inside the module so that tests can compare the loops' state.
    let squareAverage: Vector
    let gradientAverage: Vector
    private(set) var momentumBuffer: Vector
    private var momentum: Double
    private let alpha: Double, eps: Double, weightDecay: Double
    private let centered: Bool
    /// Which loop runs the update; tests pin it, everyone else keeps `.automatic`.
    var loop = ElementwiseLoop.automatic

    private let maximize: Bool

    init(dimension: Int, alpha: Double, eps: Double, weightDecay: Double, momentum: Double, centered: Bool, maximize: Bool = false) {
        self.maximize = maximize
        squareAverage = Vector(count: dimension)
        gradientAverage = Vector(count: centered ? dimension : 0)
        momentumBuffer = Vector(count: momentum > 0 ? dimension : 0)
        self.alpha = alpha
        self.eps = eps
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.centered = centered
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        negateForMaximize(g, maximize)
        let v = squareAverage.pointer, m = gradientAverage.pointer, b = momentumBuffer.pointer
        let (compiled, portable) = loop.compiled(count: x.count)
        if compiled {
            // The same arithmetic as the loop below, four elements at a time in C.
            guard let xp = x.baseAddress, let gp = g.baseAddress else { return true }
            let w = 1 - alpha
            let constants = RMSPropKernelConstants(
                learningRate: lr, weightDecay: weightDecay, alpha: alpha, weight: w, weightComplement: 1 - w, eps: eps,
                momentum: momentum, decays: weightDecay != 0, centered: centered, hasMomentum: momentum > 0,
                smallWeight: w < 0.5)
            rmsprop_kernel_update(constants, xp, gp, v, m, b, x.count, portable)
            return true
        }
        for i in 0..<x.count {
            let gi = withWeightDecay(g[i], x[i], weightDecay)
            v[i] = runningSquareAverage(v[i], gi, alpha)
            var average: Double
            if centered {
                m[i] = lerp(m[i], gi, 1 - alpha)
                average = addcmul(v[i], -1, m[i], m[i]).squareRoot()
            } else {
                average = v[i].squareRoot()
            }
            average += eps
            if momentum > 0 {
                b[i] = addcdiv(b[i] * momentum, 1, gi, average)
                x[i] = x[i].addingProduct(-lr, b[i])
            } else {
                x[i] = addcdiv(x[i], -lr, gi, average)
            }
        }
        return true
    }

    /// η / (√ṽₜ + ε) per coordinate, the average both loops divide the gradient by.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let v = squareAverage.pointer, m = gradientAverage.pointer
        for i in 0..<rates.count {
            let average = centered ? addcmul(v[i], -1, m[i], m[i]).squareRoot() : v[i].squareRoot()
            rates[i] = lr / (average + eps)
        }
        return true
    }
}

extension RMSPropEngine: MomentumCyclingEngine {
    /// `group["momentum"]`, which torch's RMSprop reads at every step; the buffer is made when it first is > 0.
    func setMomentum(_ value: Double) {
        momentum = value
        if value > 0, momentumBuffer.count != squareAverage.count { momentumBuffer = Vector(count: squareAverage.count) }
    }
}
