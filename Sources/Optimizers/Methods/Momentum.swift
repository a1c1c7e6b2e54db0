/// Polyak's heavy ball: `SGD` with momentum, without dampening or weight decay.
enum Momentum: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "Momentum", hyperparameters: [.lr(1e-3), .momentum(0.9), .maximize],
        reference: PaperReference(
            citation: "Polyak 1964", title: "Some methods of speeding up the convergence of iteration methods",
            doi: "10.1016/0041-5553(64)90137-5"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#,
            #"v_t = \mu v_{t-1} + g_t, \quad v_0 = 0"#,
            #"\theta_t = \theta_{t-1} - \eta v_t"#,
        ],
        conditions: [
            .when("maximize", #"With maximize, $g_t = -\nabla f(\theta_{t-1})$."#),
        ],
        notation: [Notation.gradient, ("v_t", "velocity")],
        summary: "A heavy ball: the velocity remembers past gradients and damps oscillation across a valley.",
        capabilities: [.heavyBall])

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        SGDEngine(
            dimension: n, momentum: c[real: "momentum"], dampening: 0, nesterov: false, weightDecay: 0,
            maximize: c[bool: "maximize"])
    }
}
