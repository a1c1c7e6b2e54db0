/// The words of a figure: what screen readers announce and the ids it may use.
public struct FigureText: Hashable, Sendable {
    /// Prefix of every `id` in the figure, so several figures can share a page; must be
    /// a valid XML name start (letters, digits, `-`, `_`; not starting with a digit).
    public var idPrefix: String
    /// The `<title>`: a short name, e.g. "Four optimizers on the bowl".
    public var title: String
    /// The `<desc>`: the data summary in words, e.g. which method got closest; empty for a
    /// figure whose caption says all there is (no `<desc>` then). A page that shows it in
    /// the caption too hides that copy from screen readers, so it is heard once.
    public var description: String

    /// The words the figure writes inside itself: legend entries, notes, tooltips.
    public var words: FigureVocabulary

    /// The language of the words when it is not the page's (`lang` on the `<svg>`); nil when
    /// they are in the page's language.
    public var language: String?

    /// Whether this is the narrow drawing of a figure drawn twice (``ResponsiveFigure``),
    /// which the stylesheet shows instead of the wide one in a column narrower than that.
    public var isNarrow = false

    public init(idPrefix: String, title: String, description: String, words: FigureVocabulary = .english) {
        precondition(Self.isValidPrefix(idPrefix), "id prefix '\(idPrefix)' is not an XML name")
        self.idPrefix = idPrefix
        self.title = title
        self.description = description
        self.words = words
    }

    /// The words of the figure's narrow drawing: the same, under ids of their own.
    public var narrow: FigureText {
        var text = self
        text.idPrefix += "-n"
        text.isNarrow = true
        return text
    }

    /// `prefix` if it can start an `id`; otherwise an `x` and its ASCII letters and digits,
    /// which always can.
    public static func safePrefix(_ prefix: String) -> String {
        if isValidPrefix(prefix) { return prefix }
        return "x" + String(String.UnicodeScalarView(prefix.unicodeScalars.filter {
            $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))
        }))
    }

    /// Whether `prefix` can start an `id` (the caller builds prefixes from slugs).
    public static func isValidPrefix(_ prefix: String) -> Bool {
        guard let first = prefix.unicodeScalars.first, first.properties.isAlphabetic, first.isASCII else { return false }
        return prefix.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-" || $0 == "_") }
    }
}
