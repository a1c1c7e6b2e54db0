import Testing
import CourseDiagnostics
import CourseMarkdown

private func parse(_ text: String) -> (Document, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let document = MarkdownParser.parse(text, origin: SourceOrigin(file: "t.md", line: 1), diagnostics: &diagnostics)
    return (document, diagnostics)
}

private func html(_ text: String, allowHTML: Bool = false) -> String {
    var renderer = HTMLRenderer()
    renderer.allowHTML = allowHTML
    return renderer.render(parse(text).0)
}

@Suite struct MarkdownParserTests {
    @Test func paragraphsHeadingsAndPositions() {
        let (doc, diagnostics) = parse("# Title\n\nSome *text*.\n\n## Part two\n")
        #expect(diagnostics.isEmpty)
        #expect(doc.blocks == [
            .heading(level: 1, [.text("Title")], TextPosition(line: 1, column: 1)),
            .paragraph([.text("Some "), .emphasis([.text("text")]), .text(".")], TextPosition(line: 3, column: 1)),
            .heading(level: 2, [.text("Part two")], TextPosition(line: 5, column: 1)),
        ])
    }

    @Test func fencedCodeKeepsInfoBodyLineAndIndent() {
        let (doc, _) = parse("intro\n\n  ```experiment extra\n  Experiment(\"x\") {}\n  ```\n")
        guard case .codeBlock(let code)? = doc.blocks.last else {
            Issue.record("expected a code block, got \(doc.blocks)")
            return
        }
        #expect(code.info == "experiment extra")
        #expect(code.language == "experiment")
        #expect(code.literal == "Experiment(\"x\") {}\n")
        #expect(code.bodyLine == 4)
        #expect(code.indent == 2)
    }

    @Test func gfmTablesTasksStrikethroughAutolinks() {
        let out = html("""
            | a | b |
            |:--|--:|
            | 1 | ~~2~~ |

            - [x] done
            - [ ] todo

            see https://example.org
            """)
        #expect(out.contains("<th style=\"text-align: left\">a</th>"))
        #expect(out.contains("<td style=\"text-align: right\"><del>2</del></td>"))
        #expect(out.contains("<input type=\"checkbox\" disabled checked aria-label=\"done\">"))
        #expect(out.contains("<a href=\"https://example.org\">https://example.org</a>"))
    }

    @Test func headerThatIsOnlyAFormulaNamesIt() {
        var renderer = HTMLRenderer()
        renderer.math = { latex, _, _ in "<math><mi>\(latex)</mi></math>" }
        renderer.mathText = { "plain(\($0))" }
        let out = renderer.render(parse("""
            | $\\eta_t$ | rate $\\eta$ | $a$ $b$ |
            | --- | --- | --- |
            | $\\eta_t$ | 1 | 2 |
            """).0)
        // Alone in a header the formula is named (a screen reader without MathML, and axe-core,
        // would find the header empty); beside words, or in a body cell, it is left as it is.
        #expect(out.contains("<th><span role=\"math\" aria-label=\"plain(\\eta_t)\"><math><mi>\\eta_t</mi></math></span></th>"))
        #expect(out.contains("<th>rate <math><mi>\\eta</mi></math></th>"))
        #expect(out.contains("<th><math><mi>a</mi></math> <math><mi>b</mi></math></th>"))
        #expect(out.contains("<td><math><mi>\\eta_t</mi></math></td>"))
    }

    @Test func footnotesNumberedByFirstReference() {
        let out = html("A[^b] and B[^a] and again[^b].\n\n[^a]: First.\n[^b]: Second.\n")
        #expect(out.contains("A<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1\">1</a></sup>"))
        #expect(out.contains("B<sup class=\"footnote-ref\"><a href=\"#fn-2\" id=\"fnref-2\">2</a></sup>"))
        #expect(out.contains("again<sup class=\"footnote-ref\"><a href=\"#fn-1\" id=\"fnref-1-2\">1</a></sup>"))
        #expect(out.contains("<li id=\"fn-1\">\n<p>Second. <a href=\"#fnref-1\""))
    }

    @Test func rawHTMLIsShownAsTextUnlessAllowed() {
        let text = "<script>alert(1)</script>\n\nx <b>y</b>\n"
        let safe = html(text)
        #expect(!safe.contains("<script"))
        #expect(safe.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(safe.contains("x &lt;b&gt;y&lt;/b&gt;"))
        let allowed = html(text, allowHTML: true)
        #expect(allowed.contains("&lt;script>alert(1)&lt;/script>"), "GFM's tag filter still applies")
        #expect(allowed.contains("x <b>y</b>"))
    }

    @Test func tooWideTableIsAnErrorNotAHang() {
        let row = String(repeating: "|a", count: 5_000) + "|\n"
        let (doc, diagnostics) = parse(row + String(repeating: "|-", count: 5_000) + "|\n")
        #expect(doc.blocks.isEmpty)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.message == "line has 5001 table cells; the limit is 200")
        #expect(diagnostics.first?.location == SourceLocation(file: "t.md", line: 1, column: 1))
    }

    @Test func oversizedChapterIsAnError() {
        let (_, diagnostics) = parse(String(repeating: "a", count: MarkdownParser.maximumBytes + 1))
        #expect(diagnostics.first?.message.hasPrefix("chapter is") == true)
    }
}

@Suite struct InlineMathTests {
    private func inlines(_ text: String) -> [Inline] {
        guard case .paragraph(let inlines, _)? = parse(text).0.blocks.first else { return [] }
        return inlines
    }

    @Test func dollarsMakeMathAndProtectUnderscoresAndStars() {
        #expect(inlines("where $a_1 * b_2 * c$ holds") == [
            .text("where "), .math(latex: "a_1 * b_2 * c", display: false, TextPosition(line: 1, column: 8)), .text(" holds"),
        ])
    }

    @Test func currencyStaysText() {
        #expect(inlines("It costs $5 and $10 today.") == [.text("It costs $5 and $10 today.")])
        #expect(inlines("$ x$ and $x $") == [.text("$ x$ and $x $")])
    }

    @Test func escapesAndCodeSpansTakePrecedence() {
        #expect(inlines("a \\$x$ b") == [.text("a $x$ b")])
        #expect(inlines("`$x$` and $y$") == [.code("$x$", TextPosition(line: 1, column: 2)), .text(" and "), .math(latex: "y", display: false, TextPosition(line: 1, column: 12))])
        #expect(inlines("$a `b$` c") == [.text("$a "), .code("b$", TextPosition(line: 1, column: 5)), .text(" c")])
    }

    @Test func doubleDollarInParagraphIsDisplay() {
        #expect(inlines("so $$x^2$$ holds") == [
            .text("so "), .math(latex: "x^2", display: true, TextPosition(line: 1, column: 6)), .text(" holds"),
        ])
    }

    @Test func mathOnALaterLineKnowsItsLine() {
        let result = inlines("first line\nthen $z$")
        #expect(result.last == .math(latex: "z", display: false, TextPosition(line: 2, column: 7)))
    }

    @Test func displayBlocksSurviveListMarkersAndBlankLines() {
        let (doc, diagnostics) = parse("Text before\n$$\n- a\n\n+ b\n# c\n$$\nafter\n")
        #expect(diagnostics.isEmpty)
        #expect(doc.blocks == [
            .paragraph([.text("Text before")], TextPosition(line: 1, column: 1)),
            .displayMath(latex: "- a\n\n+ b\n# c", TextPosition(line: 3, column: 1)),
            .paragraph([.text("after")], TextPosition(line: 8, column: 1)),
        ])
    }

    @Test func displayMathInsideCodeFencesIsCode() {
        let (doc, _) = parse("```\n$$\nx\n$$\n```\n")
        guard case .codeBlock(let code)? = doc.blocks.first else {
            Issue.record("expected code")
            return
        }
        #expect(code.literal == "$$\nx\n$$\n")
    }

    @Test func unclosedDisplayMathIsAnError() {
        let (_, diagnostics) = parse("para\n\n$$\nx = 1\n")
        #expect(diagnostics.map(\.message) == ["display math opened with '$$' is never closed"])
        #expect(diagnostics.first?.location?.line == 3)
    }

    @Test func manyUnmatchedDollarsStayLinear() {
        // 200,000 openers with no closer: a naive search would take minutes.
        let text = String(repeating: "$a ", count: 200_000)
        let result = inlines(text)
        #expect(result.count == 1)
    }
}
