import CourseDiagnostics
import Optimizers

/// Resolves an optimizer call and its modifier chain against ``OptimizerCatalog``, the one
/// table of methods: `Adam(lr: 0.3, betas: (0.9, 0.99)).label("fast").color(.purple)`.
struct OptimizerCallChecker {
    let reader: ValueReader

    private var matcher: ArgumentMatcher { ArgumentMatcher(origin: reader.origin) }

    /// An optimizer call's modifier: `.label("fast")`.
    struct Modifier {
        var name: String
        var nameRange: SourceRange
        var arguments: [ArgumentSyntax]
        var range: SourceRange
    }

    /// Splits `Adam(…).label(…).color(…)` into the call and its modifiers, in written order;
    /// `nil` after reporting a malformed chain.
    func splitChain(_ expr: ExprSyntax, _ diagnostics: inout [Diagnostic]) -> (call: ExprSyntax, modifiers: [Modifier])? {
        var modifiers: [Modifier] = []
        var current = expr
        while true {
            switch current.kind {
            case .call(let callee, let arguments, let trailing, _):
                if case .member(let base, let name, let nameRange) = callee.kind {
                    if let trailing {
                        diagnostics.append(reader.error("'.\(name)' takes no closure", trailing.range))
                        return nil
                    }
                    modifiers.insert(Modifier(name: name, nameRange: nameRange, arguments: arguments, range: current.range), at: 0)
                    current = base
                    continue
                }
                return (current, modifiers)
            case .member(_, let name, let nameRange):
                diagnostics.append(reader.error("expected '(' after '.\(name)'", nameRange,
                                                hint: "modifiers are calls, as in '.\(name)(…)'"))
                return nil
            default:
                return (current, modifiers)
            }
        }
    }

    /// The configuration of `call` (a call of the catalog method `spec`), defaults filled in.
    func config(_ call: ExprSyntax, spec: OptimizerSpec, _ diagnostics: inout [Diagnostic]) -> OptimizerConfig? {
        guard case .call(let callee, let arguments, let trailing, let hasParentheses) = call.kind else {
            diagnostics.append(reader.error("expected a call such as '\(spec.callName)(lr: 0.1)'", call.range))
            return nil
        }
        if let trailing {
            diagnostics.append(reader.error("'\(spec.callName)' takes no closure", trailing.range))
            return nil
        }
        _ = hasParentheses
        let parameters = spec.hyperparameters.map {
            ArgumentMatcher.Parameter($0.name.isEmpty ? nil : $0.name, required: $0.isRequired)
        }
        guard let matched = matcher.match(arguments, to: parameters, callee: spec.callName, calleeRange: callee.range,
                                          diagnostics: &diagnostics)
        else { return nil }
        var values: [String: HyperValue] = [:]
        var ranges: [String: SourceRange] = [:]
        var failed = false
        for (index, parameter) in spec.hyperparameters.enumerated() {
            guard let argument = matched[index] else { continue }
            ranges[parameter.name] = argument.value.range
            if let value = hyperValue(argument.value, parameter, spec, &diagnostics) {
                values[parameter.name] = value
            } else {
                failed = true
            }
        }
        if failed { return nil }
        let config = OptimizerConfig(callName: spec.callName, arguments: values)
        let problems = spec.problems(in: config)
        for problem in problems {
            let range = ranges[problem.argument] ?? callee.range
            diagnostics.append(reader.error(problem.message, range))
        }
        return problems.isEmpty ? config : nil
    }

    private func hyperValue(
        _ expr: ExprSyntax, _ parameter: HyperparameterSpec, _ spec: OptimizerSpec, _ diagnostics: inout [Diagnostic]
    ) -> HyperValue? {
        let what = parameter.name.isEmpty ? "the \(parameter.label) of \(spec.callName)" : "'\(parameter.name)'"
        switch parameter.kind {
        case .real:
            return reader.number(expr, what, &diagnostics).map(HyperValue.real)
        case .integer:
            return reader.integer(expr, what, &diagnostics).map(HyperValue.integer)
        case .bool:
            return reader.bool(expr, what, &diagnostics).map(HyperValue.bool)
        case .pair:
            return reader.pair(expr, what, &diagnostics).map { HyperValue.pair($0.0, $0.1) }
        case .choice(let names):
            return reader.choice(expr, what, noun: "value of \(what)", choices: names, &diagnostics) {
                names.contains($0) ? HyperValue.choice($0) : nil
            }
        case .optimizer:
            let value = reader.resolve(expr)
            guard case .call(let callee, _, _, _) = value.kind, case .identifier(let name) = callee.kind else {
                diagnostics.append(reader.error("\(what) must be an optimizer call such as Adam(lr: 0.1)", value.range))
                return nil
            }
            guard let inner = resolveSpec(name, callee.range, &diagnostics) else { return nil }
            return config(value, spec: inner, &diagnostics).map(HyperValue.optimizer)
        }
    }

    /// The catalog entry called `name`, or an error with a suggestion.
    func resolveSpec(_ name: String, _ range: SourceRange, _ diagnostics: inout [Diagnostic]) -> OptimizerSpec? {
        if let spec = OptimizerCatalog.spec(callName: name) { return spec }
        let suggestion = Suggestion.closest(to: name, in: OptimizerCatalog.callNames)
        diagnostics.append(reader.error(
            "unknown optimizer '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), range,
            hint: "the optimizers are " + OptimizerCatalog.callNames.joined(separator: ", ")))
        return nil
    }

    /// Modifiers resolved: label, colour, schedule, noise.
    struct Modifiers {
        var label: String?
        var color: String?
        var schedule: LearningRateSchedule?
        var noise: GradientNoise?
    }

    func modifiers(_ list: [Modifier], _ diagnostics: inout [Diagnostic]) -> Modifiers? {
        var result = Modifiers()
        var seen: [String: SourceRange] = [:]
        var failed = false
        let names = StatementSpec.modifiers.map(\.name)
        for modifier in list {
            guard names.contains(modifier.name) else {
                reader.unknownMember(modifier.name, at: modifier.nameRange, "modifier", choices: names, &diagnostics)
                failed = true
                continue
            }
            if let first = seen[modifier.name] {
                diagnostics.append(reader.error("duplicate modifier '.\(modifier.name)'", modifier.nameRange, notes: [reader.note("first written here", first)]))
                failed = true
                continue
            }
            seen[modifier.name] = modifier.nameRange
            switch modifier.name {
            case "label":
                guard let argument = single(modifier, &diagnostics), let text = reader.label(argument.value, &diagnostics) else {
                    failed = true
                    continue
                }
                result.label = text
            case "color":
                guard let argument = single(modifier, &diagnostics), let color = color(argument.value, &diagnostics) else {
                    failed = true
                    continue
                }
                result.color = color
            case "schedule":
                guard let schedule = schedule(modifier, &diagnostics) else { failed = true; continue }
                result.schedule = schedule
            default:
                guard let noise = noise(modifier, &diagnostics) else { failed = true; continue }
                result.noise = noise
            }
        }
        return failed ? nil : result
    }

    private func single(_ modifier: Modifier, _ diagnostics: inout [Diagnostic]) -> ArgumentSyntax? {
        matcher.match(modifier.arguments, to: [.init(nil)], callee: "." + modifier.name, calleeRange: modifier.nameRange,
                      diagnostics: &diagnostics)?[0]
    }

    private func color(_ expr: ExprSyntax, _ diagnostics: inout [Diagnostic]) -> String? {
        let value = reader.resolve(expr)
        if case .string(let text) = value.kind {
            let digits = text.dropFirst()
            guard text.hasPrefix("#"), digits.count == 6, digits.allSatisfy(\.isHexDigit) else {
                diagnostics.append(reader.error("a colour string must be '#rrggbb', not \(SyntaxPrinter.quote(text))", value.range))
                return nil
            }
            return text.lowercased()
        }
        let names = StatementSpec.colorNames
        return reader.choice(value, "the colour", noun: "colour", choices: names, &diagnostics) { names.contains($0) ? $0 : nil }
    }

    /// The schedules, their labeled arguments and defaults (PyTorch's where it has them).
    static var schedules: [(name: String, parameters: [ScheduleParameter])] { ScheduleReader.schedules }

    private func schedule(_ modifier: Modifier, _ diagnostics: inout [Diagnostic]) -> LearningRateSchedule? {
        guard let matched = matcher.match(modifier.arguments, to: [.init(nil), .init("then", required: false)],
                                          callee: ".schedule", calleeRange: modifier.nameRange, diagnostics: &diagnostics),
              let first = oneSchedule(matched[0]!.value, &diagnostics)
        else { return nil }
        var schedule = first
        if let then = matched[1] {
            guard let second = oneSchedule(then.value, &diagnostics) else { return nil }
            schedule = .sequential(first, then: second)
        }
        let problems = schedule.problems
        for problem in problems { diagnostics.append(reader.error(problem, modifier.range)) }
        return problems.isEmpty ? schedule : nil
    }

    private func oneSchedule(_ expr: ExprSyntax, _ diagnostics: inout [Diagnostic]) -> LearningRateSchedule? {
        ScheduleReader(reader: reader).schedule(expr, &diagnostics)
    }

    private func noise(_ modifier: Modifier, _ diagnostics: inout [Diagnostic]) -> GradientNoise? {
        guard let matched = matcher.match(modifier.arguments, to: [.init("eta"), .init("gamma", required: false)],
                                          callee: ".gradientNoise", calleeRange: modifier.nameRange, diagnostics: &diagnostics),
              let eta = reader.number(matched[0]!.value, "'eta'", &diagnostics)
        else { return nil }
        var gamma = 0.55
        if let argument = matched[1] {
            guard let value = reader.number(argument.value, "'gamma'", &diagnostics) else { return nil }
            gamma = value
        }
        if eta < 0 {
            diagnostics.append(reader.error("Invalid noise variance: \(NumberText.format(eta)) (eta must be ≥ 0)", matched[0]!.value.range))
            return nil
        }
        if gamma < 0 {
            diagnostics.append(reader.error("Invalid noise decay: \(NumberText.format(gamma)) (gamma must be ≥ 0)", matched[1]!.value.range))
            return nil
        }
        return GradientNoise(eta: eta, gamma: gamma)
    }
}

extension String {
    /// The string without leading and trailing whitespace.
    var trimmingWhitespace: Substring {
        let start = firstIndex { !$0.isWhitespace } ?? endIndex
        let end = lastIndex { !$0.isWhitespace }.map { index(after: $0) } ?? start
        return self[start..<max(start, end)]
    }
}

extension OptimizerCallChecker {
    /// The runs of a builder's optimizer calls, in written order: each call's configuration
    /// and modifiers, with unique labels. `refuse` is the builder's own restriction: a
    /// diagnostic for a call that checked but cannot run there (Newton in a training).
    func runs(
        _ calls: [ExprSyntax], _ diagnostics: inout [Diagnostic],
        refusing refuse: (OptimizerSpec, [Modifier], _ callee: ExprSyntax) -> Diagnostic? = { _, _, _ in nil }
    ) -> [RunDescription] {
        var runs: [RunDescription] = []
        var labelRanges: [String: SourceRange] = [:]
        for expr in calls {
            guard let (call, modifierList) = splitChain(expr, &diagnostics),
                  case .call(let callee, _, _, _) = call.kind, let name = callee.calleeName,
                  let spec = OptimizerCatalog.spec(callName: name)
            else { continue }
            let config = config(call, spec: spec, &diagnostics)
            let modifiers = modifiers(modifierList, &diagnostics)
            guard let config, let modifiers else { continue }
            if let schedule = modifiers.schedule, schedule.cyclesMomentum, !OptimizerCatalog.cyclesMomentum(config),
               let modifier = modifierList.first(where: { $0.name == "schedule" }) {
                diagnostics.append(reader.error(
                    "optimizer must support momentum or beta1 with `cycle_momentum` option enabled", modifier.range,
                    hint: "\(spec.callName) has neither a momentum nor betas to cycle; write 'cycleMomentum: false' in the schedule"))
                continue
            }
            if let refusal = refuse(spec, modifierList, callee) {
                diagnostics.append(refusal)
                continue
            }
            let label = modifiers.label ?? spec.displayName
            if let first = labelRanges[label] {
                diagnostics.append(reader.error(
                    "two runs are labeled '\(label)'", callee.range,
                    hint: "give one a label of its own with .label(\"…\")", notes: [reader.note("the other run is here", first)]))
                continue
            }
            labelRanges[label] = callee.range
            runs.append(RunDescription(
                optimizer: config, call: SyntaxPrinter.print(expr), label: label, color: modifiers.color,
                schedule: modifiers.schedule, noise: modifiers.noise, location: reader.location(callee.range)))
        }
        return runs
    }
}
