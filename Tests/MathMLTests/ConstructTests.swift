@testable import MathML
import Testing

/// The presentation markup of `latex`, without the `<math>`, `<semantics>`
/// and annotation wrapper that every formula shares.
func presentation(_ latex: String) -> String {
    let markup = MathML.render(latex: latex).markup
    let start = markup.range(of: "<semantics>")!.upperBound
    let end = markup.range(of: "<annotation")!.lowerBound
    return String(markup[start..<end])
}

/// One expected rendering per construct of the subset.
@Suite struct ConstructTests {
    static let cases: [(latex: String, markup: String)] = [
        // Letters, numbers, operators.
        ("x", "<mi>x</mi>"),
        ("xy", "<mrow><mi>x</mi><mi>y</mi></mrow>"),
        ("0.999", "<mn>0.999</mn>"),
        (".5", "<mn>.5</mn>"),
        ("12.", "<mrow><mn>12</mn><mo>.</mo></mrow>"),
        ("a-b", "<mrow><mi>a</mi><mo>−</mo><mi>b</mi></mrow>"),
        ("a*b", "<mrow><mi>a</mi><mo>∗</mo><mi>b</mi></mrow>"),
        ("a<b", "<mrow><mi>a</mi><mo>&lt;</mo><mi>b</mi></mrow>"),
        ("a>b", "<mrow><mi>a</mi><mo>&gt;</mo><mi>b</mi></mrow>"),
        ("(x)", #"<mrow><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"g \odot g"#, "<mrow><mi>g</mi><mo>⊙</mo><mi>g</mi></mrow>"),
        (#"a \cdot b \times c"#, "<mrow><mi>a</mi><mo>⋅</mo><mi>b</mi><mo>×</mo><mi>c</mi></mrow>"),
        (#"\theta \leftarrow \theta"#, "<mrow><mi>θ</mi><mo>←</mo><mi>θ</mi></mrow>"),
        (#"\gets \to \le \ge \approx"#, "<mrow><mo>←</mo><mo>→</mo><mo>≤</mo><mo>≥</mo><mo>≈</mo></mrow>"),
        (#"\nabla \partial \infty"#, #"<mrow><mi mathvariant="normal">∇</mi><mi mathvariant="normal">∂</mi><mi>∞</mi></mrow>"#),
        (#"\Gamma \gamma"#, #"<mrow><mi mathvariant="normal">Γ</mi><mi>γ</mi></mrow>"#),
        (#"\epsilon \varepsilon \phi \varphi"#, "<mrow><mi>ϵ</mi><mi>ε</mi><mi>ϕ</mi><mi>φ</mi></mrow>"),
        (#"\not= \not\in"#, "<mrow><mo>≠</mo><mo>∉</mo></mrow>"),
        ("η", "<mi>η</mi>"),
        ("x ≤ 1", "<mrow><mi>x</mi><mo>≤</mo><mn>1</mn></mrow>"),
        // Scripts.
        ("x_t", "<msub><mi>x</mi><mi>t</mi></msub>"),
        ("x^2", "<msup><mi>x</mi><mn>2</mn></msup>"),
        ("x^23", "<mrow><msup><mi>x</mi><mn>2</mn></msup><mn>3</mn></mrow>"),
        ("x_{t-1}^2", "<msubsup><mi>x</mi><mrow><mi>t</mi><mo>−</mo><mn>1</mn></mrow><mn>2</mn></msubsup>"),
        ("x^2_t", "<msubsup><mi>x</mi><mi>t</mi><mn>2</mn></msubsup>"),
        (#"\beta_1^t"#, "<msubsup><mi>β</mi><mn>1</mn><mi>t</mi></msubsup>"),
        ("{}^2", "<msup><mrow></mrow><mn>2</mn></msup>"),
        ("f'", "<msup><mi>f</mi><mo>′</mo></msup>"),
        ("f''(x)", #"<mrow><msup><mi>f</mi><mo>″</mo></msup><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#),
        ("f'^2", "<msup><mi>f</mi><mrow><mo>′</mo><mn>2</mn></mrow></msup>"),
        (#"w^\top"#, #"<msup><mi>w</mi><mi mathvariant="normal">⊤</mi></msup>"#),
        // Fractions and roots.
        (#"\frac{a}{b}"#, "<mfrac><mi>a</mi><mi>b</mi></mfrac>"),
        (#"\frac12"#, "<mfrac><mn>1</mn><mn>2</mn></mfrac>"),
        (#"\frac\alpha\beta"#, "<mfrac><mi>α</mi><mi>β</mi></mfrac>"),
        (#"\tfrac{1}{2}"#, #"<mstyle displaystyle="false"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"#),
        (#"\dfrac{1}{2}"#, #"<mstyle displaystyle="true"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"#),
        (#"\binom{n}{k}"#, #"<mrow><mo form="prefix" stretchy="true" fence="true">(</mo><mfrac linethickness="0"><mi>n</mi><mi>k</mi></mfrac><mo form="postfix" stretchy="true" fence="true">)</mo></mrow>"#),
        (#"\sqrt{x}"#, "<msqrt><mi>x</mi></msqrt>"),
        (#"\sqrt[3]{x}"#, "<mroot><mi>x</mi><mn>3</mn></mroot>"),
        (#"\sqrt[n]x"#, "<mroot><mi>x</mi><mi>n</mi></mroot>"),
        // Accents.
        (#"\hat{m}"#, #"<mover accent="true"><mi>m</mi><mo stretchy="false">ˆ</mo></mover>"#),
        (#"\hat m_t"#, #"<msub><mover accent="true"><mi>m</mi><mo stretchy="false">ˆ</mo></mover><mi>t</mi></msub>"#),
        (#"\bar{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">¯</mo></mover>"#),
        (#"\tilde{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">˜</mo></mover>"#),
        (#"\dot{x}"#, #"<mover accent="true"><mi>x</mi><mo stretchy="false">˙</mo></mover>"#),
        (#"\vec{v}"#, #"<mover accent="true"><mi>v</mi><mo stretchy="false">→</mo></mover>"#),
        (#"\overline{xy}"#, #"<mover accent="true"><mrow><mi>x</mi><mi>y</mi></mrow><mo stretchy="true">‾</mo></mover>"#),
        (#"\underbrace{x}_{n}"#, #"<munder><munder><mi>x</mi><mo stretchy="true">⏟</mo></munder><mi>n</mi></munder>"#),
        // Alphabets.
        (#"\mathbf{x}"#, "<mi>𝐱</mi>"),
        (#"\mathbf{W}x"#, "<mrow><mi>𝐖</mi><mi>x</mi></mrow>"),
        (#"\mathbf{0}"#, "<mn>𝟎</mn>"),
        (#"\boldsymbol{\theta}"#, "<mi>𝜽</mi>"),
        (#"\boldsymbol{x}"#, "<mi>𝒙</mi>"),
        (#"\mathbb{R}^d"#, "<msup><mi>ℝ</mi><mi>d</mi></msup>"),
        (#"\mathbb{E}"#, "<mi>𝔼</mi>"),
        (#"\mathcal{L}"#, "<mi>ℒ</mi>"),
        (#"\mathcal{D}"#, "<mi>𝒟</mi>"),
        (#"\mathrm{d}x"#, #"<mrow><mi mathvariant="normal">d</mi><mi>x</mi></mrow>"#),
        (#"\mathrm{lr}"#, "<mi>lr</mi>"),
        (#"\mathit{h}"#, "<mi>ℎ</mi>"),
        // Functions and large operators.
        (#"\log x"#, #"<mrow><mi>log</mi><mo rspace="0.1667em">⁡</mo><mi>x</mi></mrow>"#),
        (#"\log(x)"#, #"<mrow><mi>log</mi><mo>⁡</mo><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"\exp\left(x\right)"#, #"<mrow><mi>exp</mi><mo>⁡</mo><mrow><mo form="prefix" stretchy="true" fence="true">(</mo><mi>x</mi><mo form="postfix" stretchy="true" fence="true">)</mo></mrow></mrow>"#),
        (#"\log_2 n"#, #"<mrow><msub><mi>log</mi><mn>2</mn></msub><mo rspace="0.1667em">⁡</mo><mi>n</mi></mrow>"#),
        (#"\log + 1"#, "<mrow><mi>log</mi><mo>+</mo><mn>1</mn></mrow>"),
        (#"\operatorname{sign}(x)"#, #"<mrow><mi>sign</mi><mo>⁡</mo><mo stretchy="false">(</mo><mi>x</mi><mo stretchy="false">)</mo></mrow>"#),
        (#"\operatorname*{argmin}_x f"#, #"<mrow><munder><mo form="prefix" movablelimits="true" lspace="0em" rspace="0em">argmin</mo><mi>x</mi></munder><mo rspace="0.1667em">⁡</mo><mi>f</mi></mrow>"#),
        (#"\max_x f"#, #"<mrow><munder><mo form="prefix" movablelimits="true" lspace="0em" rspace="0em">max</mo><mi>x</mi></munder><mo rspace="0.1667em">⁡</mo><mi>f</mi></mrow>"#),
        (#"\min"#, #"<mo form="prefix" movablelimits="true" lspace="0em" rspace="0em">min</mo>"#),
        (#"\sum_{i=1}^n"#, "<munderover><mo>∑</mo><mrow><mi>i</mi><mo>=</mo><mn>1</mn></mrow><mi>n</mi></munderover>"),
        (#"\sum\nolimits_i"#, "<msub><mo>∑</mo><mi>i</mi></msub>"),
        (#"\prod_i"#, "<munder><mo>∏</mo><mi>i</mi></munder>"),
        (#"\int_0^1"#, "<msubsup><mo>∫</mo><mn>0</mn><mn>1</mn></msubsup>"),
        (#"\int\limits_0^1"#, "<munderover><mo>∫</mo><mn>0</mn><mn>1</mn></munderover>"),
        // Delimiters.
        (#"\left( \frac{a}{b} \right)"#, #"<mrow><mo form="prefix" stretchy="true" fence="true">(</mo><mfrac><mi>a</mi><mi>b</mi></mfrac><mo form="postfix" stretchy="true" fence="true">)</mo></mrow>"#),
        (#"\left. x \right|_0"#, #"<msub><mrow><mi>x</mi><mo form="postfix" stretchy="true" fence="true">|</mo></mrow><mn>0</mn></msub>"#),
        (#"\left\{ a \middle| b \right\}"#, #"<mrow><mo form="prefix" stretchy="true" fence="true">{</mo><mrow><mi>a</mi><mo stretchy="true" fence="true">|</mo><mi>b</mi></mrow><mo form="postfix" stretchy="true" fence="true">}</mo></mrow>"#),
        (#"\left\langle x \right\rangle"#, #"<mrow><mo form="prefix" stretchy="true" fence="true">⟨</mo><mi>x</mi><mo form="postfix" stretchy="true" fence="true">⟩</mo></mrow>"#),
        (#"\lVert g \rVert"#, #"<mrow><mo stretchy="false" lspace="0em" rspace="0em">‖</mo><mi>g</mi><mo stretchy="false" lspace="0em" rspace="0em">‖</mo></mrow>"#),
        (#"\|g\|"#, #"<mrow><mo stretchy="false" lspace="0em" rspace="0em">‖</mo><mi>g</mi><mo stretchy="false" lspace="0em" rspace="0em">‖</mo></mrow>"#),
        ("|x| < 1", #"<mrow><mo stretchy="false" lspace="0em" rspace="0em">|</mo><mi>x</mi><mo stretchy="false" lspace="0em" rspace="0em">|</mo><mo>&lt;</mo><mn>1</mn></mrow>"#),
        (#"\big( \Bigr]"#, #"<mrow><mo stretchy="true" minsize="1.2em" maxsize="1.2em">(</mo><mo form="postfix" stretchy="true" minsize="1.623em" maxsize="1.623em">]</mo></mrow>"#),
        (#"\{ x \}"#, #"<mrow><mo stretchy="false">{</mo><mi>x</mi><mo stretchy="false">}</mo></mrow>"#),
        // Text and spacing.
        (#"\text{if } x"#, "<mrow><mtext>if\u{A0}</mtext><mi>x</mi></mrow>"),
        (#"\text{a  b}"#, "<mtext>a b</mtext>"),
        (#"\text{for $x>0$}"#, "<mrow><mtext>for\u{A0}</mtext><mrow><mi>x</mi><mo>&gt;</mo><mn>0</mn></mrow></mrow>"),
        (#"\text{50\% \& \{x\}}"#, "<mtext>50% &amp; {x}</mtext>"),
        (#"\textbf{ab}"#, "<mtext>𝐚𝐛</mtext>"),
        (#"a\,b\;c\quad d\qquad e\!f"#, #"<mrow><mi>a</mi><mspace width="0.1667em"></mspace><mi>b</mi><mspace width="0.2778em"></mspace><mi>c</mi><mspace width="1em"></mspace><mi>d</mi><mspace width="2em"></mspace><mi>e</mi><mspace width="-0.1667em"></mspace><mi>f</mi></mrow>"#),
        ("a~b", "<mrow><mi>a</mi><mtext>\u{A0}</mtext><mi>b</mi></mrow>"),
        (#"\phantom{x}"#, "<mphantom><mi>x</mi></mphantom>"),
        (#"\overset{\text{def}}{=}"#, "<mover><mo>=</mo><mtext>def</mtext></mover>"),
        (#"\displaystyle \frac{1}{2}"#, #"<mstyle displaystyle="true"><mfrac><mn>1</mn><mn>2</mn></mfrac></mstyle>"#),
        ("a % comment\n+ b", "<mrow><mi>a</mi><mo>+</mo><mi>b</mi></mrow>"),
        // Escaping.
        (#"\text{<script>&"}"#, "<mtext>&lt;script&gt;&amp;&quot;</mtext>"),
        (##"\& \$ \% \# \_"##, "<mrow><mo>&amp;</mo><mo>$</mo><mo>%</mo><mo>#</mo><mo>_</mo></mrow>"),
    ]

    @Test(arguments: cases)
    func rendersConstruct(_ testCase: (latex: String, markup: String)) {
        #expect(presentation(testCase.latex) == testCase.markup)
        #expect(MathML.render(latex: testCase.latex).errors == [])
    }

    @Test func blockDisplayAndAnnotation() {
        let markup = MathML.render(latex: #"a < \frac{b}{2}"#, display: .block).markup
        #expect(markup == #"<math display="block" alttext="a &lt; \frac{b}{2}"><semantics><mrow><mi>a</mi><mo>&lt;</mo><mfrac><mi>b</mi><mn>2</mn></mfrac></mrow><annotation encoding="application/x-tex">a &lt; \frac{b}{2}</annotation></semantics></math>"#)
        #expect(MathML.render(latex: "x").markup.hasPrefix("<math><semantics><mi>x</mi>"))
    }

    @Test func emptyFormulaIsAnEmptyRow() {
        #expect(MathML.render(latex: "").markup == #"<math><semantics><mrow></mrow><annotation encoding="application/x-tex"></annotation></semantics></math>"#)
    }

    @Test func alignedEnvironmentAlignsPairsRightThenLeft() {
        let markup = presentation(#"\begin{aligned} m_t &= \beta m \\ v &\leftarrow 1 \\ \end{aligned}"#)
        let right = #"<mtd style="text-align:right;text-align:-webkit-right;padding-inline:0">"#
        let left = #"<mtd style="text-align:left;padding-inline:0">"#
        #expect(markup == #"<mtable columnalign="right left" displaystyle="true"><mtr>"#
            + right + "<msub><mi>m</mi><mi>t</mi></msub></mtd>"
            + left + #"<mrow><mo form="infix">=</mo><mi>β</mi><mi>m</mi></mrow></mtd></mtr><mtr>"#
            + right + "<mi>v</mi></mtd>"
            + left + #"<mrow><mo form="infix">←</mo><mn>1</mn></mrow></mtd></mtr></mtable>"#)
    }

    @Test func alignedPairsAreSpacedApart() {
        let markup = presentation(#"\begin{aligned} a &= 1 & b &= 2 \end{aligned}"#)
        #expect(markup.contains(#"<mtd style="text-align:left;padding-inline:0 1em"><mrow><mo form="infix">=</mo><mn>1</mn></mrow></mtd>"#))
        #expect(markup.contains(#"<mtd style="text-align:right;text-align:-webkit-right;padding-inline:1em 0"><mi>b</mi></mtd>"#))
        #expect(markup.contains(#"columnalign="right left right left""#))
    }

    @Test func casesHaveABraceAndLeftAlignedColumns() {
        let markup = presentation(#"|x| = \begin{cases} x & x \ge 0 \\ -x & \text{otherwise} \end{cases}"#)
        #expect(markup.contains(#"<mrow><mo form="prefix" stretchy="true" fence="true">{</mo><mtable columnalign="left left">"#))
        #expect(markup.contains("<mtext>otherwise</mtext>"))
        #expect(!markup.contains("displaystyle"))
    }

    @Test(arguments: [
        ("pmatrix", "(", ")"), ("bmatrix", "[", "]"), ("Bmatrix", "{", "}"), ("vmatrix", "|", "|"), ("Vmatrix", "‖", "‖"),
    ])
    func matricesAreFenced(_ environment: String, _ open: String, _ close: String) {
        let markup = presentation("\\begin{\(environment)} 1 & 0 \\\\ 0 & 1 \\end{\(environment)}")
        #expect(markup.hasPrefix(#"<mrow><mo form="prefix" stretchy="true" fence="true">\#(open)</mo><mtable>"#))
        #expect(markup.hasSuffix(#"</mtable><mo form="postfix" stretchy="true" fence="true">\#(close)</mo></mrow>"#))
        #expect(markup.components(separatedBy: "<mtr>").count == 3)
        #expect(markup.components(separatedBy: "<mtd").count == 5)
    }

    @Test func arrayTakesItsColumnLetters() {
        let markup = presentation(#"\begin{array}{l|r} a & b \end{array}"#)
        #expect(markup.contains(#"columnalign="left right""#))
    }

    @Test func rowSpacingArgumentIsSkipped() {
        let markup = presentation(#"\begin{gathered} a \\[4pt] b \end{gathered}"#)
        #expect(markup == #"<mtable displaystyle="true"><mtr><mtd><mi>a</mi></mtd></mtr><mtr><mtd><mi>b</mi></mtd></mtr></mtable>"#)
    }

    @Test func forbiddenCharactersAreReplacedInTheAnnotation() {
        let markup = MathML.render(latex: "x\u{7}").markup
        #expect(markup.contains("<annotation encoding=\"application/x-tex\">x\u{FFFD}</annotation>"))
    }

    @Test func renderingIsDeterministic() {
        let latex = GoldenTests.formulas[1].0
        #expect(MathML.render(latex: latex, display: .block) == MathML.render(latex: latex, display: .block))
    }
}
