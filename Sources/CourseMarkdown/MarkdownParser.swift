import CourseDiagnostics

/// Parses a chapter's Markdown (GitHub Flavored, with footnotes and `$` math)
/// into a ``Document``.
///
/// Inputs that Debian's cmark-gfm 0.29 would take very long on are refused
/// with a diagnostic instead: a chapter over ``maximumBytes``, a line with
/// more than ``maximumTableColumns`` cells, or a tree nested deeper than ``maximumNesting``.
public enum MarkdownParser {
    /// Largest chapter accepted, in bytes (4 MiB: a long chapter is ~100 KB).
    public static let maximumBytes = 4 << 20
    /// Most table cells on one line (a 5,000-column table takes cmark-gfm 0.29 19 s).
    public static let maximumTableColumns = 200
    /// Deepest nesting of blocks and inlines accepted (a list item in a list counts two
    /// levels, a paragraph and its emphasis one each; real chapters stay under 15). The
    /// bound keeps every walk over the tree within the stack: 25,000 nested `>` used to crash.
    public static let maximumNesting = 100

    /// Parses `text`, the Markdown after any front matter.
    ///
    /// - Parameters:
    ///   - origin: where `text` starts in its file, for diagnostics; positions in the
    ///     returned document are relative to `text` (add `origin.line - 1`).
    public static func parse(_ text: String, origin: SourceOrigin, diagnostics: inout [Diagnostic]) -> Document {
        let size = text.utf8.count
        if size > maximumBytes {
            diagnostics.append(.error(
                "chapter is \(size) bytes; the limit is \(maximumBytes)",
                at: origin.location(line: 1, column: 1),
                hint: "split it into several chapters"))
            return Document(blocks: [])
        }
        let prepass = DisplayMathPrepass(text, maximumTableColumns: maximumTableColumns)
        if let wide = prepass.tooWideLine {
            diagnostics.append(.error(
                "line has \(wide.cells) table cells; the limit is \(maximumTableColumns)",
                at: origin.location(line: wide.line, column: 1),
                hint: "split the table, or escape '|' as '\\|' where it is not a cell border"))
            return Document(blocks: [])
        }
        if let line = prepass.unclosedLine {
            diagnostics.append(.error(
                "display math opened with '$$' is never closed",
                at: origin.location(line: line, column: 1), length: 2,
                hint: "end the formula with '$$' at the end of a line"))
        }
        var converter = CmarkConverter(displayMath: prepass.blocks)
        switch converter.parse(prepass.text, maximumDepth: maximumNesting) {
        case .blocks(let blocks):
            return Document(blocks: blocks)
        case .tooDeep(let depth, let position):
            diagnostics.append(.error(
                "Markdown is nested \(depth) levels deep; the limit is \(maximumNesting)",
                at: origin.location(line: position.line, column: position.column),
                hint: "block quotes, lists, emphasis and links inside one another each count a level; nest less deeply"))
            return Document(blocks: [])
        }
    }
}
