/// The hyperparameters that several methods share, so that each name has one
/// label, one symbol and one range everywhere. A spec lists them as `.lr(1e-3)`, `.betas`.
extension HyperparameterSpec {
    static func lr(_ value: Double) -> HyperparameterSpec {
        HyperparameterSpec(
            name: "lr", label: "learning rate", symbol: "η", latex: "\\eta", kind: .real,
            defaultValue: .real(value), rangeDescription: "lr must be ≥ 0",
            validate: Validation.nonNegative("learning rate", "lr"))
    }

    static func momentum(_ value: Double) -> HyperparameterSpec {
        HyperparameterSpec(
            name: "momentum", label: "momentum", symbol: "μ", latex: "\\mu", kind: .real,
            defaultValue: .real(value), rangeDescription: "momentum must be ≥ 0",
            validate: Validation.nonNegative("momentum value", "momentum"))
    }

    static let dampening = HyperparameterSpec(
        name: "dampening", label: "dampening", symbol: "τ", latex: "\\tau", kind: .real,
        defaultValue: .real(0), rangeDescription: "dampening must be finite",
        validate: Validation.finite("dampening value", "dampening"))

    static let nesterov = HyperparameterSpec(
        name: "nesterov", label: "Nesterov momentum", symbol: "nesterov", latex: "\\text{nesterov}",
        kind: .bool, defaultValue: .bool(false))

    static func weightDecay(_ value: Double = 0) -> HyperparameterSpec {
        HyperparameterSpec(
            name: "weightDecay", label: "weight decay", symbol: "λ", latex: "\\lambda", kind: .real,
            defaultValue: .real(value), rangeDescription: "weightDecay must be ≥ 0",
            validate: Validation.nonNegative("weight_decay value", "weightDecay"))
    }

    static func eps(_ value: Double) -> HyperparameterSpec {
        HyperparameterSpec(
            name: "eps", label: "epsilon", symbol: "ε", latex: "\\varepsilon", kind: .real,
            defaultValue: .real(value), rangeDescription: "eps must be ≥ 0",
            validate: Validation.nonNegative("epsilon value", "eps"))
    }

    static let betas = HyperparameterSpec(
        name: "betas", label: "moment decay rates", symbol: "β₁, β₂", latex: "\\beta_1, \\beta_2", kind: .pair,
        defaultValue: .pair(0.9, 0.999), rangeDescription: "betas must each be in [0, 1)",
        validate: Validation.betas)

    static func amsgrad(_ value: Bool) -> HyperparameterSpec {
        HyperparameterSpec(
            name: "amsgrad", label: "AMSGrad maximum", symbol: "amsgrad", latex: "\\text{amsgrad}", kind: .bool,
            defaultValue: .bool(value))
    }

    static let decoupledWeightDecay = HyperparameterSpec(
        name: "decoupledWeightDecay", label: "decoupled weight decay", symbol: "decoupled",
        latex: "\\text{decoupled}", kind: .bool, defaultValue: .bool(false))
}
