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
                guard let builder = BuilderDescription.named(name) else {
                    diagnostics.append(BuilderChecker.misplacedStatement(name, callee.range, reader))
                    reportedMisplacedBuilder = true
                    continue
                }
                builderRange = callee.range
                directive = BuilderChecker.check(builder, expr, callee.range, arguments, trailing, reader: reader, source: text,
                                                 hadSyntaxErrors: hadSyntaxErrors, &diagnostics)
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
}
