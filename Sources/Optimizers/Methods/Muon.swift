internal import BLAS

/// `torch.optim.Muon`: momentum whose update matrix is orthogonalised by Newton–Schulz
/// iterations before it is applied; the tensors Muon does not take go to `others`.
enum Muon: OptimizerMethod {
    /// The three `adjust_lr_fn` of torch 2.15: `None` is `"original"`.
    static let adjustments = ["original", "matchRMSAdamW", "spectralUnclamped"]
    /// The call name, for the check that `others` is not Muon itself (the spec cannot be read while it is built).
    private static let ownCallName = "Muon"

    /// torch's docstring pairs Muon with `AdamW(lr=3e-4, weight_decay=0.01)` for the other
    /// parameters. Spelled out value by value: reading the catalog while it builds this spec would recurse.
    static let defaultOthers = OptimizerConfig(callName: AdamW.spec.callName, values: [
        "lr": .real(3e-4), "betas": .pair(0.9, 0.999), "eps": .real(1e-8), "weightDecay": .real(0.01), "amsgrad": .bool(false),
    ])

    static let spec = OptimizerSpec(
        callName: "Muon",
        hyperparameters: [
            .lr(1e-3), .weightDecay(0.1), .momentum(0.95),
            HyperparameterSpec(
                name: "nesterov", label: "Nesterov momentum", symbol: "nesterov", latex: "\\text{nesterov}",
                kind: .bool, defaultValue: .bool(true)),
            coefficient("nsA", "a", 3.4445),
            coefficient("nsB", "b", -4.7750),
            coefficient("nsC", "c", 2.0315),
            .eps(1e-7),
            HyperparameterSpec(
                name: "nsSteps", label: "Newton–Schulz steps", symbol: "k", latex: "k", kind: .integer, defaultValue: .integer(5),
                rangeDescription: "nsSteps must be in 0…99",
                validate: { value in
                    guard let n = value.integer else { return "Invalid Newton–Schulz steps: \(value) (nsSteps must be an integer)" }
                    if n >= 100 { return "Number of steps must be less than 100 for computational efficiency (nsSteps must be in 0…99)" }
                    return n >= 0 ? nil : "Invalid Newton–Schulz steps: \(n) (nsSteps must be in 0…99)"
                }),
            HyperparameterSpec(
                name: "adjustLR", label: "learning-rate adjustment", symbol: "s(A, B)", latex: "s(A, B)",
                kind: .choice(adjustments), defaultValue: .choice("original")),
            HyperparameterSpec(
                name: "others", label: "optimizer of the other tensors", symbol: "others", latex: "\\text{others}",
                kind: .optimizer, defaultValue: .optimizer(defaultOthers)),
            HyperparameterSpec(
                name: "matrices", label: "weight matrices Muon takes", symbol: "matrices", latex: "\\text{matrices}",
                kind: .choice(["hidden", "all"]), defaultValue: .choice("hidden")),
        ],
        reference: PaperReference(
            citation: "Jordan et al. 2024", title: "Muon: An optimizer for hidden layers in neural networks",
            url: "https://kellerjordan.github.io/posts/muon/"),
        formula: [
            #"B_t = \mu B_{t-1} + (1 - \mu) G_t, \quad \tilde{B}_t = G_t + \mu (B_t - G_t)"#,
            #"X_0 = \tilde{B}_t / \max(\|\tilde{B}_t\|_F, \varepsilon), \quad X_{j} = a X_{j-1} + (b A_{j} + c A_{j}^2) X_{j-1}, \quad A_j = X_{j-1} X_{j-1}^\top"#,
            #"\theta_t = (1 - \eta \lambda)\,\theta_{t-1} - \eta\, s(A, B)\, X_k"#,
        ],
        conditions: [
            #"Without nesterov, $\tilde{B}_t = B_t$."#,
            #"$s = \sqrt{\max(1, A/B)}$ (.original), $0.2\sqrt{\max(A, B)}$ (.matchRMSAdamW) or $\sqrt{A/B}$ (.spectralUnclamped), for an $A \times B$ matrix."#,
            #"Newton–Schulz runs in bfloat16 with float32 sums as in torch, on $\tilde{B}_t^\top$ when $A > B$."#,
            #"A landscape's point is one $1 \times 2$ matrix: $X_0$ is the update normalised, and $X_k$ keeps its direction at a length near 1."#,
            #"In a network Muon takes the hidden layers' weight matrices (with matrices: .all, every weight matrix); biases and the rest step with others."#,
        ],
        notation: [
            ("G_t", "gradient of one weight matrix at step t"),
            ("B_t", "momentum buffer"),
            ("X_k", "the update after k Newton–Schulz steps, close to the nearest orthogonal matrix"),
        ],
        summary: "Momentum SGD on weight matrices whose update is replaced by the nearest (semi-)orthogonal matrix, so every direction moves by a similar amount.",
        combinationCheck: { config in
            guard let others = config.values["others"]?.optimizer else { return nil }
            if others.callName == ownCallName {
                return ConfigurationProblem(
                    argument: "others", message: "others of Muon must be a method for any tensor, such as \(AdamW.spec.callName)(lr: 3e-4), not Muon")
            }
            if others.has(.needsObjective) {
                return ConfigurationProblem(
                    argument: "others",
                    message: "others of Muon must step from one gradient; \(others.callName) evaluates the objective itself")
            }
            return nil
        })

    /// One of torch's three Newton–Schulz coefficients, any finite number.
    private static func coefficient(_ name: String, _ symbol: String, _ value: Double) -> HyperparameterSpec {
        .number(name, "Newton–Schulz coefficient \(symbol)", symbol: symbol, latex: symbol, .real(value), .finite,
                torch: "Newton–Schulz coefficient")
    }

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        makeEngine(c, layout: .point(n), events: events)
    }

    static func makeEngine(_ c: OptimizerConfig, layout: ParameterLayout, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        let all = c[choice: "matrices"] == "all"
        let takes: (ParameterLayout.Tensor) -> Bool = { tensor in
            guard case .matrix = tensor.shape else { return false }
            switch tensor.role {
            case .point, .hiddenWeight: return true
            case .inputWeight, .outputWeight: return all
            case .bias, .normalization: return false
            }
        }
        let otherTensors = layout.tensors.filter { !takes($0) }
        var others: (engine: any OptimizerEngine, config: OptimizerConfig)?
        if !otherTensors.isEmpty {
            let config = c.values["others"]?.optimizer ?? defaultOthers
            guard let engine = OptimizerCatalog.makeEngine(config, layout: .packing(otherTensors), events: events) else {
                return nil
            }
            others = (engine, config)
        }
        return MuonEngine(
            muonTensors: layout.tensors.filter(takes), otherTensors: otherTensors, count: layout.count,
            others: others.map { ($0.engine, $0.config.learningRate) },
            lr: c[real: "lr"], weightDecay: c[real: "weightDecay"], momentum: c[real: "momentum"], nesterov: c[bool: "nesterov"],
            coefficients: (c[real: "nsA"], c[real: "nsB"], c[real: "nsC"]), eps: c[real: "eps"], steps: c[integer: "nsSteps"],
            adjustment: c[choice: "adjustLR"])
    }
}

/// torch 2.15's `_single_tensor_muon` on each matrix Muon takes, and the `others` engine on
/// the remaining tensors, gathered into one packed vector and scattered back.
final class MuonEngine: FirstOrderEngine {
    private let muonTensors: [ParameterLayout.Tensor]
    private let otherTensors: [ParameterLayout.Tensor]
    /// The momentum buffer B of every tensor Muon takes, at the tensor's own offset.
    private let buffer: Vector
    private let others: (any OptimizerEngine)?
    /// The ratio of `others`' η to Muon's, so that a schedule scales both alike.
    private let othersRatio: Double
    private let otherX: Vector, otherG: Vector
    private let weightDecay: Double, momentum: Double, nesterov: Bool, eps: Double
    private let newtonSchulz: NewtonSchulz
    private let adjustment: String
    private let update: Vector

    init(
        muonTensors: [ParameterLayout.Tensor], otherTensors: [ParameterLayout.Tensor], count: Int,
        others: (engine: any OptimizerEngine, lr: Double)?, lr: Double, weightDecay: Double, momentum: Double,
        nesterov: Bool, coefficients: (Double, Double, Double), eps: Double, steps: Int, adjustment: String
    ) {
        self.muonTensors = muonTensors
        self.otherTensors = otherTensors
        buffer = Vector(count: count)
        self.others = others?.engine
        // A Muon η of 0 is scheduled as 0 throughout; `others` then keeps its own η.
        othersRatio = others.map { lr == 0 ? 1 : $0.lr / lr } ?? 1
        let otherCount = otherTensors.reduce(0) { $0 + $1.count }
        otherX = Vector(count: otherCount)
        otherG = Vector(count: otherCount)
        self.weightDecay = weightDecay
        self.momentum = momentum
        self.nesterov = nesterov
        self.eps = eps
        self.adjustment = adjustment
        let largest = muonTensors.map { tensor -> (Int, Int) in
            guard case .matrix(let rows, let columns) = tensor.shape else { return (0, 0) }
            return (min(rows, columns), max(rows, columns))
        }
        newtonSchulz = NewtonSchulz(
            coefficients: coefficients, steps: steps,
            capacity: (largest.map { $0.0 * $0.1 }.max() ?? 0, largest.map { $0.0 * $0.0 }.max() ?? 0))
        update = Vector(count: muonTensors.map(\.count).max() ?? 0)
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        for tensor in muonTensors {
            guard case .matrix(let rows, let columns) = tensor.shape, rows * columns > 0 else { continue }
            let p = x.baseAddress! + tensor.offset, grad = g.baseAddress! + tensor.offset, b = buffer.pointer + tensor.offset
            let u = update.pointer
            for i in 0..<tensor.count {
                b[i] = lerp(b[i], grad[i], 1 - momentum)
                u[i] = nesterov ? lerp(grad[i], b[i], momentum) : b[i]
            }
            newtonSchulz.orthogonalize(u, rows: rows, columns: columns, eps: eps)
            let adjusted = lr * Self.ratio(adjustment, rows: rows, columns: columns)
            let decay = 1 - lr * weightDecay
            for i in 0..<tensor.count { p[i] = (p[i] * decay).addingProduct(-adjusted, u[i]) }
        }
        guard let others else { return true }
        gather(x, into: otherX.pointer)
        gather(g, into: otherG.pointer)
        let packedX = UnsafeMutableBufferPointer(start: otherX.pointer, count: otherX.count)
        let packedG = UnsafeMutableBufferPointer(start: otherG.pointer, count: otherG.count)
        guard others.update(packedX, gradient: packedG, learningRate: lr * othersRatio) else { return false }
        var offset = 0
        for tensor in otherTensors {
            (x.baseAddress! + tensor.offset).update(from: otherX.pointer + offset, count: tensor.count)
            offset += tensor.count
        }
        return true
    }

    private func gather(_ v: UnsafeMutableBufferPointer<Double>, into packed: UnsafeMutablePointer<Double>) {
        var offset = 0
        for tensor in otherTensors {
            (packed + offset).update(from: v.baseAddress! + tensor.offset, count: tensor.count)
            offset += tensor.count
        }
    }

    /// torch's `_adjust_lr`: the factor η is multiplied by for a rows × columns matrix.
    static func ratio(_ adjustment: String, rows: Int, columns: Int) -> Double {
        let a = Double(rows), b = Double(columns)
        switch adjustment {
        case "matchRMSAdamW": return 0.2 * max(a, b).squareRoot()
        case "spectralUnclamped": return (a / b).squareRoot()
        default: return max(1, a / b).squareRoot()
        }
    }
}
