import CourseDiagnostics

/// Splits a directive's text into tokens with exact positions, following Swift's lexical rules.
///
/// The lexer never stops at a bad character: it reports it, skips it and goes on,
/// so that one fence yields every error at once.
public struct Lexer {
    private let bytes: [UInt8]
    private let origin: SourceOrigin
    private var index = 0
    private var line = 1
    private var column = 1

    /// Tokenises `text`; the last token is always `.endOfFile`. A full-width or typographic
    /// look-alike of an ASCII character (``LookAlike``) is reported and read as that character.
    public static func tokenize(_ text: String, origin: SourceOrigin, diagnostics: inout [Diagnostic]) -> [Token] {
        let text = LookAlike.replacing(in: text, origin: origin, diagnostics: &diagnostics)
        var lexer = Lexer(bytes: Array(text.utf8), origin: origin)
        return lexer.run(&diagnostics)
    }

    private init(bytes: [UInt8], origin: SourceOrigin) {
        self.bytes = bytes
        self.origin = origin
    }

    private var position: SourcePosition { SourcePosition(offset: index, line: line, column: column) }

    private func peek(_ ahead: Int = 0) -> UInt8? {
        let i = index + ahead
        return i < bytes.count ? bytes[i] : nil
    }

    /// Moves past one byte; the column counts Unicode scalars, so it moves at a scalar's first byte only.
    private mutating func advance() {
        if bytes[index] == UInt8(ascii: "\n") {
            line += 1
            column = 1
        } else if bytes[index] & 0xC0 != 0x80 {
            column += 1
        }
        index += 1
    }

    private func error(_ message: String, _ range: SourceRange, hint: String? = nil) -> Diagnostic {
        .error(message, at: origin.location(line: range.start.line, column: range.start.column), length: range.length, hint: hint)
    }

    private mutating func run(_ diagnostics: inout [Diagnostic]) -> [Token] {
        var tokens: [Token] = []
        var sawNewline = true
        var sawTrivia = true
        while true {
            let trivia = skipTrivia(&diagnostics)
            sawNewline = sawNewline || trivia.newline
            sawTrivia = sawTrivia || trivia.any
            let start = position
            guard let byte = peek() else {
                tokens.append(Token(kind: .endOfFile, range: SourceRange(start, start), startsLine: true, isLeftBound: false, isRightBound: false))
                return tokens
            }
            guard let kind = lexToken(byte, &diagnostics) else {
                // A skipped bad character separates tokens like whitespace does.
                sawTrivia = true
                continue
            }
            let previous = tokens.last?.kind
            let opensLeft: Bool = {
                switch previous {
                case .leftParen?, .leftBracket?, .leftBrace?, .comma?, .semicolon?, .colon?, nil: return true
                default: return false
                }
            }()
            tokens.append(Token(
                kind: kind, range: SourceRange(start, position), startsLine: sawNewline,
                isLeftBound: !sawTrivia && !opensLeft, isRightBound: isRightBoundHere()))
            sawNewline = false
            sawTrivia = false
        }
    }

    /// Whether the byte after the current token binds an operator on its right (Swift's rule:
    /// whitespace, a closing delimiter, `,`, `;`, `:` and comments count as whitespace).
    private func isRightBoundHere() -> Bool {
        guard let next = peek() else { return false }
        switch next {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"), 0x0B, 0x0C, 0,
             UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
            return false
        case UInt8(ascii: "/"):
            return !(peek(1) == UInt8(ascii: "/") || peek(1) == UInt8(ascii: "*"))
        default:
            return true
        }
    }

    /// Skips whitespace and comments; reports unterminated block comments.
    private mutating func skipTrivia(_ diagnostics: inout [Diagnostic]) -> (any: Bool, newline: Bool) {
        var any = false
        var newline = false
        while let byte = peek() {
            switch byte {
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                newline = true
                any = true
                advance()
            case UInt8(ascii: " "), UInt8(ascii: "\t"), 0x0B, 0x0C:
                any = true
                advance()
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "/"):
                any = true
                while let b = peek(), b != UInt8(ascii: "\n") { advance() }
            case UInt8(ascii: "/") where peek(1) == UInt8(ascii: "*"):
                any = true
                let start = position
                advance(); advance()
                // Swift's block comments nest.
                var depth = 1
                while depth > 0, peek() != nil {
                    if peek() == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "*") {
                        depth += 1
                        advance(); advance()
                    } else if peek() == UInt8(ascii: "*"), peek(1) == UInt8(ascii: "/") {
                        depth -= 1
                        advance(); advance()
                    } else {
                        if peek() == UInt8(ascii: "\n") { newline = true }
                        advance()
                    }
                }
                if depth > 0 {
                    diagnostics.append(error(
                        "unterminated '/*' comment", SourceRange(start, SourcePosition(offset: start.offset + 2, line: start.line, column: start.column + 2)),
                        hint: "close the comment with '*/'"))
                }
            default:
                return (any, newline)
            }
        }
        return (any, newline)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }
    private static func isHexDigit(_ b: UInt8) -> Bool {
        isDigit(b) || (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "f")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "F"))
    }
    private static func isASCIIIdentifierHead(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b == UInt8(ascii: "_")
    }
    private static let asciiOperatorCharacters = Set("/=-+!*%<>&|^~?".utf8)

    /// The Unicode scalar starting at the current byte and its length in bytes.
    private func scalarHere() -> (Unicode.Scalar, Int)? {
        guard let lead = peek() else { return nil }
        let length = lead < 0x80 ? 1 : lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
        guard index + length <= bytes.count else { return nil }
        let decoded = String(decoding: bytes[index..<index + length], as: UTF8.self).unicodeScalars
        guard decoded.count == 1, let scalar = decoded.first, scalar != "\u{FFFD}" || length == 3 else { return nil }
        return (scalar, length)
    }

    private mutating func advanceScalar(_ length: Int) {
        for _ in 0..<length { advance() }
    }

    private func isIdentifierHead(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII ? Self.isASCIIIdentifierHead(UInt8(scalar.value)) : scalar.properties.isXIDStart
    }

    private func isIdentifierContinue(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII
            ? Self.isASCIIIdentifierHead(UInt8(scalar.value)) || Self.isDigit(UInt8(scalar.value))
            : scalar.properties.isXIDContinue
    }

    /// Swift's operator-head ranges outside ASCII (e.g. `−` U+2212, `×`, `÷`).
    private static func isUnicodeOperator(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        let ranges: [ClosedRange<UInt32>] = [
            0xA1...0xA7, 0xA9...0xA9, 0xAB...0xAC, 0xAE...0xAE, 0xB0...0xB1, 0xB6...0xB6, 0xBB...0xBB, 0xBF...0xBF,
            0xD7...0xD7, 0xF7...0xF7, 0x2016...0x2017, 0x2020...0x2027, 0x2030...0x203E, 0x2041...0x2053,
            0x2055...0x205E, 0x2190...0x23FF, 0x2500...0x2775, 0x2794...0x2BFF, 0x2E00...0x2E7F, 0x3001...0x3003,
            0x3008...0x3020, 0x3030...0x3030,
        ]
        return ranges.contains { $0.contains(v) }
    }

    private func isOperatorHere(allowDot: Bool) -> Bool {
        guard let byte = peek() else { return false }
        if byte == UInt8(ascii: "/"), peek(1) == UInt8(ascii: "/") || peek(1) == UInt8(ascii: "*") { return false }
        if Self.asciiOperatorCharacters.contains(byte) { return true }
        if byte == UInt8(ascii: "."), allowDot { return true }
        if byte >= 0x80, let (scalar, _) = scalarHere() { return Self.isUnicodeOperator(scalar) }
        return false
    }

    private mutating func lexToken(_ byte: UInt8, _ diagnostics: inout [Diagnostic]) -> Token.Kind? {
        let start = position
        switch byte {
        case UInt8(ascii: "("): advance(); return .leftParen
        case UInt8(ascii: ")"): advance(); return .rightParen
        case UInt8(ascii: "{"): advance(); return .leftBrace
        case UInt8(ascii: "}"): advance(); return .rightBrace
        case UInt8(ascii: "["): advance(); return .leftBracket
        case UInt8(ascii: "]"): advance(); return .rightBracket
        case UInt8(ascii: ","): advance(); return .comma
        case UInt8(ascii: ":"): advance(); return .colon
        case UInt8(ascii: ";"): advance(); return .semicolon
        case UInt8(ascii: "\""): return lexString(&diagnostics)
        case UInt8(ascii: "."):
            if peek(1) == UInt8(ascii: ".") {
                // A dot operator: `...`, `..<`.
                var text = ""
                while isOperatorHere(allowDot: true), let (scalar, length) = scalarHere() {
                    text.unicodeScalars.append(scalar)
                    advanceScalar(length)
                }
                return .operator(text)
            }
            if let next = peek(1), Self.isDigit(next), !previousByteBindsLeft() {
                advance()
                let digits = lexDigits(Self.isDigit)
                let fixed = "0." + digits
                diagnostics.append(error(
                    "'.\(digits)' is not a valid floating-point literal; it must be written '\(fixed)'", SourceRange(start, position)))
                return .float(fixed)
            }
            advance()
            return .period
        case UInt8(ascii: "$"):
            advance()
            let digits = lexDigits(Self.isDigit)
            if let n = Int(digits), digits.count <= 4 { return .dollarIdentifier(n) }
            diagnostics.append(error("expected a number after '$', as in '$0'", SourceRange(start, position)))
            return nil
        default:
            break
        }
        if Self.isDigit(byte) { return lexNumber(&diagnostics) }
        if isOperatorHere(allowDot: false) {
            var text = ""
            // Dots may continue an operator only when it began with a dot, as in Swift.
            while isOperatorHere(allowDot: false), let (scalar, length) = scalarHere() {
                text.unicodeScalars.append(scalar)
                advanceScalar(length)
            }
            return .operator(text)
        }
        if let (scalar, length) = scalarHere(), isIdentifierHead(scalar) {
            var name = ""
            name.unicodeScalars.append(scalar)
            advanceScalar(length)
            while let (next, nextLength) = scalarHere(), isIdentifierContinue(next) {
                name.unicodeScalars.append(next)
                advanceScalar(nextLength)
            }
            if let keyword = Keyword(rawValue: name) { return .keyword(keyword) }
            return .identifier(name)
        }
        if byte == UInt8(ascii: "`") {
            advance()
            diagnostics.append(error("backquoted identifiers are not part of the directive language", SourceRange(start, position),
                                     hint: "name constants with plain identifiers such as 'rate'"))
            return nil
        }
        let length = scalarHere()?.1 ?? 1
        let shown = scalarHere().map { String(Character($0.0)) } ?? "\\u{\(String(byte, radix: 16))}"
        advanceScalar(length)
        diagnostics.append(error("unexpected character '\(shown)'", SourceRange(start, position)))
        return nil
    }

    private func previousByteBindsLeft() -> Bool {
        guard index > 0 else { return false }
        switch bytes[index - 1] {
        case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"),
             UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"), UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"):
            return false
        default:
            return true
        }
    }

    private mutating func lexDigits(_ isValid: (UInt8) -> Bool) -> String {
        var text = ""
        while let b = peek(), isValid(b) || b == UInt8(ascii: "_") {
            text.append(Character(Unicode.Scalar(b)))
            advance()
        }
        return text
    }

    /// The exponent whose marker (`e`, `E`, `p`, `P`) is at `position`: the marker as `marker`, an
    /// optional sign and decimal digits. With no digit it reports the error and reads as `0`.
    private mutating func lexExponent(_ marker: String, _ diagnostics: inout [Diagnostic]) -> String {
        let exponentStart = position
        advance()
        var text = marker
        if let sign = peek(), sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            text.append(Character(Unicode.Scalar(sign)))
            advance()
        }
        let digits = lexDigits(Self.isDigit)
        if digits.isEmpty {
            diagnostics.append(error("expected a digit in the exponent", SourceRange(exponentStart, position)))
            return text + "0"
        }
        return text + digits
    }

    /// A number's digits after its radix prefix, an optional fraction (a `.` followed by a digit)
    /// and an optional exponent (`exponent`, lower or upper case): `12.5e-3`, or `1.8p4` in hexadecimal.
    private mutating func lexSignificandAndExponent(
        _ isValid: (UInt8) -> Bool, exponent marker: Unicode.Scalar, _ diagnostics: inout [Diagnostic]
    ) -> (text: String, hasFraction: Bool, hasExponent: Bool) {
        var text = lexDigits(isValid)
        var hasFraction = false
        if peek() == UInt8(ascii: "."), let next = peek(1), isValid(next) {
            advance()
            text += "." + lexDigits(isValid)
            hasFraction = true
        }
        // Setting bit 0x20 lowercases an ASCII letter; only `E` and `e` give `e`.
        guard let byte = peek(), byte | 0x20 == UInt8(marker.value) else {
            return (text, hasFraction, false)
        }
        return (text + lexExponent(String(marker), &diagnostics), hasFraction, true)
    }

    private mutating func lexNumber(_ diagnostics: inout [Diagnostic]) -> Token.Kind? {
        let start = position
        var text = ""
        var isFloat = false
        if peek() == UInt8(ascii: "0"), let radix = peek(1), [UInt8(ascii: "x"), UInt8(ascii: "o"), UInt8(ascii: "b")].contains(radix) {
            advance(); advance()
            text = "0" + String(Character(Unicode.Scalar(radix)))
            switch radix {
            case UInt8(ascii: "x"):
                let hex = lexSignificandAndExponent(Self.isHexDigit, exponent: "p", &diagnostics)
                text += hex.text
                isFloat = hex.hasFraction || hex.hasExponent
                if hex.hasFraction, !hex.hasExponent {
                    diagnostics.append(error("hexadecimal floating-point literal must end with an exponent", SourceRange(start, position),
                                             hint: "write it as '\(text)p0'"))
                }
            case UInt8(ascii: "o"):
                text += lexDigits { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "7") }
            default:
                text += lexDigits { $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: "1") }
            }
            if text.count == 2 || text.last == "_" && text.count == 3 {
                diagnostics.append(error("expected a digit after '\(text)'", SourceRange(start, position)))
            }
        } else {
            let decimal = lexSignificandAndExponent(Self.isDigit, exponent: "e", &diagnostics)
            text = decimal.text
            isFloat = decimal.hasFraction || decimal.hasExponent
        }
        // Swift rejects `2x` as an invalid digit; report it and swallow the rest of the word.
        if let (scalar, _) = scalarHere(), isIdentifierContinue(scalar) {
            let badStart = position
            while let (s, l) = scalarHere(), isIdentifierContinue(s) { advanceScalar(l) }
            diagnostics.append(error(
                "'\(Character(scalar))' is not a valid digit in a number literal", SourceRange(badStart, position),
                hint: "put an operator between a number and a name, as in '2 * x'"))
        }
        return isFloat ? .float(text) : .integer(text)
    }

    private mutating func lexString(_ diagnostics: inout [Diagnostic]) -> Token.Kind? {
        let start = position
        if peek(1) == UInt8(ascii: "\""), peek(2) == UInt8(ascii: "\"") {
            advance(); advance(); advance()
            // Skip to the closing delimiter so that the rest of the text still lexes.
            while peek() != nil, !(peek() == UInt8(ascii: "\"") && peek(1) == UInt8(ascii: "\"") && peek(2) == UInt8(ascii: "\"")) { advance() }
            if peek() != nil { advance(); advance(); advance() }
            diagnostics.append(error("multi-line string literals are not part of the directive language", SourceRange(start, position),
                                     hint: "write the text on one line between '\"' and '\"'"))
            return .string("")
        }
        advance()
        var value = ""
        while true {
            guard let byte = peek(), byte != UInt8(ascii: "\n"), byte != UInt8(ascii: "\r") else {
                diagnostics.append(error("unterminated string literal", SourceRange(start, SourcePosition(offset: start.offset + 1, line: start.line, column: start.column + 1)),
                                         hint: "close the string with '\"' on the same line"))
                return .string(value)
            }
            if byte == UInt8(ascii: "\"") {
                advance()
                return .string(value)
            }
            if byte == UInt8(ascii: "\\") {
                let escapeStart = position
                advance()
                guard let code = peek(), code != UInt8(ascii: "\n") else { continue }
                advance()
                switch code {
                case UInt8(ascii: "n"): value += "\n"
                case UInt8(ascii: "t"): value += "\t"
                case UInt8(ascii: "r"): value += "\r"
                case UInt8(ascii: "0"): value += "\0"
                case UInt8(ascii: "\\"): value += "\\"
                case UInt8(ascii: "\""): value += "\""
                case UInt8(ascii: "'"): value += "'"
                case UInt8(ascii: "u") where peek() == UInt8(ascii: "{"):
                    advance()
                    let hex = lexDigits(Self.isHexDigit)
                    let closed = peek() == UInt8(ascii: "}")
                    if closed { advance() }
                    if closed, !hex.contains("_"), (1...8).contains(hex.count), let v = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(v) {
                        value.unicodeScalars.append(scalar)
                    } else {
                        diagnostics.append(error("invalid Unicode escape", SourceRange(escapeStart, position),
                                                 hint: "write 1 to 8 hexadecimal digits of a valid scalar, as in '\\u{3B7}'"))
                    }
                case UInt8(ascii: "("):
                    diagnostics.append(error("string interpolation is not part of the directive language", SourceRange(escapeStart, position),
                                             hint: "write the text literally"))
                    // Skip the interpolated expression so that its ')' does not end the string early.
                    var depth = 1
                    while depth > 0, let b = peek(), b != UInt8(ascii: "\n") {
                        if b == UInt8(ascii: "(") { depth += 1 } else if b == UInt8(ascii: ")") { depth -= 1 }
                        advance()
                    }
                default:
                    diagnostics.append(error("invalid escape sequence in a string literal", SourceRange(escapeStart, position),
                                             hint: "the escapes are \\n, \\t, \\r, \\0, \\\\, \\\", \\' and \\u{…}"))
                }
                continue
            }
            if let (scalar, length) = scalarHere() {
                value.unicodeScalars.append(scalar)
                advanceScalar(length)
            } else {
                advance()
            }
        }
    }
}
