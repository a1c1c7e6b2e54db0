/// Highlights Swift: nested block comments, raw and multi-line strings with
/// `\(…)` interpolation highlighted as code, attributes, macros and numbers.
final class SwiftLexer: Lexer {
    static let keywords: Set<String> = [
        "actor", "any", "as", "associatedtype", "async", "await", "borrowing", "break", "case", "catch", "class",
        "consume", "consuming", "continue", "convenience", "default", "defer", "deinit", "do", "dynamic", "each",
        "else", "enum", "extension", "fallthrough", "fileprivate", "final", "for", "func", "guard", "if", "import",
        "in", "indirect", "init", "inout", "internal", "is", "isolated", "lazy", "let", "macro", "mutating",
        "nonisolated", "nonmutating", "open", "operator", "override", "package", "precedencegroup", "private",
        "protocol", "public", "repeat", "required", "rethrows", "return", "self", "Self", "sending", "some",
        "static", "struct", "subscript", "super", "switch", "throw", "throws", "try", "typealias", "unowned",
        "var", "weak", "where", "while",
    ]
    static let literals: Set<String> = ["true", "false", "nil"]
    static let directives: Set<String> = [
        "if", "elseif", "else", "endif", "available", "unavailable", "sourceLocation", "warning", "error",
    ]

    /// The name after `func` is a function even when no `(` follows at once (generics).
    private var declaresFunction = false

    func run() -> String {
        code(interpolationDepth: 0)
        return finish()
    }

    /// Code up to the end, or inside an interpolation up to the `)` that
    /// closes it, which is left for the caller.
    private func code(interpolationDepth: Int) {
        var parentheses = 0
        while !atEnd {
            let start = position
            let byte = bytes[position]
            if byte != UInt8(ascii: " ") && !Self.isIdentifierStart(byte) { declaresFunction = false }
            switch byte {
            case UInt8(ascii: "("):
                position += 1
                parentheses += 1
                emit(from: start, as: nil)
            case UInt8(ascii: ")"):
                if interpolationDepth > 0 && parentheses == 0 { return }
                parentheses = max(0, parentheses - 1)
                position += 1
                emit(from: start, as: nil)
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                lineComment(from: start)
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                blockComment()
            case UInt8(ascii: "\""):
                string(hashes: 0, depth: interpolationDepth)
            case UInt8(ascii: "#"):
                var hashes = 0
                while peek(hashes) == UInt8(ascii: "#") { hashes += 1 }
                if peek(hashes) == UInt8(ascii: "\"") {
                    string(hashes: hashes, depth: interpolationDepth)
                } else if hashes == 1, Self.isIdentifierStart(peek(1)) {
                    position += 1
                    let name = identifier()
                    emit(from: start, as: Self.directives.contains(name) ? .keyword : .attribute)
                } else {
                    position += hashes
                    emit(from: start, as: nil)
                }
            case UInt8(ascii: "@") where Self.isIdentifierStart(peek(1)):
                position += 1
                _ = identifier()
                emit(from: start, as: .attribute)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number()
                emit(from: start, as: .number)
            case UInt8(ascii: "`"):
                // A backquoted name such as `default` is a name, not a keyword.
                position += 1
                while !atEnd, peek() != UInt8(ascii: "`"), peek() != UInt8(ascii: "\n") { position += 1 }
                if peek() == UInt8(ascii: "`") { position += 1 }
                emit(from: start, as: nil)
            case _ where Self.isIdentifierStart(byte):
                word(from: start)
            case _ where Self.isOperator(byte):
                while !atEnd, Self.isOperator(peek()),
                      !(peek() == UInt8(ascii: "/") && (peek(1) == UInt8(ascii: "/") || peek(1) == UInt8(ascii: "*"))) {
                    position += 1
                }
                if position == start { position += 1 }
                // A lone dot is member access (`.adam`), not worth colouring.
                let lone = position - start == 1 && byte == UInt8(ascii: ".")
                emit(from: start, as: lone ? nil : .operator)
            default:
                advanceCharacter()
                emit(from: start, as: nil)
            }
        }
    }

    private func word(from start: Int) {
        let name = identifier()
        let kind: TokenKind?
        if Self.keywords.contains(name) {
            kind = .keyword
        } else if Self.literals.contains(name) {
            kind = .literal
        } else if declaresFunction {
            kind = .function
        } else if Self.isUppercase(bytes[start]) {
            kind = .type
        } else if peek() == UInt8(ascii: "(") {
            kind = .function
        } else {
            kind = nil
        }
        declaresFunction = name == "func"
        emit(from: start, as: kind)
    }

    /// `/* … */`, nested as Swift nests them; unterminated runs to the end.
    private func blockComment() {
        let start = position
        var depth = 0
        while !atEnd {
            if peek() == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                depth += 1
                position += 2
            } else if peek() == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                depth -= 1
                position += 2
                if depth == 0 { break }
            } else {
                position += 1
            }
        }
        emit(from: start, as: .comment)
    }

    private func number() {
        if peek() == UInt8(ascii: "0"), [UInt8(ascii: "x"), UInt8(ascii: "b"), UInt8(ascii: "o")].contains(peek(1)) {
            let base = peek(1)
            position += 2
            if base == UInt8(ascii: "x") {
                decimalNumber(digit: Self.isHexDigit, exponent: [UInt8(ascii: "p"), UInt8(ascii: "P")])
            } else {
                while Self.isHexDigit(peek()) || peek() == UInt8(ascii: "_") { position += 1 }
            }
        } else {
            decimalNumber()
        }
    }

    /// A string literal from its opening `#`s or quote: `"…"`, `"""…"""`, `#"…"#`.
    private func string(hashes: Int, depth: Int) {
        var segment = position
        position += hashes
        let multiline = peek() == UInt8(ascii: "\"") && peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"")
        position += multiline ? 3 : 1
        while !atEnd {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") && !multiline { break }
            if byte == UInt8(ascii: "\"") && closes(multiline: multiline, hashes: hashes) {
                position += (multiline ? 3 : 1) + hashes
                break
            }
            if byte == UInt8(ascii: "\\") && (0..<hashes).allSatisfy({ peek(1 + $0) == UInt8(ascii: "#") }) {
                emit(from: segment, as: .string)
                let escapeStart = position
                position += 1 + hashes
                if peek() == UInt8(ascii: "(") && depth < Self.maximumDepth {
                    position += 1
                    emit(from: escapeStart, as: .interpolation)
                    code(interpolationDepth: depth + 1)
                    if peek() == UInt8(ascii: ")") {
                        let close = position
                        position += 1
                        emit(from: close, as: .interpolation)
                    }
                } else {
                    escapeSequence()
                    emit(from: escapeStart, as: .escape)
                }
                segment = position
                continue
            }
            position += 1
        }
        emit(from: segment, as: .string)
    }

    /// Whether the quote at the cursor, with its `#`s, ends the string.
    private func closes(multiline: Bool, hashes: Int) -> Bool {
        let quotes = multiline ? 3 : 1
        for offset in 0..<quotes where peek(offset) != UInt8(ascii: "\"") { return false }
        for offset in 0..<hashes where peek(quotes + offset) != UInt8(ascii: "#") { return false }
        return true
    }

    /// The rest of an escape after its backslash: `n`, `u{1F600}`, or a line break.
    private func escapeSequence() {
        guard !atEnd else { return }
        if peek() == UInt8(ascii: "u"), peek(1) == UInt8(ascii: "{") {
            position += 2
            while Self.isHexDigit(peek()) { position += 1 }
            if peek() == UInt8(ascii: "}") { position += 1 }
        } else {
            advanceCharacter()
        }
    }

    private static let operatorBytes = Set("+-*/%=<>!&|^~?.".utf8)

    static func isOperator(_ byte: UInt8) -> Bool { operatorBytes.contains(byte) }
}
