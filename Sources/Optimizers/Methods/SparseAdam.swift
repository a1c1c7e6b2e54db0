/// `torch.optim.SparseAdam`: lazy Adam, whose moments and parameters change only at the
/// coordinates that the (sparse) gradient holds; bias correction counts every step.
///
/// torch refuses a dense gradient. coursegen gives the method the gradient as `g.to_sparse()`
/// would: a coordinate whose partial derivative is exactly zero (±0) is absent, so its moments
/// keep their values and it does not move; every other coordinate (NaN included) is present. On
/// a landscape that is a coordinate with a zero partial derivative (`max(0, y)` with y < 0); in a
/// network, the incoming weights of a ReLU unit that no example of the batch activated. On a
/// dense gradient without zeros it is Adam with ε added before the bias correction.
enum SparseAdam: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "SparseAdam", id: "sparseAdam",
        hyperparameters: [
            .number("lr", "learning rate", symbol: "η", latex: "\\eta", .real(1e-3), .positive, torch: "learning rate"),
            .betas,
            .number("eps", "epsilon", symbol: "ε", latex: "\\varepsilon", .real(1e-8), .positive, torch: "epsilon value"),
            .maximize,
        ],
        reference: PaperReference(
            citation: "Kingma & Ba 2015", title: "Adam: A Method for Stochastic Optimization", arXiv: "1412.6980"),
        formula: [
            #"S_t = \{\, i : g_{t,i} \neq 0 \,\}"#,
            #"m_{t,i} = \beta_1 m_{t-1,i} + (1 - \beta_1) g_{t,i}, \quad v_{t,i} = \beta_2 v_{t-1,i} + (1 - \beta_2) g_{t,i}^2 \quad (i \in S_t)"#,
            #"\theta_{t,i} = \theta_{t-1,i} - \eta \frac{\sqrt{1 - \beta_2^t}}{1 - \beta_1^t} \frac{m_{t,i}}{\sqrt{v_{t,i}} + \varepsilon} \quad (i \in S_t)"#,
            #"m_{t,i} = m_{t-1,i}, \quad v_{t,i} = v_{t-1,i}, \quad \theta_{t,i} = \theta_{t-1,i} \quad (i \notin S_t)"#,
        ],
        conditions: [
            #"The gradient is taken as torch's $g_t$.to_sparse() gives it: a coordinate whose partial derivative is exactly zero is absent from $S_t$. The step count $t$ counts every step, also those in which a coordinate was absent."#,
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
        ],
        notation: [
            Notation.gradient, ("S_t", "coordinates present in the sparse gradient"),
            ("m_t", "first moment (mean of gradients)"), ("v_t", "second moment (mean of squared gradients)"),
        ],
        summary: "Lazy Adam: only coordinates with a nonzero gradient update their moments and move.",
        effectiveLearningRate: #"\eta \sqrt{1 - \beta_2^t} / (\sqrt{v_t} + \varepsilon)"#)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        SparseAdamEngine(dimension: n, betas: c[pair: "betas"], eps: c[real: "eps"], maximize: c[bool: "maximize"])
    }
}

/// `torch.optim._functional.sparse_adam`, one coordinate at a time, in its order of operations:
/// the moments move by `(g − m)(1 − β)`, the denominator is √v + ε, and the step size is
/// η√(1 − β₂ᵗ) / (1 − β₁ᵗ).
final class SparseAdamEngine: FirstOrderEngine {
    // Readable inside the module so that tests can compare the state with torch's.
    let firstMoment: Vector
    let secondMoment: Vector
    /// 1 where the last step's gradient held the coordinate, 0 where it was absent.
    let present: Vector
    private var beta1: Double
    private let beta2: Double, eps: Double, maximize: Bool
    /// torch's `state["step"]`, which every step counts, however sparse its gradient.
    private var t = 0
    /// √(1 − β₂ᵗ) of the last step.
    private var biasCorrection2Root = 1.0

    init(dimension: Int, betas: (Double, Double), eps: Double, maximize: Bool) {
        firstMoment = Vector(count: dimension)
        secondMoment = Vector(count: dimension)
        present = Vector(count: dimension)
        (beta1, beta2) = betas
        self.eps = eps
        self.maximize = maximize
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        t += 1
        let step = Double(t)
        let biasCorrection2Root = (1 - LibM.pow(beta2, step)).squareRoot()
        self.biasCorrection2Root = biasCorrection2Root
        // torch's `lr * math.sqrt(bias_correction2) / bias_correction1`, left to right, then negated.
        let stepSize = lr * biasCorrection2Root / (1 - LibM.pow(beta1, step))
        let m = firstMoment.pointer, v = secondMoment.pointer, mask = present.pointer
        for i in 0..<x.count {
            // `to_sparse()` leaves out exact zeros, −0 among them; NaN is no zero and stays.
            guard g[i] != 0 else {
                mask[i] = 0
                continue
            }
            mask[i] = 1
            let gi = maximize ? -g[i] : g[i]
            let oldFirst = m[i], oldSecond = v[i]
            let firstUpdate = (gi - oldFirst) * (1 - beta1)
            let secondUpdate = (gi * gi - oldSecond) * (1 - beta2)
            m[i] = oldFirst + firstUpdate
            v[i] = oldSecond + secondUpdate
            let denominator = (secondUpdate + oldSecond).squareRoot() + eps
            x[i] = x[i] + -stepSize * ((firstUpdate + oldFirst) / denominator)
        }
        return true
    }

    /// η√(1 − β₂ᵗ) / (√vₜ + ε) at the coordinates the last step moved (the factor of
    /// m̂ₜ = mₜ / (1 − β₁ᵗ)), and 0 at those it left where they were.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let v = secondMoment.pointer, mask = present.pointer
        for i in 0..<rates.count {
            rates[i] = mask[i] == 0 ? 0 : lr * biasCorrection2Root / (v[i].squareRoot() + eps)
        }
        return true
    }
}

extension SparseAdamEngine: MomentumCyclingEngine {
    /// β₁, `group["betas"][0]`, which torch's SparseAdam reads at every step.
    func setMomentum(_ value: Double) { beta1 = value }
}
