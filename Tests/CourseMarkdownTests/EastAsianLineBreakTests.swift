import Testing
import CourseDiagnostics
import CourseMarkdown

private func document(_ text: String) -> Document {
    var diagnostics: [Diagnostic] = []
    return MarkdownParser.parse(text, origin: SourceOrigin(file: "t.md", line: 1), diagnostics: &diagnostics)
}

private func html(_ text: String) -> String {
    HTMLRenderer().render(document(text))
}

private func inlines(_ text: String) -> [Inline] {
    guard case .paragraph(let inlines, _)? = document(text).blocks.first else { return [] }
    return inlines
}

/// A line an author wraps inside a Chinese paragraph is no space between two characters
/// (pandoc's `east_asian_line_breaks`); anywhere else a soft break stays what it was.
@Suite struct EastAsianLineBreakTests {
    @Test(arguments: [
        // Both sides wide: joined, full-width punctuation included.
        ("AdaGrad（0.12）、\nAdam 也是", "<p>AdaGrad（0.12）、Adam 也是</p>\n"),
        ("见 Adam\n（2015）", "<p>见 Adam（2015）</p>\n"),
        ("学习率太大时\n损失会发散。", "<p>学习率太大时损失会发散。</p>\n"),
        ("随机梯度下降（SGD）\n（动量法）", "<p>随机梯度下降（SGD）（动量法）</p>\n"),
        ("第一句。\n第二句", "<p>第一句。第二句</p>\n"),
        // Inside emphasis and links the neighbouring characters decide too.
        ("这是*重点*\n内容", "<p>这是<em>重点</em>内容</p>\n"),
        ("见[下一章](b.md)\n的例子", "<p>见<a href=\"b.md\">下一章</a>的例子</p>\n"),
        // Full-width punctuation joins a formula or code on the other side too.
        ("分别是 $2$\n，相差", "<p>分别是 <span class=\"math-tie\"><code class=\"math\">$2$</code>，</span>相差</p>\n"),
        ("见 `lr`\n。", "<p>见 <code>lr</code>。</p>\n"),
        // One side Latin, a digit, math or code: the line break stays.
        ("学习率\nlr", "<p>学习率\nlr</p>\n"),
        ("Adam\n算法", "<p>Adam\n算法</p>\n"),
        ("第 5\n步", "<p>第 5\n步</p>\n"),
        ("用 `lr`\n控制", "<p>用 <code>lr</code>\n控制</p>\n"),
        // English is untouched.
        ("Loss\nlandscapes", "<p>Loss\nlandscapes</p>\n"),
        // A hard break stays a break.
        ("学习率\\\n损失", "<p>学习率<br>\n损失</p>\n"),
    ])
    func softBreakBetweenWideCharactersVanishes(source: String, expected: String) {
        #expect(html(source) == expected)
    }

    @Test func emojiAreNoScriptToJoin() {
        #expect(html("完成 🎉\n好") == "<p>完成 🎉\n好</p>\n")
    }

    @Test func plainTextFollowsTheSameRule() {
        #expect(inlines("学习率太大时\n损失会发散").plainText == "学习率太大时损失会发散")
        #expect(inlines("Loss\nlandscapes").plainText == "Loss landscapes")
        #expect(inlines("学习率\nlr").plainText == "学习率 lr")
    }

    @Test func imageAltTextAndSetextHeadingsJoinToo() {
        #expect(html("![损失曲线\n下降很快](a.png)") == "<p><img src=\"a.png\" alt=\"损失曲线下降很快\"></p>\n")
        let heading = document("学习率的\n选择\n---\n")
        guard case .heading(_, let content, _)? = heading.blocks.first else {
            Issue.record("expected a heading, got \(heading.blocks)")
            return
        }
        #expect(content.plainText == "学习率的选择")
        #expect(HTMLRenderer().renderPhrase(content) == "学习率的选择")
    }

    @Test func plainTextSpellsMathAsTheCallerSays() {
        let content = inlines("学习率 $\\eta$ 的选择")
        #expect(content.plainText == "学习率 \\eta 的选择")
        #expect(content.plainText(math: { $0 == "\\eta" ? "η" : $0 }) == "学习率 η 的选择")
    }

    /// A browser may break between a formula and the "。" after it, and start a line with the
    /// "。"; the two are tied. English punctuation, and math followed by text, are untouched.
    @Test(arguments: [
        ("于是 $x$。下一句", "<p>于是 <span class=\"math-tie\"><code class=\"math\">$x$</code>。</span>下一句</p>\n"),
        ("取 $\\beta$）、$\\eta$", "<p>取 <span class=\"math-tie\"><code class=\"math\">$\\beta$</code>）、</span><code class=\"math\">$\\eta$</code></p>\n"),
        ("so $x$. Next", "<p>so <code class=\"math\">$x$</code>. Next</p>\n"),
        ("取 $x$ 的值", "<p>取 <code class=\"math\">$x$</code> 的值</p>\n"),
    ])
    func aFormulaIsTiedToTheFullWidthPunctuationAfterIt(source: String, expected: String) {
        #expect(html(source) == expected)
    }
}
