import CourseTestSupport
import MathML
import Testing

/// The formulas the course writes, rendered into one HTML page: the golden
/// bytes pin the output, and the same page is what the Nu checker validates
/// and what Chromium is asked to draw (see tools/browser-check).
@Suite struct GoldenTests {
    static let formulas: [(String, MathDisplay)] = [
        (#"\theta_{t+1} = \theta_t - \eta \nabla_\theta \mathcal{L}(\theta_t)"#, .block),
        (#"""
        \begin{aligned}
        m_t &\leftarrow \beta_1 m_{t-1} + (1-\beta_1)\, g_t \\
        v_t &\leftarrow \beta_2 v_{t-1} + (1-\beta_2)\, g_t \odot g_t \\
        \hat{m}_t &\leftarrow \frac{m_t}{1-\beta_1^t}, \quad \hat{v}_t \leftarrow \frac{v_t}{1-\beta_2^t} \\
        \theta_t &\leftarrow \theta_{t-1} - \eta \, \frac{\hat{m}_t}{\sqrt{\hat{v}_t} + \epsilon}
        \end{aligned}
        """#, .block),
        (#"f(x, y) = (a - x)^2 + b\,(y - x^2)^2"#, .block),
        (#"\nabla f(x, y) = \begin{pmatrix} -2(a-x) - 4bx(y-x^2) \\ 2b(y-x^2) \end{pmatrix}"#, .block),
        (#"\operatorname{clip}(g) = \begin{cases} g & \text{if } \lVert g \rVert \le c, \\ c\,\dfrac{g}{\lVert g \rVert} & \text{otherwise} \end{cases}"#, .block),
        (#"\min_{\boldsymbol{\theta} \in \mathbb{R}^d} \; \frac{1}{n}\sum_{i=1}^{n} \ell(\boldsymbol{\theta}; \mathbf{x}_i, y_i)"#, .block),
        (#"\left\lVert \nabla f(\mathbf{x}_k) \right\rVert_2 \le \varepsilon \quad\text{and}\quad \eta_t = \eta_0 \cdot \gamma^{\lfloor t / s \rfloor}"#, .block),
        (#"\exp\left(-\tfrac{1}{2} x^2\right) \approx 0.999 \times 10^{-3}, \quad \log(1 + e^{-y\, w^\top x}), \quad \sqrt[3]{x} + \tilde{x} + \dot{x} + \bar{x}"#, .block),
        (#"\frac{\partial f}{\partial x} = \lim_{h \to 0} \frac{f(x + h) - f(x)}{h}, \qquad \Big( \frac{a}{b} \Big) \ne \left[ \frac{a}{b} \right]"#, .block),
        (#"\hat{\boldsymbol{\theta}} = \arg\min_{\theta} \sum_{i} \left( y_i - \theta^\top x_i \right)^2"#, .block),
        (#"\eta = 0.3"#, .inline),
        (#"\beta_1, \beta_2 \in [0, 1)"#, .inline),
        (#"\sum_{t=1}^{T} \eta_t = \infty"#, .inline),
        (#"f'(x) = \frac{d}{dx} \sin x"#, .inline),
    ]

    static func page() -> String {
        var html = """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <title>MathML sample</title>
        <style>body { font: 18px/1.5 "TeX Gyre Termes", "Liberation Serif", serif; max-width: 46em; margin: 1em auto; } math { font-family: "Latin Modern Math", "STIX Two Math", "TeX Gyre Termes Math", "DejaVu Math TeX Gyre", math; }</style>
        </head>
        <body>
        <h1>Formulas the course writes</h1>

        """
        for (latex, display) in formulas {
            let rendering = MathML.render(latex: latex, display: display)
            html += display == .block ? rendering.markup + "\n" : "<p>Inline: " + rendering.markup + " in a line of text.</p>\n"
        }
        html += "</body>\n</html>\n"
        return html
    }

    @Test func samplePageRendersWithoutErrors() {
        for (latex, display) in Self.formulas {
            #expect(MathML.render(latex: latex, display: display).errors == [], "\(latex)")
        }
    }

    @Test func samplePageMatchesGolden() throws {
        try GoldenFile.check(Self.page(), named: "formulas.html")
    }
}
