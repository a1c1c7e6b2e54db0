/// A 1-based line and column (in Unicode scalars) inside the Markdown text; line 0 means unknown.
public struct TextPosition: Hashable, Sendable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }

    public static let unknown = TextPosition(line: 0, column: 0)
}

/// A block of a parsed Markdown document, as a Swift value (no C pointers).
public indirect enum Block: Hashable, Sendable {
    case paragraph([Inline], TextPosition)
    case heading(level: Int, [Inline], TextPosition)
    /// A fenced or indented code block. `bodyLine` is the line of the body's first
    /// line, `indent` the fence's indentation, so positions inside the body map to the file.
    case codeBlock(CodeBlock)
    case htmlBlock(String, TextPosition)
    case blockQuote([Block])
    case list(List)
    case thematicBreak
    case table(Table)
    case footnoteDefinition(label: String, [Block])
    /// `$$ … $$` on lines of their own; the position is the LaTeX's first byte.
    case displayMath(latex: String, TextPosition)
}

public struct CodeBlock: Hashable, Sendable {
    /// The whole info string, e.g. `swift` or `experiment`.
    public var info: String
    public var literal: String
    public var fenced: Bool
    /// The fence line (or the first line of an indented block).
    public var position: TextPosition
    /// The line of the body's first line.
    public var bodyLine: Int
    /// Columns before the body text on each line (the fence's indentation).
    public var indent: Int

    /// The info string's first word, lower-cased: the language or directive name.
    public var language: String {
        String(info.split(whereSeparator: { $0 == " " || $0 == "\t" }).first ?? "").lowercased()
    }
}

public struct List: Hashable, Sendable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool
    public var items: [ListItem]
}

public struct ListItem: Hashable, Sendable {
    /// `nil` for an ordinary item, `true`/`false` for a checked/unchecked task.
    public var task: Bool?
    public var blocks: [Block]
}

public struct Table: Hashable, Sendable {
    public enum Alignment: Hashable, Sendable { case none, left, center, right }
    public var alignments: [Alignment]
    public var header: [[Inline]]
    public var rows: [[[Inline]]]
    public var position: TextPosition
}

/// An inline element.
public indirect enum Inline: Hashable, Sendable {
    case text(String)
    case softBreak
    case lineBreak
    /// `` `…` ``; the position is its text's first byte, after the backticks (line 0 when cmark gives none).
    case code(String, TextPosition)
    case html(String, TextPosition)
    case emphasis([Inline])
    case strong([Inline])
    case strikethrough([Inline])
    case link(url: String, title: String, [Inline], TextPosition)
    case image(url: String, title: String, alt: [Inline], TextPosition)
    case footnoteReference(label: String, TextPosition)
    /// `$…$` (inline) or `$$…$$` inside a paragraph (display); the position is the LaTeX's first byte.
    case math(latex: String, display: Bool, TextPosition)
}

extension Array where Element == Inline {
    /// The text a reader sees, without markup: for titles, ids and alt text.
    public var plainText: String {
        var out = ""
        for inline in self {
            switch inline {
            case .text(let s), .code(let s, _): out += s
            case .softBreak, .lineBreak: out += " "
            case .html: break
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c, _), .image(_, _, let c, _):
                out += c.plainText
            case .footnoteReference: break
            case .math(let latex, _, _): out += latex
            }
        }
        return out
    }
}

/// A parsed chapter body.
public struct Document: Hashable, Sendable {
    public var blocks: [Block]

    public init(blocks: [Block]) { self.blocks = blocks }
}
