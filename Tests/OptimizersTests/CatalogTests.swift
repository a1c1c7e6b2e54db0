import Optimizers
import Testing

@Suite struct CatalogTests {
    @Test func idsAreLowerCamelCaseOfTheCallAndUnique() {
        let expected = [
            "SGD": "sgd", "Momentum": "momentum", "Nesterov": "nesterov", "AdaGrad": "adagrad", "RMSProp": "rmsprop",
            "Adadelta": "adadelta", "Adam": "adam", "AMSGrad": "amsgrad", "AdamW": "adamW", "SGDW": "sgdw",
            "Adamax": "adamax", "NAdam": "nadam", "RAdam": "radam", "LBFGS": "lbfgs", "Lookahead": "lookahead",
            "SWATS": "swats", "Newton": "newton",
        ]
        // A method added later needs only an id of its own in lowerCamelCase.
        #expect(expected.keys.allSatisfy { OptimizerCatalog.spec(callName: $0) != nil })
        for spec in OptimizerCatalog.all {
            #expect((expected[spec.callName] ?? spec.id) == spec.id, "\(spec.callName)")
            #expect(spec.id.first?.isLowercase == true && spec.id.allSatisfy { $0.isLetter || $0.isNumber })
            #expect(OptimizerCatalog.spec(id: spec.id)?.callName == spec.callName)
            #expect(OptimizerCatalog.spec(callName: spec.callName)?.id == spec.id)
        }
        #expect(Set(OptimizerCatalog.all.map(\.id)).count == OptimizerCatalog.all.count)
    }

    /// PyTorch 2.x's defaults, one row per method and hyperparameter.
    @Test(arguments: [
        ("SGD", "lr", HyperValue.real(1e-3)), ("SGD", "momentum", .real(0)), ("SGD", "dampening", .real(0)),
        ("SGD", "nesterov", .bool(false)), ("SGD", "weightDecay", .real(0)), ("Momentum", "momentum", .real(0.9)),
        ("Nesterov", "momentum", .real(0.9)), ("AdaGrad", "lr", .real(1e-2)), ("AdaGrad", "eps", .real(1e-10)),
        ("AdaGrad", "lrDecay", .real(0)), ("AdaGrad", "initialAccumulatorValue", .real(0)), ("RMSProp", "lr", .real(1e-2)),
        ("RMSProp", "alpha", .real(0.99)), ("RMSProp", "eps", .real(1e-8)), ("RMSProp", "centered", .bool(false)),
        ("Adadelta", "lr", .real(1.0)), ("Adadelta", "rho", .real(0.9)), ("Adadelta", "eps", .real(1e-6)),
        ("Adam", "lr", .real(1e-3)), ("Adam", "betas", .pair(0.9, 0.999)), ("Adam", "eps", .real(1e-8)),
        ("Adam", "amsgrad", .bool(false)), ("AMSGrad", "amsgrad", .bool(true)), ("AdamW", "weightDecay", .real(1e-2)),
        ("Adamax", "lr", .real(2e-3)), ("NAdam", "lr", .real(2e-3)), ("NAdam", "momentumDecay", .real(4e-3)),
        ("NAdam", "decoupledWeightDecay", .bool(false)), ("RAdam", "lr", .real(1e-3)), ("LBFGS", "lr", .real(1)),
        // torch's line_search_fn=None; maxEval is torch's default budget of 25 (for its max_iter = 20),
        // not the 1 that torch derives for max_iter = 1, with which a strong Wolfe search cannot move.
        ("LBFGS", "historySize", .integer(100)), ("LBFGS", "lineSearch", .choice("none")),
        ("LBFGS", "maxEval", .integer(25)), ("LBFGS", "toleranceGrad", .real(1e-7)), ("LBFGS", "toleranceChange", .real(1e-9)),
        ("Lookahead", "k", .integer(5)), ("Lookahead", "alpha", .real(0.5)), ("SWATS", "eps", .real(1e-9)),
        ("Newton", "lr", .real(1)), ("Newton", "damping", .real(0)),
    ] as [(String, String, HyperValue)])
    func defaultsArePyTorchs(_ method: String, _ name: String, _ value: HyperValue) throws {
        let parameter = try #require(OptimizerCatalog.spec(callName: method)?.parameter(name))
        #expect(parameter.defaultValue == value)
    }

    @Test func everyDefaultIsValidAndOfItsKind() {
        for spec in OptimizerCatalog.all {
            for parameter in spec.hyperparameters {
                guard let value = parameter.defaultValue else { continue }
                #expect(parameter.kind.accepts(value), "\(spec.callName).\(parameter.name)")
                #expect(parameter.validate(value) == nil, "\(spec.callName).\(parameter.name)")
            }
        }
    }

    @Test func everyHyperparameterHasWordsAndASymbolTheFormulaUses() {
        for spec in OptimizerCatalog.all {
            #expect(!spec.formula.isEmpty && !spec.reference.citation.isEmpty && spec.reference.url.hasPrefix("https://"))
            for parameter in spec.hyperparameters {
                #expect(!parameter.label.isEmpty && !parameter.symbol.isEmpty && !parameter.latex.isEmpty)
            }
            // Every numeric hyperparameter that changes the update appears in the formula by its symbol.
            for parameter in spec.hyperparameters where parameter.kind == .real || parameter.kind == .pair {
                // A pair's latex names both symbols: `\beta_1, \beta_2`, `\eta_-, \eta_+`, `\varepsilon_1, \varepsilon_2`.
                let symbols = parameter.kind == .pair ? parameter.latex.split(separator: ", ").map(String.init) : [parameter.latex]
                for symbol in symbols {
                    #expect((spec.formula + spec.conditions).contains { $0.contains(symbol) },
                            "\(spec.callName) formula lacks \(symbol)")
                }
            }
            // A formula is math only: conditions in words belong in `conditions`.
            for line in spec.formula {
                #expect(!line.contains("\\text{") && !line.contains("\\mbox"), "\(spec.callName): words inside '\(line)'")
            }
            for condition in spec.conditions {
                #expect(condition.filter { $0 == "$" }.count % 2 == 0, "\(spec.callName): unbalanced $ in '\(condition)'")
            }
        }
    }

    /// A switch's condition (shown only where a run sets it) names a Boolean argument of its method
    /// that defaults to false; every method with `maximize` says what it does, as a switch.
    @Test func everySwitchIsABooleanOfItsMethod() throws {
        for spec in OptimizerCatalog.all {
            #expect(spec.conditionSwitches.count == spec.conditions.count)
            for name in spec.switches {
                let parameter = try #require(spec.parameter(name), "\(spec.callName): no argument \(name)")
                #expect(parameter.kind == .bool && parameter.defaultValue == .bool(false), "\(spec.callName).\(name)")
            }
            if spec.parameter("maximize") != nil {
                let index = try #require(spec.conditions.firstIndex { $0.hasPrefix("With maximize") }, "\(spec.callName)")
                #expect(spec.conditionSwitches[index] == "maximize", "\(spec.callName)")
            }
        }
        // A switch set to its default is not set; set, its condition joins those always shown.
        let adam = try #require(OptimizerCatalog.spec(callName: "Adam"))
        let always = adam.shownConditions(for: [])
        #expect(always.isEmpty)
        #expect(adam.shownConditions(for: [OptimizerConfig(callName: "Adam", values: ["maximize": .bool(false)])]) == always)
        let both = adam.shownConditions(for: [
            OptimizerConfig(callName: "Adam", values: ["maximize": .bool(true)]),
            OptimizerConfig(callName: "Adam", values: ["decoupledWeightDecay": .bool(true)]),
        ])
        #expect(both.map { adam.conditionSwitches[$0] } == ["decoupledWeightDecay", "maximize"])
        let sgd = try #require(OptimizerCatalog.spec(callName: "SGD"))
        #expect(sgd.shownConditions(for: []).map { sgd.conditions[$0] }.allSatisfy { !$0.contains("maximize") })
        #expect(sgd.shownConditions(for: []).count == sgd.conditions.count - 1)
    }

    /// Bad values are rejected with the catalog's message (a table as PyTorch's tests keep one).
    @Test(arguments: [
        ("Adam", "lr", HyperValue.real(-0.1), "Invalid learning rate: -0.1 (lr must be ≥ 0)"),
        ("SGD", "lr", .integer(-1), "Invalid learning rate: -1 (lr must be ≥ 0)"),
        ("Adam", "betas", .pair(1.0, 0.999), "Invalid beta parameter at index 0: 1.0 (betas must each be in [0, 1))"),
        ("AdamW", "betas", .pair(0.9, -0.5), "Invalid beta parameter at index 1: -0.5 (betas must each be in [0, 1))"),
        ("Adam", "eps", .real(-1e-8), "Invalid epsilon value: -1e-08 (eps must be ≥ 0)"),
        ("RMSProp", "alpha", .real(-0.5), "Invalid alpha value: -0.5 (alpha must be ≥ 0)"),
        ("Adadelta", "rho", .real(1.5), "Invalid rho value: 1.5 (rho must be in [0, 1])"),
        ("SGD", "momentum", .real(-0.9), "Invalid momentum value: -0.9 (momentum must be ≥ 0)"),
        ("SGD", "weightDecay", .real(-0.01), "Invalid weight_decay value: -0.01 (weightDecay must be ≥ 0)"),
        ("AdaGrad", "lrDecay", .real(-1), "Invalid lr_decay value: -1.0 (lrDecay must be ≥ 0)"),
        ("NAdam", "momentumDecay", .real(-0.004), "Invalid momentum_decay value: -0.004 (momentumDecay must be ≥ 0)"),
        ("Lookahead", "k", .integer(0), "Invalid synchronization period: 0 (k must be ≥ 1)"),
        ("Lookahead", "alpha", .real(2), "Invalid slow step size: 2.0 (alpha must be in [0, 1])"),
        ("LBFGS", "historySize", .integer(0), "Invalid history size: 0 (historySize must be ≥ 1)"),
        ("Newton", "damping", .real(-1), "Invalid damping value: -1.0 (damping must be ≥ 0)"),
    ] as [(String, String, HyperValue, String)])
    func badValuesAreRejected(_ method: String, _ name: String, _ value: HyperValue, _ message: String) throws {
        let parameter = try #require(OptimizerCatalog.spec(callName: method)?.parameter(name))
        #expect(parameter.validate(value) == message)
        let config = OptimizerConfig(callName: method, arguments: name.isEmpty ? [:] : [name: value])
        let problems = OptimizerCatalog.problems(in: config)
        #expect(problems.contains { $0.argument == name && $0.message == message })
        #expect(Optimizer(config, dimension: 2) == nil)
    }

    @Test func combinationsAndStructureAreChecked() {
        let nesterovWithoutMomentum = OptimizerConfig(callName: "SGD", arguments: ["nesterov": .bool(true)])
        #expect(OptimizerCatalog.problems(in: nesterovWithoutMomentum).map(\.argument) == ["momentum"])
        let dampened = OptimizerConfig(
            callName: "SGD", arguments: ["nesterov": .bool(true), "momentum": .real(0.9), "dampening": .real(0.1)])
        #expect(OptimizerCatalog.problems(in: dampened).map(\.argument) == ["dampening"])
        let unknown = OptimizerConfig(callName: "Adam", arguments: ["learningRate": .real(0.1)])
        #expect(OptimizerCatalog.problems(in: unknown).first?.message.hasPrefix("Adam has no argument 'learningRate'") == true)
        let missingInner = OptimizerConfig(callName: "Lookahead", arguments: [:])
        #expect(OptimizerCatalog.problems(in: missingInner).map(\.argument) == [""])
        let badInner = OptimizerConfig(
            callName: "Lookahead", arguments: ["": .optimizer(OptimizerConfig(callName: "Adam", arguments: ["lr": .real(-1)]))])
        #expect(OptimizerCatalog.problems(in: badInner).map(\.message) == ["Invalid learning rate: -1.0 (lr must be ≥ 0)"])
        let wrongKind = OptimizerConfig(callName: "LBFGS", arguments: ["lineSearch": .choice("backtracking")])
        #expect(OptimizerCatalog.problems(in: wrongKind).count == 1)
        #expect(OptimizerCatalog.problems(in: OptimizerConfig(callName: "Adma", values: [:])).first?.message == "unknown optimizer 'Adma'")
    }

    @Test func configurationsSpellThemselvesInSpecOrder() {
        let config = OptimizerConfig(callName: "Adam", arguments: ["amsgrad": .bool(true), "lr": .real(0.3)])
        #expect(
            config.description
                == "Adam(lr: 0.3, betas: (0.9, 0.999), eps: 1e-08, weightDecay: 0.0, amsgrad: true, maximize: false, decoupledWeightDecay: false)")
        let lookahead = OptimizerConfig(
            callName: "Lookahead", arguments: ["": .optimizer(OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.1)]))])
        #expect(lookahead.orderedValues.map(\.name) == ["", "k", "alpha"])
    }
}
