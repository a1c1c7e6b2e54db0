/// Highlights Python: prefixed, triple-quoted and f-strings (replacement
/// fields highlighted as code), decorators, numbers, `def` and `class` names.
final class PythonLexer: Lexer {
    static let keywords: Set<String> = [
        "and", "as", "assert", "async", "await", "break", "class", "continue", "def", "del", "elif", "else",
        "except", "finally", "for", "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not",
        "or", "pass", "raise", "return", "try", "while", "with", "yield",
    ]
    /// Keywords only where a statement starts (`match x:`), names elsewhere.
    static let softKeywords: Set<String> = ["match", "case"]
    static let literals: Set<String> = ["True", "False", "None"]

    private var previousWord = ""
    /// Whether only white space precedes the cursor on its line.
    private var atLineStart = true

    func run() -> String {
        code(fieldDepth: 0)
        return finish()
    }

    /// Code up to the end or, inside an f-string replacement field, up to the
    /// `}`, `!` or `:` that ends its expression, which is left for the caller.
    private func code(fieldDepth: Int) {
        var brackets = 0
        while !atEnd {
            let start = position
            let byte = bytes[position]
            if fieldDepth > 0 && brackets == 0 {
                let endsField = byte == UInt8(ascii: "}")
                    || (byte == UInt8(ascii: "!") && peek(1) != UInt8(ascii: "="))
                    || (byte == UInt8(ascii: ":") && peek(1) != UInt8(ascii: "="))
                if endsField { return }
            }
            let lineStart = atLineStart
            atLineStart = byte == UInt8(ascii: "\n") || (lineStart && (byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")))
            switch byte {
            case UInt8(ascii: "#"):
                lineComment(from: start)
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                string(from: start, raw: false, format: false, depth: fieldDepth)
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                number()
                emit(from: start, as: .number)
            case UInt8(ascii: ".") where Self.isDigit(peek(1)):
                decimalNumber()
                if peek() == UInt8(ascii: "j") || peek() == UInt8(ascii: "J") { position += 1 }
                emit(from: start, as: .number)
            case UInt8(ascii: "@") where lineStart && Self.isIdentifierStart(peek(1)):
                position += 1
                while Self.isIdentifierByte(peek()) || (peek() == UInt8(ascii: ".") && Self.isIdentifierStart(peek(1))) {
                    position += 1
                }
                emit(from: start, as: .attribute)
            case _ where Self.isIdentifierStart(byte):
                word(from: start, atStatementStart: lineStart, fieldDepth: fieldDepth)
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                brackets += 1
                position += 1
                emit(from: start, as: nil)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"):
                brackets = max(0, brackets - 1)
                position += 1
                emit(from: start, as: nil)
            case _ where Self.isOperator(byte):
                while Self.isOperator(peek()) { position += 1 }
                emit(from: start, as: .operator)
            default:
                advanceCharacter()
                emit(from: start, as: nil)
            }
        }
    }

    private func word(from start: Int, atStatementStart: Bool, fieldDepth: Int) {
        let name = identifier()
        // A string prefix: r"…", f'…', rb"""…""".
        if (peek() == UInt8(ascii: "'") || peek() == UInt8(ascii: "\"")), name.count <= 2,
           name.lowercased().allSatisfy({ "rbuft".contains($0) }) {
            let lower = name.lowercased()
            string(from: start, raw: lower.contains("r"), format: lower.contains("f") || lower.contains("t"), depth: fieldDepth)
            previousWord = ""
            return
        }
        let kind: TokenKind?
        if Self.keywords.contains(name) || (atStatementStart && Self.softKeywords.contains(name) && opensBlock()) {
            kind = .keyword
        } else if Self.literals.contains(name) {
            kind = .literal
        } else if previousWord == "def" {
            kind = .function
        } else if previousWord == "class" {
            kind = .type
        } else if peek() == UInt8(ascii: "(") {
            kind = Self.isUppercase(bytes[start]) ? .type : .function
        } else if Self.isUppercase(bytes[start]), name.contains(where: \.isLowercase) {
            kind = .type
        } else {
            kind = nil
        }
        previousWord = name
        emit(from: start, as: kind)
    }

    /// Whether the rest of the line ends with `:`, as a `match` or `case`
    /// statement does and an assignment to a variable named `match` does not.
    /// Each line is scanned at most once this way, at its first word.
    private func opensBlock() -> Bool {
        guard peek() == UInt8(ascii: " ") else { return false }
        var last: UInt8 = 0
        var index = position
        while index < bytes.count, bytes[index] != UInt8(ascii: "\n"), bytes[index] != UInt8(ascii: "#") {
            if bytes[index] != UInt8(ascii: " ") && bytes[index] != UInt8(ascii: "\t") && bytes[index] != UInt8(ascii: "\r") {
                last = bytes[index]
            }
            index += 1
        }
        return last == UInt8(ascii: ":")
    }

    private func number() {
        if peek() == UInt8(ascii: "0"), [UInt8(ascii: "x"), UInt8(ascii: "X"), UInt8(ascii: "b"), UInt8(ascii: "B"),
                                        UInt8(ascii: "o"), UInt8(ascii: "O")].contains(peek(1)) {
            position += 2
            while Self.isHexDigit(peek()) || peek() == UInt8(ascii: "_") { position += 1 }
            return
        }
        decimalNumber()
        if peek() == UInt8(ascii: "."), !Self.isIdentifierStart(peek(1)) { position += 1 }
        if peek() == UInt8(ascii: "j") || peek() == UInt8(ascii: "J") { position += 1 }
    }

    /// A string from its prefix at `start`; the cursor is at the opening quote.
    private func string(from start: Int, raw: Bool, format: Bool, depth: Int) {
        var segment = start
        let quote = peek()
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        while !atEnd {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\n") && !triple { break }
            if byte == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                position += triple ? 3 : 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                if raw {
                    // In a raw string a backslash still keeps the next quote from ending it.
                    position += 1
                    if !atEnd { advanceCharacter() }
                    continue
                }
                emit(from: segment, as: .string)
                let escapeStart = position
                position += 1
                escapeSequence()
                emit(from: escapeStart, as: .escape)
                segment = position
                continue
            }
            if format && (byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")) {
                emit(from: segment, as: .string)
                let fieldStart = position
                if peek(1) == byte {
                    position += 2
                    emit(from: fieldStart, as: .escape)
                } else if byte == UInt8(ascii: "{") && depth < Self.maximumDepth {
                    replacementField(depth: depth)
                } else {
                    position += 1
                    emit(from: fieldStart, as: .string)
                }
                segment = position
                continue
            }
            position += 1
        }
        emit(from: segment, as: .string)
    }

    /// `{expression!r:format}` inside an f-string, the cursor at `{`.
    private func replacementField(depth: Int) {
        let open = position
        position += 1
        emit(from: open, as: .interpolation)
        code(fieldDepth: depth + 1)
        if peek() == UInt8(ascii: "!") {
            let conversion = position
            position += 1
            if Self.isLetter(peek()) { position += 1 }
            emit(from: conversion, as: .interpolation)
        }
        if peek() == UInt8(ascii: ":") {
            // The format spec is text, with nested fields such as {width}.
            var segment = position
            while !atEnd, peek() != UInt8(ascii: "}"), peek() != UInt8(ascii: "\n") {
                if peek() == UInt8(ascii: "{") && depth + 1 < Self.maximumDepth {
                    emit(from: segment, as: .string)
                    replacementField(depth: depth + 1)
                    segment = position
                } else {
                    position += 1
                }
            }
            emit(from: segment, as: .string)
        }
        if peek() == UInt8(ascii: "}") {
            let close = position
            position += 1
            emit(from: close, as: .interpolation)
        }
    }

    /// The rest of an escape after its backslash: `n`, `x41`, `u00e9`, `N{DASH}`, `012`.
    private func escapeSequence() {
        guard !atEnd else { return }
        let byte = peek()
        switch byte {
        case UInt8(ascii: "x"): position += 1; hexDigits(2)
        case UInt8(ascii: "u"): position += 1; hexDigits(4)
        case UInt8(ascii: "U"): position += 1; hexDigits(8)
        case UInt8(ascii: "N") where peek(1) == UInt8(ascii: "{"):
            position += 2
            while !atEnd, peek() != UInt8(ascii: "}"), peek() != UInt8(ascii: "\n") { position += 1 }
            if peek() == UInt8(ascii: "}") { position += 1 }
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            var count = 0
            while count < 3, (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(peek()) {
                position += 1
                count += 1
            }
        default:
            advanceCharacter()
        }
    }

    private func hexDigits(_ limit: Int) {
        var count = 0
        while count < limit, Self.isHexDigit(peek()) {
            position += 1
            count += 1
        }
    }

    static func isOperator(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "*"), UInt8(ascii: "/"), UInt8(ascii: "%"),
             UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "!"), UInt8(ascii: "&"),
             UInt8(ascii: "|"), UInt8(ascii: "^"), UInt8(ascii: "~"), UInt8(ascii: "@"):
            return true
        default:
            return false
        }
    }
}
