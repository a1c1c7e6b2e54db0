internal import COptimizerKernels

/// Lion as `lion-pytorch` 0.2.5 implements it (`lion_pytorch.Lion`, the authors' pseudocode):
/// a step of fixed length η along the sign of an interpolation between momentum and gradient.
enum Lion: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "Lion",
        hyperparameters: [
            .number("lr", "learning rate", symbol: "η", latex: "\\eta", .real(1e-4), .positive, torch: "learning rate"),
            HyperparameterSpec(
                name: "betas", label: "interpolation and momentum rates", symbol: "β₁, β₂", latex: "\\beta_1, \\beta_2",
                kind: .pair, defaultValue: .pair(0.9, 0.99), rangeDescription: "betas must each be in [0, 1]",
                validate: closedBetas),
            .weightDecay(),
            .decoupledWeightDecay,
        ],
        reference: PaperReference(
            citation: "Chen et al. 2023", title: "Symbolic Discovery of Optimization Algorithms", arXiv: "2302.06675"),
        formula: [
            #"c_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"\theta_t = (1 - \eta \lambda) \theta_{t-1} - \eta \operatorname{sign}(c_t)"#,
            #"m_t = \beta_2 m_{t-1} + (1 - \beta_2) g_t"#,
        ],
        conditions: [
            #"With decoupledWeightDecay, $\lambda$ is divided by the configured $\eta$ first, so that a schedule scales the decay $\eta_t \lambda / \eta$ but $\lambda$ is the decay per step at the configured rate."#,
        ],
        notation: [Notation.gradient, ("c_t", "interpolation whose sign is the update"), ("m_t", "momentum")],
        summary: "Steps by the sign of a blend of momentum and gradient, so every coordinate moves by exactly η.")

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        let weightDecay = c[real: "weightDecay"]
        // lion-pytorch divides by the constructor's lr (`self._init_lr`), which is the configured η.
        return LionEngine(
            dimension: n, betas: c[pair: "betas"],
            weightDecay: c[bool: "decoupledWeightDecay"] ? weightDecay / c[real: "lr"] : weightDecay)
    }

    /// lion-pytorch asserts `0 ≤ β ≤ 1` for both; worded as torch words its betas.
    private static let closedBetas: @Sendable (HyperValue) -> String? = { value in
        guard let (b1, b2) = value.pair else { return nil }
        for (index, beta) in [b1, b2].enumerated() where !(0 <= beta && beta <= 1) {
            return "Invalid beta parameter at index \(index): \(HyperValue.format(beta)) (betas must each be in [0, 1])"
        }
        return nil
    }
}

/// `lion_pytorch.Lion` (its `update_fn`): decay, sign step, then the momentum update.
final class LionEngine: FirstOrderEngine {
    // Readable inside the module so that tests can compare the loops' state.
    let momentum: Vector
    private let beta1: Double, beta2: Double, weightDecay: Double
    /// Which loop runs the update; tests pin it, everyone else keeps `.automatic`.
    var loop = ElementwiseLoop.automatic

    init(dimension: Int, betas: (Double, Double), weightDecay: Double) {
        momentum = Vector(count: dimension)
        (beta1, beta2) = betas
        self.weightDecay = weightDecay
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        // Multiplying by 1 is exact, so no decay is a decay by 1, as lion-pytorch multiplies always.
        let decay = 1 - lr * weightDecay
        let (compiled, portable) = loop.compiled(count: x.count)
        if compiled, let xp = x.baseAddress, let gp = g.baseAddress {
            // The same arithmetic as the loop below, four elements at a time in C.
            let constants = LionKernelConstants(
                learningRate: lr, decay: decay, beta1: beta1, weight1: 1 - beta1, beta2: beta2, weight2: 1 - beta2)
            lion_kernel_update(constants, xp, gp, momentum.pointer, x.count, portable)
            return true
        }
        let m = momentum.pointer
        for i in 0..<x.count {
            x[i] *= decay
            let c = (m[i] * beta1).addingProduct(1 - beta1, g[i])
            x[i] = x[i].addingProduct(-lr, torchSign(c))
            m[i] = (m[i] * beta2).addingProduct(1 - beta2, g[i])
        }
        return true
    }
}
