/// Schedule-free SGD, as `schedulefree.SGDScheduleFreeReference` (Defazio et al. 2024): plain
/// gradient steps on a base sequence z, its running average x, gradients taken at y.
///
/// Chosen over the package's `SGDScheduleFree` for the reason given at ``ScheduleFreeAdamW``:
/// the reference class keeps x, y and z and updates each as the paper writes it.
enum ScheduleFreeSGD: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "ScheduleFreeSGD", id: "scheduleFreeSGD", displayName: "Schedule-Free SGD",
        hyperparameters: [
            .lr(1.0), momentum, .weightDecay(), ScheduleFree.warmupSteps, ScheduleFree.r, ScheduleFree.weightLrPower,
        ],
        reference: ScheduleFree.paper,
        formula: [
            #"g_t = \nabla f(y_{t-1}) + \lambda y_{t-1}, \quad y_0 = x_0 = z_0 = \theta_0"#,
            #"\eta_t = \eta \min(1, t / T_w), \quad c_t = \frac{t^r \, (\max_{s \le t} \eta_s)^p}{\sum_{s \le t} s^r \, (\max_{i \le s} \eta_i)^p}"#,
            #"z_t = z_{t-1} - \eta_t g_t"#,
            #"x_t = (1 - c_t) x_{t-1} + c_t z_t"#,
            #"y_t = \mu x_t + (1 - \mu) z_t"#,
        ],
        conditions: [
            #"Gradients are taken at $y_t$; $x_t$ is the point evaluated (the package's `optimizer.eval()`)."#,
        ],
        notation: [
            ("g_t", "gradient of f at the previous gradient point y"), ("z_t", "base sequence, which takes the steps"),
            ("x_t", "average of z, the point evaluated"), ("y_t", "interpolation of x and z, where gradients are taken"),
            ("\\eta_t", "learning rate after warm-up"), ("c_t", "weight of z_t in the average"),
        ],
        summary: "SGD steps on a base sequence whose running average is evaluated; momentum interpolates instead of accumulating.",
        capabilities: [.evaluatesAverage])

    /// The package's check and words: "Momentum must be between 0 and 1 exclusive: 1.5".
    static let momentum = HyperparameterSpec(
        name: "momentum", label: "interpolation momentum", symbol: "μ", latex: "\\mu", kind: .real,
        defaultValue: .real(0.9), rangeDescription: "momentum must be in (0, 1)",
        validate: { value in
            guard let x = value.real, !(0 < x && x < 1) else { return nil }
            return "Momentum must be between 0 and 1 exclusive: \(value) (momentum must be in (0, 1))"
        })

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        ScheduleFreeEngine(
            dimension: n, averaging: ScheduleFreeAveraging(c), interpolation: c[real: "momentum"],
            weightDecay: c[real: "weightDecay"], step: .sgd)
    }
}
