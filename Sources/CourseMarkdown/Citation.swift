/// A citation written in prose with Pandoc's syntax: `[@kingma2015]`,
/// `[see @kingma2015, p. 3; @loshchilov2019]`, `[-@kingma2015]` (the year alone), or the
/// narrative `@kingma2015` ("Kingma and Ba (2015)").
///
/// cmark-gfm leaves a bracket with no link definition as text, so citations are found in
/// text nodes when the tree is converted: never in code, math, link destinations or raw HTML.
/// An `@` after an ASCII letter, digit or `.` (an e-mail address) starts no citation.
public struct Citation: Hashable, Sendable {
    public struct Item: Hashable, Sendable {
        public var key: String
        /// Words before the key inside the brackets: "see".
        public var prefix: String
        /// What follows the key's comma: "p. 3".
        public var locator: String
        /// `-@key`: the citation shows the year alone.
        public var suppressesAuthor: Bool
        /// Where the key's `@` is (line 0 when cmark gave no position).
        public var position: TextPosition

        public init(key: String, prefix: String = "", locator: String = "", suppressesAuthor: Bool = false,
                    position: TextPosition = .unknown) {
            self.key = key
            self.prefix = prefix
            self.locator = locator
            self.suppressesAuthor = suppressesAuthor
            self.position = position
        }
    }

    public var items: [Item]
    /// `@key` in the sentence rather than `[@key]`.
    public var narrative: Bool
    /// The text as written, which the page shows when the citation is not one after all.
    public var source: String

    public init(items: [Item], narrative: Bool, source: String) {
        self.items = items
        self.narrative = narrative
        self.source = source
    }

    /// `text` split into text and citations. `column(offset)` gives the position of the
    /// text's scalar at `offset`, for each key's `@`.
    static func split(_ text: String, position column: (Int) -> TextPosition) -> [Inline] {
        let scalars = Array(text.unicodeScalars)
        guard scalars.contains("@") else { return [.text(text)] }
        var out: [Inline] = []
        var pending = String.UnicodeScalarView()
        var i = 0
        func flush() {
            if !pending.isEmpty { out.append(.text(String(pending))); pending = String.UnicodeScalarView() }
        }
        while i < scalars.count {
            if scalars[i] == "[", let (citation, end) = bracketed(scalars, from: i, position: column) {
                flush()
                out.append(.citation(citation))
                i = end
                continue
            }
            if scalars[i] == "@", startsNarrative(scalars, at: i) {
                let keyEnd = Self.keyEnd(scalars, from: i + 1)
                if keyEnd > i + 1 {
                    flush()
                    let key = String(String.UnicodeScalarView(scalars[(i + 1)..<keyEnd]))
                    out.append(.citation(Citation(
                        items: [Item(key: key, position: column(i))], narrative: true,
                        source: "@" + key)))
                    i = keyEnd
                    continue
                }
            }
            pending.append(scalars[i])
            i += 1
        }
        flush()
        return out
    }

    /// An `@` that does not follow a character of an e-mail address's local part (an ASCII
    /// letter or digit, or `._%+-/\\`), so `a@b.org` is no citation and `见 @key`, `。@key` are.
    private static func startsNarrative(_ scalars: [Unicode.Scalar], at i: Int) -> Bool {
        if i > 0 {
            let before = scalars[i - 1]
            let ascii = before.isASCII && (before.properties.isAlphabetic || before.properties.numericType != nil)
            guard !ascii, !"._%+-/\\@".unicodeScalars.contains(before) else { return false }
        }
        return i + 1 < scalars.count && isKeyStart(scalars[i + 1])
    }

    /// Keys are ASCII, so a Chinese sentence may go on right after one (`@he2015为`).
    private static func isKeyStart(_ s: Unicode.Scalar) -> Bool {
        s.isASCII && (s.properties.isAlphabetic || s.properties.numericType != nil || s == "_")
    }

    /// Where a key starting at `start` ends: ASCII letters, digits and `_`, and `:.-/` between them.
    private static func keyEnd(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        guard start < scalars.count, isKeyStart(scalars[start]) else { return start }
        var end = start + 1
        var i = start + 1
        while i < scalars.count {
            let s = scalars[i]
            if isKeyStart(s) { i += 1; end = i; continue }
            if ":.-/".unicodeScalars.contains(s) { i += 1; continue }
            break
        }
        return end
    }

    /// `[…]` from `start` when every `;`-separated part holds one `@key`; its end after `]`.
    private static func bracketed(_ scalars: [Unicode.Scalar], from start: Int,
                                  position column: (Int) -> TextPosition) -> (Citation, Int)? {
        guard let close = scalars[(start + 1)...].firstIndex(where: { $0 == "]" || $0 == "[" }), scalars[close] == "]" else { return nil }
        var items: [Item] = []
        var partStart = start + 1
        for i in (start + 1)...close where i == close || scalars[i] == ";" {
            guard let item = item(scalars, partStart..<i, position: column) else { return nil }
            items.append(item)
            partStart = i + 1
        }
        let source = String(String.UnicodeScalarView(scalars[start...close]))
        return (Citation(items: items, narrative: false, source: source), close + 1)
    }

    /// One part of a bracketed citation: `prefix -@key, locator`.
    private static func item(_ scalars: [Unicode.Scalar], _ range: Range<Int>,
                             position column: (Int) -> TextPosition) -> Item? {
        guard let at = scalars[range].firstIndex(of: "@") else { return nil }
        let keyEnd = Self.keyEnd(scalars, from: at + 1)
        guard keyEnd > at + 1 else { return nil }
        var prefixEnd = at
        let suppresses = at > range.lowerBound && scalars[at - 1] == "-"
        if suppresses { prefixEnd -= 1 }
        // The prefix is words before the key, separated from it by a space (or nothing).
        if prefixEnd > range.lowerBound, !scalars[prefixEnd - 1].properties.isWhitespace { return nil }
        let trimmed = { (slice: ArraySlice<Unicode.Scalar>) in
            String(String.UnicodeScalarView(slice)).trimmingWhitespace()
        }
        var rest = scalars[keyEnd..<range.upperBound]
        if let first = rest.first {
            guard first == "," || first.properties.isWhitespace else { return nil }
            if first == "," { rest = rest.dropFirst() }
        }
        return Item(key: String(String.UnicodeScalarView(scalars[(at + 1)..<keyEnd])),
                    prefix: trimmed(scalars[range.lowerBound..<prefixEnd]),
                    locator: trimmed(rest), suppressesAuthor: suppresses, position: column(at))
    }
}

extension String {
    fileprivate func trimmingWhitespace() -> String {
        String(drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed())
    }
}
