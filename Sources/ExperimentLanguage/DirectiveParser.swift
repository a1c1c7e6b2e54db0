import CourseDiagnostics
import Optimizers

/// The language's entry point: the text of one `experiment` fence in, a checked ``Directive`` out.
public enum DirectiveParser {
    /// Parses and checks `text`, whose first line is line `origin.line` of `origin.file`.
    ///
    /// Every problem is appended to `diagnostics` (all of them, not just the first), with
    /// the chapter file's line and column. Returns `nil` when there was any error. Never
    /// traps and never hangs, whatever the text.
    public static func parse(_ text: String, origin: SourceOrigin, diagnostics: inout [Diagnostic]) -> Directive? {
        guard text.utf8.count <= Limits.maximumSourceLength else {
            diagnostics.append(.error(
                "the directive is \(text.utf8.count) bytes long; at most \(Limits.maximumSourceLength) are allowed",
                at: origin.location(line: 1, column: 1), hint: "split it into several fences"))
            return nil
        }
        let errorsBefore = diagnostics.count
        let statements = Parser.parse(text, origin: origin, diagnostics: &diagnostics)
        let hadSyntaxErrors = diagnostics.count > errorsBefore
        var reader = ValueReader(origin: origin, constants: ConstantScope())
        var directive: Directive?
        var builderRange: SourceRange?
        var declared: [String: SourceRange] = [:]
        // An expression that should have been the builder was already reported as such
        // ("unknown builder 'X'"); "no builder call" would say the same thing twice.
        var reportedMisplacedBuilder = false

        for statement in statements {
            switch statement {
            case .let(let name, let nameRange, let value, _):
                if let previous = declared[name] {
                    diagnostics.append(reader.error("invalid redeclaration of '\(name)'", nameRange,
                                                    notes: [reader.note("first declared here", previous)]))
                    continue
                }
                declared[name] = nameRange
                bind(name, value, nameRange: nameRange, in: &reader, &diagnostics)
            case .return(_, let range):
                diagnostics.append(reader.error("'return' cannot appear in a directive", range))
            case .expression(let expr):
                guard case .call(let callee, let arguments, let trailing, _) = expr.kind, case .identifier(let name) = callee.kind else {
                    diagnostics.append(reader.error("expected a builder call such as 'Experiment(\"…\") { … }'", expr.range))
                    reportedMisplacedBuilder = true
                    continue
                }
                if let first = builderRange {
                    diagnostics.append(reader.error("a fence holds one builder call", callee.range,
                                                    hint: "put each builder in its own fence",
                                                    notes: [reader.note("the first builder is here", first)]))
                    continue
                }
                switch name {
                case "Experiment":
                    builderRange = callee.range
                    directive = experiment(expr, callee.range, arguments, trailing, reader, text, hadSyntaxErrors, &diagnostics)
                case "Formulas":
                    builderRange = callee.range
                    directive = formulas(callee.range, arguments, trailing, reader, &diagnostics)
                case "Schedule", "Average":
                    builderRange = callee.range
                    directive = study(name, expr, callee.range, arguments, trailing, reader, text, hadSyntaxErrors, &diagnostics)
                case "Training", "Activations":
                    builderRange = callee.range
                    directive = networkStudy(name, expr, callee.range, arguments, trailing, reader, text, hadSyntaxErrors, &diagnostics)
                default:
                    misplacedStatement(name, callee.range, reader, &diagnostics)
                    reportedMisplacedBuilder = true
                }
            }
        }
        if builderRange == nil, !hadSyntaxErrors, !reportedMisplacedBuilder {
            diagnostics.append(.error(
                "the fence has no builder call", at: origin.location(line: 1, column: 1),
                hint: "write 'Experiment(\"title\") { … }', 'Schedule(\"title\") { … }', 'Average(\"title\") { … }', "
                    + "'Training(\"title\") { … }', 'Activations(\"title\") { … }' or 'Formulas(.sgd, .adam)'"))
        }
        return diagnostics.count == errorsBefore ? directive : nil
    }

    /// Binds `let name = value`: a number is evaluated now, anything else is kept as syntax.
    static func bind(_ name: String, _ value: ExprSyntax, nameRange: SourceRange, in reader: inout ValueReader, _ diagnostics: inout [Diagnostic]) {
        if isNumeric(value, reader) {
            if let number = reader.number(value, "'\(name)'", &diagnostics) {
                reader.constants.bind(name, .number(number, isInteger: isIntegerLiteral(value)), at: nameRange)
            }
        } else {
            reader.constants.bind(name, .syntax(value), at: nameRange)
        }
    }

    /// Whether `expr` is arithmetic (to evaluate now) rather than a string, tuple, member or call.
    private static func isNumeric(_ expr: ExprSyntax, _ reader: ValueReader) -> Bool {
        switch expr.kind {
        case .integer, .float, .prefix, .anonymousParameter: return true
        case .binary(let op, _, _, _): return op != "..." && op != "..<"
        case .parenthesized(let inner): return isNumeric(inner, reader)
        case .identifier(let name):
            if case .syntax? = reader.constants.lookup(name) { return false }
            return true
        case .call(let callee, _, _, _):
            guard case .identifier(let name) = callee.kind else { return false }
            return ExpressionTranslator.functionNames.contains(name)
        case .implicitMember(let name): return name == "pi"
        case .member(_, let name, _): return name == "pi"
        case .string, .boolean, .tuple, .array, .closure: return false
        }
    }

    private static func isIntegerLiteral(_ expr: ExprSyntax) -> Bool {
        switch expr.kind {
        case .integer: return true
        case .prefix("-", let operand): return isIntegerLiteral(operand)
        default: return false
        }
    }

    private static func misplacedStatement(_ name: String, _ range: SourceRange, _ reader: ValueReader, _ diagnostics: inout [Diagnostic]) {
        let builders = StatementSpec.builders.map(\.name)
        let statements = StatementSpec.experiment + StatementSpec.schedule + StatementSpec.average + StatementSpec.averages
            + StatementSpec.training + StatementSpec.activations
        if statements.contains(where: { $0.name == name }) || OptimizerCatalog.spec(callName: name) != nil {
            let builder: String
            if StatementSpec.averages.contains(where: { $0.name == name }) || name == "Series" {
                builder = "Average"
            } else if ["Weights", "Inputs", "Histogram"].contains(name) {
                builder = "Activations"
            } else if ["Dataset", "Network", "Iterations", "L2", "Sampling", "EvaluationInterval"].contains(name) {
                builder = "Training"
            } else {
                builder = "Experiment"
            }
            diagnostics.append(reader.error("'\(name)' belongs inside a builder's closure", range,
                                            hint: "move it into '\(builder)(\"…\") { … }'"))
        } else {
            let suggestion = Suggestion.closest(to: name, in: builders)
            diagnostics.append(reader.error(
                "unknown builder '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), range,
                hint: "the builders are " + builders.joined(separator: ", ")))
        }
    }

    private static func experiment(
        _ expr: ExprSyntax, _ range: SourceRange, _ arguments: [ArgumentSyntax], _ trailing: ClosureSyntax?, _ reader: ValueReader,
        _ text: String, _ hadSyntaxErrors: Bool, _ diagnostics: inout [Diagnostic]
    ) -> Directive? {
        let matched = ArgumentMatcher(origin: reader.origin).match(
            arguments, to: [.init(nil)], callee: "Experiment", calleeRange: range, diagnostics: &diagnostics)
        var title: String?
        if let argument = matched?[0] {
            title = reader.string(argument.value, "the experiment's title", &diagnostics)
            if let t = title, t.trimmingWhitespace.isEmpty {
                diagnostics.append(reader.error("the experiment's title cannot be empty", argument.value.range))
                title = nil
            }
        }
        guard let body = trailing else {
            diagnostics.append(reader.error("'Experiment' needs its statements in a trailing closure", expr.range,
                                            hint: "write 'Experiment(\"…\") { Objective(.rosenbrock); Adam(lr: 0.1) }'"))
            return nil
        }
        if body.hasSignature {
            diagnostics.append(reader.error("the experiment's closure takes no parameters", body.range, hint: "remove 'in' and the names before it"))
            return nil
        }
        let checker = ExperimentChecker(reader: reader, source: text, hadSyntaxErrors: hadSyntaxErrors)
        let experiment = checker.check(title: title ?? "", builderRange: range, body: body, &diagnostics)
        guard title != nil, let experiment else { return nil }
        return .experiment(experiment)
    }

    /// `Schedule("…") { … }` or `Average("…") { … }`: a title and a closure of statements.
    private static func study(
        _ name: String, _ expr: ExprSyntax, _ range: SourceRange, _ arguments: [ArgumentSyntax], _ trailing: ClosureSyntax?,
        _ reader: ValueReader, _ text: String, _ hadSyntaxErrors: Bool, _ diagnostics: inout [Diagnostic]
    ) -> Directive? {
        let what = name == "Schedule" ? "schedule" : "average"
        let matched = ArgumentMatcher(origin: reader.origin).match(
            arguments, to: [.init(nil)], callee: name, calleeRange: range, diagnostics: &diagnostics)
        var title: String?
        if let argument = matched?[0] {
            title = reader.string(argument.value, "the \(what)'s title", &diagnostics)
            if let t = title, t.trimmingWhitespace.isEmpty {
                diagnostics.append(reader.error("the \(what)'s title cannot be empty", argument.value.range))
                title = nil
            }
        }
        guard let body = trailing else {
            let example = name == "Schedule"
                ? "Schedule(\"…\") { SGD(lr: 0.1).schedule(.cosine(steps: 100)) }"
                : "Average(\"…\") { Series(.constant(1, noise: 0.5)); ExponentialAverage(beta: 0.9) }"
            diagnostics.append(reader.error("'\(name)' needs its statements in a trailing closure", expr.range, hint: "write '\(example)'"))
            return nil
        }
        if body.hasSignature {
            diagnostics.append(reader.error("the \(what)'s closure takes no parameters", body.range, hint: "remove 'in' and the names before it"))
            return nil
        }
        if name == "Schedule" {
            let checker = ScheduleChecker(reader: reader, source: text, hadSyntaxErrors: hadSyntaxErrors)
            let study = checker.check(title: title ?? "", builderRange: range, body: body, &diagnostics)
            guard title != nil, let study else { return nil }
            return .schedule(study)
        }
        let checker = AverageChecker(reader: reader, source: text, hadSyntaxErrors: hadSyntaxErrors)
        let study = checker.check(title: title ?? "", builderRange: range, body: body, &diagnostics)
        guard title != nil, let study else { return nil }
        return .average(study)
    }

    /// `Training("…") { … }` or `Activations("…") { … }`: a title and a closure of statements.
    private static func networkStudy(
        _ name: String, _ expr: ExprSyntax, _ range: SourceRange, _ arguments: [ArgumentSyntax], _ trailing: ClosureSyntax?,
        _ reader: ValueReader, _ text: String, _ hadSyntaxErrors: Bool, _ diagnostics: inout [Diagnostic]
    ) -> Directive? {
        let what = name == "Training" ? "training" : "activation study"
        let matched = ArgumentMatcher(origin: reader.origin).match(
            arguments, to: [.init(nil)], callee: name, calleeRange: range, diagnostics: &diagnostics)
        var title: String?
        if let argument = matched?[0] {
            title = reader.string(argument.value, "the \(what)'s title", &diagnostics)
            if let t = title, t.trimmingWhitespace.isEmpty {
                diagnostics.append(reader.error("the \(what)'s title cannot be empty", argument.value.range))
                title = nil
            }
        }
        guard let body = trailing else {
            let example = name == "Training"
                ? "Training(\"…\") { Dataset(.digits); Network(hidden: [100, 100]); Adam(lr: 0.001) }"
                : "Activations(\"…\") { Weights(.xavierNormal) }"
            diagnostics.append(reader.error("'\(name)' needs its statements in a trailing closure", expr.range, hint: "write '\(example)'"))
            return nil
        }
        if body.hasSignature {
            diagnostics.append(reader.error("the \(what)'s closure takes no parameters", body.range, hint: "remove 'in' and the names before it"))
            return nil
        }
        if name == "Training" {
            let checker = TrainingChecker(reader: reader, source: text, hadSyntaxErrors: hadSyntaxErrors)
            let study = checker.check(title: title ?? "", builderRange: range, body: body, &diagnostics)
            guard title != nil, let study else { return nil }
            return .training(study)
        }
        let checker = ActivationsChecker(reader: reader, source: text, hadSyntaxErrors: hadSyntaxErrors)
        let study = checker.check(title: title ?? "", builderRange: range, body: body, &diagnostics)
        guard title != nil, let study else { return nil }
        return .activations(study)
    }

    private static func formulas(
        _ range: SourceRange, _ arguments: [ArgumentSyntax], _ trailing: ClosureSyntax?, _ reader: ValueReader,
        _ diagnostics: inout [Diagnostic]
    ) -> Directive? {
        if let trailing {
            diagnostics.append(reader.error("'Formulas' takes no closure", trailing.range))
            return nil
        }
        guard !arguments.isEmpty else {
            diagnostics.append(reader.error("'Formulas' needs at least one method", range, hint: "write 'Formulas(.sgd, .adam)'"))
            return nil
        }
        let ids = OptimizerCatalog.all.map(\.id)
        var specs: [OptimizerSpec] = []
        var seen: [String: SourceRange] = [:]
        var failed = false
        for argument in arguments {
            if let label = argument.label {
                diagnostics.append(reader.error("'Formulas' takes unlabeled methods, not '\(label):'", argument.labelRange ?? argument.range))
                failed = true
                continue
            }
            guard let member = reader.member(argument.value, "a method", choices: ids, &diagnostics) else {
                failed = true
                continue
            }
            guard member.arguments == nil, let spec = OptimizerCatalog.spec(id: member.name) else {
                reader.unknownMember(member, "method", choices: ids, &diagnostics)
                failed = true
                continue
            }
            if let first = seen[spec.id] {
                diagnostics.append(reader.error("'.\(spec.id)' is listed twice", member.range, notes: [reader.note("first listed here", first)]))
                failed = true
                continue
            }
            seen[spec.id] = member.range
            specs.append(spec)
        }
        return failed ? nil : .formulas(FormulaTable(optimizers: specs, location: reader.location(range)))
    }
}
