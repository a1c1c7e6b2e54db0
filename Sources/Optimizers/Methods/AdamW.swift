/// `torch.optim.AdamW`: Adam's engine with decoupled weight decay.
enum AdamW: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "AdamW", id: "adamW",
        hyperparameters: [.lr(1e-3), .betas, .eps(1e-8), .weightDecay(1e-2), .amsgrad(false), .maximize],
        reference: PaperReference(
            citation: "Loshchilov & Hutter 2019", title: "Decoupled Weight Decay Regularization",
            arXiv: "1711.05101"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#,
            #"\theta_t = (1 - \eta \lambda) \theta_{t-1} - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \varepsilon}"#,
        ],
        conditions: [
            .when("maximize", #"With maximize, $g_t = -\nabla f(\theta_{t-1})$."#),
        ],
        notation: Adam.spec.notation,
        summary: "Adam with weight decay taken out of the gradient and applied to the weights directly.",
        effectiveLearningRate: Adam.spec.effectiveLearningRate)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        AdamEngine(c, dimension: n, amsgrad: c[bool: "amsgrad"], decoupled: true)
    }
}
