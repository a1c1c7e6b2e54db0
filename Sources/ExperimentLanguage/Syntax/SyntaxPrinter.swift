/// Prints syntax back as one line of normalised Swift: literals as written, one space
/// after commas and colons and around binary operators, comments dropped.
///
/// The result parses to the same tree, so a printed call can stand for the written one
/// (`run --json`'s `optimizer` field, run labels in messages).
public enum SyntaxPrinter {
    public static func print(_ expr: ExprSyntax) -> String {
        switch expr.kind {
        case .integer(let text), .float(let text): return text
        case .string(let value): return quote(value)
        case .boolean(let value): return String(value)
        case .identifier(let name): return name
        case .anonymousParameter(let n): return "$\(n)"
        case .implicitMember(let name): return "." + name
        case .member(let base, let name, _): return print(base) + "." + name
        case .call(let callee, let arguments, let trailing, let hasParentheses):
            var text = print(callee)
            if hasParentheses || trailing == nil { text += "(" + print(arguments) + ")" }
            if let trailing { text += " " + print(trailing) }
            return text
        case .parenthesized(let inner): return "(" + print(inner) + ")"
        case .tuple(let elements): return "(" + print(elements) + ")"
        case .array(let elements): return "[" + elements.map(print).joined(separator: ", ") + "]"
        case .prefix(let op, let operand): return op + print(operand)
        case .binary(let op, _, let lhs, let rhs):
            let left = print(lhs), right = print(rhs)
            // A range reads best tight (`-10...10`), unless an operand's own operator would fuse with it.
            if op == "..." || op == "..<", !right.hasPrefix("-"), !right.hasPrefix("+"), !left.hasSuffix(".") {
                return left + op + right
            }
            return left + " " + op + " " + right
        case .closure(let closure): return print(closure)
        }
    }

    public static func print(_ arguments: [ArgumentSyntax]) -> String {
        arguments.map { ($0.label.map { $0 + ": " } ?? "") + print($0.value) }.joined(separator: ", ")
    }

    public static func print(_ closure: ClosureSyntax) -> String {
        var text = "{ "
        if closure.hasSignature { text += closure.parameters.map(\.name).joined(separator: ", ") + " in " }
        text += closure.statements.map(print).joined(separator: "; ")
        return text + (closure.statements.isEmpty ? "}" : " }")
    }

    public static func print(_ statement: StatementSyntax) -> String {
        switch statement {
        case .expression(let expr): return print(expr)
        case .let(let name, _, let value, _): return "let \(name) = " + print(value)
        case .return(let value, _): return "return" + (value.map { " " + print($0) } ?? "")
        }
    }

    /// A string literal with the escapes Swift needs.
    public static func quote(_ value: String) -> String {
        var text = "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": text += "\\\""
            case "\\": text += "\\\\"
            case "\n": text += "\\n"
            case "\t": text += "\\t"
            case "\r": text += "\\r"
            case "\0": text += "\\0"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    text += "\\u{\(String(scalar.value, radix: 16))}"
                } else {
                    text.unicodeScalars.append(scalar)
                }
            }
        }
        return text + "\""
    }
}
