import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// Numbered equations and figures across a course, and cross-references to them, to exercises
/// and to sections, in the same chapter or another, with their text generated in the course's
/// language; every bad label or reference is an error at its place.
@Suite struct CrossReferenceTests {
    private func errors(_ result: SiteBuilder.Result, _ folder: TemporaryFolder) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map { d in
            let location = d.location.map { "\($0): ".replacingOccurrences(of: folder.path + "/", with: "") } ?? ""
            return location + d.message
        }
    }

    private func standardBuild(_ folder: TemporaryFolder) -> SiteBuilder.Result {
        let chapters = folder.path + "/chapters"
        return SiteBuilder(chaptersFolder: chapters, options: StandardBuild.options(chaptersFolder: chapters, useCache: false)).build()
    }

    private static let first = """
        # Descent

        ## The step

        $$
        \\theta_{t+1} = \\theta_t - \\eta g_t \\label{eq:step}
        $$

        $$
        \\begin{align}
        v_t &= \\beta v_{t-1} + g_t \\label{eq:velocity} \\\\
        \\theta_t &= \\theta_{t-1} - \\eta v_t \\nonumber \\\\
        u_t &= v_t \\tag{$\\star$}
        \\end{align}
        $$

        $$ a = b $$

        ![The valley](valley.svg){#fig:valley}

        See [](#eq:step), [](#eq:velocity), [the update](#eq:step), $\\eqref{eq:step}$, [](#fig:valley),
        [](#the-step), [](#fig:averages) (a later chapter's), [](02-average.md#eq:bias) and [](#ex-bias) of [](02-average.md).

        """

    private static let second = """
        # Average

        $$
        \\begin{equation}
        \\hat{m}_t = \\frac{m_t}{1 - \\beta^t} \\label{eq:bias}
        \\end{equation}
        $$

        ```experiment {#fig:averages}
        Average("Corrected") {
            Series(.constant(10, noise: 1), samples: 30)
            ExponentialAverage(beta: 0.9).label("raw")
            ExponentialAverage(beta: 0.9, biasCorrection: true).label("corrected")
        }
        ```

        ![A plot without an id](valley.svg)

        > [!EXERCISE] Bias {#ex-bias}
        > Compare [](#fig:averages) with [](01-descent.md#fig:valley) and $\\eqref{eq:step}$ with \\ref: $x = \\ref{eq:velocity}$.

        """

    @Test func equationsAndFiguresAreNumberedPerChapterAndReferencesWordedAndLinked() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-descent.md", Self.first)
        folder.write("chapters/02-average.md", Self.second)
        folder.write("chapters/valley.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"></svg>")
        let result = standardBuild(folder)
        #expect(errors(result, folder).isEmpty, "\(result.diagnostics)")
        let one = page(result, "descent.html")
        // A labelled formula is numbered, its number beside the <math>, its label its id.
        #expect(one.contains("<div class=\"equation\" id=\"eq:step\"><div class=\"display-math\" tabindex=\"0\"><math display=\"block\" alttext=\"\\theta_{t+1} = \\theta_t - \\eta g_t\">"))
        #expect(one.contains("</math></div><span class=\"equation-number\">(1.1)</span></div>"))
        // An align numbers its rows inside its table; \nonumber skips one, \tag shows instead of a number.
        #expect(one.contains("<mtr id=\"eq:velocity\">"))
        #expect(one.contains("<mtext>(1.2)</mtext>"))
        #expect(one.contains("<mtext>(⋆)</mtext>"))
        #expect(!one.contains("(1.3)"))
        // An unlabelled formula stays as it was.
        #expect(one.contains("<div class=\"display-math\" tabindex=\"0\"><math display=\"block\" alttext=\"a = b\"><semantics><mrow><mi>a</mi>"), "\(one)")
        #expect(one.contains("<figure class=\"figure\" id=\"fig:valley\">\n<img src=\"valley.svg\" alt=\"The valley\">\n<figcaption><span class=\"figure-number\">Figure 1.1</span>: The valley</figcaption>\n</figure>"))
        #expect(one.contains("See <a href=\"#eq:step\">Eq. (1.1)</a>, <a href=\"#eq:velocity\">Eq. (1.2)</a>, <a href=\"#eq:step\">the update</a>, <a class=\"xref\" href=\"#eq:step\">(1.1)</a>, <a href=\"#fig:valley\">Figure 1.1</a>"))
        #expect(one.contains("<a href=\"#the-step\">The step</a>"))
        // A label the chapter lacks is the one other chapter's, even a later one's.
        #expect(one.contains("<a href=\"average.html#fig:averages\">Figure 2.1</a> (a later chapter's)"))
        #expect(one.contains("<a href=\"average.html#eq:bias\">Eq. (2.1)</a>"))
        #expect(one.contains("<a href=\"average.html#ex-bias\">Exercise 2.1</a> of <a href=\"average.html\">Average</a>"))

        let two = page(result, "average.html")
        #expect(two.contains("<div class=\"equation\" id=\"eq:bias\">"))
        #expect(two.contains("<span class=\"equation-number\">(2.1)</span>"))
        // The directive's first figure carries its id and number; an image without an id gets one from its caption.
        #expect(two.contains("<figure class=\"cg-figure\" id=\"fig:averages\">"))
        #expect(two.contains("<figcaption><span class=\"figure-number\">Figure 2.1</span>: <strong>Corrected.</strong>"))
        #expect(two.contains("<figure class=\"figure\" id=\"fig:a-plot-without-an-id\">"))
        #expect(two.contains("<span class=\"figure-number\">Figure 2.2</span>"))
        #expect(two.contains("Compare <a href=\"#fig:averages\">Figure 2.1</a> with <a href=\"descent.html#fig:valley\">Figure 1.1</a> and <a class=\"xref\" href=\"descent.html#eq:step\">(1.1)</a>"))
        #expect(two.contains("<mtext>1.2</mtext>"))
        for html in [one, two] {
            let ids = PageScan.ids(in: html)
            #expect(Set(ids).count == ids.count, "duplicate ids")
        }
    }

    @Test func aFigureWithoutAnIDIsNamedByItsTitle() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", """
            # A

            ```experiment
            Average("Raw and corrected") {
                Series(.constant(10, noise: 1), samples: 30)
                ExponentialAverage(beta: 0.9).label("raw")
            }
            ```

            See [](#fig:raw-and-corrected).

            """)
        let result = standardBuild(folder)
        #expect(errors(result, folder).isEmpty, "\(result.diagnostics)")
        let html = page(result, "a.html")
        #expect(html.contains("<figure class=\"cg-figure\" id=\"fig:raw-and-corrected\">"))
        #expect(html.contains("<a href=\"#fig:raw-and-corrected\">Figure 1.1</a>"))
    }

    @Test func chineseCoursesWordReferencesInChinese() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/index.md", "---\ntitle: 优化\nlanguage: zh-CN\n---\n欢迎。\n")
        folder.write("chapters/01-a.md", """
            # 第一章

            $$ x = 1 \\label{eq:x} $$

            ![山谷](v.svg){#fig:v}

            > [!EXERCISE] 偏差 {#ex-a}
            > 看[](#eq:x)、[](#fig:v)和[](#ex-a)。

            """)
        folder.write("chapters/v.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")
        let result = build(folder)
        #expect(errors(result, folder).isEmpty, "\(result.diagnostics)")
        let html = page(result, "a.html")
        #expect(html.contains("<figcaption><span class=\"figure-number\">图 1.1</span>：山谷</figcaption>"))
        #expect(html.contains("看<a href=\"#eq:x\">式 (1.1)</a>、<a href=\"#fig:v\">图 1.1</a>和<a href=\"#ex-a\">练习 1.1</a>。"))
    }

    @Test func badLabelsAndReferencesAreErrorsAtTheirPlaces() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let marked = MarkedText("""
            # A

            $$ x = 1 \\label{eq:one} $$

            $$ y = 2 1️⃣\\label{eq:one} $$

            Inline $z 2️⃣\\label{eq:z}$ here.

            $$
            \\begin{align*}
            a &= b 3️⃣\\label{eq:star}
            \\end{align*}
            $$

            See 4️⃣[](#eq:onne), 5️⃣[](#eq:dup) and $6️⃣\\eqref{eq:oen}$.

            7️⃣![cap](v.svg){fig:bad}

            ```experiment 8️⃣{fig:x}
            Formulas(.sgd)
            ```

            """)
        folder.write("chapters/01-a.md", marked.text)
        folder.write("chapters/02-b.md", "# B\n\n$$ q = 1 \\label{eq:dup} $$\n")
        folder.write("chapters/03-c.md", "# C\n\n$$ q = 1 \\label{eq:dup} $$\n")
        folder.write("chapters/v.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")
        let result = standardBuild(folder)
        func at(_ marker: String) -> String { "chapters/01-a.md:\(marked[marker].line):\(marked[marker].column): " }
        #expect(errors(result, folder) == [
            at("1️⃣") + "the label 'eq:one' is already taken on this page",
            at("2️⃣") + "'\\label' outside display math",
            at("3️⃣") + "'\\label{eq:star}' on a line that shows no number",
            at("4️⃣") + "reference to a missing label 'eq:onne' in the course; did you mean 'eq:one'?",
            at("5️⃣") + "the label 'eq:dup' is ambiguous: it is defined in '02-b.md' and '03-c.md'",
            at("6️⃣") + "reference to a missing label 'eq:oen' in the course; did you mean 'eq:one'?",
            at("7️⃣") + "'{fig:bad}' is not a figure's id",
            at("8️⃣") + "'{fig:x}' is not a figure's id",
        ])
        let ambiguous = result.diagnostics.first { $0.message.contains("ambiguous") }
        #expect(ambiguous?.hint == "name the chapter: [](02-b.md#eq:dup)")
        #expect(result.files.isEmpty)
    }

    @Test func aFigureIDOnADirectiveWithoutAFigureIsAnError() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\n```experiment {#fig:rules}\nFormulas(.sgd)\n```\n\n![x](v.svg){#fig/x}\n")
        folder.write("chapters/v.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>")
        #expect(errors(standardBuild(folder), folder) == [
            "chapters/01-a.md:3:15: this directive draws no figure for '{#fig:rules}' to name",
            "chapters/01-a.md:7:1: 'fig/x' is not an id a figure can have",
        ])
    }

    @Test func aRenamedLabelBreaksTheBuild() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\n$$ x \\label{eq:renamed} $$\n")
        folder.write("chapters/02-b.md", "# B\n\nSee [](01-a.md#eq:old).\n")
        #expect(errors(build(folder), folder) == [
            "chapters/02-b.md:3:5: link '01-a.md#eq:old' names a missing anchor '#eq:old' in '01-a.md'",
        ])
        // A bare reference looks for the label in the whole course, and suggests the closest.
        folder.write("chapters/02-b.md", "# B\n\nSee [](#eq:renamd).\n")
        #expect(errors(build(folder), folder) == [
            "chapters/02-b.md:3:5: reference to a missing label 'eq:renamd' in the course; did you mean 'eq:renamed'?",
        ])
    }
}
