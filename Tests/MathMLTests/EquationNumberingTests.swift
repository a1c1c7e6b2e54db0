import CourseTestSupport
import MathML
import Testing

/// Numbered display math: which lines take numbers, tags and labels, how the numbers are
/// written (beside a whole formula, or in a last column of an `align`'s rows), references, and
/// every misuse reported at its place.
@Suite struct EquationNumberingTests {
    private func numbered(_ latex: String) -> [Bool] { MathML.equations(in: latex).map(\.isNumbered) }

    @Test func aPlainDisplayFormulaIsNumberedOnlyWhenLabelled() {
        #expect(MathML.equations(in: #"a = b"#) == [EquationLine()])
        let lines = MathML.equations(in: #"a = b \label{eq:ab}"#)
        #expect(lines.map(\.label) == ["eq:ab"])
        #expect(lines.map(\.labelOffset) == [6])
        #expect(lines.map(\.isNumbered) == [true])
        #expect(numbered(#"a = b \label{eq:ab} \nonumber"#) == [false])
    }

    @Test func equationIsOneNumberedLineAndItsStarredFormNone() {
        #expect(numbered(#"\begin{equation} a = b \end{equation}"#) == [true])
        #expect(numbered(#"\begin{equation*} a = b \end{equation*}"#) == [false])
        // One row is the formula itself, not a table.
        let markup = MathML.render(latex: #"\begin{equation} a = b \end{equation}"#, numbers: ["(1.1)"], references: { _ in .number("") }).markup
        #expect(markup.hasPrefix(#"<math display="block" alttext="a = b"><semantics><mrow><mi>a</mi><mo>=</mo><mi>b</mi></mrow>"#))
        // An aligned inside an equation belongs to the equation's one line.
        let lines = MathML.equations(in: #"\begin{equation} \begin{aligned} a &= b \\ c &= d \label{eq:cd} \end{aligned} \end{equation}"#)
        #expect(lines.count == 1)
        #expect(lines[0].label == "eq:cd")
    }

    @Test func alignAndGatherNumberEachRowUnlessNonumber() {
        let latex = #"\begin{align} a &= b \label{eq:a} \\ c &= d \nonumber \\ e &= f \notag \\ g &= h \\ \end{align}"#
        let lines = MathML.equations(in: latex)
        // The whole formula, then four rows; the empty row after the last '\\' is no row.
        #expect(lines.count == 5)
        #expect(lines.map(\.isNumbered) == [false, true, false, false, true])
        #expect(lines[1].label == "eq:a")
        #expect(numbered(#"\begin{gather} a \\ b \end{gather}"#) == [false, true, true])
        #expect(numbered(#"\begin{align*} a &= b \\ c &= d \end{align*}"#) == [false, false, false])
        #expect(numbered(#"\begin{gather*} a \end{gather*}"#) == [false, false])
    }

    @Test func tagsShowInsteadOfNumbersAndTakeNone() {
        let lines = MathML.equations(in: #"\begin{align*} a &= b \tag{1a} \\ c &= d \tag*{$\star$} \end{align*}"#)
        #expect(lines[1].tag == "1a" && !lines[1].tagIsBare)
        #expect(lines[1].shown(number: "") == "(1a)")
        #expect(lines[2].shown(number: "") == "⋆")
        #expect(!lines[1].isNumbered)
        #expect(EquationLine(isNumbered: true).shown(number: "5.3") == "(5.3)")
    }

    @Test func aWholeFormulasNumberIsReturnedForThePageToWriteBesideIt() {
        let rendering = MathML.render(latex: #"a = b \label{eq:ab}"#, numbers: ["(5.3)"], references: { _ in .number("?") })
        #expect(rendering.errors.isEmpty)
        #expect(rendering.number == "(5.3)")
        #expect(rendering.id == "eq:ab")
        // The label names the formula for links; a listener hears the formula alone.
        #expect(rendering.markup.hasPrefix(#"<math display="block" alttext="a = b"><semantics><mrow><mi>a</mi><mo>=</mo><mi>b</mi></mrow>"#))
        #expect(!rendering.markup.contains("5.3"))
    }

    @Test func rowNumbersAreALastColumnAndLabelsTheRowsIDs() {
        let latex = #"\begin{align} a &= b \label{eq:a} \\ c \nonumber \end{align}"#
        let rendering = MathML.render(latex: latex, numbers: [nil, "(2.1)", nil], references: { _ in .number("?") })
        #expect(rendering.errors.isEmpty)
        #expect(rendering.number == nil)
        #expect(rendering.markup.contains(#"<mtr id="eq:a">"#))
        #expect(rendering.markup.contains(#"<mtd style="padding-inline:2em 0;text-align:right;text-align:-webkit-right"><mtext>(2.1)</mtext></mtd></mtr>"#))
        // The short second row is padded to the number column, whose cell is empty.
        #expect(rendering.markup.contains(#"<mtd></mtd><mtd style="padding-inline:2em 0;text-align:right;text-align:-webkit-right"></mtd></mtr>"#))
    }

    @Test func referencesShowTheLabelsNumber() {
        let resolve: (String) -> MathReference = { $0 == "eq:a" ? .number("5.3") : .unresolved(message: "no \($0)", hint: nil) }
        #expect(MathML.render(latex: #"\eqref{eq:a}"#, display: .inline, references: resolve).markup.contains("<mtext>(5.3)</mtext>"))
        #expect(MathML.render(latex: #"x_{\ref{eq:a}}"#, display: .inline, references: resolve).markup.contains("<mtext>5.3</mtext>"))
        // Without a label table a reference shows "??", as LaTeX does before it knows.
        #expect(MathML.render(latex: #"\eqref{eq:a}"#).markup.contains("<mtext>(??)</mtext>"))
        #expect(MathML.plainText(latex: #"\eqref{eq:a}"#) == "(??)")
        #expect(MathML.loneReference(#" \eqref{eq:a} "#)! == ("eq:a", true))
        #expect(MathML.loneReference(#"\ref{05-adam.md#eq:a}"#)! == ("05-adam.md#eq:a", false))
        #expect(MathML.loneReference(#"x = \eqref{eq:a}"#) == nil)
    }

    static let cases: [(marked: String, display: Bool, message: String, hint: String?)] = [
        (#"x 1️⃣\label{eq:x}"#, false, "'\\label' outside display math", "a label numbers a display formula: put it in $$ … $$ on lines of its own"),
        (#"x 1️⃣\tag{1}"#, false, "'\\tag' outside display math", "a tag numbers a display formula: put it in $$ … $$ on lines of its own"),
        (#"a \label{eq:a} 1️⃣\label{eq:b}"#, true, "a second label on one line, which already has '\\label{eq:a}'", "a line has one label; end the line with \\\\ to label the next one"),
        (#"\begin{align*} a &= b 1️⃣\label{eq:a} \end{align*}"#, true, "'\\label{eq:a}' on a line that shows no number", "use the numbered environment (align, not align*), or give the line a \\tag{…}"),
        (#"\begin{align} a &= b 1️⃣\label{eq:a} \nonumber \end{align}"#, true, "'\\label{eq:a}' on a line that shows no number", "remove \\nonumber from the line, or the label"),
        (#"\label{1️⃣eq a}"#, true, "'eq a' is not a label", "a label is a letter, then letters, digits, '-', '_', ':' or '.', like eq:adam-update"),
        (#"1️⃣\label x"#, true, "'\\label' needs a label in braces", "write \\label{eq:adam-update}"),
        (#"a \tag{1} 1️⃣\tag{2}"#, true, "a second '\\tag' on one line", "a line shows one tag"),
        (#"1️⃣\eqref{eq:b}"#, false, "no eq:b", "name the chapter"),
    ]

    @Test(arguments: cases)
    func reportsMisuseAtItsPosition(_ testCase: (marked: String, display: Bool, message: String, hint: String?)) throws {
        let marked = MarkedText(testCase.marked)
        let errors = MathML.render(latex: marked.text, display: testCase.display ? .block : .inline,
                                   references: { .unresolved(message: "no \($0)", hint: "name the chapter") }).errors
        let first = try #require(errors.first, "no error for \(marked.text)")
        #expect(first.message == testCase.message)
        #expect(first.hint == testCase.hint)
        #expect(first.offset == marked["1️⃣"].column - 1, "\(marked.text)")
    }

    /// Numbered formulas as a page writes them, for the golden file and the Nu checker.
    @Test func numberedFormulasMatchGolden() throws {
        let formulas: [(String, [String?])] = [
            (#"\theta_{t+1} = \theta_t - \eta \nabla f(\theta_t) \label{eq:gd}"#, ["(1.1)"]),
            (#"\begin{equation} \hat{m}_t = \frac{m_t}{1 - \beta_1^t} \label{eq:bias} \end{equation}"#, ["(1.2)"]),
            (#"\begin{align} m_t &= \beta_1 m_{t-1} + (1-\beta_1) g_t \label{eq:m} \\ v_t &= \beta_2 v_{t-1} \nonumber \\ \theta_t &= \theta_{t-1} - \eta\, \eqref{eq:bias} \tag{A} \end{align}"#,
             [nil, "(1.3)", nil, "(A)"]),
        ]
        var html = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Numbered equations</title>\n</head>\n<body>\n"
        for (latex, numbers) in formulas {
            let rendering = MathML.render(latex: latex, numbers: numbers, references: { _ in .number("1.2") })
            #expect(rendering.errors.isEmpty, "\(latex)")
            let id = rendering.id.map { " id=\"\($0)\"" } ?? ""
            html += "<div class=\"equation\"\(id)>\(rendering.markup)"
            html += rendering.number.map { "<span class=\"equation-number\">\($0)</span>" } ?? ""
            html += "</div>\n"
        }
        html += "</body>\n</html>\n"
        try GoldenFile.check(html, named: "equations.html")
    }
}
