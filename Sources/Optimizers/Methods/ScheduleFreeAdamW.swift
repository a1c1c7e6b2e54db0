/// Schedule-free AdamW, as `schedulefree.AdamWScheduleFreeReference` (Defazio et al. 2024):
/// Adam's second moment scales steps of a base sequence z, x averages z, and gradients are
/// taken at y, between x and z.
///
/// The package's plain `AdamWScheduleFree` keeps only y and z and recovers x for evaluation by
/// extrapolating, `x = y + (1 − 1/β₁)(z − y)`, which divides by β₁ and rounds differently from
/// the average it stands for; the reference class keeps x, y and z as the paper's Algorithm 1
/// writes them, so its arithmetic is the formula's, step by step.
enum ScheduleFreeAdamW: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "ScheduleFreeAdamW", id: "scheduleFreeAdamW", displayName: "Schedule-Free AdamW",
        hyperparameters: [
            .lr(0.0025), .betas, .eps(1e-8), .weightDecay(), ScheduleFree.warmupSteps, ScheduleFree.r,
            ScheduleFree.weightLrPower, decayAtZ,
        ],
        reference: ScheduleFree.paper,
        formula: [
            #"g_t = \nabla f(y_{t-1}), \quad y_0 = x_0 = z_0 = \theta_0"#,
            #"\eta_t = \eta \min(1, t / T_w), \quad c_t = \frac{t^r \, (\max_{s \le t} \eta_s)^p}{\sum_{s \le t} s^r \, (\max_{i \le s} \eta_i)^p}"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"z_t = z_{t-1} - \eta_t \lambda y_{t-1} - \eta_t \frac{g_t}{\sqrt{v_t / (1 - \beta_2^t)} + \varepsilon}"#,
            #"x_t = (1 - c_t) x_{t-1} + c_t z_t"#,
            #"y_t = \beta_1 x_t + (1 - \beta_1) z_t"#,
        ],
        conditions: [
            #"With decayAtZ, the decay term is $\eta_t \lambda z_{t-1}$."#,
            #"Gradients are taken at $y_t$; $x_t$ is the point evaluated (the package's `optimizer.eval()`)."#,
        ],
        notation: [
            ("g_t", "gradient of f at the previous gradient point y"), ("v_t", "second moment (mean of squared gradients)"),
            ("z_t", "base sequence, which takes the steps"), ("x_t", "average of z, the point evaluated"),
            ("y_t", "interpolation of x and z, where gradients are taken"), ("\\eta_t", "learning rate after warm-up"),
            ("c_t", "weight of z_t in the average"),
        ],
        summary: "Adam's scaled steps on a base sequence whose running average is evaluated, and no schedule to choose.",
        capabilities: [.evaluatesAverage])

    static let decayAtZ = HyperparameterSpec(
        name: "decayAtZ", label: "weight decay at z", symbol: "decayAtZ", latex: "\\text{decayAtZ}", kind: .bool,
        defaultValue: .bool(false))

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        let (beta1, beta2) = c[pair: "betas"]
        return ScheduleFreeEngine(
            dimension: n, averaging: ScheduleFreeAveraging(c), interpolation: beta1,
            weightDecay: c[real: "weightDecay"],
            step: .adam(beta2: beta2, eps: c[real: "eps"], decayAtZ: c[bool: "decayAtZ"]))
    }
}
