/// Every method the course teaches: the one table that the directive checker
/// resolves calls against, the engine runs and the formula tables render.
///
/// Defaults and ranges are PyTorch 2.x's where PyTorch has the method.
public enum OptimizerCatalog {
    /// Every method, in the order the course introduces them.
    public static let all: [OptimizerSpec] = [
        sgd, momentum, nesterov, adagrad, rmsprop, adadelta, adam, amsgrad, adamW, sgdw, adamax, nadam, radam,
        lbfgs, lookahead, swats, newton,
    ]

    /// The method called `callName` (`Adam`), or `nil`.
    public static func spec(callName: String) -> OptimizerSpec? {
        all.first { $0.callName == callName }
    }

    /// The method with id `id` (`adam`, `adamW`), or `nil`.
    public static func spec(id: String) -> OptimizerSpec? {
        all.first { $0.id == id }
    }

    /// Every call name, in catalog order, for "did you mean" suggestions.
    public static var callNames: [String] { all.map(\.callName) }

    /// Every problem of `config`: an unknown method, or the method's own problems.
    public static func problems(in config: OptimizerConfig) -> [ConfigurationProblem] {
        guard let spec = config.spec else {
            return [ConfigurationProblem(argument: "", message: "unknown optimizer '\(config.callName)'")]
        }
        return spec.problems(in: config)
    }

    private typealias P = Hyperparameters

    private static let gradient = (latex: "g_t", meaning: "gradient of f at the previous iterate")

    private static let sgdNesterovCheck: @Sendable (OptimizerConfig) -> ConfigurationProblem? = { config in
        guard config[bool: "nesterov"] else { return nil }
        if config[real: "momentum"] <= 0 {
            return ConfigurationProblem(
                argument: "momentum", message: "Nesterov momentum requires a momentum and zero dampening (momentum must be > 0)")
        }
        if config[real: "dampening"] != 0 {
            return ConfigurationProblem(
                argument: "dampening", message: "Nesterov momentum requires a momentum and zero dampening (dampening must be 0)")
        }
        return nil
    }

    static let sgd = OptimizerSpec(
        callName: "SGD", id: "sgd", displayName: "SGD",
        hyperparameters: [P.lr(1e-3), P.momentum(0), P.dampening, P.weightDecay(), P.nesterov],
        reference: PaperReference(
            citation: "Robbins & Monro 1951", title: "A Stochastic Approximation Method",
            url: "https://doi.org/10.1214/aoms/1177729586"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"v_t = \mu v_{t-1} + (1 - \tau) g_t, \quad v_1 = g_1"#,
            #"d_t = v_t"#,
            #"\theta_t = \theta_{t-1} - \eta d_t"#,
        ],
        conditions: [
            #"With nesterov, $d_t = g_t + \mu v_t$."#,
            #"With $\mu = 0$ there is no buffer: $d_t = g_t$."#,
        ],
        notation: [gradient, ("v_t", "momentum buffer"), ("d_t", "update direction")],
        summary: "Steps against the gradient; with momentum it follows a running sum of gradients.",
        combinationCheck: sgdNesterovCheck)

    static let momentum = OptimizerSpec(
        callName: "Momentum", id: "momentum", displayName: "Momentum",
        hyperparameters: [P.lr(1e-3), P.momentum(0.9)],
        reference: PaperReference(
            citation: "Polyak 1964", title: "Some methods of speeding up the convergence of iteration methods",
            url: "https://doi.org/10.1016/0041-5553(64)90137-5"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#,
            #"v_t = \mu v_{t-1} + g_t, \quad v_0 = 0"#,
            #"\theta_t = \theta_{t-1} - \eta v_t"#,
        ],
        notation: [gradient, ("v_t", "velocity")],
        summary: "A heavy ball: the velocity remembers past gradients and damps oscillation across a valley.")

    static let nesterov = OptimizerSpec(
        callName: "Nesterov", id: "nesterov", displayName: "Nesterov",
        hyperparameters: [P.lr(1e-3), P.momentum(0.9)],
        reference: PaperReference(
            citation: "Sutskever et al. 2013", title: "On the importance of initialization and momentum in deep learning",
            url: "https://proceedings.mlr.press/v28/sutskever13.html"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#,
            #"v_t = \mu v_{t-1} + g_t, \quad v_0 = 0"#,
            #"\theta_t = \theta_{t-1} - \eta (g_t + \mu v_t)"#,
        ],
        notation: [gradient, ("v_t", "velocity")],
        summary: "Momentum that looks ahead: the step adds the gradient to the next velocity, not the current one.",
        combinationCheck: { config in
            config[real: "momentum"] > 0
                ? nil
                : ConfigurationProblem(
                    argument: "momentum", message: "Nesterov momentum requires a momentum and zero dampening (momentum must be > 0)")
        })

    static let adagrad = OptimizerSpec(
        callName: "AdaGrad", id: "adagrad", displayName: "AdaGrad",
        hyperparameters: [
            P.lr(1e-2),
            HyperparameterSpec(
                name: "lrDecay", label: "learning-rate decay", symbol: "ζ", latex: "\\zeta", kind: .real,
                defaultValue: .real(0), rangeDescription: "lrDecay must be ≥ 0",
                validate: Validation.nonNegative("lr_decay value", "lrDecay")),
            P.weightDecay(),
            HyperparameterSpec(
                name: "initialAccumulatorValue", label: "initial accumulator", symbol: "G₀", latex: "G_0", kind: .real,
                defaultValue: .real(0), rangeDescription: "initialAccumulatorValue must be ≥ 0",
                validate: Validation.nonNegative("initial_accumulator_value value", "initialAccumulatorValue")),
            P.eps(1e-10),
        ],
        reference: PaperReference(
            citation: "Duchi, Hazan & Singer 2011",
            title: "Adaptive Subgradient Methods for Online Learning and Stochastic Optimization",
            url: "https://jmlr.org/papers/v12/duchi11a.html"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"\eta_t = \frac{\eta}{1 + (t - 1) \zeta}"#,
            #"G_t = G_{t-1} + g_t^2"#,
            #"\theta_t = \theta_{t-1} - \eta_t \frac{g_t}{\sqrt{G_t} + \varepsilon}"#,
        ],
        conditions: [#"$G_0$ is the initial accumulator."#],
        notation: [gradient, ("G_t", "sum of squared gradients, per coordinate")],
        summary: "Divides each coordinate's step by the root of its summed squared gradients, so steps only shrink.",
        effectiveLearningRate: #"\eta_t / (\sqrt{G_t} + \varepsilon)"#)

    static let rmsprop = OptimizerSpec(
        callName: "RMSProp", id: "rmsprop", displayName: "RMSProp",
        hyperparameters: [
            P.lr(1e-2),
            HyperparameterSpec(
                name: "alpha", label: "smoothing constant", symbol: "α", latex: "\\alpha", kind: .real,
                defaultValue: .real(0.99), rangeDescription: "alpha must be ≥ 0",
                validate: Validation.nonNegative("alpha value", "alpha")),
            P.eps(1e-8), P.weightDecay(), P.momentum(0),
            HyperparameterSpec(
                name: "centered", label: "centered", symbol: "centered", latex: "\\text{centered}", kind: .bool,
                defaultValue: .bool(false)),
        ],
        reference: PaperReference(
            citation: "Tieleman & Hinton 2012",
            title: "Lecture 6.5 – RMSProp: Divide the gradient by a running average of its recent magnitude",
            url: "https://www.cs.toronto.edu/~tijmen/csc321/slides/lecture_slides_lec6.pdf"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"v_t = \alpha v_{t-1} + (1 - \alpha) g_t^2"#,
            #"\bar{g}_t = \alpha \bar{g}_{t-1} + (1 - \alpha) g_t"#,
            #"\tilde{v}_t = v_t"#,
            #"b_t = \mu b_{t-1} + \frac{g_t}{\sqrt{\tilde{v}_t} + \varepsilon}"#,
            #"\theta_t = \theta_{t-1} - \eta b_t"#,
        ],
        conditions: [#"With centered, $\tilde{v}_t = v_t - \bar{g}_t^2$."#],
        notation: [
            gradient, ("v_t", "running mean of squared gradients"), ("\\bar{g}_t", "running mean of gradients"),
            ("b_t", "momentum buffer"),
        ],
        summary: "AdaGrad with a leaky average, so old gradients are forgotten and steps can grow again.",
        effectiveLearningRate: #"\eta / (\sqrt{\tilde{v}_t} + \varepsilon)"#)

    static let adadelta = OptimizerSpec(
        callName: "Adadelta", id: "adadelta", displayName: "Adadelta",
        hyperparameters: [
            P.lr(1.0),
            HyperparameterSpec(
                name: "rho", label: "decay rate", symbol: "ρ", latex: "\\rho", kind: .real,
                defaultValue: .real(0.9), rangeDescription: "rho must be in [0, 1]",
                validate: Validation.unitInterval("rho value", "rho")),
            P.eps(1e-6), P.weightDecay(),
        ],
        reference: PaperReference(
            citation: "Zeiler 2012", title: "ADADELTA: An Adaptive Learning Rate Method",
            url: "https://arxiv.org/abs/1212.5701"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"v_t = \rho v_{t-1} + (1 - \rho) g_t^2"#,
            #"\Delta_t = \frac{\sqrt{u_{t-1} + \varepsilon}}{\sqrt{v_t + \varepsilon}} g_t"#,
            #"u_t = \rho u_{t-1} + (1 - \rho) \Delta_t^2"#,
            #"\theta_t = \theta_{t-1} - \eta \Delta_t"#,
        ],
        notation: [gradient, ("v_t", "running mean of squared gradients"), ("u_t", "running mean of squared updates")],
        summary: "Scales the step by the ratio of past update size to gradient size, so units match without a learning rate.",
        effectiveLearningRate: #"\eta \sqrt{u_{t-1} + \varepsilon} / \sqrt{v_t + \varepsilon}"#)

    private static let adamNotation: [(latex: String, meaning: String)] = [
        gradient, ("m_t", "first moment (mean of gradients)"), ("v_t", "second moment (mean of squared gradients)"),
    ]

    private static let adamReference = PaperReference(
        citation: "Kingma & Ba 2015", title: "Adam: A Method for Stochastic Optimization",
        url: "https://arxiv.org/abs/1412.6980")

    static let adam = OptimizerSpec(
        callName: "Adam", id: "adam", displayName: "Adam",
        hyperparameters: [P.lr(1e-3), P.betas, P.eps(1e-8), P.weightDecay(), P.amsgrad(false)],
        reference: adamReference,
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#,
            #"\theta_t = \theta_{t-1} - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \varepsilon}"#,
        ],
        notation: adamNotation,
        summary: "Momentum on the gradient and RMSProp's scaling, both bias-corrected for their zero start.",
        effectiveLearningRate: #"\eta / (\sqrt{\hat{v}_t} + \varepsilon)"#)

    static let amsgrad = OptimizerSpec(
        callName: "AMSGrad", id: "amsgrad", displayName: "AMSGrad",
        hyperparameters: [P.lr(1e-3), P.betas, P.eps(1e-8), P.weightDecay(), P.amsgrad(true)],
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
        notation: adamNotation + [("v^{\\max}_t", "largest second moment so far")],
        summary: "Adam whose denominator never shrinks: it keeps the largest second moment seen.",
        effectiveLearningRate: #"\eta / (\sqrt{\hat{v}_t} + \varepsilon), \quad \hat{v}_t = v^{\max}_t / (1 - \beta_2^t)"#)

    static let adamW = OptimizerSpec(
        callName: "AdamW", id: "adamW", displayName: "AdamW",
        hyperparameters: [P.lr(1e-3), P.betas, P.eps(1e-8), P.weightDecay(1e-2), P.amsgrad(false)],
        reference: PaperReference(
            citation: "Loshchilov & Hutter 2019", title: "Decoupled Weight Decay Regularization",
            url: "https://arxiv.org/abs/1711.05101"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"\hat{m}_t = \frac{m_t}{1 - \beta_1^t}, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#,
            #"\theta_t = (1 - \eta \lambda) \theta_{t-1} - \eta \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \varepsilon}"#,
        ],
        notation: adamNotation,
        summary: "Adam with weight decay taken out of the gradient and applied to the weights directly.",
        effectiveLearningRate: #"\eta / (\sqrt{\hat{v}_t} + \varepsilon)"#)

    static let sgdw = OptimizerSpec(
        callName: "SGDW", id: "sgdw", displayName: "SGDW",
        hyperparameters: [P.lr(1e-3), P.momentum(0.9), P.weightDecay(1e-2)],
        reference: PaperReference(
            citation: "Loshchilov & Hutter 2019", title: "Decoupled Weight Decay Regularization",
            url: "https://arxiv.org/abs/1711.05101"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#,
            #"v_t = \mu v_{t-1} + g_t, \quad v_0 = 0"#,
            #"\theta_t = (1 - \eta \lambda) \theta_{t-1} - \eta v_t"#,
        ],
        notation: [gradient, ("v_t", "velocity")],
        summary: "Momentum SGD with decoupled weight decay: the decay shrinks the weights, not the gradient.")

    static let adamax = OptimizerSpec(
        callName: "Adamax", id: "adamax", displayName: "Adamax",
        hyperparameters: [P.lr(2e-3), P.betas, P.eps(1e-8), P.weightDecay()],
        reference: adamReference,
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"u_t = \max(\beta_2 u_{t-1}, |g_t| + \varepsilon)"#,
            #"\theta_t = \theta_{t-1} - \frac{\eta}{1 - \beta_1^t} \frac{m_t}{u_t}"#,
        ],
        notation: [gradient, ("m_t", "first moment"), ("u_t", "decaying maximum of gradient magnitudes")],
        summary: "Adam with the infinity norm: the denominator is a decaying maximum of gradient magnitudes.",
        effectiveLearningRate: #"\eta / u_t"#)

    static let nadam = OptimizerSpec(
        callName: "NAdam", id: "nadam", displayName: "NAdam",
        hyperparameters: [
            P.lr(2e-3), P.betas, P.eps(1e-8), P.weightDecay(),
            HyperparameterSpec(
                name: "momentumDecay", label: "momentum decay", symbol: "ψ", latex: "\\psi", kind: .real,
                defaultValue: .real(4e-3), rangeDescription: "momentumDecay must be ≥ 0",
                validate: Validation.nonNegative("momentum_decay value", "momentumDecay")),
            P.decoupledWeightDecay,
        ],
        reference: PaperReference(
            citation: "Dozat 2016", title: "Incorporating Nesterov Momentum into Adam",
            url: "https://openreview.net/forum?id=OM0jvwB8jIp57ZJjtNEZ"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"\mu_t = \beta_1 \left(1 - \frac{1}{2} 0.96^{t \psi}\right)"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2, \quad \hat{v}_t = \frac{v_t}{1 - \beta_2^t}"#,
            #"\theta_t = \theta_{t-1} - \eta \frac{1 - \mu_t}{1 - \prod_{i=1}^{t} \mu_i} \frac{g_t}{\sqrt{\hat{v}_t} + \varepsilon} - \eta \frac{\mu_{t+1}}{1 - \prod_{i=1}^{t+1} \mu_i} \frac{m_t}{\sqrt{\hat{v}_t} + \varepsilon}"#,
        ],
        conditions: [#"With decoupled, the decay acts on the weights instead of the gradient: $\theta_{t-1} \leftarrow (1 - \eta \lambda) \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1})$."#],
        notation: [
            gradient, ("\\mu_t", "momentum schedule"), ("m_t", "first moment"), ("v_t", "second moment"),
            ("\\prod_{i=1}^{t} \\mu_i", "running product, kept in single precision as PyTorch keeps it"),
        ],
        summary: "Adam with Nesterov's look-ahead: the step mixes the current gradient with the next momentum.",
        effectiveLearningRate: #"\eta / (\sqrt{\hat{v}_t} + \varepsilon)"#)

    static let radam = OptimizerSpec(
        callName: "RAdam", id: "radam", displayName: "RAdam",
        hyperparameters: [P.lr(1e-3), P.betas, P.eps(1e-8), P.weightDecay(), P.decoupledWeightDecay],
        reference: PaperReference(
            citation: "Liu et al. 2020", title: "On the Variance of the Adaptive Learning Rate and Beyond",
            url: "https://arxiv.org/abs/1908.03265"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"m_t = \beta_1 m_{t-1} + (1 - \beta_1) g_t, \quad \hat{m}_t = \frac{m_t}{1 - \beta_1^t}"#,
            #"v_t = \beta_2 v_{t-1} + (1 - \beta_2) g_t^2"#,
            #"\rho_\infty = \frac{2}{1 - \beta_2} - 1, \quad \rho_t = \rho_\infty - \frac{2 t \beta_2^t}{1 - \beta_2^t}"#,
            #"r_t = \sqrt{\frac{(\rho_t - 4)(\rho_t - 2) \rho_\infty}{(\rho_\infty - 4)(\rho_\infty - 2) \rho_t}}"#,
            #"\theta_t = \theta_{t-1} - \eta \hat{m}_t r_t \frac{\sqrt{1 - \beta_2^t}}{\sqrt{v_t} + \varepsilon}"#,
        ],
        conditions: [
            #"The last line applies while $\rho_t > 5$; before that, $\theta_t = \theta_{t-1} - \eta \hat{m}_t$."#,
            #"With decoupled, the decay acts on the weights instead of the gradient: $\theta_{t-1} \leftarrow (1 - \eta \lambda) \theta_{t-1}$ and $g_t = \nabla f(\theta_{t-1})$."#,
        ],
        notation: [
            gradient, ("m_t", "first moment"), ("v_t", "second moment"),
            ("\\rho_t", "length of the approximated simple moving average"), ("r_t", "variance rectification"),
        ],
        summary: "Adam that starts as momentum SGD and turns on adaptive scaling once its variance estimate is reliable.",
        effectiveLearningRate: #"\eta r_t \sqrt{1 - \beta_2^t} / (\sqrt{v_t} + \varepsilon)"#)

    static let lbfgs = OptimizerSpec(
        callName: "LBFGS", id: "lbfgs", displayName: "L-BFGS",
        // torch.optim.LBFGS's order: lr, (max_iter), max_eval, tolerance_grad, tolerance_change,
        // history_size, line_search_fn. coursegen fixes max_iter at 1 (one iteration per step).
        hyperparameters: [
            P.lr(1),
            // torch derives max_eval from max_iter (max_iter * 5 // 4), which is 1 for max_iter = 1: a
            // strong Wolfe search then has max_eval − 1 = 0 trials and the method never moves. The
            // default is instead torch's default budget, 25 (= 20 * 5 // 4 for its default max_iter = 20);
            // an explicit maxEval is torch's max_eval.
            HyperparameterSpec(
                name: "maxEval", label: "evaluations per step", symbol: "max eval", latex: "\\text{max eval}",
                kind: .integer, defaultValue: .integer(25), rangeDescription: "maxEval must be ≥ 1",
                validate: Validation.atLeast(1, "max_eval value", "maxEval")),
            HyperparameterSpec(
                name: "toleranceGrad", label: "gradient tolerance", symbol: "ε_g", latex: "\\varepsilon_g", kind: .real,
                defaultValue: .real(1e-7), rangeDescription: "toleranceGrad must be ≥ 0",
                validate: Validation.nonNegative("tolerance_grad value", "toleranceGrad")),
            HyperparameterSpec(
                name: "toleranceChange", label: "change tolerance", symbol: "ε_c", latex: "\\varepsilon_c", kind: .real,
                defaultValue: .real(1e-9), rangeDescription: "toleranceChange must be ≥ 0",
                validate: Validation.nonNegative("tolerance_change value", "toleranceChange")),
            HyperparameterSpec(
                name: "historySize", label: "history size", symbol: "m", latex: "m", kind: .integer,
                defaultValue: .integer(100), rangeDescription: "historySize must be ≥ 1",
                validate: Validation.atLeast(1, "history size", "historySize")),
            // torch's line_search_fn=None: a fixed step of length lr.
            HyperparameterSpec(
                name: "lineSearch", label: "line search", symbol: "line search", latex: "\\text{line search}",
                kind: .choice(["strongWolfe", "none"]), defaultValue: .choice("none")),
        ],
        reference: PaperReference(
            citation: "Liu & Nocedal 1989", title: "On the limited memory BFGS method for large scale optimization",
            url: "https://doi.org/10.1007/BF01589116"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#,
            #"s_k = \theta_k - \theta_{k-1}, \quad y_k = g_{k+1} - g_k"#,
            #"H_t^0 = \frac{s^\top y}{y^\top y} I, \quad d_t = -H_t g_t"#,
            #"\alpha_1 = \eta \min(1, 1 / \|g_1\|_1), \quad \alpha_t = \eta \quad (t > 1)"#,
            #"\theta_t = \theta_{t-1} + \alpha_t d_t"#,
        ],
        conditions: [
            #"Stops when $\max_i |g_{t,i}| \le \varepsilon_g$, and takes no step when $g_t^\top d_t > -\varepsilon_c$."#,
            #"Keeps the last $m$ pairs with $y_k^\top s_k > 10^{-10}$; $H_t^0$ uses the newest pair, and $d_t$ comes from the two-loop recursion."#,
            #"With a line search, a strong Wolfe search refines $\alpha_t$."#,
        ],
        notation: [
            gradient, ("s_k, y_k", "position and gradient differences"), ("H_t", "inverse-Hessian approximation"),
            ("d_t", "search direction"), ("\\alpha_t", "step length"),
        ],
        summary: "A quasi-Newton method: it builds curvature from recent steps and gradients, one line search per step.")

    static let lookahead = OptimizerSpec(
        callName: "Lookahead", id: "lookahead", displayName: "Lookahead",
        hyperparameters: [
            HyperparameterSpec(
                name: "", label: "inner optimizer", symbol: "A", latex: "A", kind: .optimizer, defaultValue: nil),
            HyperparameterSpec(
                name: "k", label: "synchronization period", symbol: "k", latex: "k", kind: .integer,
                defaultValue: .integer(5), rangeDescription: "k must be ≥ 1",
                validate: Validation.atLeast(1, "synchronization period", "k")),
            HyperparameterSpec(
                name: "alpha", label: "slow-weights step size", symbol: "α", latex: "\\alpha", kind: .real,
                defaultValue: .real(0.5), rangeDescription: "alpha must be in [0, 1]",
                validate: Validation.unitInterval("slow step size", "alpha")),
        ],
        reference: PaperReference(
            citation: "Zhang et al. 2019", title: "Lookahead Optimizer: k steps forward, 1 step back",
            url: "https://arxiv.org/abs/1907.08610"),
        formula: [
            #"\theta_t = A(\theta_{t-1}), \quad \phi_0 = \theta_0"#,
            #"\phi \leftarrow \phi + \alpha (\theta_t - \phi), \quad \theta_t \leftarrow \phi"#,
        ],
        conditions: [
            #"The second line runs every $k$ steps, when $k$ divides $t$."#,
        ],
        notation: [("A", "one step of the inner optimizer"), ("\\phi", "slow weights")],
        summary: "Runs any optimizer for k fast steps, then moves slow weights part of the way and restarts from them.")

    static let swats = OptimizerSpec(
        callName: "SWATS", id: "swats", displayName: "SWATS",
        hyperparameters: [P.lr(1e-3), P.betas, P.eps(1e-9)],
        reference: PaperReference(
            citation: "Keskar & Socher 2017", title: "Improving Generalization Performance by Switching from Adam to SGD",
            url: "https://arxiv.org/abs/1712.07628"),
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
            gradient, ("p_t", "Adam's step"), ("\\gamma_t", "projected SGD learning rate"),
            ("\\Lambda_t", "its running average"), ("w_t", "SGD momentum buffer"),
        ],
        summary: "Starts with Adam and switches to momentum SGD once the SGD learning rate that Adam's steps imply settles.")

    static let newton = OptimizerSpec(
        callName: "Newton", id: "newton", displayName: "Newton",
        hyperparameters: [
            P.lr(1),
            HyperparameterSpec(
                name: "damping", label: "damping", symbol: "δ", latex: "\\delta", kind: .real,
                defaultValue: .real(0), rangeDescription: "damping must be ≥ 0",
                validate: Validation.nonNegative("damping value", "damping")),
        ],
        reference: PaperReference(
            citation: "Nocedal & Wright 2006", title: "Numerical Optimization (2nd ed.), chapter 3",
            url: "https://doi.org/10.1007/978-0-387-40065-5"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}), \quad H_t = \nabla^2 f(\theta_{t-1})"#,
            #"\theta_t = \theta_{t-1} - \eta (H_t + \delta I)^{-1} g_t"#,
        ],
        notation: [gradient, ("H_t", "Hessian of f at the previous iterate")],
        summary: "Jumps to the minimum of the local quadratic model; exact on quadratics, drawn to saddles elsewhere.")
}
