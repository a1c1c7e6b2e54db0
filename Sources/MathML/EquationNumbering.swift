import TextFormatting

/// One line of a display formula that may carry a number: the whole formula, or a row of a
/// numbered environment (`align`, `gather`) or of its starred form.
///
/// ```swift
/// MathML.equations(in: #"\begin{align} a &= b \label{eq:a} \\ c &= d \nonumber \end{align}"#)
/// // [line 0: the formula, no number], [row 1: numbered, label "eq:a"], [row 2: not numbered]
/// ```
///
/// A line takes the next number of its chapter when ``isNumbered`` is true; a ``tag`` shows
/// instead, and takes no number, as in LaTeX. The caller numbers the lines (it knows the
/// chapter) and hands the numbers to ``MathML/render(latex:display:numbers:references:)``.
public struct EquationLine: Hashable, Sendable {
    /// `\label{…}`'s name, which becomes the line's id on the page.
    public var label: String?
    /// Bytes from the formula's start to the `\label`.
    public var labelOffset = 0
    /// `\tag{…}`'s text, shown instead of a number; `nil` when the line has no tag.
    public var tag: String?
    /// `\tag*{…}`: the tag without parentheses.
    public var tagIsBare = false
    /// Whether the line takes the next number: a row of `align`/`gather`/`equation` without
    /// `\nonumber`, or a plain `$$…$$` formula with a `\label`.
    public var isNumbered = false

    public init(label: String? = nil, labelOffset: Int = 0, tag: String? = nil, tagIsBare: Bool = false, isNumbered: Bool = false) {
        self.label = label
        self.labelOffset = labelOffset
        self.tag = tag
        self.tagIsBare = tagIsBare
        self.isNumbered = isNumbered
    }

    /// Whether the line shows a number or a tag.
    public var showsNumber: Bool { isNumbered || tag != nil }

    /// The text shown at the line's right for the chapter's number `number` ("5.3"):
    /// "(5.3)", "(★)" for `\tag{★}`, "★" for `\tag*{★}`.
    public func shown(number: String) -> String? {
        if let tag { return tagIsBare ? tag : "(\(tag))" }
        return isNumbered ? "(\(number))" : nil
    }
}

/// What a `\ref{…}` or `\eqref{…}` names, as the caller's label table says.
public enum MathReference: Sendable, Hashable {
    /// The number to show: "5.3" (`\eqref` adds the parentheses).
    case number(String)
    /// The label is not known (or names several places); reported at the command.
    case unresolved(message: String, hint: String?)
}

/// A numbered display formula as the page shows it: the `<math>` element and, when the whole
/// formula carries one number, that number and the formula's id, which the page writes
/// outside the `<math>` (MathML Core has no `mlabeledtr`).
public struct EquationRendering: Sendable, Hashable {
    public var markup: String
    public var errors: [LaTeXError]
    /// "(5.3)", written beside the formula; `nil` when the formula has no number of its own
    /// (its rows may have theirs, inside the table).
    public var number: String?
    /// The formula's `\label`, its element's id on the page.
    public var id: String?
}

extension MathML {
    /// The lines of a display formula that may carry numbers, in order: the whole formula
    /// first, then each row of a numbered or starred `align`/`gather` environment.
    public static func equations(in latex: String) -> [EquationLine] {
        var parser = LaTeXParser(latex, display: true)
        _ = parser.parseFormula()
        return parser.lines
    }

    /// Renders display math with its lines numbered: `numbers[i]` is what line `i` of
    /// ``equations(in:)`` shows ("(5.3)"), `nil` for none. A row's number is a last column of
    /// its table, with the row's label as the row's id; the whole formula's number and label are
    /// returned for the page to write beside it. `references` resolves `\ref` and `\eqref`.
    public static func render(
        latex: String, numbers: [String?], references: @escaping (String) -> MathReference
    ) -> EquationRendering {
        var parser = LaTeXParser(latex, display: true)
        parser.numbers = numbers
        parser.references = references
        let root = parser.parseFormula()
        var writer = MathMLWriter()
        writer.write(root)
        var markup = MathML.blockStart(latex: latex) + "<semantics>" + writer.output + "<annotation encoding=\"application/x-tex\">"
        Escaping.htmlReplacingForbidden(latex, into: &markup)
        markup += "</annotation></semantics></math>"
        let whole = parser.lines.first
        let number = numbers.first ?? nil
        return EquationRendering(markup: markup, errors: parser.errors, number: number,
                                 id: number != nil ? whole?.label : nil)
    }

    /// Renders inline math (`display` false) or an unnumbered display whose `\ref`/`\eqref`
    /// resolve through `references`.
    public static func render(
        latex: String, display: MathDisplay, references: @escaping (String) -> MathReference
    ) -> MathRendering {
        var parser = LaTeXParser(latex, display: display == .block)
        parser.references = references
        let root = parser.parseFormula()
        var writer = MathMLWriter()
        writer.write(root)
        var markup = display == .block ? MathML.blockStart(latex: latex) + "<semantics>" : "<math><semantics>"
        markup += writer.output + "<annotation encoding=\"application/x-tex\">"
        Escaping.htmlReplacingForbidden(latex, into: &markup)
        markup += "</annotation></semantics></math>"
        return MathRendering(markup: markup, errors: parser.errors)
    }

    /// The label of a formula that is nothing but one `\ref{…}` or `\eqref{…}` (spaces
    /// around it allowed), and whether it is `\eqref`: the page writes such a formula as a
    /// link, which MathML Core cannot hold.
    public static func loneReference(_ latex: String) -> (label: String, parenthesised: Bool)? {
        // Most formulas are not one: those that do not start with `\ref{` or `\eqref{` are passed
        // over without trimming a copy (every formula of every page comes here).
        let start = latex.utf8.drop { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        guard start.starts(with: "\\ref{".utf8) || start.starts(with: "\\eqref{".utf8) else { return nil }
        let trimmed = latex.trimmingSpaces()
        for (command, parenthesised) in [("\\eqref{", true), ("\\ref{", false)] where trimmed.hasPrefix(command) && trimmed.hasSuffix("}") {
            let label = trimmed.dropFirst(command.count).dropLast()
            guard EquationLabel.isValid(String(label)) else { return nil }
            return (String(label), parenthesised)
        }
        return nil
    }
}

/// What a label may be: what follows `\label{`, `{#` or `#` in a link.
public enum EquationLabel {
    /// Letters and digits of any script, and `-`, `_`, `:` and `.`, starting with a letter;
    /// a `05-adam.md#` before it names another chapter's label in `\ref`/`\eqref`.
    public static func isValid(_ label: String) -> Bool {
        var name = Substring(label)
        if let hash = label.lastIndex(of: "#") {
            let file = label[..<hash]
            guard file.hasSuffix(".md"), !file.contains(where: { $0 == " " || $0 == "{" || $0 == "}" }) else { return false }
            name = label[label.index(after: hash)...]
        }
        guard let first = name.unicodeScalars.first, first.properties.isAlphabetic else { return false }
        return name.unicodeScalars.allSatisfy {
            $0.properties.isAlphabetic || ("0"..."9").contains($0) || "-_:.".unicodeScalars.contains($0)
        }
    }
}
