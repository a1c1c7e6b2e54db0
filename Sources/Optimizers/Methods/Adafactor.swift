/// `torch.optim.Adafactor`: second moments factored into row and column averages on matrices,
/// a step relative to the parameters' size, and the update's RMS clipped at d.
enum Adafactor: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "Adafactor",
        hyperparameters: [
            .lr(1e-2),
            HyperparameterSpec(
                name: "beta2Decay", label: "second-moment decay exponent", symbol: "τ", latex: "\\tau", kind: .real,
                defaultValue: .real(-0.8), rangeDescription: "beta2Decay must be ≤ 0",
                validate: { value in
                    guard let x = value.real else { return nil }
                    return x <= 0 ? nil : "beta2_decay should be <= 0 but is: \(value) (beta2Decay must be ≤ 0)"
                }),
            // torch's default ε₁ is None, meaning the parameters' machine epsilon: 2⁻⁵² for coursegen's doubles.
            HyperparameterSpec(
                name: "eps", label: "epsilons", symbol: "ε₁, ε₂", latex: "\\varepsilon_1, \\varepsilon_2", kind: .pair,
                defaultValue: .pair(Double.ulpOfOne, 1e-3), rangeDescription: "eps must be a pair of numbers ≥ 0",
                validate: { value in
                    guard let (e1, e2) = value.pair else { return nil }
                    if !(e1 >= 0 && e1.isFinite) {
                        return "epsilon1 should be >= 0 but is: \(HyperValue.format(e1)) (eps must be a pair of numbers ≥ 0)"
                    }
                    if !(e2 >= 0 && e2.isFinite) {
                        return "epsilon2 should be >= 0 but is: \(HyperValue.format(e2)) (eps must be a pair of numbers ≥ 0)"
                    }
                    return nil
                }),
            HyperparameterSpec(
                name: "d", label: "clipping threshold", symbol: "d", latex: "d", kind: .real, defaultValue: .real(1.0),
                rangeDescription: "d must be ≥ 1",
                validate: { value in
                    guard let x = value.real else { return nil }
                    return x >= 1 && x.isFinite ? nil : "Clipping threshold d should be >= 1 but is: \(value) (d must be ≥ 1)"
                }),
            .weightDecay(),
            .maximize,
        ],
        reference: PaperReference(
            citation: "Shazeer & Stern 2018", title: "Adafactor: Adaptive Learning Rates with Sublinear Memory Cost",
            arXiv: "1804.04235"),
        formula: [
            #"\hat{\beta}_t = 1 - t^{\tau}, \quad \rho_t = \min(\eta, 1/\sqrt{t}), \quad \alpha_t = \max(\varepsilon_2, \mathrm{RMS}(\theta_{t-1}))\,\rho_t"#,
            #"\theta_{t-1} \leftarrow (1 - \eta \lambda)\,\theta_{t-1}"#,
            #"R_t = \hat{\beta}_t R_{t-1} + (1 - \hat{\beta}_t)\,\tfrac{1}{n} (G_t \odot G_t) 1_n, \quad C_t = \hat{\beta}_t C_{t-1} + (1 - \hat{\beta}_t)\,\tfrac{1}{m} 1_m^\top (G_t \odot G_t)"#,
            #"\hat{V}_t = \frac{R_t C_t}{\max(\tfrac{1}{m} 1_m^\top R_t,\ \varepsilon_1)}"#,
            #"U_t = \frac{G_t}{\sqrt{\max(\hat{V}_t, \varepsilon_1^2)}}, \quad \theta_t = \theta_{t-1} - \frac{\alpha_t}{\max(1, \mathrm{RMS}(U_t)/d)}\,U_t"#,
        ],
        conditions: [
            #"$G_t$ is an $m \times n$ weight matrix's gradient; for a vector (a bias) $\hat{V}_t = \hat{\beta}_t \hat{V}_{t-1} + (1 - \hat{\beta}_t) G_t \odot G_t$ unfactored."#,
            #"A landscape's point is one $1 \times 2$ matrix, whose factored $\hat{V}_t$ is its per-coordinate $C_t$."#,
            .when("maximize", #"With maximize, $G_t = -\nabla f(\theta_{t-1})$."#),
        ],
        notation: [
            ("G_t", "gradient of one parameter tensor at step t"),
            ("R_t, C_t", "row and column averages of the squared gradient"),
            ("\\mathrm{RMS}(x)", "root mean square, \\|x\\|_2 / \\sqrt{\\text{size}}"),
        ],
        summary: "Keeps one number per row and per column of each matrix instead of Adam's second moment per weight, and steps relative to the weights' size.")

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        makeEngine(c, layout: .point(n), events: events)
    }

    static func makeEngine(_ c: OptimizerConfig, layout: ParameterLayout, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        let (eps1, eps2) = c[pair: "eps"]
        return AdafactorEngine(
            layout: layout, beta2Decay: c[real: "beta2Decay"], eps1: eps1, eps2: eps2, d: c[real: "d"],
            weightDecay: c[real: "weightDecay"], maximize: c[bool: "maximize"])
    }
}

/// torch 2.15's `_single_tensor_adafactor`, tensor by tensor in the layout's order: a matrix
/// keeps its row and column averages of g², a vector its own. Every tensor steps together,
/// so one step count serves all.
final class AdafactorEngine: FirstOrderEngine {
    private let layout: ParameterLayout
    /// Per tensor: the row factor R (rows) then the column factor C (columns) of a matrix,
    /// or the unfactored V of a vector, at `stateOffsets[k]` in `state`.
    private let state: Vector
    private let stateOffsets: [Int]
    /// The update U of one tensor.
    private let scratch: Vector
    private let beta2Decay: Double, eps1: Double, eps2: Double, d: Double, weightDecay: Double
    private let maximize: Bool
    private var t = 0

    init(layout: ParameterLayout, beta2Decay: Double, eps1: Double, eps2: Double, d: Double, weightDecay: Double, maximize: Bool) {
        self.layout = layout
        var offsets: [Int] = []
        var size = 0
        for tensor in layout.tensors {
            offsets.append(size)
            switch tensor.shape {
            case .vector(let n): size += n
            case .matrix(let rows, let columns): size += rows + columns
            }
        }
        state = Vector(count: size)
        stateOffsets = offsets
        scratch = Vector(count: layout.tensors.map(\.count).max() ?? 0)
        self.beta2Decay = beta2Decay
        self.eps1 = eps1
        self.eps2 = eps2
        self.d = d
        self.weightDecay = weightDecay
        self.maximize = maximize
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        t += 1
        let step = Double(t)
        let weight = LibM.pow(step, beta2Decay)
        let rho = min(lr, 1 / LibM.pow(step, 0.5))
        if maximize {
            for i in 0..<g.count { g[i] = -g[i] }
        }
        for (k, tensor) in layout.tensors.enumerated() {
            let p = x.baseAddress! + tensor.offset, grad = g.baseAddress! + tensor.offset
            let n = tensor.count
            guard n > 0 else { continue }
            let size = LibM.pow(Double(n), 0.5)
            let alpha = max(eps2, norm(UnsafePointer(p), count: n) / size) * rho
            if weightDecay != 0 {
                let decay = 1 - lr * weightDecay
                for i in 0..<n { p[i] *= decay }
            }
            let u = scratch.pointer
            let s = state.pointer + stateOffsets[k]
            switch tensor.shape {
            case .matrix(let rows, let columns):
                let r = s, c = s + rows
                // torch squares the rows' and columns' 2-norms: √ then ², as written.
                for i in 0..<rows {
                    let rowNorm = norm(UnsafePointer(grad + i * columns), count: columns)
                    r[i] = lerp(r[i], rowNorm * rowNorm / Double(columns), weight)
                }
                for j in 0..<columns {
                    var sum = 0.0
                    for i in 0..<rows { sum = sum.addingProduct(grad[i * columns + j], grad[i * columns + j]) }
                    let columnNorm = sum.squareRoot()
                    c[j] = lerp(c[j], columnNorm * columnNorm / Double(rows), weight)
                }
                var rowSum = 0.0
                for i in 0..<rows { rowSum += r[i] }
                let rowMean = max(rowSum / Double(rows), eps1)
                for i in 0..<rows {
                    for j in 0..<columns { u[i * columns + j] = r[i] * c[j] / rowMean }
                }
            case .vector:
                for i in 0..<n {
                    s[i] = lerp(s[i], grad[i] * grad[i], weight)
                    u[i] = s[i]
                }
            }
            let floor = eps1 * eps1
            for i in 0..<n { u[i] = 1 / max(u[i], floor).squareRoot() * grad[i] }
            let denominator = max(1.0, norm(UnsafePointer(u), count: n) / (size * d))
            let factor = -alpha / denominator
            for i in 0..<n { p[i] = p[i].addingProduct(factor, u[i]) }
        }
        return true
    }

    /// ‖v‖₂ of `count` numbers from `v`.
    private func norm(_ v: UnsafePointer<Double>, count: Int) -> Double {
        var sum = 0.0
        for i in 0..<count { sum = sum.addingProduct(v[i], v[i]) }
        return sum.squareRoot()
    }
}
