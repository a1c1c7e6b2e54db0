internal import COptimizerKernels

/// `torch.optim.SGD`: plain, momentum or Nesterov steps, with coupled weight decay.
enum SGD: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "SGD", hyperparameters: [.lr(1e-3), .momentum(0), .dampening, .weightDecay(), .nesterov, .maximize],
        reference: PaperReference(
            citation: "Robbins & Monro 1951", title: "A Stochastic Approximation Method",
            doi: "10.1214/aoms/1177729586"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"v_t = \mu v_{t-1} + (1 - \tau) g_t, \quad v_1 = g_1"#,
            #"d_t = v_t"#,
            #"\theta_t = \theta_{t-1} - \eta d_t"#,
        ],
        conditions: [
            #"With nesterov, $d_t = g_t + \mu v_t$."#,
            #"With $\mu = 0$ there is no buffer: $d_t = g_t$."#,
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
        ],
        notation: [Notation.gradient, ("v_t", "momentum buffer"), ("d_t", "update direction")],
        summary: "Steps against the gradient; with momentum it follows a running sum of gradients.",
        capabilities: [.heavyBall], combinationCheck: nesterovCheck)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        SGDEngine(
            dimension: n, momentum: c[real: "momentum"], dampening: c[real: "dampening"], nesterov: c[bool: "nesterov"],
            weightDecay: c[real: "weightDecay"], maximize: c[bool: "maximize"])
    }

    private static let nesterovCheck: @Sendable (OptimizerConfig) -> ConfigurationProblem? = { config in
        guard config[bool: "nesterov"] else { return nil }
        if config[real: "momentum"] <= 0 {
            return ConfigurationProblem(
                argument: "momentum", message: "Nesterov momentum requires a momentum and zero dampening (momentum must be > 0)")
        }
        if config[real: "dampening"] != 0 {
            return ConfigurationProblem(
                argument: "dampening", message: "Nesterov momentum requires a momentum and zero dampening (dampening must be 0)")
        }
        return nil
    }
}

/// `torch.optim.SGD` (`_single_tensor_sgd`), which also runs Momentum and Nesterov.
final class SGDEngine: FirstOrderEngine {
    // Readable inside the module so that tests can compare the loops' state.
    private(set) var momentumBuffer: Vector
    private var momentum: Double
    private let dampening: Double, weightDecay: Double, dimension: Int
    private let nesterov: Bool
    private var started = false
    /// Which loop runs the update; tests pin it, everyone else keeps `.automatic`.
    var loop = ElementwiseLoop.automatic

    private let maximize: Bool

    init(dimension: Int, momentum: Double, dampening: Double, nesterov: Bool, weightDecay: Double, maximize: Bool = false) {
        self.maximize = maximize
        momentumBuffer = Vector(count: momentum != 0 ? dimension : 0)
        self.momentum = momentum
        self.dimension = dimension
        self.dampening = dampening
        self.nesterov = nesterov
        self.weightDecay = weightDecay
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        negateForMaximize(g, maximize)
        let n = x.count
        let (compiled, portable) = loop.compiled(count: n)
        if compiled {
            // The same arithmetic as the loop below, four elements at a time in C.
            guard let xp = x.baseAddress, let gp = g.baseAddress else { return true }
            let constants = SGDKernelConstants(
                learningRate: lr, weightDecay: weightDecay, momentum: momentum, oneMinusDampening: 1 - dampening,
                decays: weightDecay != 0, hasMomentum: momentum != 0, firstStep: !started, nesterov: nesterov)
            sgd_kernel_update(constants, xp, gp, momentumBuffer.pointer, n, portable)
            if momentum != 0 { started = true }
            return true
        }
        if weightDecay != 0 {
            for i in 0..<n { g[i] = g[i].addingProduct(weightDecay, x[i]) }
        }
        if momentum != 0 {
            let v = momentumBuffer.pointer
            if !started {
                // PyTorch starts the buffer at the first gradient, undamped.
                for i in 0..<n { v[i] = g[i] }
                started = true
            } else {
                for i in 0..<n { v[i] = (v[i] * momentum).addingProduct(1 - dampening, g[i]) }
            }
            if nesterov {
                for i in 0..<n { g[i] = g[i].addingProduct(momentum, v[i]) }
            } else {
                for i in 0..<n { g[i] = v[i] }
            }
        }
        for i in 0..<n { x[i] = x[i].addingProduct(-lr, g[i]) }
        return true
    }
}

extension SGDEngine: MomentumCyclingEngine {
    /// `group["momentum"]`, which torch's SGD reads at every step; the buffer is made when it first is not 0.
    func setMomentum(_ value: Double) {
        momentum = value
        if value != 0, momentumBuffer.count != dimension { momentumBuffer = Vector(count: dimension) }
    }
}
