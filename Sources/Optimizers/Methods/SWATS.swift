/// SWATS: Adam until its implied SGD learning rate settles, then momentum SGD.
enum SWATS: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "SWATS", hyperparameters: [.lr(1e-3), .betas, .eps(1e-9)],
        reference: PaperReference(
            citation: "Keskar & Socher 2017", title: "Improving Generalization Performance by Switching from Adam to SGD",
            arXiv: "1712.07628"),
        formula: [
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t, \quad v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"p_t = -\eta \frac{\sqrt{1 - \beta_2^t}}{1 - \beta_1^t} \frac{m_t}{\sqrt{v_t} + \varepsilon}, \quad \theta_t = \theta_{t-1} + p_t"#,
            #"\gamma_t = \frac{p_t^\top p_t}{-p_t^\top g_t}, \quad \Lambda_t = \beta_2 \Lambda_{t-1} + (1 - \beta_2) \gamma_t"#,
            #"\eta_{\mathrm{SGD}} = \frac{\Lambda_t}{1 - \beta_2^t}"#,
            #"w_t = \beta_1 w_{t-1} + g_t, \quad \theta_t = \theta_{t-1} - (1 - \beta_1) \eta_{\mathrm{SGD}} w_t"#,
        ],
        conditions: [
            #"$\Lambda_t$ changes only when $p_t^\top g_t \ne 0$."#,
            #"It switches to SGD at the first $t > 1$ with $\left| \frac{\Lambda_t}{1 - \beta_2^t} - \gamma_t \right| < \varepsilon$; from then on the last line replaces the first two, with $w = 0$ at the switch."#,
        ],
        notation: [
            Notation.gradient, ("p_t", "Adam's step"), ("\\gamma_t", "projected SGD learning rate"),
            ("\\Lambda_t", "its running average"), ("w_t", "SGD momentum buffer"),
        ],
        summary: "Starts with Adam and switches to momentum SGD once the SGD learning rate that Adam's steps imply settles.",
        capabilities: [.switchesToSGD])

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        SWATSEngine(dimension: n, learningRate: c[real: "lr"], betas: c[pair: "betas"], eps: c[real: "eps"], events: events)
    }
}

/// SWATS (Keskar & Socher 2017, Algorithm 1): Adam steps pₖ, while tracking the SGD
/// learning rate γₖ = pₖᵀpₖ / (−pₖᵀgₖ) that each implies, averaged as λₖ; once
/// |λₖ/(1 − β₂ᵏ) − γₖ| < ε (k > 1) it switches for good to momentum SGD with
/// Λ = λₖ/(1 − β₂ᵏ): vₖ = β₁vₖ₋₁ + gₖ, xₖ = xₖ₋₁ − (1 − β₁)Λvₖ.
///
/// A learning-rate schedule scales α in the Adam phase and Λ in the SGD phase by the
/// same factor ηₜ/η.
final class SWATSEngine: FirstOrderEngine {
    private let firstMoment: Vector
    private let secondMoment: Vector
    private let velocity: Vector
    private let baseLearningRate: Double
    private let beta1: Double, beta2: Double, eps: Double
    private var k = 0
    private var averagedRate = 0.0
    private var sgdRate = 0.0
    private var switched = false
    private let events: OptimizerEventLog

    init(dimension: Int, learningRate: Double, betas: (Double, Double), eps: Double, events: OptimizerEventLog) {
        firstMoment = Vector(count: dimension)
        secondMoment = Vector(count: dimension)
        velocity = Vector(count: dimension)
        baseLearningRate = learningRate
        (beta1, beta2) = betas
        self.eps = eps
        self.events = events
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        k += 1
        let n = x.count
        if switched {
            let v = velocity.pointer
            let factor = baseLearningRate > 0 ? lr / baseLearningRate : 1
            let rate = (1 - beta1) * sgdRate * factor
            for i in 0..<n {
                v[i] = beta1 * v[i] + g[i]
                x[i] -= rate * v[i]
            }
            return true
        }
        let m = firstMoment.pointer, a = secondMoment.pointer
        let step = Double(k)
        let bias2 = 1 - LibM.pow(beta2, step)
        let scale = -lr * bias2.squareRoot() / (1 - LibM.pow(beta1, step))
        var pp = 0.0, pg = 0.0
        for i in 0..<n {
            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
            a[i] = beta2 * a[i] + (1 - beta2) * g[i] * g[i]
            let p = scale * m[i] / (a[i].squareRoot() + eps)
            x[i] += p
            pp += p * p
            pg += p * g[i]
        }
        if pg != 0 {
            let gamma = pp / -pg
            averagedRate = beta2 * averagedRate + (1 - beta2) * gamma
            let corrected = averagedRate / bias2
            if k > 1, abs(corrected - gamma) < eps {
                switched = true
                events.record(.switchedToSGD(step: k))
                sgdRate = corrected
                velocity.fill(0)
            }
        }
        return true
    }
}
