/// How many cells of a terminal or monospace grid a text takes, by Unicode's East Asian Width.
///
/// A scalar whose East_Asian_Width is W or F (CJK ideographs, kana, hangul syllables, full-width
/// forms) or that has emoji presentation takes 2 cells; a combining mark, a format character
/// (zero-width space, joiners) or a control character takes 0; every other scalar takes 1.
/// A character (grapheme cluster) takes the cells of its scalars, but an emoji sequence (a
/// variation selector 16, a zero-width joiner between pictographs, a flag) takes 2 in all,
/// as terminals draw it as one wide glyph. The tables are generated from the Unicode Character
/// Database by `tools/unicode-width/generate.py` (``unicodeVersion``).
///
/// ```
/// DisplayWidth.of("lr 学习率")  // 9: three Latin cells, a space, three ideographs of two
/// ```
public enum DisplayWidth {
    /// The cells `text` takes.
    public static func of(_ text: some StringProtocol) -> Int {
        var cells = 0
        for character in text { cells += of(character) }
        return cells
    }

    /// The cells one character takes: 2 for an emoji sequence, else the sum of its scalars'.
    public static func of(_ character: Character) -> Int {
        let scalars = character.unicodeScalars
        if scalars.count > 1, scalars.contains(where: { $0 == "\u{FE0F}" || $0 == "\u{200D}" || isRegionalIndicator($0) }) {
            return 2
        }
        var cells = 0
        for scalar in scalars { cells += of(scalar) }
        return cells
    }

    /// The cells one scalar takes on its own: 0, 1 or 2.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        let value = scalar.value
        if value < 0x7F { return value < 0x20 ? 0 : 1 }
        if value < 0xA0 { return 0 }
        if value < 0x300 { return 1 }
        if contains(zero, value) { return 0 }
        if contains(wide, value) { return 2 }
        return 1
    }

    /// Whether `scalar` takes two cells (East_Asian_Width W or F, or emoji presentation).
    public static func isWide(_ scalar: Unicode.Scalar) -> Bool { of(scalar) == 2 }

    /// Whether `scalar` takes no cell of its own (a combining mark, a format or control character).
    public static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool { of(scalar) == 0 }

    private static func isRegionalIndicator(_ scalar: Unicode.Scalar) -> Bool { (0x1F1E6...0x1F1FF).contains(scalar.value) }

    /// Binary search in sorted, disjoint ranges.
    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0, high = ranges.count
        while low < high {
            let middle = (low + high) / 2
            if ranges[middle].upperBound < value {
                low = middle + 1
            } else if ranges[middle].lowerBound > value {
                high = middle
            } else {
                return true
            }
        }
        return false
    }
}
