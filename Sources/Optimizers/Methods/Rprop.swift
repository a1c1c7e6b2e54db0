internal import COptimizerKernels

/// `torch.optim.Rprop`: each coordinate's step length grows while its gradient keeps its sign
/// and shrinks when the sign flips; only the gradient's sign sets the direction.
enum Rprop: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "Rprop",
        hyperparameters: [
            .lr(1e-2),
            HyperparameterSpec(
                name: "etas", label: "step-length factors (decrease, increase)", symbol: "η₋, η₊", latex: "\\eta_-, \\eta_+",
                kind: .pair, defaultValue: .pair(0.5, 1.2), rangeDescription: "etas must satisfy 0 < η₋ < 1 < η₊",
                validate: etasCheck),
            HyperparameterSpec(
                name: "stepSizes", label: "smallest and largest step length", symbol: "Δ_min, Δ_max",
                latex: "\\Delta_{\\min}, \\Delta_{\\max}", kind: .pair, defaultValue: .pair(1e-6, 50),
                rangeDescription: "stepSizes must satisfy 0 ≤ Δ_min ≤ Δ_max", validate: stepSizesCheck),
            .maximize,
        ],
        reference: PaperReference(
            citation: "Riedmiller & Braun 1993",
            title: "A Direct Adaptive Method for Faster Backpropagation Learning: The RPROP Algorithm",
            doi: "10.1109/ICNN.1993.298623"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}), \quad s_t = \operatorname{sign}(g_t \tilde{g}_{t-1}), \quad \tilde{g}_0 = 0"#,
            #"\Delta_t = \min\left(\max\left(\begin{cases} \eta_+ \Delta_{t-1} & s_t > 0 \\ \eta_- \Delta_{t-1} & s_t < 0 \\ \Delta_{t-1} & s_t = 0 \end{cases}, \Delta_{\min}\right), \Delta_{\max}\right), \quad \Delta_0 = \eta"#,
            #"\tilde{g}_t = \begin{cases} 0 & s_t < 0 \\ g_t & s_t \ge 0 \end{cases}"#,
            #"\theta_t = \theta_{t-1} - \Delta_t \operatorname{sign}(\tilde{g}_t)"#,
        ],
        conditions: [
            .when("maximize", #"With maximize, $g_t = -\nabla f(\theta_{t-1})$."#),
            #"The learning rate only sets $\Delta_0$: as in torch, a schedule changes nothing after the first step."#,
        ],
        notation: [
            Notation.gradient, ("s_t", "whether the gradient kept its sign"), ("\\Delta_t", "step length, per coordinate"),
            ("\\tilde{g}_t", "gradient remembered for the next comparison, zero after a sign flip"),
        ],
        summary: "Steps by the gradient's sign only, each coordinate's step length growing while the sign holds and shrinking when it flips.",
        effectiveLearningRate: #"\Delta_t"#)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        RpropEngine(dimension: n, etas: c[pair: "etas"], stepSizes: c[pair: "stepSizes"], maximize: c[bool: "maximize"])
    }

    /// torch's check, `0 < etaminus < 1 < etaplus`, with its message.
    private static let etasCheck: @Sendable (HyperValue) -> String? = { value in
        guard let (minus, plus) = value.pair else { return nil }
        guard !(0 < minus && minus < 1 && 1 < plus && plus.isFinite) else { return nil }
        return "Invalid eta values: \(HyperValue.format(minus)), \(HyperValue.format(plus)) (etas must satisfy 0 < η₋ < 1 < η₊)"
    }

    /// torch checks nothing here, and clamps to the largest length when Δ_min > Δ_max; a negative
    /// length would step uphill. Worded as torch words its other checks.
    private static let stepSizesCheck: @Sendable (HyperValue) -> String? = { value in
        guard let (smallest, largest) = value.pair else { return nil }
        guard !(0 <= smallest && smallest <= largest && largest.isFinite) else { return nil }
        return "Invalid step_sizes values: \(HyperValue.format(smallest)), \(HyperValue.format(largest)) (stepSizes must satisfy 0 ≤ Δ_min ≤ Δ_max)"
    }
}

/// `torch.optim.Rprop` (`_single_tensor_rprop`, not capturable). Step lengths start at the first
/// step's learning rate and never read it again.
final class RpropEngine: FirstOrderEngine {
    // Readable inside the module so that tests can compare the loops' state.
    /// g̃ₜ: the last gradient, zeroed where its sign flipped.
    let previous: Vector
    /// Δₜ per coordinate.
    let stepLength: Vector
    private let etaMinus: Double, etaPlus: Double, smallest: Double, largest: Double
    private let maximize: Bool
    private var started = false
    /// Which loop runs the update; tests pin it, everyone else keeps `.automatic`.
    var loop = ElementwiseLoop.automatic

    init(dimension: Int, etas: (Double, Double), stepSizes: (Double, Double), maximize: Bool) {
        previous = Vector(count: dimension)
        stepLength = Vector(count: dimension)
        (etaMinus, etaPlus) = etas
        (smallest, largest) = stepSizes
        self.maximize = maximize
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        if !started {
            stepLength.fill(lr)
            started = true
        }
        let (compiled, portable) = loop.compiled(count: x.count)
        if compiled, let xp = x.baseAddress, let gp = g.baseAddress {
            // The same arithmetic as the loop below, four elements at a time in C.
            let constants = RpropKernelConstants(
                etaMinus: etaMinus, etaPlus: etaPlus, smallest: smallest, largest: largest, maximize: maximize)
            rprop_kernel_update(constants, xp, gp, previous.pointer, stepLength.pointer, x.count, portable)
            return true
        }
        let prev = previous.pointer, delta = stepLength.pointer
        for i in 0..<x.count {
            let gi = maximize ? -g[i] : g[i]
            let s = torchSign(gi * prev[i])
            let factor = s > 0 ? etaPlus : s < 0 ? etaMinus : s == 0 ? 1 : s
            // torch's clamp_(min, max): the lower bound first, then the upper; NaN stays NaN.
            let scaled = delta[i] * factor
            delta[i] = scaled.isNaN ? scaled : Swift.min(Swift.max(scaled, smallest), largest)
            let kept = s < 0 ? 0 : gi
            x[i] = x[i].addingProduct(-torchSign(kept), delta[i])
            prev[i] = kept
        }
        return true
    }

    /// Δₜ per coordinate: the length of each coordinate's last step.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        for i in 0..<rates.count { rates[i] = stepLength.pointer[i] }
        return true
    }
}

/// torch's `sign`: −1, 0 or 1, and NaN for NaN (a zero keeps its sign bit, which no step can see).
@inline(__always)
func torchSign(_ x: Double) -> Double {
    x > 0 ? 1 : x < 0 ? -1 : x
}
