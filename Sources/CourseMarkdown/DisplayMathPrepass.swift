/// Lifts `$$ … $$` blocks that span several lines out of the text before cmark
/// sees it, keeping every line where it was.
///
/// Display math written over several lines breaks as an inline extension: a
/// line inside it that begins with `- `, `+ ` or `#` starts a list or heading,
/// and a blank line ends the paragraph. So a block whose first line starts
/// with `$$` (indented at most three spaces, outside fenced code) and which
/// ends on a later line with `$$` is replaced, line for line, by a fenced
/// placeholder that ``CmarkConverter`` turns back into ``Block/displayMath``.
/// One-line `$$…$$` stays for the inline extension.
///
/// The same pass finds what would make cmark-gfm 0.29 slow (it predates
/// upstream's fixes for quadratic tables): lines with more table cells than
/// ``MarkdownParser/maximumTableColumns``.
struct DisplayMathPrepass {
    struct Block: Hashable {
        var latex: String
        var line: Int
        var column: Int
    }

    static let placeholderInfo = "coursegen-display-math-"

    var text: String
    var blocks: [Block] = []
    /// `(line, cell count)` of the first line that has too many table cells.
    var tooWideLine: (line: Int, cells: Int)?
    /// The line of a `$$` that opens a block never closed.
    var unclosedLine: Int?

    init(_ source: String, maximumTableColumns: Int) {
        // Without `$$` there is nothing to replace, and without a line of too many `|` bytes none
        // has too many cells: the text is its own result, unsplit. (A `\r` makes `\r\n` one
        // character, which is no line break to the split below, so such text takes the long way.)
        if Self.isPlain(source, maximumTableColumns: maximumTableColumns) {
            text = source
            return
        }
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var fence: (character: Character, length: Int)?
        var index = 0
        while index < lines.count {
            let line = lines[index]
            let stripped = Self.dropIndent(line)
            if let open = fence {
                if let stripped, let marker = Self.fenceMarker(stripped), marker.character == open.character,
                   marker.length >= open.length, stripped.dropFirst(marker.length).allSatisfy({ $0 == " " || $0 == "\t" }) {
                    fence = nil
                }
                index += 1
                continue
            }
            if let marker = Self.fenceMarker(stripped) {
                fence = marker
                index += 1
                continue
            }
            let cells = line.reduce(0) { $1 == "|" ? $0 + 1 : $0 }
            if cells > maximumTableColumns, tooWideLine == nil { tooWideLine = (index + 1, cells) }

            if let stripped, stripped.hasPrefix("$$") {
                let indent = line.utf8.count - stripped.utf8.count
                let rest = stripped.dropFirst(2)
                if Self.closes(rest) {
                    index += 1  // one line: the inline extension's job
                    continue
                }
                // Find the closing line.
                var end = index + 1
                while end < lines.count, !Self.closes(Substring(lines[end])) { end += 1 }
                guard end < lines.count else {
                    unclosedLine = unclosedLine ?? index + 1
                    index += 1
                    continue
                }
                var body = [String(rest)]
                body += lines[(index + 1)..<end]
                let last = lines[end].trimmingTrailingSpaces()
                body.append(String(last.dropLast(2)))
                let joined = body.joined(separator: "\n")
                // Position of the LaTeX's first byte, past `$$` and leading white space.
                var line = index + 1
                var column = indent + 3
                for c in joined.utf8.prefix(while: { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 13 }) {
                    if c == 10 { line += 1; column = 1 } else { column += 1 }
                }
                blocks.append(Block(latex: joined.trimmingSpaces(), line: line, column: column))
                lines[index] = String(repeating: " ", count: indent) + "~~~~" + Self.placeholderInfo + String(blocks.count - 1)
                for k in (index + 1)..<end { lines[k] = "" }
                lines[end] = String(repeating: " ", count: indent) + "~~~~"
                index = end + 1
                continue
            }
            index += 1
        }
        text = lines.joined(separator: "\n")
    }

    private static func isPlain(_ source: String, maximumTableColumns: Int) -> Bool {
        var cells = 0
        var previous: UInt8 = 0
        for byte in source.utf8 {
            switch byte {
            case UInt8(ascii: "\n"): cells = 0
            case UInt8(ascii: "\r"): return false
            case UInt8(ascii: "|"):
                cells += 1
                if cells > maximumTableColumns { return false }
            case UInt8(ascii: "$") where previous == UInt8(ascii: "$"): return false
            default: break
            }
            previous = byte
        }
        return true
    }

    /// The placeholder's index, when `info` is a placeholder's info string.
    static func placeholderIndex(info: String) -> Int? {
        guard info.hasPrefix(placeholderInfo) else { return nil }
        return Int(info.dropFirst(placeholderInfo.count))
    }

    /// Whether a line's text ends display math: it ends in an unescaped `$$`.
    private static func closes(_ text: Substring) -> Bool {
        let t = text.trimmingTrailingSpaces()
        guard t.hasSuffix("$$") else { return false }
        return !t.dropLast(2).hasSuffix("\\")
    }

    /// The line without up to three leading spaces; `nil` when indented more (code).
    private static func dropIndent(_ line: String) -> Substring? {
        var s = Substring(line)
        var spaces = 0
        while s.first == " ", spaces < 4 { s.removeFirst(); spaces += 1 }
        return spaces > 3 ? nil : s
    }

    private static func fenceMarker(_ s: Substring?) -> (character: Character, length: Int)? {
        guard let s, let first = s.first, first == "`" || first == "~" else { return nil }
        let length = s.prefix(while: { $0 == first }).count
        return length >= 3 ? (first, length) : nil
    }
}

extension StringProtocol {
    func trimmingTrailingSpaces() -> Substring {
        var s = Substring(self)
        while let l = s.last, l == " " || l == "\t" || l == "\r" { s.removeLast() }
        return s
    }
}
