/// How text in a language written without spaces (Chinese, Japanese) is spaced: the two rules
/// coursegen applies to text it joins, one for an author's wrapped lines, one for its own words.
///
/// ```
/// EastAsianSpacing.joinsLines("降", "在")          // true: a line break there is no space
/// EastAsianSpacing.tidy("随机梯度下降 在第 5 步发散")  // "随机梯度下降在第 5 步发散"
/// ```
public enum EastAsianSpacing {
    /// Whether a line break between `before` (the last character of one source line) and
    /// `after` (the first of the next) joins them without a space: as pandoc's
    /// `east_asian_line_breaks` does when both are East Asian wide (``DisplayWidth``: CJK
    /// ideographs, kana, hangul, full-width punctuation), and also beside full-width
    /// punctuation, whose glyph already holds its space, so "（0.12）、⏎Adam" reads "（0.12）、Adam".
    public static func joinsLines(_ before: Character, _ after: Character) -> Bool {
        (isWide(before) && isWide(after)) || isFullWidthPunctuation(before) || isFullWidthPunctuation(after)
    }

    /// `text` with each space dropped that an unspaced language would not write: one beside
    /// full-width punctuation, or between two Han characters ("随机梯度下降 在" → "随机梯度下降在").
    /// A space beside Latin letters or digits stays ("第 5 步").
    public static func tidy(_ text: String) -> String {
        guard text.contains(" ") else { return text }
        let characters = Array(text)
        var out = ""
        for (index, character) in characters.enumerated() {
            if character == " ", index > 0, index + 1 < characters.count {
                let before = characters[index - 1], after = characters[index + 1]
                if isFullWidthPunctuation(before) || isFullWidthPunctuation(after) || (isHan(before) && isHan(after)) {
                    continue
                }
            }
            out.append(character)
        }
        return out
    }

    /// Full-width punctuation that may not begin a line (Unicode's line-breaking class CL and
    /// its kin: "，。、；：！？" and closing brackets). Browsers may still break between an inline
    /// formula and one of these, so the renderer ties them together.
    public static func isNonStarter(_ character: Character) -> Bool {
        "，。、；：！？）］｝」』】》〕〉％".contains(character)
    }

    /// A character two cells wide: its first scalar decides (a combining mark after it does not).
    static func isWide(_ character: Character) -> Bool {
        guard let first = character.unicodeScalars.first else { return false }
        return DisplayWidth.isWide(first) && !isEmojiPresentation(character)
    }

    /// Emoji are wide in a terminal but are no script: a line break beside one stays a space.
    private static func isEmojiPresentation(_ character: Character) -> Bool {
        character.unicodeScalars.contains { $0.properties.isEmojiPresentation }
    }

    /// A CJK ideograph (the unified blocks and their extensions).
    public static func isHan(_ character: Character) -> Bool {
        character.unicodeScalars.contains { (0x3400...0x9FFF).contains($0.value) || (0x20000...0x2FFFF).contains($0.value) }
    }

    /// CJK symbols and punctuation (、。「」…) or a full-width form (，（）：).
    public static func isFullWidthPunctuation(_ character: Character) -> Bool {
        character.unicodeScalars.contains { (0x3000...0x303F).contains($0.value) || (0xFF00...0xFF65).contains($0.value) }
    }
}
