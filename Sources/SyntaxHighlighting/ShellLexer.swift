/// Highlights POSIX shell and bash: command words, keywords, quoting,
/// `$VAR`, `${…}`, `$(…)` and backquote substitutions (highlighted as shell),
/// assignments, redirections, comments and here-documents.
final class ShellLexer: Lexer {
    static let keywords: Set<String> = [
        "if", "then", "else", "elif", "fi", "for", "while", "until", "do", "done", "case", "esac", "in",
        "function", "select", "time", "{", "}", "!", "[[", "]]",
    ]
    /// Keywords after which a command word comes next.
    static let commandStarters: Set<String> = ["if", "then", "else", "elif", "do", "while", "until", "time", "{", "!"]

    /// Whether the next word is a command name (start of a line, after `;`, `|`, `&&`, …).
    private var commandPosition = true
    private var lastKeyword = ""
    /// Here-document terminators waiting for the end of the current line.
    private var hereDocuments: [(terminator: [UInt8], stripTabs: Bool)] = []

    func run() -> String {
        code(terminator: nil, depth: 0)
        return finish()
    }

    /// A `console` transcript: lines starting with a prompt (`$ `, `% `, `❯ `)
    /// are commands, highlighted as shell together with their `\` continuation
    /// lines; every other line is output.
    static func console(_ raw: [UInt8]) -> String {
        // Lines are split before lexing, so line breaks are normalised first
        // rather than by the builder.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(raw.count)
        for (index, byte) in raw.enumerated() {
            if byte == UInt8(ascii: "\r") {
                if index + 1 < raw.count, raw[index + 1] == UInt8(ascii: "\n") { continue }
                bytes.append(UInt8(ascii: "\n"))
            } else {
                bytes.append(byte)
            }
        }
        var html = ""
        var lineStart = 0
        var output = HTMLBuilder()
        while lineStart < bytes.count {
            var lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            let promptLength = prompt(in: bytes, at: lineStart)
            if promptLength > 0 {
                output.finish()
                html += output.html
                output = HTMLBuilder()
                // Continuation lines belong to the command.
                while lineEnd < bytes.count, lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\\") {
                    lineEnd = bytes[(lineEnd + 1)...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                }
                var promptHTML = HTMLBuilder()
                promptHTML.append(bytes[lineStart..<(lineStart + promptLength)], as: .prompt)
                promptHTML.finish()
                html += promptHTML.html
                html += ShellLexer(Array(bytes[(lineStart + promptLength)..<lineEnd])).run()
            } else {
                output.append(bytes[lineStart..<lineEnd], as: .output)
            }
            if lineEnd < bytes.count { output.append(bytes[lineEnd...lineEnd], as: nil) }
            lineStart = lineEnd + 1
        }
        output.finish()
        return html + output.html
    }

    /// The length of the prompt that starts the line at `start`, or 0.
    private static func prompt(in bytes: [UInt8], at start: Int) -> Int {
        let prompts: [[UInt8]] = [Array("$ ".utf8), Array("% ".utf8), Array("❯ ".utf8)]
        for prompt in prompts where bytes[start...].starts(with: prompt) { return prompt.count }
        if bytes.count - start == 1, bytes[start] == UInt8(ascii: "$") { return 1 }
        return 0
    }

    /// Shell code up to the end, or up to `terminator` (`)` of `$(`, a
    /// backquote), which is left for the caller.
    private func code(terminator: UInt8?, depth: Int) {
        var parentheses = 0
        while !atEnd {
            let start = position
            let byte = bytes[position]
            if let terminator, byte == terminator, parentheses == 0 { return }
            switch byte {
            case UInt8(ascii: " "), UInt8(ascii: "\t"):
                position += 1
                emit(from: start, as: nil)
            case UInt8(ascii: "\n"):
                position += 1
                emit(from: start, as: nil)
                commandPosition = true
                readHereDocuments()
            case UInt8(ascii: "#") where isWordStart(start):
                lineComment(from: start)
            case UInt8(ascii: "'"):
                position += 1
                while !atEnd, peek() != UInt8(ascii: "'") { position += 1 }
                if !atEnd { position += 1 }
                emit(from: start, as: .string)
                commandPosition = false
            case UInt8(ascii: "\""):
                doubleQuoted(depth: depth)
                commandPosition = false
            case UInt8(ascii: "$"):
                expansion(depth: depth, inString: false)
                commandPosition = false
            case UInt8(ascii: "`") where depth < Self.maximumDepth:
                backquoted(depth: depth)
                commandPosition = false
            case UInt8(ascii: "\\"):
                position += 1
                if !atEnd { advanceCharacter() }
                emit(from: start, as: .escape)
            case UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "&"):
                while [UInt8(ascii: ";"), UInt8(ascii: "|"), UInt8(ascii: "&")].contains(peek()) { position += 1 }
                emit(from: start, as: .operator)
                commandPosition = true
            case UInt8(ascii: "("):
                position += 1
                parentheses += 1
                emit(from: start, as: nil)
                commandPosition = true
            case UInt8(ascii: ")"):
                position += 1
                parentheses = max(0, parentheses - 1)
                emit(from: start, as: nil)
            case UInt8(ascii: "<"), UInt8(ascii: ">"):
                redirection()
            default:
                word(from: start)
            }
        }
    }

    private func isWordStart(_ index: Int) -> Bool {
        guard index > 0 else { return true }
        return [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: ";"), UInt8(ascii: "|"),
                UInt8(ascii: "&"), UInt8(ascii: "(")].contains(bytes[index - 1])
    }

    /// The bytes that end a word: blanks, the shell's metacharacters, quotes, `$` and the backslash.
    private static let wordEnds = Set(" \t\n;|&()<>'\"$`\\".utf8)

    private static func isWordByte(_ byte: UInt8) -> Bool { !wordEnds.contains(byte) }

    private func word(from start: Int) {
        // An assignment: NAME=value, before or instead of a command.
        if commandPosition, Self.isIdentifierStart(peek()), peek() < 0x80 {
            var end = position
            while end < bytes.count, Self.isIdentifierByte(bytes[end]), bytes[end] < 0x80 { end += 1 }
            if end < bytes.count, bytes[end] == UInt8(ascii: "=") {
                position = end
                emit(from: start, as: .variable)
                let equals = position
                position += 1
                emit(from: equals, as: .operator)
                let value = position
                while !atEnd, Self.isWordByte(peek()) { advanceCharacter() }
                emit(from: value, as: nil)
                return
            }
        }
        while !atEnd, Self.isWordByte(peek()) { advanceCharacter() }
        if position == start { advanceCharacter() }
        let text = String(decoding: bytes[start..<position], as: UTF8.self)
        let kind: TokenKind?
        if commandPosition && Self.keywords.contains(text) {
            kind = .keyword
            lastKeyword = text
            commandPosition = Self.commandStarters.contains(text)
        } else if text == "in" && ["for", "case", "select"].contains(lastKeyword) {
            kind = .keyword
            lastKeyword = text
        } else if text.allSatisfy(\.isASCII) && text.allSatisfy(\.isNumber) {
            kind = .number
        } else if commandPosition {
            kind = .function
            commandPosition = false
        } else {
            kind = nil
        }
        if kind != .function && kind != .keyword { commandPosition = false }
        emit(from: start, as: kind)
    }

    /// `>`, `>>`, `<`, `2>&1`, `<<<`, and `<<EOF` (whose body follows the line).
    private func redirection() {
        let start = position
        if peek() == UInt8(ascii: "<"), peek(1) == UInt8(ascii: "<"), peek(2) != UInt8(ascii: "<") {
            position += 2
            let stripTabs = peek() == UInt8(ascii: "-")
            if stripTabs { position += 1 }
            emit(from: start, as: .operator)
            while peek() == UInt8(ascii: " ") { position += 1 }
            let wordStart = position
            let quote = peek() == UInt8(ascii: "'") || peek() == UInt8(ascii: "\"") ? peek() : 0
            if quote != 0 { position += 1 }
            let nameStart = position
            while !atEnd, Self.isWordByte(peek()), peek() != quote { position += 1 }
            let name = Array(bytes[nameStart..<position])
            if quote != 0, peek() == quote { position += 1 }
            emit(from: wordStart, as: .string)
            if !name.isEmpty { hereDocuments.append((name, stripTabs)) }
            return
        }
        while [UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&")].contains(peek()) { position += 1 }
        emit(from: start, as: .operator)
    }

    /// The bodies of pending here-documents, from the start of a line through
    /// each terminator line.
    private func readHereDocuments() {
        while !hereDocuments.isEmpty {
            let (terminator, stripTabs) = hereDocuments.removeFirst()
            let bodyStart = position
            var terminated = false
            while !atEnd {
                var lineStart = position
                let lineEnd = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
                if stripTabs { while lineStart < lineEnd, bytes[lineStart] == UInt8(ascii: "\t") { lineStart += 1 } }
                if bytes[lineStart..<lineEnd].elementsEqual(terminator) {
                    emit(from: bodyStart, as: .string)
                    let terminatorStart = position
                    position = lineEnd
                    emit(from: terminatorStart, as: .string)
                    terminated = true
                    break
                }
                position = min(bytes.count, lineEnd + 1)
            }
            if !terminated { emit(from: bodyStart, as: .string) }
        }
    }

    /// `"…"` with its escapes and expansions.
    private func doubleQuoted(depth: Int) {
        var segment = position
        position += 1
        while !atEnd {
            let byte = bytes[position]
            if byte == UInt8(ascii: "\"") {
                position += 1
                break
            }
            if byte == UInt8(ascii: "\\"), [UInt8(ascii: "$"), UInt8(ascii: "`"), UInt8(ascii: "\""), UInt8(ascii: "\\"),
                                          UInt8(ascii: "\n")].contains(peek(1)) {
                emit(from: segment, as: .string)
                let escape = position
                position += 2
                emit(from: escape, as: .escape)
                segment = position
            } else if byte == UInt8(ascii: "$") && (peek(1) == UInt8(ascii: "(") || peek(1) == UInt8(ascii: "{")
                                                   || Self.isIdentifierStart(peek(1)) || Self.isSpecialParameter(peek(1))) {
                emit(from: segment, as: .string)
                expansion(depth: depth, inString: true)
                segment = position
            } else if byte == UInt8(ascii: "`") && depth < Self.maximumDepth {
                emit(from: segment, as: .string)
                backquoted(depth: depth)
                segment = position
            } else {
                position += 1
            }
        }
        emit(from: segment, as: .string)
    }

    private static func isSpecialParameter(_ byte: UInt8) -> Bool {
        isDigit(byte) || [UInt8(ascii: "@"), UInt8(ascii: "*"), UInt8(ascii: "#"), UInt8(ascii: "?"),
                          UInt8(ascii: "$"), UInt8(ascii: "!"), UInt8(ascii: "-")].contains(byte)
    }

    /// `$name`, `$1`, `${…}`, `$(…)`, `$((…))`, `$'…'`; the cursor at `$`.
    private func expansion(depth: Int, inString: Bool) {
        let start = position
        position += 1
        let next = peek()
        if next == UInt8(ascii: "(") && depth < Self.maximumDepth {
            position += 1
            emit(from: start, as: .interpolation)
            nestedCommand(until: UInt8(ascii: ")"), depth: depth)
        } else if next == UInt8(ascii: "{") {
            var braces = 0
            while !atEnd {
                if peek() == UInt8(ascii: "{") { braces += 1 }
                if peek() == UInt8(ascii: "}") {
                    braces -= 1
                    if braces == 0 {
                        position += 1
                        break
                    }
                }
                if peek() == UInt8(ascii: "\n") { break }
                position += 1
            }
            emit(from: start, as: .variable)
        } else if next == UInt8(ascii: "'") && !inString {
            position += 1
            while !atEnd, peek() != UInt8(ascii: "'") {
                position += peek() == UInt8(ascii: "\\") ? 2 : 1
            }
            position = min(bytes.count, position + 1)
            emit(from: start, as: .string)
        } else if Self.isIdentifierStart(next) && next < 0x80 {
            while Self.isIdentifierByte(peek()) && peek() < 0x80 { position += 1 }
            emit(from: start, as: .variable)
        } else if Self.isSpecialParameter(next) {
            position += 1
            emit(from: start, as: .variable)
        } else {
            emit(from: start, as: inString ? .string : nil)
        }
    }

    /// `` `command` ``, the cursor at the opening backquote.
    private func backquoted(depth: Int) {
        let open = position
        position += 1
        emit(from: open, as: .interpolation)
        nestedCommand(until: UInt8(ascii: "`"), depth: depth)
    }

    /// The command inside `$(…)` or backquotes, its opening already emitted: code in command
    /// position one level deeper, up to `terminator`, which is emitted as interpolation.
    private func nestedCommand(until terminator: UInt8, depth: Int) {
        let saved = commandPosition
        commandPosition = true
        code(terminator: terminator, depth: depth + 1)
        commandPosition = saved
        if peek() == terminator {
            let close = position
            position += 1
            emit(from: close, as: .interpolation)
        }
    }
}
