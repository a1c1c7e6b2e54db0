/// The hyperparameters that several methods share, so that each name has one
/// label, one symbol and one range everywhere. A spec lists them as `.lr(1e-3)`, `.betas`.
extension HyperparameterSpec {
    static func lr(_ value: Double) -> HyperparameterSpec {
        .number("lr", "learning rate", symbol: "η", latex: "\\eta", .real(value), .nonNegative, torch: "learning rate")
    }

    static func momentum(_ value: Double) -> HyperparameterSpec {
        .number("momentum", "momentum", symbol: "μ", latex: "\\mu", .real(value), .nonNegative, torch: "momentum value")
    }

    static let dampening = number(
        "dampening", "dampening", symbol: "τ", latex: "\\tau", .real(0), .finite, torch: "dampening value")

    static let nesterov = HyperparameterSpec(
        name: "nesterov", label: "Nesterov momentum", symbol: "nesterov", latex: "\\text{nesterov}",
        kind: .bool, defaultValue: .bool(false))

    static func weightDecay(_ value: Double = 0) -> HyperparameterSpec {
        .number("weightDecay", "weight decay", symbol: "λ", latex: "\\lambda", .real(value), .nonNegative, torch: "weight_decay value")
    }

    static func eps(_ value: Double) -> HyperparameterSpec {
        .number("eps", "epsilon", symbol: "ε", latex: "\\varepsilon", .real(value), .nonNegative, torch: "epsilon value")
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

extension HyperparameterSpec {
    /// torch's `maximize`: the step follows +∇f, as if the gradient were negated first.
    static let maximize = HyperparameterSpec(
        name: "maximize", label: "maximize the objective", symbol: "maximize", latex: "\\text{maximize}", kind: .bool,
        defaultValue: .bool(false))
}
