@testable import CourseMarkdown
@testable import CourseSite
import CourseDiagnostics
import MathML
import Testing

/// The short ways the 200-chapter build takes through prose (bytes instead of characters,
/// skipped copies) give what the long ways gave, at their edges: carriage returns, text
/// that is not ASCII, front matter without a body, formulas that almost are references.
@Suite struct ProseFastPathTests {
    // MARK: - Front matter, cut at line-break bytes

    static let frontMatterCases: [(text: String, title: String?, body: String, errors: Int)] = [
        ("---\ntitle: A\n---\nbody\n", "A", "\n\n\nbody\n", 0),
        ("---\ntitle: A\n...\nbody", "A", "\n\n\nbody", 0),
        ("---\ntitle: A\n---", "A", "\n\n", 0),
        ("---\n---\nx", nil, "\n\nx", 0),
        ("---  \ntitle: 学习率\n---\t\n正文\n", "学习率", "\n\n\n正文\n", 0),
        ("# No front matter\n---\n", nil, "# No front matter\n---\n", 0),
        ("---\ntitle: A\n", nil, "---\ntitle: A\n", 1),
        ("---", nil, "---", 1),
        // Windows line endings: `\r\n` is one character, but the lines are cut at `\n` bytes.
        ("---\r\ntitle: A\r\n---\r\nbody\r\n", "A", "\n\n\nbody\r\n", 0),
        ("---\r\ntitle: A\r\n", nil, "---\r\ntitle: A\r\n", 1),
        ("---\ntitle: A\n---\nbody\r\n", "A", "\n\n\nbody\r\n", 0),
    ]

    @Test(arguments: frontMatterCases) func frontMatter(_ text: String, _ title: String?, _ body: String, _ errors: Int) {
        var diagnostics: [Diagnostic] = []
        let (matter, rest) = FrontMatter.split(text, file: "a.md", isIndex: false, diagnostics: &diagnostics)
        #expect(matter.title == title)
        #expect(rest == body)
        #expect(diagnostics.count == errors)
        // The body keeps the file's line numbers.
        let newline = UInt8(ascii: "\n")
        #expect(rest.utf8.split(separator: newline, omittingEmptySubsequences: false).count
                == text.utf8.split(separator: newline, omittingEmptySubsequences: false).count)
    }

    // MARK: - Display math's pre-pass

    @Test func textWithoutDisplayMathIsItsOwnResult() {
        let text = "One $x$ and $y$.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
        let prepass = DisplayMathPrepass(text, maximumTableColumns: 8)
        #expect(prepass.text == text && prepass.blocks.isEmpty && prepass.tooWideLine == nil && prepass.unclosedLine == nil)
    }

    @Test func wideTablesAndDisplayMathStillTakeTheLongWay() {
        let wide = DisplayMathPrepass("x\n| a | b | c |\n", maximumTableColumns: 3)
        #expect(wide.tooWideLine?.line == 2 && wide.tooWideLine?.cells == 4)
        // Four `|` on one line, but a code fence holds them: not a table.
        let fenced = DisplayMathPrepass("```\n| a | b | c |\n```\n", maximumTableColumns: 3)
        #expect(fenced.tooWideLine == nil)
        let display = DisplayMathPrepass("a\n$$\nx^2\n$$\nb", maximumTableColumns: 8)
        #expect(display.blocks.map(\.latex) == ["x^2"])
        let unclosed = DisplayMathPrepass("a\n$$\nx^2\n", maximumTableColumns: 8)
        #expect(unclosed.unclosedLine == 2)
    }

    // MARK: - Formulas that are a lone reference

    @Test func loneReferencesAreFoundAndOthersPassedOver() {
        #expect(MathML.loneReference("\\eqref{adam}")! == ("adam", true))
        #expect(MathML.loneReference(" \n\\ref{fig:a} ")! == ("fig:a", false))
        #expect(MathML.loneReference("\\theta_{t+1}") == nil)
        #expect(MathML.loneReference("x = \\ref{a}") == nil)
        #expect(MathML.loneReference("\\ref{a} + 1") == nil)
        #expect(MathML.loneReference("\\refx{a}") == nil)
    }

    // MARK: - Search's sections, read as bytes

    @Test func sectionsReadTextThatIsNotASCII() {
        let html = """
        <h2 id="学习率-eta">学习率 <math><mi>η</mi></math> 的选择</h2>\
        <p title="naïve “quote”" data-x=ünquoted>Ádam’s <em>café</em>&nbsp;β₂ — 偏差修正&#x4E2D;</p>\
        <p\u{3000}class="self-link">skipped, after an ideographic space</p><p>kept</p>
        """
        let sections = SearchSections.sections(title: "标题", html: html)
        #expect(sections.map(\.id) == ["", "学习率-eta"])
        #expect(SearchIndex.plainText(sections[1].heading) == "学习率 η 的选择")
        #expect(SearchIndex.plainText(sections[1].text) == "Ádam’s café β₂ — 偏差修正中 kept")
    }

    @Test(arguments: ["", "a", "naïve café", "x\u{301}y", "β₂ = 0.999", "𝜃 and 𝔼", "偏差 Adam’s 3rd", "\u{3000}a\u{85}b"])
    func tokensAreSlicesOfTheText(_ text: String) {
        // Each token is the text's scalars from where it starts: no scalar lost or changed.
        let joined = SearchTokenizer.tokens(of: text).map(\.text).joined()
        #expect(String(String.UnicodeScalarView(text.unicodeScalars.filter { !SearchTokenizer.isWhitespace($0) && $0.value >= 0x20 })) == joined)
    }
}
