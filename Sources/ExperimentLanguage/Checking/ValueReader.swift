import CourseDiagnostics
import Objectives

/// Reads typed values (numbers, integers, strings, ranges, implicit members) from argument
/// syntax, looking through `let` constants and reporting a wrong type at the value.
struct ValueReader {
    let origin: SourceOrigin
    var constants: ConstantScope

    func error(_ message: String, _ range: SourceRange, hint: String? = nil, notes: [Diagnostic] = []) -> Diagnostic {
        .error(message, at: location(range), length: range.length, hint: hint, notes: notes)
    }

    func note(_ message: String, _ range: SourceRange) -> Diagnostic {
        .note(message, at: location(range), length: range.length)
    }

    func location(_ range: SourceRange) -> SourceLocation {
        origin.location(line: range.start.line, column: range.start.column)
    }

    /// `expr` with parentheses removed and a constant bound to non-numeric syntax replaced by it.
    func resolve(_ expr: ExprSyntax) -> ExprSyntax {
        var current = expr
        // Constants only name earlier constants, so this ends; the bound keeps it obviously finite.
        for _ in 0..<1_000 {
            switch current.kind {
            case .parenthesized(let inner):
                current = inner
            case .identifier(let name):
                guard case .syntax(let bound)? = constants.lookup(name) else { return current }
                current = bound
            default:
                return current
            }
        }
        return current
    }

    /// A finite number: a literal, a numeric constant or arithmetic on them (`2 * .pi`, `-7`).
    func number(_ expr: ExprSyntax, _ what: String, _ diagnostics: inout [Diagnostic]) -> Double? {
        let value = resolve(expr)
        switch value.kind {
        case .string, .boolean, .tuple, .array, .closure:
            diagnostics.append(error("\(what) must be a number, not \(ExpressionTranslator.describe(value))", value.range))
            return nil
        case .binary(let op, _, _, _) where op == "..." || op == "..<":
            diagnostics.append(error("\(what) must be a number, not a range", value.range))
            return nil
        case .call(let callee, _, _, _):
            if case .implicitMember = callee.kind {
                diagnostics.append(error("\(what) must be a number, not \(ExpressionTranslator.describe(value))", value.range))
                return nil
            }
            if case .identifier("Sweep") = callee.kind {
                // Through a `let`, the sweep would stand for several places at once.
                let viaConstant = resolve(expr).range != expr.range
                diagnostics.append(error(
                    "\(what) cannot be swept: a 'Sweep' stands for \(SweepChecker.places) of an 'Experiment'",
                    viaConstant ? expr.range : value.range,
                    hint: viaConstant ? "write 'Sweep(…)' in the argument itself, not in a 'let'" : "write one number here"))
                return nil
            }
        default:
            break
        }
        var translator = ExpressionTranslator(graph: ExpressionGraph(budget: 10_000), origin: origin, constants: constants)
        let before = diagnostics.count
        // `translate` throws when the expression is too big and returns nil after reporting
        // what is wrong (an unrepresentable literal such as 1e309): one error either way.
        let translated: ExpressionGraph.ID?
        do {
            translated = try translator.translate(value, &diagnostics)
        } catch _ {
            diagnostics.append(self.error("\(what) is too complicated an expression", value.range))
            return nil
        }
        guard let id = translated, diagnostics.count == before else {
            if diagnostics.count == before { diagnostics.append(error("\(what) is not a number", value.range)) }
            return nil
        }
        let result = translator.graph.evaluate(id, at: [])
        guard result.isFinite else {
            diagnostics.append(error("\(what) must be finite, not \(result)", value.range))
            return nil
        }
        return result
    }

    /// A number with an integral value.
    func integer(_ expr: ExprSyntax, _ what: String, _ diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = number(expr, what, &diagnostics) else { return nil }
        guard value == value.rounded(), Swift.abs(value) < 9e15 else {
            diagnostics.append(error("\(what) must be an integer, not \(NumberText.format(value))", resolve(expr).range))
            return nil
        }
        return Int(value)
    }

    /// An integer within `bounds`, such as a number of steps.
    func integer(_ expr: ExprSyntax, _ what: String, in bounds: ClosedRange<Int>, _ diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = integer(expr, what, &diagnostics) else { return nil }
        guard bounds.contains(value) else {
            diagnostics.append(error("\(what) must be from \(bounds.lowerBound) to \(bounds.upperBound), not \(value)", resolve(expr).range))
            return nil
        }
        return value
    }

    /// A run's or a row's `.label("…")`: a string with more than white space.
    func label(_ expr: ExprSyntax, _ diagnostics: inout [Diagnostic]) -> String? {
        guard let text = string(expr, "the label", &diagnostics) else { return nil }
        guard !text.trimmingWhitespace.isEmpty else {
            diagnostics.append(error("a label cannot be empty", expr.range))
            return nil
        }
        return text
    }

    /// A number ≥ 0, such as a noise level or a regularisation coefficient.
    func nonNegative(_ expr: ExprSyntax, _ what: String, _ diagnostics: inout [Diagnostic]) -> Double? {
        guard let value = number(expr, what, &diagnostics) else { return nil }
        guard value >= 0 else {
            diagnostics.append(error("\(what) must be ≥ 0, not \(NumberText.format(value))", resolve(expr).range))
            return nil
        }
        return value
    }

    func string(_ expr: ExprSyntax, _ what: String, _ diagnostics: inout [Diagnostic]) -> String? {
        literal(expr, "\(what) must be a string, as in \"…\"", &diagnostics) {
            if case .string(let text) = $0 { text } else { nil }
        }
    }

    func bool(_ expr: ExprSyntax, _ what: String, _ diagnostics: inout [Diagnostic]) -> Bool? {
        literal(expr, "\(what) must be true or false", &diagnostics) {
            if case .boolean(let flag) = $0 { flag } else { nil }
        }
    }

    /// The literal `expr` resolves to, as `value` reads it; reports `message` at it when `value` finds none.
    private func literal<Value>(
        _ expr: ExprSyntax, _ message: String, _ diagnostics: inout [Diagnostic], _ value: (ExprSyntax.Kind) -> Value?
    ) -> Value? {
        let resolved = resolve(expr)
        guard let result = value(resolved.kind) else {
            diagnostics.append(error(message, resolved.range))
            return nil
        }
        return result
    }

    /// `a...b` with a < b.
    func range(_ expr: ExprSyntax, _ what: String, _ diagnostics: inout [Diagnostic]) -> ClosedRange<Double>? {
        let value = resolve(expr)
        guard case .binary(let op, let opRange, let lhs, let rhs) = value.kind, op == "..." || op == "..<" else {
            diagnostics.append(error("\(what) must be a closed range such as -2...2", value.range))
            return nil
        }
        if op == "..<" {
            diagnostics.append(error("\(what) must be a closed range", opRange, hint: "write '...' instead of '..<'"))
            return nil
        }
        guard let low = number(lhs, "the lower bound", &diagnostics), let high = number(rhs, "the upper bound", &diagnostics) else {
            return nil
        }
        guard low < high else {
            diagnostics.append(error("\(what) must have its lower bound below its upper bound, not \(NumberText.format(low))...\(NumberText.format(high))", value.range))
            return nil
        }
        return low...high
    }

    /// `(a, b)`: two unlabeled numbers.
    func pair(_ expr: ExprSyntax, _ what: String, _ diagnostics: inout [Diagnostic]) -> (Double, Double)? {
        let value = resolve(expr)
        guard case .tuple(let elements) = value.kind, elements.count == 2, elements.allSatisfy({ $0.label == nil }) else {
            diagnostics.append(error("\(what) must be a pair of numbers such as (0.9, 0.999)", value.range))
            return nil
        }
        let a = number(elements[0].value, "the first element of \(what)", &diagnostics)
        let b = number(elements[1].value, "the second element of \(what)", &diagnostics)
        guard let a, let b else { return nil }
        return (a, b)
    }

    /// An implicit member, `.name` or `.name(arguments)`.
    struct Member {
        var name: String
        var nameRange: SourceRange
        /// `nil` for `.name` without parentheses.
        var arguments: [ArgumentSyntax]?
        var range: SourceRange
    }

    func member(_ expr: ExprSyntax, _ what: String, choices: [String], _ diagnostics: inout [Diagnostic]) -> Member? {
        let value = resolve(expr)
        switch value.kind {
        case .implicitMember(let name):
            return Member(name: name, nameRange: value.range, arguments: nil, range: value.range)
        case .call(let callee, let arguments, let trailing, _):
            if case .implicitMember(let name) = callee.kind {
                if let trailing {
                    diagnostics.append(error("'.\(name)' takes no closure", trailing.range))
                    return nil
                }
                return Member(name: name, nameRange: callee.range, arguments: arguments, range: value.range)
            }
        default:
            break
        }
        diagnostics.append(error("\(what) must be one of " + choices.map { "." + $0 }.joined(separator: ", "), value.range))
        return nil
    }

    /// A plain implicit member such as `.relu` naming one of `choices`, turned into its value by
    /// `lookup`; `what` names the value when it is no member, `noun` the kind when it is an unknown one.
    func choice<Value>(
        _ expr: ExprSyntax, _ what: String, noun: String, choices: [String], _ diagnostics: inout [Diagnostic],
        lookup: (String) -> Value?
    ) -> Value? {
        guard let member = member(expr, what, choices: choices, &diagnostics) else { return nil }
        guard member.arguments == nil, let value = lookup(member.name) else {
            unknownMember(member, noun, choices: choices, &diagnostics)
            return nil
        }
        return value
    }

    /// A case of `Choice` written as a plain implicit member, such as `.relu` or `.shuffledEpochs`.
    func choice<Choice: CaseIterable & RawRepresentable>(
        _ expr: ExprSyntax, _ what: String, noun: String, _ diagnostics: inout [Diagnostic]
    ) -> Choice? where Choice.RawValue == String {
        choice(expr, what, noun: noun, choices: Choice.allCases.map(\.rawValue), &diagnostics, lookup: Choice.init(rawValue:))
    }

    /// Reports an unknown member with a suggestion.
    func unknownMember(_ member: Member, _ what: String, choices: [String], _ diagnostics: inout [Diagnostic]) {
        unknownMember(member.name, at: member.nameRange, what, choices: choices, &diagnostics)
    }

    /// Reports the unknown member `.name` (or modifier) at `range`, with a suggestion.
    func unknownMember(_ name: String, at range: SourceRange, _ what: String, choices: [String], _ diagnostics: inout [Diagnostic]) {
        let suggestion = Suggestion.closest(to: name, in: choices)
        diagnostics.append(error(
            "unknown \(what) '.\(name)'" + (suggestion.map { "; did you mean '.\($0)'?" } ?? ""), range,
            hint: "the \(what.hasSuffix("y") ? what.dropLast() + "ies" : what + "s") are " + choices.map { "." + $0 }.joined(separator: ", ")))
    }
}
