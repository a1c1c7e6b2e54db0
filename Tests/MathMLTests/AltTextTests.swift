import Testing
@testable import MathML

/// Display math carries its LaTeX source as `alttext`, on one line and escaped; inline
/// math, read inside its sentence, does not.
@Suite struct AltTextTests {
    @Test func displayMathCarriesItsSourceOnOneLine() {
        let markup = MathML.render(latex: "a \\ne \"b\"\n  + c < d", display: .block).markup
        #expect(markup.hasPrefix("<math display=\"block\" alttext=\"a \\ne &quot;b&quot; + c &lt; d\"><semantics>"))
    }

    @Test func numberedAndReferencingDisplaysCarryItToo() {
        let numbered = MathML.render(latex: "x = 1 \\label{one}", numbers: ["(1)"]) { _ in .number("1") }
        #expect(numbered.markup.hasPrefix("<math display=\"block\" alttext=\"x = 1\">"))
        let referencing = MathML.render(latex: "y", display: .block) { _ in .number("1") }
        #expect(referencing.markup.hasPrefix("<math display=\"block\" alttext=\"y\">"))
    }

    /// What numbers or names a formula is not read out: the number is beside it.
    @Test func numberingCommandsAreLeftOut() {
        #expect(MathML.spoken(#"\begin{equation} a = b \label{eq:ab} \end{equation}"#) == "a = b")
        #expect(MathML.spoken(#"a &= b \nonumber \\ c &= d \tag{3} \notag"#) == #"a &= b \\ c &= d"#)
        #expect(MathML.spoken(#"\begin{equation*}x\end{equation*}"#) == "x")
    }

    @Test func inlineMathHasNone() {
        #expect(MathML.render(latex: "x^2").markup.hasPrefix("<math><semantics>"))
        #expect(!MathML.render(latex: "y", display: .inline) { _ in .number("1") }.markup.contains("alttext"))
    }
}
