/// `Adam(amsgrad: true)` under its own name: the maximum of the second moments is always on.
enum AMSGrad: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "AMSGrad", hyperparameters: [
            .lr(1e-3), .betas, .eps(1e-8), .weightDecay(), .amsgrad(true), .maximize, .decoupledWeightDecay,
        ],
        reference: PaperReference(
            citation: "Reddi, Kale & Kumar 2018", title: "On the Convergence of Adam and Beyond",
            url: "https://openreview.net/forum?id=ryQu7f-RZ"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"v^{\max}_t = \max(v^{\max}_{t-1}, v_t)"#,
            #"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v^{\max}_t}{1 - \beta_2^t}"#,
            #"\theta_t = \theta_{t-1} - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \varepsilon}"#,
        ],
        conditions: [
            .when("decoupledWeightDecay", #"With decoupled, the decay acts on the weights instead of the gradient: $\theta_{t-1} \leftarrow (1 - \eta \lambda) \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1})$."#),
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
        ],
        notation: Notation.adamMoments + [("v^{\\max}_t", "largest second moment so far")],
        summary: "Adam whose denominator never shrinks: it keeps the largest second moment seen.",
        effectiveLearningRate: #"\eta / (\sqrt{\hat{v}_t} + \varepsilon), \quad \hat{v}_t = v^{\max}_t / (1 - \beta_2^t)"#)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        AdamEngine(c, dimension: n, amsgrad: true, decoupled: c[bool: "decoupledWeightDecay"])
    }
}
