@testable import CourseSite
import CourseMarkdown
import CourseTestSupport
import ExperimentPages
import Foundation
import Testing

/// Search (issue 15, item 4): the tokeniser, the sections read from rendered pages, the index,
/// search.html and its term index, the scripts only it may carry, and the size budget.
@Suite struct SearchTests {
    // MARK: - Tokens and keys

    static let tokenCases: [(text: String, tokens: [String])] = [
        ("Adam's step, again.", ["Adam's", "step", ",", "again", "."]),
        ("β1 = 0.999 and 1,000 steps", ["β1", "=", "0.999", "and", "1,000", "steps"]),
        ("first-order (Newton)", ["first", "-", "order", "(", "Newton", ")"]),
        ("naïve café", ["naïve", "café"]),
        ("偏差修正很重要。Adam 也是", ["偏", "差", "修", "正", "很", "重", "要", "。", "Adam", "也", "是"]),
        ("optimizers' steps", ["optimizers", "'", "steps"]),
    ]

    @Test(arguments: tokenCases) func tokens(_ text: String, _ expected: [String]) {
        #expect(SearchTokenizer.tokens(of: text).map(\.text) == expected)
    }

    static let keyCases: [(token: String, key: String)] = [
        ("Adam's", "adam"), ("ADAM", "adam"), ("Ádám", "adam"), ("Adam’s", "adam"), ("naïve", "naive"),
        ("ﬁnd", "find"), ("Ｂｉａｓ", "bias"), ("偏", "偏"), ("it's", "it"), ("'s", "'s"), ("Straße", "straße"),
        // ASCII takes a short way: only A–Z change, not the neighbours of the range.
        ("RMSProp", "rmsprop"), ("x's", "x"), ("@AZ[`az{", "@az[`az{"),
    ]

    @Test(arguments: keyCases) func key(_ token: String, _ expected: String) {
        #expect(SearchTokenizer.key(token) == expected)
    }

    @Test func spacingIsRecorded() {
        let tokens = SearchTokenizer.tokens(of: "a (b) c")
        #expect(tokens.map(\.spaceBefore) == [false, true, false, false, true])
        #expect(SearchIndex.plainText(tokens) == "a (b) c")
    }

    // MARK: - Sections from rendered HTML

    @Test func sectionsHoldWhatAuthorsWrote() {
        let html = """
        <p>Intro with <strong>bias correction</strong> &amp; more.</p>
        <h2 id="two">Two <a class="self-link" href="#two" aria-label="Link to this section">#</a></h2>
        <p>Prose <code>Adam(lr: 0.1)</code> then <math><semantics><msub><mi>β</mi><mn>2</mn></msub><annotation encoding="application/x-tex">\\beta_2</annotation></semantics></math>.</p>
        <pre><code>let hidden = code</code></pre>
        <div class="cg-experiment"><figure class="cg-figure"><svg><text>axis label</text></svg>
        <figcaption><strong>Figure title.</strong> Paths of computed runs (distance 0.1202).</figcaption></figure>
        <table class="cg-results"><tr><th>Run</th></tr><tr><td>0.5</td></tr></table></div>
        <table><tr><th>Name</th></tr><tr><td>author cell</td></tr></table>
        <h3 id="three">Three</h3><p>Last.</p>
        """
        let sections = SearchSections.sections(title: "Page title", html: html)
        #expect(sections.map(\.id) == ["", "two", "three"])
        #expect(SearchIndex.plainText(sections[0].heading) == "Page title")
        #expect(SearchIndex.plainText(sections[0].text) == "Intro with bias correction & more.")
        #expect(sections[0].bold == ["bias correction"])
        #expect(SearchIndex.plainText(sections[1].heading) == "Two")
        #expect(SearchIndex.plainText(sections[1].text) == "Prose Adam(lr: 0.1) then β2. Figure title. Name author cell")
        #expect(SearchIndex.plainText(sections[2].text) == "Last.")
    }

    @Test func cjkRunsAreFoundByCharactersAndBigrams() {
        let keys = SearchIndex.keys(of: SearchTokenizer.tokens(of: "偏差修正 Adam"))
        #expect(Set(keys.keys) == ["偏", "差", "修", "正", "偏差", "差修", "修正", "adam"])
    }

    @Test func postingsTakeTheShorterForm() {
        // A few sections far apart: deltas. Many: a bitmap after the digit 0.
        let digit = SearchIndex.alphabet
        #expect(SearchIndex.encodedPostings([3, 90], sectionCount: 100) == String(digit[4]) + SearchIndex.number(87))
        #expect(SearchIndex.number(87) == String([digit[87], digit[0]]))
        #expect(SearchIndex.number(81) == String(digit[81]) && SearchIndex.number(1000).count == 3)
        let many = SearchIndex.encodedPostings(Array(0..<40), sectionCount: 60)
        #expect(many.first == "!" && many.count == 1 + 7)
    }

    // MARK: - The site

    static func course() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("chapters/index.md", "---\ntitle: Optimizers\n---\nA course on **optimizers**.\n")
        folder.write("chapters/01-averages.md", """
            # Averages

            ## Bias towards zero

            The average starts at zero, so it is biased; **bias correction** divides it by $1 - \\beta^t$.

            """)
        folder.write("chapters/02-adam.md", """
            # Adam

            ## Bias correction

            Adam's first steps would be huge without it.

            ```python
            secret_code_word = 1
            ```

            """)
        return folder
    }

    static func build(_ folder: TemporaryFolder) -> SiteBuilder.Result {
        let chapters = folder.path + "/chapters"
        return SiteBuilder(chaptersFolder: chapters, options: StandardBuild.options(chaptersFolder: chapters, useCache: false)).build()
    }

    static func file(_ result: SiteBuilder.Result, _ path: String) -> String {
        result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
    }

    @Test func searchPageAndIndexAreWritten() {
        let folder = Self.course()
        defer { folder.remove() }
        let result = Self.build(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        let paths = result.files.map(\.path)
        #expect(paths.contains("search.html") && paths.contains("assets/search.js") && paths.contains("assets/search-index.js"))
        let index = Self.file(result, "assets/search-index.js")
        #expect(index.hasPrefix("// coursegen's search index") && index.contains("var coursegenSearch = {"))
        #expect(index.contains("[\"adam.html\",\"Chapter 2 · Adam\"]"))
        #expect(!index.contains("secret_code_word"), "code blocks are not indexed")
        let search = Self.file(result, "search.html")
        #expect(search.contains("<script src=\"assets/search-index.js\" defer></script>\n<script src=\"assets/search.js\" defer></script>"))
        #expect(search.contains("content=\"script-src 'self'; object-src 'none'\""))
        #expect(search.contains("<form class=\"search-form\" action=\"search.html\" method=\"get\" role=\"search\">"))
        #expect(search.contains("data-count-one=\"{count} section contains “{query}”\""))
        // The term index: heading words and bold terms, each linking to its sections.
        #expect(search.contains("<li><span class=\"term\">bias</span> <a href=\"averages.html#bias-towards-zero\">Bias towards zero (1)</a>, "
                                + "<a href=\"adam.html#bias-correction\">Bias correction (2)</a></li>"))
        #expect(search.contains("<li><span class=\"term\">bias correction</span> <a href=\"averages.html#bias-towards-zero\">Bias towards zero (1)</a></li>"))
        #expect(search.contains("<span class=\"term\">optimizers</span> <a href=\"index.html\">Optimizers</a>"))
        #expect(!search.contains("<span class=\"term\">the</span>"))
        let size = try! #require(result.search)
        #expect(size.indexBytes == index.utf8.count && size.sections == 5)
    }

    /// Chapter pages run no script and say so; every page has the header's search form, but
    /// print.html, which has no header to print.
    @Test func chapterPagesStayScriptFree() {
        let folder = Self.course()
        defer { folder.remove() }
        let result = Self.build(folder)
        for file in result.files where file.path.hasSuffix(".html") {
            let html = String(decoding: file.bytes, as: UTF8.self)
            #expect(html.contains("content=\"script-src 'none'; object-src 'none'\"") != (file.path == "search.html"), "\(file.path)")
            guard file.path != "print.html" else {
                #expect(!html.lowercased().contains("<script") && !html.contains("role=\"search\""))
                continue
            }
            #expect(html.contains("<form class=\"site-search\" action=\"search.html\" method=\"get\" role=\"search\">"), "\(file.path)")
            #expect(html.contains("<input type=\"search\" id=\"site-search\" name=\"q\""), "\(file.path)")
            guard file.path != "search.html" else { continue }
            #expect(!html.lowercased().contains("<script"), "\(file.path)")
            #expect(html.contains("content=\"script-src 'none'; object-src 'none'\""), "\(file.path)")
        }
    }

    @Test func outputIsDeterministic() {
        let folder = Self.course()
        defer { folder.remove() }
        let first = Self.build(folder), second = Self.build(folder)
        for path in ["assets/search-index.js", "search.html"] {
            #expect(Self.file(first, path) == Self.file(second, path) && !Self.file(first, path).isEmpty)
        }
    }

    /// A theme that puts a script into search.html beyond its two is refused, as on any page.
    @Test func searchPageRefusesOtherScripts() {
        let folder = Self.course()
        defer { folder.remove() }
        let page = BundledTemplates.page.replacingOccurrences(
            of: "<script src=\"assets/search.js\" defer></script>",
            with: "<script src=\"assets/search.js\" defer></script><script src=\"https://example.org/x.js\"></script>")
        // Theme files are scanned for script before any page is built, so the page gate is tested directly.
        let rendered = page.replacingOccurrences(of: "{{#searchPage}}", with: "").replacingOccurrences(of: "{{/searchPage}}", with: "")
        #expect(ScriptScan.findings(in: SearchScript.withoutItsScripts(rendered)).map(\.what) == ["a <script> tag"])
        #expect(ScriptScan.findings(in: SearchScript.withoutItsScripts(
            BundledTemplates.page.replacingOccurrences(of: "{{^searchPage}}", with: "{{#never}}"))).isEmpty)
    }

    @Test func visibleTextLeavesOutMarkupScriptsAndAnnotations() {
        let html = "<html><head><title>T</title></head><body><p>ab  c&amp;</p><script>x()</script><annotation>\\beta</annotation>é</body></html>"
        #expect(BuildSearchIndex.visibleTextBytes(html) == "ab c&é".utf8.count)
    }

    /// The budget on the real course: the index under 15 % of the pages' visible text. Read from
    /// the committed `site/` (which CI keeps equal to the build of `chapters/`), so no training runs;
    /// the pages the build indexes, the home page and the chapters (not print.html, which repeats
    /// them, nor the references).
    @Test func indexOfTheCourseIsWithinBudget() throws {
        let site = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../../site").standardized
        let names = try FileManager.default.contentsOfDirectory(atPath: site.path).filter { $0.hasSuffix(".html") && !["search.html", "print.html", "references.html"].contains($0) }.sorted()
        var pages: [SearchIndex.Page] = []
        var html: [String] = []
        for name in names {
            let text = try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
            let body = try #require(text.range(of: "<article>").flatMap { start in
                text.range(of: "</article>", range: start.upperBound..<text.endIndex).map { String(text[start.upperBound..<$0.lowerBound]) } })
            let title = try #require(body.range(of: "<h1 id=\"top\">").flatMap { start in
                body.range(of: "</h1>", range: start.upperBound..<body.endIndex).map { String(body[start.upperBound..<$0.lowerBound]) } })
            pages.append(SearchIndex.Page(href: name, label: title, title: title, html: body, number: nil))
            html.append(text)
        }
        #expect(pages.count >= 10)
        let output = BuildSearchIndex(strings: PageStrings.catalog(for: .english)).run(pages, textBytes: html.map(BuildSearchIndex.visibleTextBytes).reduce(0, +))
        let percent = 100 * Double(output.indexScript.utf8.count) / Double(output.textBytes)
        #expect(percent < 15, "search index \(output.indexScript.utf8.count) bytes, \(percent) % of \(output.textBytes)")
        #expect(output.indexScript.contains("\"Bias correction\""))
    }
}
