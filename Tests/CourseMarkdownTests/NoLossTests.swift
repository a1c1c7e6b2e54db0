import Foundation
import Testing
import CourseDiagnostics
import CourseMarkdown

/// Inline content renders the same wherever it stands: a table cell, a heading, a
/// footnote, a list item or a block quote keep their math, code, emphasis and links.
@Suite struct NoLossTests {
    private func render(_ text: String) -> String {
        var diagnostics: [Diagnostic] = []
        let document = MarkdownParser.parse(text, origin: SourceOrigin(file: "t.md", line: 1), diagnostics: &diagnostics)
        var renderer = HTMLRenderer()
        renderer.math = { latex, display, _ in display ? "<M display>\(latex)</M>" : "<M>\(latex)</M>" }
        renderer.headingIDs = ["h"]
        return renderer.render(document)
    }

    @Test(arguments: [
        ("| a | b |\n|---|---|\n| SLOT | x |\n", "table cell"),
        ("## SLOT\n", "heading"),
        ("Text[^1].\n\n[^1]: SLOT\n", "footnote"),
        ("- SLOT\n- two\n", "list item"),
        ("> SLOT\n", "block quote"),
        ("1. one\n\n   > - SLOT\n", "nested list and quote"),
    ])
    func inlineContentSurvivesEveryContainer(_ template: String, _ container: String) {
        let slot = "step $\\theta_t$ with `lr`, *fast* and [link](x.html) here"
        let html = render(template.replacingOccurrences(of: "SLOT", with: slot))
        #expect(html.contains("step <M>\\theta_t</M> with <code>lr</code>, <em>fast</em> and <a href=\"x.html\">link</a> here"),
                "\(container): \(html)")
    }

    @Test func mathInEveryCellOfATable() {
        let html = render("| $a$ | $b$ |\n|:--|--:|\n| $\\theta_t$ | step $t$ here |\n")
        #expect(!html.contains("<td></td>") && !html.contains("<th></th>") && !html.contains("<td style=\"text-align: left\"></td>"))
        #expect(html.contains("<td style=\"text-align: left\"><M>\\theta_t</M></td>"))
        #expect(html.contains("step <M>t</M> here"))
    }

    @Test func oneLineDisplayMathIsAScrollingBlock() {
        let html = render("$$v_{t+1} = \\mu v_t - \\eta g_t$$\n")
        #expect(html == "<div class=\"display-math\" tabindex=\"0\"><M display>v_{t+1} = \\mu v_t - \\eta g_t</M></div>\n")
        let amid = render("so $$x = 1$$ holds\n")
        #expect(amid == "<p>so <span class=\"display-math\" tabindex=\"0\"><M display>x = 1</M></span> holds</p>\n")
    }

    @Test func phraseForTitlesKeepsMathAndDropsLinksAndNotes() {
        var diagnostics: [Diagnostic] = []
        let document = MarkdownParser.parse("## Step $\\eta$ and [`lr`](a.html)[^n]\n\n[^n]: note\n",
                                            origin: SourceOrigin(file: "t.md", line: 1), diagnostics: &diagnostics)
        guard case .heading(_, let inlines, _)? = document.blocks.first else {
            Issue.record("no heading in \(document.blocks)")
            return
        }
        var renderer = HTMLRenderer()
        renderer.math = { latex, display, _ in "<M\(display ? " display" : "")>\(latex)</M>" }
        #expect(renderer.renderPhrase(inlines) == "Step <M>\\eta</M> and <code>lr</code>")
    }
}

/// A long inline formula cannot break across lines, so it scrolls in a box of its own
/// instead of widening a 320 px phone's page; short ones stay plain.
@Suite struct LongInlineMathTests {
    private func render(_ text: String) -> String {
        var diagnostics: [Diagnostic] = []
        var renderer = HTMLRenderer()
        renderer.math = { latex, _, _ in "<M>\(latex)</M>" }
        return renderer.render(MarkdownParser.parse(text, origin: SourceOrigin(file: "t.md", line: 1), diagnostics: &diagnostics))
    }

    @Test func longInlineFormulasScrollInTheirOwnBox() {
        let long = "\\theta - \\eta(\\nabla f + \\lambda \\theta) = (1 - \\eta\\lambda)\\theta - \\eta \\nabla f"
        #expect(render("So $\(long)$ holds.\n") == "<p>So <span class=\"math-wide\" tabindex=\"0\"><M>\(long)</M></span> holds.</p>\n")
        #expect(render("So $\\theta_t - \\eta g_t$ holds.\n") == "<p>So <M>\\theta_t - \\eta g_t</M> holds.</p>\n")
    }
}
