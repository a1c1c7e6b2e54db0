import TextFormatting

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

    /// Every diagnostic, in order. Each file is read and indexed by line once, so the
    /// time is linear in the diagnostics' number (20,000 on one chapter print at once).
    public func render(_ diagnostics: [Diagnostic]) -> String {
        let cache = SourceCache(sources)
        var out = ""
        for diagnostic in diagnostics { append(diagnostic, withNotes: true, cache: cache, to: &out) }
        return out
    }

    public func render(_ diagnostic: Diagnostic) -> String {
        var out = ""
        append(diagnostic, withNotes: true, cache: SourceCache(sources), to: &out)
        return out
    }

    private func append(_ d: Diagnostic, withNotes: Bool, cache: SourceCache, to out: inout String) {
        let header = d.location.map { bold(Self.printable("\($0)") + ": ") } ?? ""
        out += header + severityLabel(d.severity) + bold(Self.printable(d.message)) + "\n"
        if let location = d.location, location.line > 0, let line = cache.line(location.line, of: location.file) {
            let (shown, caret) = Self.caretLine(bytes: line.bytes, scalarStarts: line.scalarStarts, column: location.column, length: d.length)
            out += "    " + shown + "\n"
            out += "    " + paint(caret, "32") + "\n"
        }
        if let hint = d.hint {
            out += paint("hint: ", "36") + Self.printable(hint) + "\n"
        }
        if withNotes {
            for note in d.notes { append(note, withNotes: false, cache: cache, to: &out) }
        }
    }

    /// The files' texts, read once each, with the byte offset of every line's start, and of
    /// every scalar's start in the lines that diagnostics point into.
    private final class SourceCache {
        let sources: SourceProvider
        var files: [String: (bytes: [UInt8], lineStarts: [Int])?] = [:]
        var scalarStarts: [String: [Int: [Int]]] = [:]

        init(_ sources: @escaping SourceProvider) { self.sources = sources }

        func line(_ number: Int, of file: String) -> (bytes: ArraySlice<UInt8>, scalarStarts: [Int])? {
            if files[file] == nil {
                files[file] = .some(sources(file).map { text in
                    let bytes = Array(text.utf8)
                    return (bytes, DiagnosticPrinter.lineStarts(bytes))
                })
            }
            guard let entry = files[file] ?? nil,
                  let bytes = DiagnosticPrinter.lineBytes(number, bytes: entry.bytes, lineStarts: entry.lineStarts) else { return nil }
            if let starts = scalarStarts[file]?[number] { return (bytes, starts) }
            let starts = DiagnosticPrinter.scalarStarts(bytes)
            scalarStarts[file, default: [:]][number] = starts
            return (bytes, starts)
        }
    }

    /// The offsets (from the slice's start) at which the scalars of UTF-8 `bytes` start.
    static func scalarStarts(_ bytes: ArraySlice<UInt8>) -> [Int] {
        var starts: [Int] = []
        starts.reserveCapacity(bytes.count)
        for (offset, byte) in bytes.enumerated() where byte & 0xC0 != 0x80 { starts.append(offset) }
        return starts
    }

    /// The byte offsets at which the lines of `bytes` start.
    static func lineStarts(_ bytes: [UInt8]) -> [Int] {
        var starts = [0]
        for (offset, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(offset + 1) }
        return starts
    }

    /// The bytes of line `number`, without its line break; a slice, so no copy of a long line.
    static func lineBytes(_ number: Int, bytes: [UInt8], lineStarts: [Int]) -> ArraySlice<UInt8>? {
        guard number >= 1, number <= lineStarts.count else { return nil }
        let start = lineStarts[number - 1]
        var end = number < lineStarts.count ? lineStarts[number] - 1 : bytes.count
        if end > start, bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return bytes[start..<end]
    }

    /// The 1-based line `number` of `text`, without its line break.
    public static func line(_ number: Int, of text: String) -> Substring? {
        let bytes = Array(text.utf8)
        return lineBytes(number, bytes: bytes, lineStarts: lineStarts(bytes)).map { Substring(String(decoding: $0, as: UTF8.self)) }
    }

    /// Characters of a long source line shown on each side of the caret's span.
    static let lineContext = 80

    /// The line with control characters shown as `�`, and the caret line under the characters
    /// that start at Unicode scalar `column` (1-based) and span `length` scalars. The caret line
    /// is laid out by display width (``DisplayWidth``): a CJK character takes two cells of
    /// indent or underline, a combining mark none, and a tab before the caret stays a tab, so
    /// the caret sits under its glyph in a terminal. A line longer than the span and
    /// ``lineContext`` characters on each side is cut to them, with `…` where it was cut.
    static func caretLine(line: Substring, column: Int, length: Int) -> (String, String) {
        let bytes = Array(line.utf8)[...]
        return caretLine(bytes: bytes, scalarStarts: scalarStarts(bytes), column: column, length: length)
    }

    /// ``caretLine(line:column:length:)`` of a line's UTF-8 bytes and the offsets of its scalars;
    /// only the part around the span is decoded, so many diagnostics on one long line stay linear.
    static func caretLine(bytes: ArraySlice<UInt8>, scalarStarts: [Int], column: Int, length: Int) -> (String, String) {
        var first = 0, last = scalarStarts.count
        if scalarStarts.count > 2 * lineContext + length {
            first = min(scalarStarts.count, max(0, column - 1 - lineContext))
            last = max(first, min(scalarStarts.count, column - 1 + length + lineContext))
        }
        let byteAt = { (scalar: Int) in bytes.startIndex + (scalar < scalarStarts.count ? scalarStarts[scalar] : bytes.count) }
        let part = Array(String(decoding: bytes[byteAt(first)..<byteAt(last)], as: UTF8.self))
        // The character holding scalar `column`, and the first one past the span, counted in `part`.
        var start = part.count, end = part.count
        var scalar = first + 1
        for (index, character) in part.enumerated() {
            let next = scalar + character.unicodeScalars.count
            if start == part.count, column < next { start = index }
            if index > start, scalar >= column + length {
                end = index
                break
            }
            scalar = next
        }
        var shown = first > 0 ? "…" : ""
        var caret = first > 0 ? " " : ""
        for (index, character) in part.enumerated() {
            let glyph: Character = character != "\t" && character.unicodeScalars.contains(where: isControl) ? "\u{FFFD}" : character
            shown.append(glyph)
            let cells = glyph == "\t" ? 1 : DisplayWidth.of(glyph)
            if index < start {
                caret += glyph == "\t" ? "\t" : String(repeating: " ", count: cells)
            } else if index < end {
                caret += (index == start ? "^" : cells > 0 ? "~" : "") + String(repeating: "~", count: max(0, cells - 1))
            }
        }
        if start == part.count { caret += "^" }
        if last < scalarStarts.count { shown += "…" }
        return (shown, caret)
    }

    private static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
    }

    /// Text from the user's files as it goes into a message: control characters (which
    /// could move a terminal's cursor or change its colours) as `\u{…}` escapes; line
    /// breaks stay.
    static func printable(_ text: String) -> String {
        func escaped(_ scalar: Unicode.Scalar) -> Bool { scalar != "\n" && isControl(scalar) }
        guard text.unicodeScalars.contains(where: escaped) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if escaped(scalar) {
                out += "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
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
