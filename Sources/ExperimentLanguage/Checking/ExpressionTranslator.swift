import CourseDiagnostics
import Objectives

/// Turns arithmetic syntax (an objective closure's body, or a constant such as `2 * .pi`)
/// into an ``ExpressionGraph`` node, reporting what an objective cannot contain.
struct ExpressionTranslator {
    var graph: ExpressionGraph
    let origin: SourceOrigin
    let constants: ConstantScope
    /// Closure parameters by name, to their variable index.
    var variables: [String: Int] = [:]
    /// Whether `$0`, `$1` name the variables (a closure without `in`).
    var allowsAnonymousParameters = false
    /// One more than the highest `$n` used.
    var anonymousParameterCount = 0
    /// `let` constants inside the closure.
    var locals: [String: ExpressionGraph.ID] = [:]

    init(graph: ExpressionGraph, origin: SourceOrigin, constants: ConstantScope) {
        self.graph = graph
        self.origin = origin
        self.constants = constants
    }

    private func error(_ message: String, _ range: SourceRange, hint: String? = nil) -> Diagnostic {
        .error(message, at: origin.location(line: range.start.line, column: range.start.column), length: range.length, hint: hint)
    }

    /// The functions a closure can call, for suggestions and messages.
    static let functionNames = ["pow"] + MathFunction.callable.map(\.rawValue)

    /// Translates `expr`; `nil` after reporting an error. Throws when the graph budget is spent.
    mutating func translate(_ expr: ExprSyntax, _ diagnostics: inout [Diagnostic]) throws -> ExpressionGraph.ID? {
        switch expr.kind {
        case .integer(let text), .float(let text):
            guard let value = NumberLiteral.value(of: text) else {
                diagnostics.append(error("'\(text)' is not a representable number", expr.range))
                return nil
            }
            return try graph.constant(value)
        case .identifier(let name):
            if let local = locals[name] { return local }
            if let index = variables[name] { return try graph.variable(index) }
            switch constants.lookup(name) {
            case .number(let value, _)?:
                return try graph.constant(value)
            case .syntax(let bound)?:
                diagnostics.append(error("'\(name)' is not a number", expr.range,
                                         hint: "it is bound to \(Self.describe(bound)) by 'let \(name)'"))
                return nil
            case nil:
                var candidates = Array(locals.keys.sorted()) + variables.keys.sorted() + constants.names
                candidates += Self.functionNames
                let suggestion = Suggestion.closest(to: name, in: candidates)
                let known = (variables.keys.sorted() + locals.keys.sorted()).map { "'\($0)'" }.joined(separator: ", ")
                diagnostics.append(error(
                    "unknown name '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), expr.range,
                    hint: known.isEmpty ? nil : "the closure's variables are \(known)"))
                return nil
            }
        case .anonymousParameter(let n):
            guard allowsAnonymousParameters else {
                diagnostics.append(error("'$\(n)' cannot be used in a closure that names its parameters", expr.range,
                                         hint: "use the parameter names"))
                return nil
            }
            guard n < 2 else {
                diagnostics.append(error("an objective has at most two variables, '$0' and '$1'", expr.range))
                return nil
            }
            anonymousParameterCount = max(anonymousParameterCount, n + 1)
            return try graph.variable(n)
        case .implicitMember("pi"):
            return try graph.pi()
        case .member(let base, "pi", _) where base.calleeName == "Double":
            return try graph.pi()
        case .parenthesized(let inner):
            return try translate(inner, &diagnostics)
        case .prefix(let op, let operand):
            let value = try translate(operand, &diagnostics)
            switch op {
            case "-": return try value.map { try graph.negate($0) }
            case "+": return value
            default:
                diagnostics.append(error("unknown prefix operator '\(op)' in a formula", expr.range, hint: "use '-x'"))
                return nil
            }
        case .binary(let op, let opRange, let lhs, let rhs):
            let a = try translate(lhs, &diagnostics)
            let b = try translate(rhs, &diagnostics)
            let function: ((inout ExpressionGraph, ExpressionGraph.ID, ExpressionGraph.ID) throws -> ExpressionGraph.ID)?
            switch op {
            case "+": function = { try $0.add($1, $2) }
            case "-": function = { try $0.subtract($1, $2) }
            case "*": function = { try $0.multiply($1, $2) }
            case "/": function = { try $0.divide($1, $2) }
            case "^":
                diagnostics.append(error(
                    "'^' is bitwise XOR in Swift, not a power", opRange,
                    hint: "write \(Self.powerHint(lhs, rhs))"))
                function = nil
            case "**":
                diagnostics.append(error("Swift has no '**' operator", opRange, hint: "write \(Self.powerHint(lhs, rhs))"))
                function = nil
            case "...", "..<":
                diagnostics.append(error("a range is not a number", expr.range))
                function = nil
            default:
                diagnostics.append(error("operator '\(op)' cannot be used in a formula", opRange,
                                         hint: "formulas use +, -, *, / and functions such as pow(x, 2)"))
                function = nil
            }
            guard let a, let b, let function else { return nil }
            return try function(&graph, a, b)
        case .call(let callee, let arguments, let trailing, _):
            return try translateCall(expr, callee: callee, arguments: arguments, trailing: trailing, &diagnostics)
        case .string:
            diagnostics.append(error("expected a number, found a string", expr.range))
            return nil
        case .boolean:
            diagnostics.append(error("expected a number, found a Boolean", expr.range))
            return nil
        case .implicitMember(let name):
            diagnostics.append(error("unknown constant '.\(name)' in a formula", expr.range, hint: "the only named constant is '.pi'"))
            return nil
        case .member(_, let name, let nameRange):
            diagnostics.append(error("unknown member '\(name)' in a formula", nameRange, hint: "the only named constant is '.pi'"))
            return nil
        case .tuple, .array, .closure:
            diagnostics.append(error("expected a number, found \(Self.describe(expr))", expr.range))
            return nil
        }
    }

    private static func powerHint(_ lhs: ExprSyntax, _ rhs: ExprSyntax) -> String {
        if case .integer("2") = rhs.kind, case .identifier(let name) = lhs.kind {
            return "pow(\(name), 2) or \(name) * \(name)"
        }
        return "pow(a, b)"
    }

    /// Words for a value that is not a number: "a string", "a tuple".
    static func describe(_ expr: ExprSyntax) -> String {
        switch expr.kind {
        case .integer, .float: return "a number"
        case .string: return "a string"
        case .boolean: return "a Boolean"
        case .tuple: return "a tuple"
        case .array: return "an array"
        case .closure: return "a closure"
        case .implicitMember(let name): return "'.\(name)'"
        case .call(let callee, _, _, _): return callee.calleeName.map { "a call to '\($0)'" } ?? "a call"
        case .binary(let op, _, _, _) where op == "..." || op == "..<": return "a range"
        default: return "an expression"
        }
    }

    private mutating func translateCall(
        _ expr: ExprSyntax, callee: ExprSyntax, arguments: [ArgumentSyntax], trailing: ClosureSyntax?,
        _ diagnostics: inout [Diagnostic]
    ) throws -> ExpressionGraph.ID? {
        guard case .identifier(let name) = callee.kind else {
            diagnostics.append(error("expected a function name such as 'exp' or 'pow'", callee.range))
            return nil
        }
        if let trailing {
            diagnostics.append(error("'\(name)' takes no closure", trailing.range))
            return nil
        }
        for argument in arguments where argument.label != nil {
            diagnostics.append(error("'\(name)' takes no argument labels", argument.labelRange ?? argument.range,
                                     hint: "write \(name)(…) with plain arguments"))
        }
        let values = try arguments.map { try translate($0.value, &diagnostics) }
        let arity: Int
        let function: MathFunction?
        if name == "pow" {
            arity = 2
            function = nil
        } else if let f = MathFunction(rawValue: name), MathFunction.callable.contains(f) {
            arity = f.arity
            function = f
        } else if name == "Sweep" {
            diagnostics.append(error(
                "a 'Sweep' is a whole value, not part of arithmetic or a formula", callee.range,
                hint: "write the values themselves, as in 'lr: Sweep(0.2, 0.4)' for '2 * Sweep(0.1, 0.2)'"))
            return nil
        } else {
            let suggestion = Suggestion.closest(to: name, in: Self.functionNames)
            diagnostics.append(error(
                "unknown function '\(name)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), callee.range,
                hint: "the functions are " + Self.functionNames.joined(separator: ", ")))
            return nil
        }
        guard values.count == arity else {
            diagnostics.append(error(
                "'\(name)' takes \(arity == 1 ? "one argument" : "two arguments"), not \(values.count)", expr.range))
            return nil
        }
        guard !values.contains(where: { $0 == nil }) else { return nil }
        let ids = values.map { $0! }
        if let function { return try graph.apply(function, ids) }
        return try graph.power(ids[0], ids[1])
    }
}
