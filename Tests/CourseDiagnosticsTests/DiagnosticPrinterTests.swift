import Testing
import CourseDiagnostics
import CourseTestSupport

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

    @Test func caretCountsBytesButAlignsCharacters() {
        // "η" is two UTF-8 bytes, so column 8 is the "l" of "lr".
        let printer = DiagnosticPrinter(sources: { _ in "η = 1; lr" })
        let output = printer.render(.error("x", at: SourceLocation(file: "f", line: 1, column: 9)))
        #expect(output.hasSuffix("    η = 1; lr\n           ^\n"))
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
        let output = printer.render(.error("x", at: SourceLocation(file: "a.md", line: 1, column: 401)))
        let lines = output.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines[1] == "    …" + String(repeating: "é", count: 40) + "X" + String(repeating: "b", count: 80) + "…")
        #expect(lines[2] == "    " + String(repeating: " ", count: 41) + "^")
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
