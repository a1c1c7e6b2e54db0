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
}
