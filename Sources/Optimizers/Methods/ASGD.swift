internal import COptimizerKernels

/// `torch.optim.ASGD`: SGD with a decaying step size ηₜ and, from step t₀ on, a running average
/// of the iterates. The run (and so the figure) follows the parameter θₜ, as torch's does; the
/// average θ̄ₜ is torch's `state["ax"]`, which ``Optimizer/averagedIterate(_:)`` reads.
enum ASGD: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "ASGD",
        hyperparameters: [
            .lr(1e-2),
            .number("lambd", "decay term", symbol: "κ", latex: "\\kappa", .real(1e-4), .nonNegative, torch: "lambd value"),
            .number("alpha", "power of the step-size decay", symbol: "α", latex: "\\alpha", .real(0.75), .nonNegative, torch: "alpha value"),
            .number("t0", "step at which averaging starts", symbol: "t₀", latex: "t_0", .real(1e6), .finite, torch: "t0 value"),
            .weightDecay(),
            .maximize,
        ],
        reference: PaperReference(
            citation: "Polyak & Juditsky 1992", title: "Acceleration of Stochastic Approximation by Averaging",
            doi: "10.1137/0330046"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"\theta_t = (1 - \kappa \eta_{t-1}) \theta_{t-1} - \eta_{t-1} g_t, \quad \eta_0 = \eta"#,
            #"\bar{\theta}_t = \bar{\theta}_{t-1} + \mu_{t-1} (\theta_t - \bar{\theta}_{t-1}), \quad \mu_0 = 1"#,
            #"\eta_t = \frac{\eta}{(1 + \kappa \eta t)^{\alpha}}, \quad \mu_t = \frac{1}{\max(1, t - t_0)}"#,
        ],
        conditions: [
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
            #"The run follows $\theta_t$; $\bar{\theta}_t$ is the average torch keeps beside it, $\theta_t$ itself while $\mu_{t-1} = 1$ ($t \le t_0 + 2$)."#,
            #"torch keeps $\eta_t$ and $\mu_t$ in single precision."#,
        ],
        notation: [
            Notation.gradient, ("\\eta_t", "step size, decayed by the step count"),
            ("\\bar{\\theta}_t", "averaged iterate"), ("\\mu_t", "averaging weight"),
        ],
        summary: "SGD whose step size decays as a power of the step count, keeping the average of its iterates.")

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        ASGDEngine(
            dimension: n, lambd: c[real: "lambd"], alpha: c[real: "alpha"], t0: c[real: "t0"],
            weightDecay: c[real: "weightDecay"], maximize: c[bool: "maximize"])
    }
}

/// `torch.optim.ASGD` (`_single_tensor_asgd`, not capturable). As torch does by default, ηₜ and
/// μₜ are stored in single precision, and the first step's η is the scheduled one rounded so.
final class ASGDEngine: FirstOrderEngine {
    /// θ̄ₜ, torch's `ax`; readable inside the module for tests and ``averagedIterate(_:)``.
    let average: Vector
    private let lambd: Double, alpha: Double, t0: Double, weightDecay: Double
    private let maximize: Bool
    private var t = 0
    /// ηₜ₋₁ and μₜ₋₁, which this step uses; `nil` before the first step sets them.
    private var eta: Double?
    private var mu = 1.0
    /// Which loop runs the update; tests pin it, everyone else keeps `.automatic`.
    var loop = ElementwiseLoop.automatic

    init(dimension: Int, lambd: Double, alpha: Double, t0: Double, weightDecay: Double, maximize: Bool) {
        average = Vector(count: dimension)
        self.lambd = lambd
        self.alpha = alpha
        self.t0 = t0
        self.weightDecay = weightDecay
        self.maximize = maximize
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        t += 1
        // torch creates `eta` from the group's lr at the first step, as a float32 tensor.
        let eta = self.eta ?? Double(Float(lr))
        let decay = 1 - lambd * eta
        let copies = mu == 1
        let (compiled, portable) = loop.compiled(count: x.count)
        if compiled, let xp = x.baseAddress, let gp = g.baseAddress {
            // The same arithmetic as the loop below, four elements at a time in C.
            let constants = ASGDKernelConstants(
                eta: eta, decay: decay, weightDecay: weightDecay, mu: mu, decays: weightDecay != 0, maximize: maximize,
                copies: copies)
            asgd_kernel_update(constants, xp, gp, average.pointer, x.count, portable)
        } else {
            let ax = average.pointer
            for i in 0..<x.count {
                let gi = withWeightDecay(maximize ? -g[i] : g[i], x[i], weightDecay)
                x[i] = (x[i] * decay).addingProduct(-eta, gi)
                ax[i] = copies ? x[i] : ax[i] + (x[i] - ax[i]) * mu
            }
        }
        let step = Double(t)
        self.eta = Double(Float(lr / LibM.pow(1 + lambd * lr * step, alpha)))
        mu = Double(Float(1 / max(1, step - t0)))
        return true
    }

    /// θ̄ₜ after the last step; `false` before the first, when torch has no `ax` yet.
    func averagedIterate(_ into: UnsafeMutableBufferPointer<Double>) -> Bool {
        guard t > 0 else { return false }
        for i in 0..<into.count { into[i] = average.pointer[i] }
        return true
    }
}
