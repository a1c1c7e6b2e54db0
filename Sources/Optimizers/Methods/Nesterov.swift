/// Nesterov momentum as Sutskever et al. write it: `SGD(nesterov: true)` without dampening or weight decay.
enum Nesterov: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "Nesterov", hyperparameters: Momentum.spec.hyperparameters,
        reference: PaperReference(
            citation: "Sutskever et al. 2013", title: "On the importance of initialization and momentum in deep learning",
            url: "https://proceedings.mlr.press/v28/sutskever13.html"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#,
            #"v_t = \mu v_{t-1} + g_t, \quad v_0 = 0"#,
            #"\theta_t = \theta_{t-1} - \eta (g_t + \mu v_t)"#,
        ],
        conditions: [
            .when("maximize", #"With maximize, $g_t = -\nabla f(\theta_{t-1})$."#),
        ],
        notation: Momentum.spec.notation,
        summary: "Momentum that looks ahead: the step adds the gradient to the next velocity, not the current one.",
        combinationCheck: { config in
            config[real: "momentum"] > 0
                ? nil
                : ConfigurationProblem(
                    argument: "momentum", message: "Nesterov momentum requires a momentum and zero dampening (momentum must be > 0)")
        })

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        SGDEngine(
            dimension: n, momentum: c[real: "momentum"], dampening: 0, nesterov: true, weightDecay: 0,
            maximize: c[bool: "maximize"])
    }
}
