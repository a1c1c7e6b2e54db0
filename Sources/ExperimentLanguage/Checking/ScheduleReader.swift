import CourseDiagnostics
import Objectives
import Optimizers

/// A labeled argument of a schedule, as in `.cyclic(maxLR: 0.5, mode: .triangular2)`: its label,
/// what it accepts and its default (PyTorch's where it has the scheduler).
struct ScheduleParameter: Sendable {
    enum Kind: Sendable {
        case number, integer, bool
        /// A plain implicit member such as `.triangular2`.
        case choice([String])
        /// An array of whole numbers, as `[30, 80]`.
        case integers
        /// A closure of the step, as `{ step in pow(0.95, step) }`.
        case function
    }

    /// What an argument held, or its default.
    enum Value: Sendable {
        case number(Double), integer(Int), bool(Bool), choice(String), integers([Int]), function(ScheduleFunction)
        /// An optional argument left out, whose default depends on the run (`stepsDown`, `maxLR`).
        case absent

        var number: Double? { if case .number(let x) = self { x } else { nil } }
        var integer: Int? { if case .integer(let n) = self { n } else { nil } }
        var bool: Bool { if case .bool(let b) = self { b } else { false } }
        var choice: String { if case .choice(let c) = self { c } else { "" } }
        var integers: [Int] { if case .integers(let list) = self { list } else { [] } }
        var function: ScheduleFunction? { if case .function(let f) = self { f } else { nil } }
    }

    let label: String
    let kind: Kind
    /// `nil` when the argument is required.
    let defaultValue: Value?

    static func number(_ label: String, _ value: Double? = nil) -> Self { Self(label: label, kind: .number, defaultValue: value.map(Value.number)) }
    static func optionalNumber(_ label: String) -> Self { Self(label: label, kind: .number, defaultValue: .absent) }
    static func integer(_ label: String, _ value: Int? = nil) -> Self { Self(label: label, kind: .integer, defaultValue: value.map(Value.integer)) }
    static func optionalInteger(_ label: String) -> Self { Self(label: label, kind: .integer, defaultValue: .absent) }
    static func bool(_ label: String, _ value: Bool) -> Self { Self(label: label, kind: .bool, defaultValue: .bool(value)) }
    static func choice(_ label: String, _ choices: [String], _ value: String) -> Self {
        Self(label: label, kind: .choice(choices), defaultValue: .choice(value))
    }
    static func integers(_ label: String) -> Self { Self(label: label, kind: .integers, defaultValue: nil) }
    static func function(_ label: String, optional: Bool) -> Self { Self(label: label, kind: .function, defaultValue: optional ? .absent : nil) }
}

/// Reads a schedule written as an implicit member: `.cosine(steps: 100)`, `.chained(.step(…), .exponential(…))`,
/// `.lambda { step in pow(0.95, step) }`.
struct ScheduleReader {
    let reader: ValueReader

    /// Every schedule, its labeled arguments and defaults (PyTorch's where it has them), in the
    /// order the language reference lists them. `.chained` takes schedules; `.lambda` and
    /// `.multiplicative` a trailing closure.
    static let schedules: [(name: String, parameters: [ScheduleParameter])] = [
        ("step", [.integer("every"), .number("gamma", 0.1)]),
        ("multiStep", [.integers("milestones"), .number("gamma", 0.1)]),
        ("exponential", [.number("gamma")]),
        ("cosine", [.integer("steps"), .number("minLR", 0)]),
        ("linear", [.number("startFactor", 1.0 / 3), .number("endFactor", 1), .integer("steps", 5)]),
        ("warmup", [.integer("steps"), .number("startFactor", 1.0 / 3)]),
        ("constant", [.number("factor", 1.0 / 3), .integer("steps", 5)]),
        ("polynomial", [.integer("steps", 5), .number("power", 1)]),
        ("cosineRestarts", [.integer("steps"), .integer("multiplier", 1), .number("minLR", 0)]),
        ("cyclic", [
            .number("maxLR"), .integer("stepsUp", 2000), .optionalInteger("stepsDown"),
            .choice("mode", CyclicSchedule.Mode.allCases.map(\.rawValue), "triangular"), .number("gamma", 1),
            .function("scale", optional: true), .choice("scaleMode", CyclicSchedule.ScaleMode.allCases.map(\.rawValue), "cycle"),
            .bool("cycleMomentum", true), .number("baseMomentum", 0.8), .number("maxMomentum", 0.9),
        ]),
        ("oneCycle", [
            .integer("steps"), .optionalNumber("maxLR"), .number("pctStart", 0.3),
            .choice("anneal", OneCycleSchedule.Anneal.allCases.map(\.rawValue), "cos"), .number("divFactor", 25),
            .number("finalDivFactor", 1e4), .bool("threePhase", false), .bool("cycleMomentum", true),
            .number("baseMomentum", 0.85), .number("maxMomentum", 0.95),
        ]),
        ("plateau", [
            .choice("mode", PlateauSchedule.Mode.allCases.map(\.rawValue), "min"), .number("factor", 0.1), .integer("patience", 10),
            .number("threshold", 1e-4), .choice("thresholdMode", PlateauSchedule.ThresholdMode.allCases.map(\.rawValue), "rel"),
            .integer("cooldown", 0), .number("minLR", 0), .number("eps", 1e-8),
        ]),
        ("chained", []),
        ("lambda", [.function("", optional: false)]),
        ("multiplicative", [.function("", optional: false)]),
    ]

    /// The example a schedule's "needs its arguments" hint shows.
    private static func example(_ name: String, _ parameters: [ScheduleParameter]) -> String {
        switch name {
        case "chained": return ".chained(.step(every: 10), .exponential(gamma: 0.99))"
        case "lambda": return ".lambda { step in pow(0.95, step) }"
        case "multiplicative": return ".multiplicative { step in 0.95 }"
        default: return "." + name + "(" + parameters.filter { $0.defaultValue == nil }.map { "\($0.label): …" }.joined(separator: ", ") + ")"
        }
    }

    func schedule(_ expr: ExprSyntax, _ diagnostics: inout [Diagnostic]) -> LearningRateSchedule? {
        let names = Self.schedules.map(\.name)
        let value = reader.resolve(expr)
        var name: String, nameRange: SourceRange
        var arguments: [ArgumentSyntax]?
        var trailing: ClosureSyntax?
        switch value.kind {
        case .implicitMember(let member):
            (name, nameRange) = (member, value.range)
        case .call(let callee, let args, let closure, let hasParentheses):
            guard case .implicitMember(let member) = callee.kind else { fallthrough }
            (name, nameRange, trailing) = (member, callee.range, closure)
            arguments = hasParentheses || !args.isEmpty ? args : nil
        default:
            diagnostics.append(reader.error(
                "the schedule must be one of " + names.map { "." + $0 }.joined(separator: ", "), value.range))
            return nil
        }
        guard let entry = Self.schedules.first(where: { $0.name == name }) else {
            reader.unknownMember(name, at: nameRange, "schedule", choices: names, &diagnostics)
            return nil
        }
        let takesClosure = entry.parameters.first?.label == ""
        if let trailing, !takesClosure {
            diagnostics.append(reader.error("'.\(name)' takes no closure", trailing.range))
            return nil
        }
        guard arguments != nil || trailing != nil else {
            diagnostics.append(reader.error("'.\(name)' needs its arguments", nameRange, hint: "write " + Self.example(name, entry.parameters)))
            return nil
        }
        if name == "chained" {
            return chained(arguments ?? [], nameRange, &diagnostics)
        }
        if takesClosure {
            var closure = trailing
            if closure == nil, let args = arguments, args.count == 1, args[0].label == nil, case .closure(let c) = reader.resolve(args[0].value).kind {
                closure = c
            } else if let args = arguments, !args.isEmpty {
                diagnostics.append(reader.error("'.\(name)' takes a closure of the step", args[0].value.range,
                                                hint: "write " + Self.example(name, entry.parameters)))
                return nil
            }
            guard let closure, let function = function(closure, &diagnostics) else {
                if closure == nil {
                    diagnostics.append(reader.error("'.\(name)' needs a closure of the step", nameRange, hint: "write " + Self.example(name, entry.parameters)))
                }
                return nil
            }
            return name == "lambda" ? .lambda(function) : .multiplicative(function)
        }
        guard let v = values(arguments ?? [], entry.parameters, callee: "." + name, nameRange, &diagnostics) else { return nil }
        func n(_ i: Int) -> Double { v[i].number ?? 0 }
        func i(_ k: Int) -> Int { v[k].integer ?? 0 }
        switch name {
        case "step": return .step(every: i(0), gamma: n(1))
        case "multiStep": return .multiStep(milestones: v[0].integers, gamma: n(1))
        case "exponential": return .exponential(gamma: n(0))
        case "cosine": return .cosine(steps: i(0), minLR: n(1))
        case "linear": return .linear(startFactor: n(0), endFactor: n(1), steps: i(2))
        case "warmup": return .warmup(steps: i(0), startFactor: n(1))
        case "constant": return .constant(factor: n(0), steps: i(1))
        case "polynomial": return .polynomial(steps: i(0), power: n(1))
        case "cosineRestarts": return .cosineRestarts(steps: i(0), multiplier: i(1), minLR: n(2))
        case "cyclic":
            return .cyclic(CyclicSchedule(
                maxLR: n(0), stepsUp: i(1), stepsDown: v[2].integer, mode: CyclicSchedule.Mode(rawValue: v[3].choice) ?? .triangular,
                gamma: n(4), scale: v[5].function, scaleMode: CyclicSchedule.ScaleMode(rawValue: v[6].choice) ?? .cycle,
                cycleMomentum: v[7].bool, baseMomentum: n(8), maxMomentum: n(9)))
        case "oneCycle":
            return .oneCycle(OneCycleSchedule(
                maxLR: v[1].number, steps: i(0), pctStart: n(2), anneal: OneCycleSchedule.Anneal(rawValue: v[3].choice) ?? .cos,
                cycleMomentum: v[7].bool, baseMomentum: n(8), maxMomentum: n(9), divFactor: n(4), finalDivFactor: n(5),
                threePhase: v[6].bool))
        default:
            return .plateau(PlateauSchedule(
                mode: PlateauSchedule.Mode(rawValue: v[0].choice) ?? .min, factor: n(1), patience: i(2), threshold: n(3),
                thresholdMode: PlateauSchedule.ThresholdMode(rawValue: v[4].choice) ?? .rel, cooldown: i(5), minLR: n(6), eps: n(7)))
        }
    }

    private func chained(_ arguments: [ArgumentSyntax], _ nameRange: SourceRange, _ diagnostics: inout [Diagnostic]) -> LearningRateSchedule? {
        var parts: [LearningRateSchedule] = []
        var failed = false
        for argument in arguments {
            if let label = argument.label {
                diagnostics.append(reader.error("'.chained' takes schedules without labels, not '\(label):'", argument.labelRange ?? argument.range,
                                                hint: "write " + Self.example("chained", [])))
                failed = true
                continue
            }
            if let part = schedule(argument.value, &diagnostics) { parts.append(part) } else { failed = true }
        }
        return failed ? nil : .chained(parts)
    }

    /// The arguments matched to `parameters`, defaults filled in; `nil` after reporting what is wrong.
    private func values(
        _ arguments: [ArgumentSyntax], _ parameters: [ScheduleParameter], callee: String, _ nameRange: SourceRange,
        _ diagnostics: inout [Diagnostic]
    ) -> [ScheduleParameter.Value]? {
        guard let matched = ArgumentMatcher(origin: reader.origin).match(
            arguments, to: parameters.map { .init($0.label, required: $0.defaultValue == nil) }, callee: callee,
            calleeRange: nameRange, diagnostics: &diagnostics)
        else { return nil }
        var values: [ScheduleParameter.Value] = []
        var failed = false
        for (index, parameter) in parameters.enumerated() {
            guard let argument = matched[index] else {
                values.append(parameter.defaultValue!)
                continue
            }
            let what = "'\(parameter.label)'"
            let value: ScheduleParameter.Value?
            switch parameter.kind {
            case .number: value = reader.number(argument.value, what, &diagnostics).map { .number($0) }
            case .integer: value = reader.integer(argument.value, what, &diagnostics).map { .integer($0) }
            case .bool: value = reader.bool(argument.value, what, &diagnostics).map { .bool($0) }
            case .choice(let choices):
                value = reader.choice(argument.value, what, noun: "value of \(what)", choices: choices, &diagnostics) {
                    choices.contains($0) ? .choice($0) : nil
                }
            case .integers: value = integers(argument.value, what, &diagnostics).map { .integers($0) }
            case .function:
                if case .closure(let closure) = reader.resolve(argument.value).kind {
                    value = function(closure, &diagnostics).map { .function($0) }
                } else {
                    diagnostics.append(reader.error("\(what) must be a closure of one variable, as in '{ x in 1 / pow(2, x - 1) }'",
                                                    reader.resolve(argument.value).range))
                    value = nil
                }
            }
            if let value { values.append(value) } else { failed = true }
        }
        return failed ? nil : values
    }

    /// `[30, 80]`.
    private func integers(_ expr: ExprSyntax, _ what: String, _ diagnostics: inout [Diagnostic]) -> [Int]? {
        let value = reader.resolve(expr)
        guard case .array(let elements) = value.kind else {
            diagnostics.append(reader.error("\(what) must be an array of steps, as in [30, 80]", value.range))
            return nil
        }
        var list: [Int] = []
        for element in elements {
            guard let n = reader.integer(element, "each of \(what)", &diagnostics) else { return nil }
            list.append(n)
        }
        return list
    }

    /// A closure of one variable compiled by the objectives' compiler, so it evaluates `pow`, `exp`,
    /// `cos` and the rest as an objective's formula does.
    private func function(_ closure: ClosureSyntax, _ diagnostics: inout [Diagnostic]) -> ScheduleFunction? {
        if closure.hasSignature, closure.parameters.count != 1 {
            diagnostics.append(reader.error(
                "a schedule's closure takes one variable, the step, not \(closure.parameters.count)", closure.range,
                hint: "write it as '{ step in pow(0.95, step) }'"))
            return nil
        }
        guard let compiled = ClosureCompiler.compile(closure, origin: reader.origin, constants: reader.constants, diagnostics: &diagnostics)
        else { return nil }
        guard compiled.variableNames.count == 1 else {
            diagnostics.append(reader.error(
                "a schedule's closure takes one variable, the step, not \(compiled.variableNames.count)", closure.range,
                hint: "write it as '{ step in pow(0.95, step) }'"))
            return nil
        }
        let f = compiled.function
        return ScheduleFunction(text: SyntaxPrinter.print(closure)) { x in
            withUnsafePointer(to: x) { f.value(UnsafeBufferPointer(start: $0, count: 1)) }
        }
    }
}
