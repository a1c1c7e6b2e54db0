/// One method of the catalog: its names, hyperparameters, formula, reference and capabilities.
///
/// The formula lines are LaTeX written in the hyperparameters' `latex` symbols
/// and describe exactly the update that ``Optimizer`` runs for this entry. Each spec
/// lives in the file of the engine it configures (`Methods/Adam.swift`).
public struct OptimizerSpec: Sendable {
    /// The directive's call name: `Adam`, `AdamW`, `LBFGS`.
    public let callName: String
    /// lowerCamelCase of the call, for `Formulas(.adam)`: `adam`, `adamW`, `lbfgs`.
    public let id: String
    /// The name on pages and the default run label: `Adam`, `L-BFGS`.
    public let displayName: String
    /// In call order; an unlabeled argument has the name `""`.
    public let hyperparameters: [HyperparameterSpec]
    public let reference: PaperReference
    /// The update rule, one LaTeX equation per line, in the symbols of ``hyperparameters``:
    /// math only, so it reads the same in every language and fits its column.
    public let formula: [String]
    /// When a line applies or what replaces it (flags, warm-up, switches), as sentences
    /// with `$…$` math, shown under the rule: `"With nesterov, $d_t = g_t + \mu v_t$."`.
    public let conditions: [String]
    /// For each of ``conditions``, the switch whose non-default value it describes (`maximize`,
    /// Adam's `decoupledWeightDecay`), or `nil` for a condition the rule always needs. A table
    /// of runs shows a switch's condition only where a run sets it (``shownConditions(for:)``).
    public let conditionSwitches: [String?]
    /// Symbols the formula uses that are not hyperparameters, each with its meaning,
    /// in order of appearance: `("g_t", "gradient at step t")`.
    public let notation: [(latex: String, meaning: String)]
    /// A sentence for the formula table: where the method differs from its neighbours.
    public let summary: String
    /// The method's effective learning rate per coordinate, in LaTeX: the factor by which its
    /// step multiplies the (bias-corrected) first moment or gradient, such as
    /// `\eta_t / (\sqrt{\hat{v}_t} + \varepsilon)` for Adam; `nil` for methods whose step divides by
    /// no running statistic (SGD, Newton) or changes meaning mid-run (SWATS). Runs record it
    /// when a claim needs it (``RunSettings/recordsEffectiveLearningRate``).
    public let effectiveLearningRate: String?
    /// What the method needs (a Hessian, the objective) and what it may report (a switch, syncs).
    public let capabilities: MethodCapabilities
    /// Checks across arguments (SGD's `nesterov` needs `momentum` > 0); `nil` when consistent.
    let combinationCheck: @Sendable (OptimizerConfig) -> ConfigurationProblem?

    /// `id` defaults to the call name in lower case (`RMSProp` → `rmsprop`), `displayName` to the call name.
    init(
        callName: String, id: String? = nil, displayName: String? = nil, hyperparameters: [HyperparameterSpec],
        reference: PaperReference, formula: [String], conditions: [MethodCondition] = [],
        notation: [(latex: String, meaning: String)] = [],
        summary: String, effectiveLearningRate: String? = nil, capabilities: MethodCapabilities = [],
        combinationCheck: @escaping @Sendable (OptimizerConfig) -> ConfigurationProblem? = { _ in nil }
    ) {
        self.callName = callName
        self.id = id ?? callName.lowercased()
        self.displayName = displayName ?? callName
        self.hyperparameters = hyperparameters
        self.reference = reference
        self.formula = formula
        self.conditions = conditions.map(\.text)
        self.conditionSwitches = conditions.map(\.switchName)
        self.notation = notation
        self.summary = summary
        self.effectiveLearningRate = effectiveLearningRate
        self.capabilities = capabilities
        self.combinationCheck = combinationCheck
    }

    /// The indices of the conditions to show under the rule for `configs`, the calls of this method
    /// a table describes: every condition the rule always needs, and a switch's only where one of
    /// `configs` sets it to other than its default. With no calls (a reference of the method,
    /// where no run exists) the switches' conditions are left out as well.
    public func shownConditions(for configs: [OptimizerConfig]) -> [Int] {
        conditions.indices.filter { index in
            guard let name = conditionSwitches[index] else { return true }
            return configs.contains { isSwitchSet(name, in: $0) }
        }
    }

    /// The switches of ``conditionSwitches``: hyperparameters a reference of the method leaves
    /// out of its legend, as it leaves out their conditions.
    public var switches: Set<String> { Set(conditionSwitches.compactMap { $0 }) }

    /// Whether `config` gives the switch `name` a value other than its default.
    func isSwitchSet(_ name: String, in config: OptimizerConfig) -> Bool {
        guard let value = config.values[name] else { return false }
        return value != parameter(name)?.defaultValue
    }

    /// The hyperparameter called `name`, or `nil`.
    public func parameter(_ name: String) -> HyperparameterSpec? {
        hyperparameters.first { $0.name == name }
    }

    /// Every problem of `config` for this method, in call order: unknown names, missing
    /// required values, wrong kinds, values out of range, then inconsistent combinations.
    public func problems(in config: OptimizerConfig) -> [ConfigurationProblem] {
        var problems: [ConfigurationProblem] = []
        for name in config.values.keys.sorted() where parameter(name) == nil {
            let valid = hyperparameters.map { $0.name.isEmpty ? "(unlabeled)" : $0.name }.joined(separator: ", ")
            problems.append(ConfigurationProblem(
                argument: name, message: "\(callName) has no argument '\(name)'; its arguments are \(valid)"))
        }
        for parameter in hyperparameters {
            guard let value = config.values[parameter.name] else {
                if parameter.isRequired {
                    let what = parameter.name.isEmpty ? "an \(parameter.label) as its first argument" : "'\(parameter.name)'"
                    problems.append(ConfigurationProblem(argument: parameter.name, message: "\(callName) needs \(what)"))
                }
                continue
            }
            guard parameter.kind.accepts(value) else {
                problems.append(ConfigurationProblem(
                    argument: parameter.name,
                    message: "'\(parameter.name)' of \(callName) must be \(parameter.kind), not \(value)"))
                continue
            }
            if let message = parameter.validate(value) {
                problems.append(ConfigurationProblem(argument: parameter.name, message: message))
            }
            if case .optimizer(let inner) = value {
                if let innerSpec = inner.spec {
                    problems += innerSpec.problems(in: inner).map {
                        ConfigurationProblem(argument: parameter.name, message: $0.message)
                    }
                } else {
                    problems.append(ConfigurationProblem(
                        argument: parameter.name, message: "unknown optimizer '\(inner.callName)'"))
                }
            }
        }
        if problems.isEmpty, let problem = combinationCheck(config) {
            problems.append(problem)
        }
        return problems
    }
}

/// A reason a configuration cannot run, naming the argument to point at.
public struct ConfigurationProblem: Hashable, Sendable {
    /// The hyperparameter's name (`""` for an unlabeled argument).
    public let argument: String
    public let message: String
}

/// A sentence under a method's rule (``OptimizerSpec/conditions``): written as a string literal
/// for a condition the rule always needs, or `.when("maximize", "With maximize, …")` for one
/// that describes a switch, shown only where a run sets it.
public struct MethodCondition: Sendable, ExpressibleByStringLiteral {
    let text: String
    let switchName: String?

    public init(stringLiteral text: String) {
        self.text = text
        switchName = nil
    }

    init(text: String, switchName: String?) {
        self.text = text
        self.switchName = switchName
    }

    /// A condition that describes the switch `name` set to other than its default.
    static func when(_ name: String, _ text: String) -> MethodCondition {
        MethodCondition(text: text, switchName: name)
    }
}

