import Testing
@testable import TextFormatting

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("a", 1), ("Adam", 4), ("", 0), (" ", 1),
        ("学", 2), ("学习率", 6), ("lr 学习率", 9), ("かな", 4), ("カナ", 4), ("한국어", 6), ("ㄅ", 2),
        ("，", 2), ("（", 2), ("）", 2), ("：", 2), ("；", 2), ("。", 2), ("！", 2), ("？", 2), ("【", 2), ("】", 2),
        ("＝", 2), ("Ａ", 2), ("０", 2), ("\u{3000}", 2),
        ("“", 1), ("”", 1), ("η", 1), ("é", 1), ("e\u{301}", 1), ("ｱ", 1),
        ("\u{200B}", 0), ("\u{200D}", 0), ("\u{FEFF}", 0), ("\u{7}", 0), ("\u{85}", 0), ("\u{3099}", 0),
        ("😀", 2), ("❤\u{FE0F}", 2), ("👩\u{200D}💻", 2), ("🇨🇳", 2), ("⌚", 2),
        ("\u{1100}\u{1161}\u{11A8}", 2), ("𠀀", 2),
    ])
    func widthOf(_ text: String, _ cells: Int) {
        #expect(DisplayWidth.of(text) == cells, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
    }

    @Test func everyScalarIsZeroOneOrTwoAndTheTablesAreSortedAndDisjoint() {
        for table in [DisplayWidth.wide, DisplayWidth.zero] {
            for (a, b) in zip(table, table.dropFirst()) { #expect(a.upperBound + 1 < b.lowerBound) }
        }
        for range in DisplayWidth.wide {
            #expect(!DisplayWidth.zero.contains { $0.overlaps(range) })
        }
    }

    /// The table's zero-width scalars agree with the toolchain's own Unicode data, where both know the scalar.
    @Test func marksAgreeWithTheStandardLibrary() {
        for value in UInt32(0x300)...0x2FFFF {
            guard let scalar = Unicode.Scalar(value), scalar.properties.age.map({ $0.major <= 15 }) ?? false else { continue }
            let category = scalar.properties.generalCategory
            let isMark = category == .nonspacingMark || category == .enclosingMark
            if isMark { #expect(DisplayWidth.of(scalar) == 0, "U+\(String(value, radix: 16))") }
            if category == .otherLetter, scalar.properties.isIdeographic { #expect(DisplayWidth.of(scalar) == 2, "U+\(String(value, radix: 16))") }
        }
    }

    @Test func versionIsStated() {
        #expect(DisplayWidth.unicodeVersion.hasPrefix("15."))
    }
}
