/// How search cuts text into tokens and folds a token to the key it is found by. `assets/search.js`
/// cuts a query with the same rules, so a query's keys are the index's.
///
/// A token is a word (letters, marks and digits, with an apostrophe between letters: `gradient's`),
/// a number (`0.999`, `1,000`), one Han, Hiragana or Katakana character (CJK text has no spaces, so
/// each character is a token and a run of them is searched as a phrase: bigrams and longer), or one
/// other visible character (punctuation, kept so that a snippet reads as the page does).
public enum SearchTokenizer {
    public struct Token: Hashable, Sendable {
        public var text: String
        /// Whether white space separated it from the token before.
        public var spaceBefore: Bool
        /// A formula's visible text, kept whole.
        public var isFormula = false

        public init(text: String, spaceBefore: Bool, isFormula: Bool = false) {
            self.text = text
            self.spaceBefore = spaceBefore
            self.isFormula = isFormula
        }
    }

    /// The tokens of `text`; `spaceBefore` of the first is `leadingSpace` unless the text starts with a space.
    public static func tokens(of text: String, leadingSpace: Bool = false) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        let utf8 = Array(text.utf8)
        // Where each scalar starts in `utf8` (one past the last scalar: the end); in ASCII text, at its index.
        var starts: [Int] = []
        if utf8.count != scalars.count {
            starts.reserveCapacity(scalars.count + 1)
            var offset = 0
            for scalar in scalars {
                starts.append(offset)
                offset += UTF8.width(scalar)
            }
            starts.append(offset)
        }
        var tokens: [Token] = []
        var space = leadingSpace
        var i = 0
        func emit(_ from: Int, _ to: Int) {
            let bytes = starts.isEmpty ? utf8[from..<to] : utf8[starts[from]..<starts[to]]
            tokens.append(Token(text: String(decoding: bytes, as: UTF8.self), spaceBefore: space))
            space = false
        }
        while i < scalars.count {
            let c = scalars[i]
            if isWhitespace(c) || c.value < 0x20 {
                space = true
                i += 1
            } else if isCJK(c) {
                emit(i, i + 1)
                i += 1
            } else if isDigit(c) {
                var j = i + 1
                while j < scalars.count {
                    if isDigit(scalars[j]) { j += 1 }
                    else if (scalars[j] == "." || scalars[j] == ","), j + 1 < scalars.count, isDigit(scalars[j + 1]) { j += 2 }
                    else if isWordScalar(scalars[j]) { j += 1 } // 3rd, β2 after a digit
                    else { break }
                }
                emit(i, j)
                i = j
            } else if isWordScalar(c), !isMark(c) {
                var j = i + 1
                while j < scalars.count {
                    if isWordScalar(scalars[j]) { j += 1 }
                    else if isApostrophe(scalars[j]), j + 1 < scalars.count, isWordScalar(scalars[j + 1]), !isMark(scalars[j + 1]) { j += 2 }
                    else { break }
                }
                emit(i, j)
                i = j
            } else {
                emit(i, i + 1)
                i += 1
            }
        }
        return tokens
    }

    /// The key a token is found by: Unicode NFKC, lower case, diacritics (combining marks
    /// U+0300–U+036F) removed, and an English possessive `'s` dropped: `Adam's`, `ADAM`, `Ádam` → `adam`.
    public static func key(_ token: String) -> String {
        // ASCII is its own NFKC and NFD and has no marks: lower case is all the folding it needs.
        if token.utf8.allSatisfy({ $0 < 0x80 }) {
            var key = String(decoding: token.utf8.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 + 32 : $0 }, as: UTF8.self)
            if key.count > 2, key.hasSuffix("'s") { key.removeLast(2) }
            return key
        }
        let folded = token.precomposedStringWithCompatibilityMapping.lowercased().decomposedStringWithCanonicalMapping
        var view = String.UnicodeScalarView()
        view.append(contentsOf: folded.unicodeScalars.filter { !(0x300...0x36F).contains($0.value) })
        var key = String(view).precomposedStringWithCanonicalMapping
        if key.count > 2, key.hasSuffix("'s") || key.hasSuffix("’s") { key.removeLast(2) }
        return key
    }

    /// Whether a token is a word or number (a key worth finding), not punctuation.
    public static func isWord(_ token: String) -> Bool {
        guard let first = token.unicodeScalars.first else { return false }
        return isWordScalar(first) && !isMark(first)
    }

    /// Unicode's White_Space, without a property lookup for ASCII (tab to carriage return, and space).
    static func isWhitespace(_ c: Unicode.Scalar) -> Bool {
        c.isASCII ? c.value == 0x20 || (0x09...0x0D).contains(c.value) : c.properties.isWhitespace
    }

    /// Han, Hiragana and Katakana: written without spaces, so searched character by character.
    public static func isCJK(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x3040...0x30FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF: return true
        default: return false
        }
    }

    static func isWordScalar(_ c: Unicode.Scalar) -> Bool {
        // In ASCII only letters are alphabetic and only digits numeric, and nothing is a mark.
        if c.isASCII { return isASCIILetter(c) || isASCIIDigit(c) }
        guard !isCJK(c) else { return false }
        let p = c.properties
        return p.isAlphabetic || p.numericType != nil || isMark(c)
    }

    static func isMark(_ c: Unicode.Scalar) -> Bool {
        if c.isASCII { return false }
        switch c.properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    static func isDigit(_ c: Unicode.Scalar) -> Bool { c.isASCII ? isASCIIDigit(c) : c.properties.generalCategory == .decimalNumber }
    private static func isASCIIDigit(_ c: Unicode.Scalar) -> Bool { (0x30...0x39).contains(c.value) }
    private static func isASCIILetter(_ c: Unicode.Scalar) -> Bool { (0x41...0x5A).contains(c.value) || (0x61...0x7A).contains(c.value) }
    static func isApostrophe(_ c: Unicode.Scalar) -> Bool { c == "'" || c == "’" }
}
