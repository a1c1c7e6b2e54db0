import CourseDiagnostics
import Optimizers

/// The one checker every builder goes through: it reads the builder call's title and
/// closure, walks the body, looks each statement up in the builder's table, rejects
/// duplicates of non-repeatable statements and modifiers where none belong, reports unknown
/// statements (with a suggestion, or the builder they belong to), and then calls the
/// builder's own `validate`.
enum BuilderChecker {
    /// Checks the builder call `expr` (callee `name` at `range`) and returns its directive,
    /// or `nil` after reporting every problem.
    static func check(
        _ builder: BuilderDescription, _ expr: ExprSyntax, _ range: SourceRange, _ arguments: [ArgumentSyntax], _ trailing: ClosureSyntax?,
        reader: ValueReader, source: String, hadSyntaxErrors: Bool, _ diagnostics: inout [Diagnostic]
    ) -> Directive? {
        guard case .titled(let example) = builder.form else {
            if let trailing {
                diagnostics.append(reader.error(BuilderMessage.noClosure(builder.name), trailing.range))
                return nil
            }
            var input = BuilderInput(description: builder, title: "", builderRange: range, arguments: arguments, body: nil,
                                     reader: reader, source: source, hadSyntaxErrors: hadSyntaxErrors)
            return builder.validate(&input, &diagnostics)
        }
        let matched = ArgumentMatcher(origin: reader.origin).match(
            arguments, to: [.init(nil)], callee: builder.name, calleeRange: range, diagnostics: &diagnostics)
        var title: String?
        if let argument = matched?[0] {
            title = reader.string(argument.value, "the \(builder.noun)'s title", &diagnostics)
            if let t = title, t.trimmingWhitespace.isEmpty {
                diagnostics.append(reader.error("the \(builder.noun)'s title cannot be empty", argument.value.range))
                title = nil
            }
        }
        guard let body = trailing else {
            diagnostics.append(reader.error("'\(builder.name)' needs its statements in a trailing closure", expr.range,
                                            hint: "write '\(example)'"))
            return nil
        }
        if body.hasSignature {
            diagnostics.append(reader.error("the \(builder.noun)'s closure takes no parameters", body.range,
                                            hint: "remove 'in' and the names before it"))
            return nil
        }
        var input = BuilderInput(description: builder, title: title ?? "", builderRange: range, arguments: arguments, body: body,
                                 reader: reader, source: source, hadSyntaxErrors: hadSyntaxErrors, enclosing: reader)
        if builder.walksBody { collect(body, into: &input, &diagnostics) }
        let directive = builder.validate(&input, &diagnostics)
        return title == nil ? nil : directive
    }

    /// Walks `body` and sorts its statements into `input`, reporting what the table rules out.
    static func collect(_ body: ClosureSyntax, into input: inout BuilderInput, _ diagnostics: inout [Diagnostic]) {
        let builder = input.description
        var statements: [String: [BuilderCall]] = [:]
        var runs: [BuilderCall] = []
        BuilderBody.walk(body, example: builder.statementExample, reader: &input.reader, &diagnostics) { call, reader, diagnostics in
            if builder.runs.contains(call.name) {
                runs.append(call)
                return
            }
            guard let statement = builder.statement(call.name) else {
                diagnostics.append(unknownStatement(call.name, call.nameRange, in: builder, reader))
                return
            }
            if let first = call.modifiers.first, statement.modifiers.isEmpty {
                diagnostics.append(reader.error(BuilderMessage.noModifiers(call.name), first.nameRange,
                                                hint: BuilderMessage.modifiersBelong(in: builder)))
                return
            }
            if !statement.isRepeatable, let first = statements[call.name]?.first {
                diagnostics.append(reader.error(BuilderMessage.duplicate(call.name), call.nameRange,
                                                hint: "\(builder.duplicateNoun) has one '\(call.name)'",
                                                notes: [reader.note("first written here", first.nameRange)]))
                return
            }
            statements[call.name, default: []].append(call)
        }
        input.statements = statements
        input.runs = runs
    }

    /// "unknown statement 'X'", with the nearest statement or optimizer, or the builder `X` belongs in.
    static func unknownStatement(_ name: String, _ range: SourceRange, in builder: BuilderDescription, _ reader: ValueReader) -> Diagnostic {
        let statements = builder.statements.map(\.name)
        let elsewhere = BuilderMessage.belongsIn(name, besides: builder)
        switch builder.runs {
        case .optimizers:
            let optimizers = OptimizerCatalog.callNames
            if let suggestion = Suggestion.closest(to: name, in: optimizers) {
                return reader.error("unknown optimizer '\(name)'; did you mean '\(suggestion)'?", range,
                                    hint: "the optimizers are " + optimizers.joined(separator: ", "))
            }
            if let suggestion = Suggestion.closest(to: name, in: statements) {
                return reader.error("unknown statement '\(name)'; did you mean '\(suggestion)'?", range,
                                    hint: "\(builder.article) \(builder.noun)'s statements are " + statements.joined(separator: ", "))
            }
            return reader.error(
                "unknown statement or optimizer '\(name)'", range,
                hint: elsewhere ?? "the statements are \(statements.joined(separator: ", ")); the optimizers are \(optimizers.joined(separator: ", "))")
        case .none, .calls:
            let names: [String]
            if case .calls(let specs, _) = builder.runs { names = statements + specs.map(\.name) } else { names = statements }
            if OptimizerCatalog.spec(callName: name) != nil {
                let takers = BuilderDescription.all.filter { if case .optimizers = $0.runs { true } else { false } }.map { "'\($0.name)'" }
                return reader.error("'\(name)' is an optimizer; \(builder.article) \(builder.noun) has no runs", range,
                                    hint: "optimizer calls belong in " + BuilderMessage.list(takers))
            }
            let known = "\(builder.article) \(builder.noun)'s statements are " + names.joined(separator: ", ")
            if let suggestion = Suggestion.closest(to: name, in: names) {
                return reader.error("unknown statement '\(name)'; did you mean '\(suggestion)'?", range, hint: known)
            }
            return reader.error("unknown statement '\(name)'", range, hint: elsewhere ?? known)
        }
    }

    /// A call at the top of a fence that is no builder: a statement written outside its
    /// builder's closure, or an unknown builder.
    static func misplacedStatement(_ name: String, _ range: SourceRange, _ reader: ValueReader) -> Diagnostic {
        let builders = BuilderDescription.builders(taking: name).map { "'\($0.name)(\"…\") { … }'" }
        guard builders.isEmpty else {
            return reader.error("'\(name)' belongs inside a builder's closure", range, hint: "move it into " + BuilderMessage.list(builders))
        }
        let names = BuilderDescription.all.map(\.name)
        let suggestion = Suggestion.closest(to: name, in: names)
        return reader.error(
            "unknown builder '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), range,
            hint: "the builders are " + names.joined(separator: ", "))
    }
}

/// The wording of the messages every builder shares, in one place.
enum BuilderMessage {
    static func missing(_ statement: String, in builder: BuilderDescription) -> String {
        "the \(builder.noun) has no '\(statement)'"
    }

    static func duplicate(_ statement: String) -> String { "duplicate '\(statement)'" }

    static func noModifiers(_ statement: String) -> String { "'\(statement)' takes no modifiers" }

    static func noClosure(_ statement: String) -> String { "'\(statement)' takes no closure" }

    /// Where modifiers go in `builder`: its run calls, or the statements that take some.
    static func modifiersBelong(in builder: BuilderDescription) -> String {
        switch builder.runs {
        case .optimizers: return "modifiers such as .label and .color belong to optimizer calls"
        case .calls(_, let what): return "modifiers such as .label and .color belong to \(what)"
        case .none:
            let takers = builder.statements.filter { !$0.modifiers.isEmpty }
            return "only " + list(takers.map { "'\($0.name)'" }) + (takers.count == 1 ? " takes " : " take ")
                + list(Array(Set(takers.flatMap(\.modifiers))).sorted().map { ".\($0)" })
        }
    }

    /// "'X' belongs in 'Training'", when `name` is a statement of builders other than `builder`.
    static func belongsIn(_ name: String, besides builder: BuilderDescription) -> String? {
        let others = BuilderDescription.builders(taking: name).filter { $0.name != builder.name }
        guard !others.isEmpty else { return nil }
        return "'\(name)' belongs in " + list(others.map { "'\($0.name)'" })
    }

    /// "'A'", "'A' or 'B'", "'A', 'B' or 'C'".
    static func list(_ items: [String]) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        return items.dropLast().joined(separator: ", ") + " or " + items.last!
    }
}

extension BuilderChecker {
    /// Reports a body with no run calls, unless the parser failed (the call may be the one that
    /// failed to parse), or with more than `maximum`: "the training has no optimizer call".
    /// `none` completes "the training has …", `example` is its hint, `split` what to split into.
    static func reportRunCount(
        _ count: Int, of builder: BuilderDescription, maximum: Int, none: String, example: String, split: String,
        at range: SourceRange, _ reader: ValueReader, hadSyntaxErrors: Bool, _ diagnostics: inout [Diagnostic]
    ) {
        if count == 0, !hadSyntaxErrors {
            diagnostics.append(reader.error("the \(builder.noun) has \(none)", range, hint: "add one such as \(example)"))
        }
        if count > maximum {
            let calls = if case .calls(_, let what) = builder.runs { what } else { "optimizer calls" }
            diagnostics.append(reader.error(
                "the \(builder.noun) has \(count) \(calls); at most \(maximum) are allowed", range, hint: "split it into several \(split)"))
        }
    }
}

extension BuilderCall {
    /// Whether the statement is written without a trailing closure; reports one.
    func noClosure(_ reader: ValueReader, _ diagnostics: inout [Diagnostic]) -> Bool {
        guard let trailing else { return true }
        diagnostics.append(reader.error(BuilderMessage.noClosure(name), trailing.range))
        return false
    }

    /// The statement's arguments matched to `parameters` (by parameter index), for a statement
    /// written without a closure such as `Dataset(.digits, test: 0.2)`; `nil` after reporting.
    func matchArguments(
        to parameters: [ArgumentMatcher.Parameter], _ reader: ValueReader, _ diagnostics: inout [Diagnostic]
    ) -> [Int: ArgumentSyntax]? {
        guard noClosure(reader, &diagnostics) else { return nil }
        return ArgumentMatcher(origin: reader.origin).match(
            arguments, to: parameters, callee: name, calleeRange: nameRange, diagnostics: &diagnostics)
    }

    /// The one unlabeled argument of a statement such as `Steps(100)` or `Seed(3)`; `nil` after reporting.
    func singleArgument(_ reader: ValueReader, _ diagnostics: inout [Diagnostic]) -> ArgumentSyntax? {
        matchArguments(to: [.init(nil)], reader, &diagnostics)?[0]
    }

    /// The one argument of a statement such as `Steps(100)`, an integer within `bounds`; `nil` after reporting.
    func integer(_ what: String, in bounds: ClosedRange<Int>, _ reader: ValueReader, _ diagnostics: inout [Diagnostic]) -> Int? {
        guard let argument = singleArgument(reader, &diagnostics) else { return nil }
        return reader.integer(argument.value, what, in: bounds, &diagnostics)
    }
}
