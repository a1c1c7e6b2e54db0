/// Renders diagnostics the way compilers do:
///
/// ```
/// chapters/03-adam.md:41:11: error: unknown optimizer 'Adma'; did you mean 'Adam'?
///     Adma(lr: 0.3)
///     ^~~~
/// hint: the optimizers are SGD, Momentum, …
/// ```
///
/// Colour (ANSI) only when asked, which the CLI does only on a terminal.
public struct DiagnosticPrinter: Sendable {
    /// Returns the text of a file as the user named it, or `nil` when it is not at hand.
    public typealias SourceProvider = @Sendable (String) -> String?

    public var color: Bool
    public var sources: SourceProvider

    public init(color: Bool = false, sources: @escaping SourceProvider = { _ in nil }) {
        self.color = color
        self.sources = sources
    }

    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined()
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        append(diagnostic, to: &out)
        for note in diagnostic.notes { append(note, to: &out) }
        return out
    }

    private func append(_ d: Diagnostic, to out: inout String) {
        let header = d.location.map { bold("\($0): ") } ?? ""
        out += header + severityLabel(d.severity) + bold(d.message) + "\n"
        if let location = d.location, location.line > 0,
           let text = sources(location.file),
           let line = Self.line(location.line, of: text) {
            let (shown, caret) = Self.caretLine(line: line, column: location.column, length: d.length)
            out += "    " + shown + "\n"
            out += "    " + paint(caret, "32") + "\n"
        }
        if let hint = d.hint {
            out += paint("hint: ", "36") + hint + "\n"
        }
    }

    /// The 1-based line `number` of `text`, without its line break.
    public static func line(_ number: Int, of text: String) -> Substring? {
        guard number >= 1 else { return nil }
        var current = 1
        var start = text.startIndex
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == "\n" || text[index] == "\r\n" {
                if current == number { return text[start..<index] }
                current += 1
                start = text.index(after: index)
            }
            index = text.index(after: index)
        }
        return current == number ? text[start..<text.endIndex] : nil
    }

    /// The line with tabs expanded to one space, and the caret line under the
    /// characters that start at UTF-8 byte `column` and span `length` bytes.
    static func caretLine(line: Substring, column: Int, length: Int) -> (String, String) {
        var shown = ""
        var caret = ""
        var byte = 1
        var underlined = 0
        for character in line {
            let width = character.utf8.count
            let glyph = character == "\t" ? " " : String(character)
            shown += glyph
            if byte + width <= column {
                caret += " "
            } else if underlined < length {
                caret += underlined == 0 ? "^" : "~"
                underlined += width
            }
            byte += width
        }
        if underlined == 0 { caret += "^" }
        return (shown, caret)
    }

    private func severityLabel(_ s: Severity) -> String {
        switch s {
        case .error: return paint("error: ", "1;31")
        case .warning: return paint("warning: ", "1;35")
        case .note: return paint("note: ", "1;30")
        }
    }

    private func bold(_ s: String) -> String { paint(s, "1") }

    private func paint(_ s: String, _ code: String) -> String {
        color ? "\u{1B}[\(code)m\(s)\u{1B}[0m" : s
    }
}
