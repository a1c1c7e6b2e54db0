import MathML
import Testing

/// A formula spelled for places that take no markup (`<title>`, alt text): what a reader sees,
/// never a backslash.
@Suite struct PlainTextTests {
    @Test(arguments: [
        (#"\eta"#, "η"),
        (#"\hat{m}_t"#, "m̂ₜ"),
        (#"\beta_1^t"#, "β₁ᵗ"),
        (#"x^2 + y^2"#, "x² + y²"),
        (#"\frac{1}{\sqrt{v_t}}"#, "1/√vₜ"),
        (#"\frac{m_t}{1-\beta_1^t}"#, "mₜ/(1 − β₁ᵗ)"),
        (#"\mathbb{R}^n"#, "ℝⁿ"),
        (#"\log x"#, "log x"),
        (#"\theta_{t+1}"#, "θₜ₊₁"),
        (#"w_{ij}"#, "wᵢⱼ"),
        (#"w_{xy}"#, "w_(xy)"),
        (#"\frac{a+b}{2}"#, "(a + b)/2"),
        (#"\text{lr}\,\eta"#, "lr η"),
        (#"\nabla f(x)"#, "∇f(x)"),
        (#"\log(x)"#, "log(x)"),
        (#"-x \le 1"#, "−x ≤ 1"),
        (#"\theta \leftarrow \theta - \eta g"#, "θ ← θ − ηg"),
    ])
    func formulasReadAsTheirSymbols(latex: String, text: String) {
        #expect(MathML.plainText(latex: latex) == text)
    }

    @Test func noCommandSurvives() {
        for latex in [#"\sum_{i=1}^{n} x_i"#, #"\left( \frac{a}{b} \right)"#, #"\begin{pmatrix} 1 & 0 \\ 0 & 1 \end{pmatrix}"#, #"\vec{v} \odot \tilde{g}"#] {
            #expect(!MathML.plainText(latex: latex).contains("\\"), "\(latex) → \(MathML.plainText(latex: latex))")
        }
    }
}
