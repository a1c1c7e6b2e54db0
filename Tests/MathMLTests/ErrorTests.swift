import CourseDiagnostics
import CourseTestSupport
import MathML
import Testing

/// Bad formulas, each with a 1️⃣ where the error must point and its exact message.
@Suite struct ErrorTests {
    static let cases: [(marked: String, message: String, hint: String?)] = [
        (#"\frac{a}1️⃣{b"#, "unclosed '{'", "add '}' to close the group opened here"),
        (#"x^{2}1️⃣}"#, "unexpected '}' without a matching '{'", "remove it, or add the '{' that opens the group"),
        (#"1️⃣\fracc{a}{b}"#, "unknown command '\\fracc'", "did you mean '\\frac'?"),
        (#"\theta + 1️⃣\bta"#, "unknown command '\\bta'", "did you mean '\\beta'?"),
        (#"a + 1️⃣\zzzzzzzz"#, "unknown command '\\zzzzzzzz'", nil),
        (#"1️⃣\frac{a}"#, "'\\frac' needs a denominator", "write it in braces after '\\frac', like \\frac{x}"),
        (#"x1️⃣^"#, "'^' needs a superscript", "write it in braces after '^', like x^{2}"),
        (#"x^a1️⃣^b"#, "double superscript", "use braces to say which part each script belongs to, like {x_a}_b or x_{ab}"),
        (#"x_a1️⃣_b"#, "double subscript", "use braces to say which part each script belongs to, like {x_a}_b or x_{ab}"),
        (#"1️⃣\left( x"#, "'\\left' has no matching '\\right'", "close it with \\right) or \\right. for no delimiter"),
        (#"x 1️⃣\right)"#, "'\\right' without a matching '\\left'", "open the pair with \\left( or \\left. for no delimiter"),
        (#"1️⃣\left x \right)"#, "missing delimiter after '\\left'", "write a delimiter such as ( [ | \\{ or \\langle, or '.' for none"),
        (#"a 1️⃣& b"#, "'&' outside an aligned, cases, array or matrix environment", "wrap the lines in \\begin{aligned} … \\end{aligned} to align them at '&'"),
        (#"a 1️⃣\\ b"#, "line break '\\\\' outside an environment", "wrap the lines in \\begin{aligned} … \\end{aligned}"),
        (#"\begin{1️⃣alinged} a \end{alinged}"#, "unknown environment 'alinged'", "did you mean 'aligned'?"),
        (#"1️⃣\begin{aligned} a &= b"#, "'\\begin{aligned}' has no matching '\\end{aligned}'", "add \\end{aligned} after the last row"),
        (#"\begin{aligned} a 1️⃣\end{cases}"#, "'\\begin{aligned}' ended by '\\end{cases}'", "write \\end{aligned}"),
        (#"x 1️⃣\end{aligned}"#, "'\\end{aligned}' without a matching '\\begin'", "remove it, or add the \\begin{…} that opens the environment"),
        (#"5 1️⃣$"#, "unexpected '$' inside math", "write \\$ for a dollar sign"),
        (#"1️⃣#1"#, "'#' is a macro parameter in LaTeX", "write \\# for the number sign"),
        (#"x + 1️⃣\"#, "'\\' at the end of the formula", "write \\backslash for a backslash"),
        (#"\text1️⃣{if"#, "unclosed '{' of '\\text'", "add '}' to end the text"),
        (#"1️⃣\text if"#, "'\\text' needs its text in braces", "write \\text{…}"),
        (#"\text{a 1️⃣\foo b}"#, "unknown command '\\foo' in text", "inside \\text only escapes like \\$ \\{ \\} and spacing commands work"),
        (#"\text{a 1️⃣\textbff{b}}"#, "unknown command '\\textbff' in text", "did you mean '\\textbf'?"),
        (#"\sqrt1️⃣[3 x"#, "unclosed '[' of the root's index", "add ']' after the index, like \\sqrt[3]{x}"),
        (#"1️⃣\not x"#, "'\\not' needs a relation after it", "write \\not= or \\not\\in"),
        (#"x1️⃣\limits"#, "'\\limits' can only follow a large operator such as \\sum", nil),
        (#"a 1️⃣\middle| b"#, "'\\middle' outside a \\left … \\right pair", "use it between \\left and \\right, like \\left( a \\middle| b \\right)"),
        ("x 1️⃣\u{1} y", "control character U+0001 in the formula", "remove it"),
        (#"\begin{array}{l1️⃣x} a \end{array}"#, "unknown column letter 'x' in the array's columns", "use l, c or r for each column"),
    ]

    @Test(arguments: cases)
    func reportsErrorAtItsPosition(_ testCase: (marked: String, message: String, hint: String?)) throws {
        let marked = MarkedText(testCase.marked)
        let errors = MathML.render(latex: marked.text).errors
        let first = try #require(errors.first, "no error for \(marked.text)")
        #expect(first.message == testCase.message)
        #expect(first.hint == testCase.hint)
        #expect(first.offset == marked["1️⃣"].column - 1, "\(marked.text)")
    }

    @Test func collectsEveryErrorInOneFormula() {
        let errors = MathML.render(latex: #"\alpah + \frac{a} + x^a^b + }"#).errors
        #expect(errors.map(\.message) == [
            "unknown command '\\alpah'",
            "double superscript",
            "unexpected '}' without a matching '{'",
        ])
        #expect(errors.map(\.offset) == errors.map(\.offset).sorted())
    }

    @Test func brokenPartIsShownAsMerror() {
        let markup = MathML.render(latex: #"a + \bta"#).markup
        #expect(markup.contains(#"<merror><mtext>\bta</mtext></merror>"#))
    }

    @Test func unknownCommandUnderlinesTheWholeName() throws {
        let error = try #require(MathML.render(latex: #"x + \bta y"#).errors.first)
        #expect(error.offset == 4)
        #expect(error.length == 4)
    }

    @Test func diagnosticIsPlacedInTheChapterFile() {
        var diagnostics: [Diagnostic] = []
        let start = SourceLocation(file: "chapters/03-adam.md", line: 12, column: 9)
        _ = MathML.render(latex: #"\hat{m}_t = \frac{m_t}{1 - \bta_1^t}"#, at: start, diagnostics: &diagnostics)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.description == "chapters/03-adam.md:12:36: error: unknown command '\\bta'")
        #expect(diagnostics.first?.hint == "did you mean '\\beta'?")
    }

    @Test func errorOnALaterLineOfDisplayMathCountsLinesAndColumns() {
        let latex = "\\begin{aligned}\n  a &= 1 \\\\\n  b &= \\fracc{1}{2}\n\\end{aligned}"
        let error = MathML.render(latex: latex, display: .block).errors.first
        let location = error?.location(in: latex, at: SourceLocation(file: "ch.md", line: 5, column: 3))
        #expect(location == SourceLocation(file: "ch.md", line: 7, column: 8))
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let latex = String(repeating: "{", count: 100_000) + "x" + String(repeating: "}", count: 100_000)
        let rendering = MathML.render(latex: latex)
        #expect(rendering.errors.first?.message == "formula nests more than 200 levels deep")
        let accents = String(repeating: #"\hat"#, count: 50_000) + "x"
        #expect(MathML.render(latex: accents).errors.first?.message == "formula nests more than 200 levels deep")
    }
}

@Suite struct ErrorLimitTests {
    @Test func errorsStopAtTwentyAndSayWhy() {
        let latex = String(repeating: #"\bta "#, count: 500)
        let errors = MathML.render(latex: latex).errors
        #expect(errors.count == 21)
        #expect(errors[0].hint == "did you mean '\\beta'?")
        #expect(errors[20].message == "too many errors in this formula")
        #expect(errors[20].offset == 20 * 5)
    }
}
