import TextFormatting

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

    public init(info: String, literal: String, fenced: Bool, position: TextPosition, bodyLine: Int, indent: Int) {
        self.info = info
        self.literal = literal
        self.fenced = fenced
        self.position = position
        self.bodyLine = bodyLine
        self.indent = indent
    }

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
    /// `[@key]`, `[@a; @b, p. 3]` or a narrative `@key` in text (``Citation``).
    case citation(Citation)
}

extension Array where Element == Inline {
    /// The text without markup, math as its LaTeX: what heading ids are made of.
    public var plainText: String { plainText(math: { $0 }) }

    /// The text a reader sees, without markup, for titles and alt text: math spelled by
    /// `math` (``MathML`` gives "η" for `\eta`), a wrapped line joined as ``joinsLines(at:)`` says.
    public func plainText(math: (String) -> String) -> String {
        var out = ""
        for (index, inline) in enumerated() {
            switch inline {
            case .text(let s), .code(let s, _): out += s
            case .softBreak: out += joinsLines(at: index) ? "" : " "
            case .lineBreak: out += " "
            case .html: break
            case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c, _), .image(_, _, let c, _):
                out += c.plainText(math: math)
            case .footnoteReference: break
            case .math(let latex, _, _): out += math(latex)
            case .citation(let citation): out += citation.source
            }
        }
        return out
    }
}

extension Array where Element == Inline {
    /// Whether the soft break at `index` (a line the author wrapped) joins its neighbours
    /// without a space: when the last character before it and the first after it are both
    /// East Asian wide (``EastAsianSpacing/joinsLines(_:_:)``), as pandoc's
    /// `east_asian_line_breaks` does, so wrapping a Chinese paragraph adds no space.
    /// Full-width punctuation joins whatever is on the other side, a formula or code too
    /// (`$2$⏎，相差`).
    public func joinsLines(at index: Int) -> Bool {
        guard index > 0, index + 1 < count else { return false }
        let before = self[index - 1].lastCharacter, after = self[index + 1].firstCharacter
        if let before, EastAsianSpacing.isFullWidthPunctuation(before) { return true }
        if let after, EastAsianSpacing.isFullWidthPunctuation(after) { return true }
        guard let before, let after else { return false }
        return EastAsianSpacing.joinsLines(before, after)
    }
}

extension Inline {
    /// The first character a reader sees of this inline's text; nil for code, math, HTML and
    /// breaks, which are no prose to join.
    var firstCharacter: Character? {
        switch self {
        case .text(let s): s.first
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c, _): c.first?.firstCharacter
        default: nil
        }
    }

    /// The last character a reader sees of this inline's text, as ``firstCharacter``.
    var lastCharacter: Character? {
        switch self {
        case .text(let s): s.last
        case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c, _): c.last?.lastCharacter
        default: nil
        }
    }
}

/// A parsed chapter body.
public struct Document: Hashable, Sendable {
    public var blocks: [Block]

    public init(blocks: [Block]) { self.blocks = blocks }
}
