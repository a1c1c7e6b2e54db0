import Testing
import CourseDiagnostics
import CourseTestSupport
import TextFormatting

@Suite struct DiagnosticPrinterTests {
    @Test func rendersLocationCaretAndHint() {
        let source = MarkedText("intro\n    1️⃣Adma(lr: 0.3)\n")
        let position = source["1️⃣"]
        let printer = DiagnosticPrinter(sources: { [text = source.text] _ in text })
        let output = printer.render(.error(
            "unknown optimizer 'Adma'; did you mean 'Adam'?",
            at: SourceLocation(file: "chapters/03-adam.md", line: position.line, column: position.column),
            length: 4, hint: "write one of SGD, Momentum, Adam"))
        #expect(output == """
            chapters/03-adam.md:2:5: error: unknown optimizer 'Adma'; did you mean 'Adam'?
                    Adma(lr: 0.3)
                    ^~~~
            hint: write one of SGD, Momentum, Adam

            """)
    }

    @Test func columnsCountScalars() {
        // "η" is two UTF-8 bytes but one scalar, so column 8 is the "l" of "lr".
        let printer = DiagnosticPrinter(sources: { _ in "η = 1; lr" })
        let output = printer.render(.error("x", at: SourceLocation(file: "f", line: 1, column: 8)))
        #expect(output.hasSuffix("    η = 1; lr\n           ^\n"))
    }

    /// A terminal's cells, as the display-width model has them: CJK ideographs and full-width
    /// forms 2, combining marks 0, the rest 1, a tab up to the next multiple of 8.
    static func cells(_ text: Substring, from start: Int = 0) -> Int {
        var column = start
        for character in text {
            column = character == "\t" ? (column / 8 + 1) * 8 : column + DisplayWidth.of(character)
        }
        return column - start
    }

    /// The error after Chinese text is reported at its character column, and the caret sits under
    /// its glyph: the caret line's cells before the `^` are the source line's cells before the error.
    @Test(arguments: [
        ("学习率的选择见 1️⃣[另一章](missing.md)。", 9),
        ("\t表格\t1️⃣Adma(lr: 0.3)", 5),
        ("动量法，η = 0.9；\t1️⃣x", 14),
        ("e\u{301}e\u{301} 😀 1️⃣x", 8),
        ("ｌｒ：1️⃣０．１", 4),
    ])
    func caretSitsUnderTheGlyphAfterWideText(marked: String, column: Int) {
        let source = MarkedText(marked)
        let position = source["1️⃣"]
        #expect(position.column == column)
        let printer = DiagnosticPrinter(sources: { [text = source.text] _ in text })
        let output = printer.render(.error("here", at: SourceLocation(file: "a.md", line: 1, column: position.column), length: 2))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[0] == "a.md:1:\(column): error: here")
        let shown = lines[1].dropFirst(4), caret = lines[2].dropFirst(4)
        #expect(shown == Substring(source.text))
        let before = source.text.unicodeScalars.prefix(column - 1)
        let caretAt = caret.firstIndex(of: "^")!
        #expect(Self.cells(caret[..<caretAt]) == Self.cells(Substring(String(before))))
        // The underline covers the two characters' cells, no more.
        let spanned = String(String.UnicodeScalarView(source.text.unicodeScalars.dropFirst(column - 1).prefix(2)))
        #expect(caret[caretAt...].count == DisplayWidth.of(spanned))
        // Tabs before the caret stay tabs, so the caret follows the terminal's tab stops.
        #expect(caret[..<caretAt].filter { $0 == "\t" }.count == before.filter { $0 == "\t" }.count)
    }

    @Test func underlineOfWideCharactersIsTwoCellsEach() {
        let printer = DiagnosticPrinter(sources: { _ in "label: 学习率" })
        let output = printer.render(.error("x", at: SourceLocation(file: "f", line: 1, column: 8), length: 3))
        #expect(output.hasSuffix("    label: 学习率\n           ^~~~~~\n"))
    }

    @Test func columnsOfBytePositionsCountScalars() {
        let columns = ScalarColumns("ab\n学习率 [x](y)\n")
        #expect(columns.column(line: 1, byteColumn: 2) == 2)
        #expect(columns.column(line: 2, byteColumn: 11) == 5)
        #expect(columns.column(line: 0, byteColumn: 0) == 0)
        #expect(ScalarColumns.lineAndColumn(ofByte: 13, in: Array("ab\n学习率 [".utf8)) == (2, 5))
    }

    @Test func noColourUnlessAsked() {
        let plain = DiagnosticPrinter().render(.error("missing folder"))
        #expect(plain == "error: missing folder\n")
        let coloured = DiagnosticPrinter(color: true).render(.error("missing folder"))
        #expect(coloured.contains("\u{1B}[1;31merror: "))
    }

    @Test func notesFollowTheirError() {
        let d = Diagnostic.error("two chapters have the slug 'adam'", at: SourceLocation(file: "b.md", line: 1, column: 1),
                                 notes: [.note("the other one is here", at: SourceLocation(file: "a.md", line: 1, column: 1))])
        #expect(DiagnosticPrinter().render(d) == "b.md:1:1: error: two chapters have the slug 'adam'\na.md:1:1: note: the other one is here\n")
    }

    @Test func sortsByFileLineColumnKeepingTies() {
        let a = Diagnostic.error("a", at: SourceLocation(file: "b.md", line: 2, column: 1))
        let b = Diagnostic.error("b", at: SourceLocation(file: "a.md", line: 9, column: 1))
        let c = Diagnostic.error("c")
        #expect([a, b, c].sortedByLocation().map(\.message) == ["c", "b", "a"])
    }

    @Test(arguments: [("Adma", "Adam"), ("SDG", "SGD"), ("momentun", "Momentum"), ("rmsprop", "RMSProp")])
    func suggestsCloseNames(typo: String, expected: String) {
        #expect(Suggestion.closest(to: typo, in: ["SGD", "Momentum", "Adam", "RMSProp", "AdaGrad"]) == expected)
    }

    @Test func doesNotSuggestFarNames() {
        #expect(Suggestion.closest(to: "Banana", in: ["SGD", "Adam"]) == nil)
    }

    /// Each file is read once however many diagnostics it has (it was read, and scanned to
    /// the line, once per diagnostic: quadratic in their number, issue 11, item 9).
    @Test func readsEachFileOnce() {
        final class Reads: @unchecked Sendable { var count = 0 }
        let reads = Reads()
        let text = (1...5_000).map { "line \($0)" }.joined(separator: "\n")
        let printer = DiagnosticPrinter(sources: { _ in reads.count += 1; return text })
        let diagnostics = (1...5_000).map { Diagnostic.error("e", at: SourceLocation(file: "a.md", line: $0, column: 1)) }
        let output = printer.render(diagnostics)
        #expect(reads.count == 1)
        #expect(output.hasSuffix("a.md:5000:1: error: e\n    line 5000\n    ^\n"))
    }

    /// A long line is shown around the caret, cut at characters, with `…` where it was cut.
    @Test func longLineIsCutAroundTheCaret() {
        let line = String(repeating: "é", count: 200) + "X" + String(repeating: "b", count: 300)
        let printer = DiagnosticPrinter(sources: { _ in line })
        let output = printer.render(.error("x", at: SourceLocation(file: "a.md", line: 1, column: 201)))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "    …" + String(repeating: "é", count: 80) + "X" + String(repeating: "b", count: 80) + "…")
        #expect(lines[2] == "    " + String(repeating: " ", count: 81) + "^")
    }

    /// Text from a chapter cannot drive the terminal: control characters in messages and
    /// source lines are shown, not sent.
    @Test func controlCharactersAreShownNotSent() {
        let printer = DiagnosticPrinter(sources: { _ in "a\u{1B}[2Jb" })
        let output = printer.render(.error("link to '\u{1B}[31mred'", at: SourceLocation(file: "a.md", line: 1, column: 1), hint: "x\u{7}"))
        #expect(!output.contains("\u{1B}"))
        #expect(!output.contains("\u{7}"))
        #expect(output.contains("link to '\\u{1B}[31mred'"))
        #expect(output.contains("    a\u{FFFD}[2Jb\n"))
    }

    /// Many diagnostics on one long line: each shows only its neighbourhood, cut from the
    /// line's bytes without copying the line (50,000 on one line took 258 s).
    @Test func manyDiagnosticsOnOneLongLineAreLinear() {
        let timing = Fuzz.scaling { repeats in
            let count = repeats * 5
            let line = String(repeating: "[x](#nope) ", count: count)
            let printer = DiagnosticPrinter(sources: { _ in line })
            let diagnostics = (0..<count).map { Diagnostic.error("e", at: SourceLocation(file: "a.md", line: 1, column: 1 + 11 * $0)) }
            _ = printer.render(diagnostics)
        }
        #expect(timing.large / timing.small < 60, "\(timing)")
    }
}
