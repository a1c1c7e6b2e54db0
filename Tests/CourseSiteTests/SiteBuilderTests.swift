import CourseDiagnostics
import CourseSite
import CourseTestSupport
import ExperimentLanguage
import ExperimentPages
import Experiments
import Foundation
import Testing

/// A directive defined only here, to test the seam before any real directive exists.
struct EchoDirective: DirectiveHandler {
    let name = "echo"
    func check(_ block: DirectiveBlock, diagnostics: inout [Diagnostic]) -> Directive? {
        // Report the position of the first '!' in the body, to check position mapping.
        for (i, line) in block.body.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let bang = line.unicodeScalars.firstIndex(of: "!") {
                let column = line.unicodeScalars.distance(from: line.unicodeScalars.startIndex, to: bang) + 1
                diagnostics.append(.error("bang", at: block.origin.location(line: i + 1, column: column)))
            }
        }
        return nil
    }

    func render(_ block: DirectiveBlock, run: DirectiveRun?, figure: FigureNumber?) -> String {
        "<div class=\"echo\" id=\"\(block.idPrefix)echo\">\(block.body.count) chars at \(block.location)</div>"
    }
}

func testOptions() -> BuildOptions {
    BuildOptions(
        directives: DirectiveRegistry([EchoDirective()]),
        math: { latex, display, location, diagnostics in
            if let bad = latex.range(of: "\\bad") {
                let offset = latex.unicodeScalars.distance(from: latex.unicodeScalars.startIndex, to: bad.lowerBound)
                diagnostics.append(.error("unknown command '\\bad'",
                                          at: SourceLocation(file: location.file, line: location.line, column: location.column + offset)))
            }
            return "<math\(display ? " display=\"block\"" : "")><mi>\(latex)</mi></math>"
        },
        highlight: { code, language in language == "swift" ? "<span class=\"hl-keyword\">\(code)</span>" : nil })
}

func build(_ folder: TemporaryFolder, _ chapters: String = "chapters") -> SiteBuilder.Result {
    SiteBuilder(chaptersFolder: folder.path + "/" + chapters, options: testOptions()).build()
}

func page(_ result: SiteBuilder.Result, _ path: String) -> String {
    result.files.first { $0.path == path }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
}

@Suite struct SiteBuilderTests {
    @Test func pagesHaveSidebarContentsPagerAndNumbers() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/index.md", "---\ntitle: Optimizers\nauthor: A. Author\nlanguage: en-GB\n---\nWelcome.\n")
        folder.write("chapters/01-descent.md", "# Gradient descent\n\n## Step size\n\n### Too small\n\n## Zigzag\n")
        folder.write("chapters/02-momentum.md", "---\ntitle: Momentum and Nesterov\n---\nText.\n")
        let result = build(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        #expect(result.files.map(\.path) == ["index.html", "descent.html", "momentum.html", "print.html", "search.html", "assets/style.css",
                                              "assets/search-index.js", "assets/search.js"])
        let descent = page(result, "descent.html")
        #expect(descent.hasPrefix("<!DOCTYPE html>\n<html lang=\"en-GB\">"))
        #expect(descent.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"))
        #expect(descent.contains("<title>Gradient descent · Optimizers</title>"))
        #expect(descent.contains("<li><a href=\"descent.html\" aria-current=\"page\"><span class=\"number\">1</span> <span>Gradient descent</span></a></li>"))
        #expect(descent.contains("<li><a href=\"momentum.html\"><span class=\"number\">2</span> <span>Momentum and Nesterov</span></a></li>"))
        #expect(descent.contains("<p class=\"chapter-number\">Chapter 1</p>\n<h1 id=\"top\">Gradient descent</h1>"))
        #expect(descent.components(separatedBy: "<h1").count == 2, "the chapter's # heading becomes the page's only h1")
        #expect(descent.contains("<li class=\"toc-level-2\"><a href=\"#step-size\">Step size</a></li>"))
        #expect(descent.contains("<li class=\"toc-level-3\"><a href=\"#too-small\">Too small</a></li>"))
        #expect(descent.contains("<h2 id=\"zigzag\">Zigzag <a class=\"self-link\" href=\"#zigzag\""))
        #expect(descent.contains("<a class=\"pager-next\" href=\"momentum.html\" rel=\"next\">"))
        #expect(!descent.contains("pager-previous"))
        #expect(!descent.contains("<script"))
        #expect(!descent.contains("http://") && !descent.contains("https://"), "no resources from other hosts")
        let momentum = page(result, "momentum.html")
        #expect(momentum.contains("<h1 id=\"top\">Momentum and Nesterov</h1>"))
        #expect(momentum.contains("<a class=\"pager-previous\" href=\"descent.html\" rel=\"prev\">"))
        let home = page(result, "index.html")
        #expect(home.contains("<title>Optimizers</title>"))
        #expect(home.contains("<p class=\"byline\">A. Author</p>"))
        #expect(home.contains("<p>Welcome.</p>"))
        #expect(!home.contains("class=\"chapter-list\""), "index.md writes its own introduction")
    }

    @Test func orderByPrefixThenFrontMatterThenName() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/zeta.md", "# Zeta\n")
        folder.write("chapters/alpha.md", "# Alpha\n")
        folder.write("chapters/late.md", "---\norder: 5\n---\n# Late\n")
        folder.write("chapters/early.md", "---\norder: 1\n---\n# Early\n")
        folder.write("chapters/03-third.md", "# Third\n")
        let result = build(folder)
        #expect(!result.diagnostics.containsErrors)
        let generated: Set<String> = ["index.html", "print.html", "search.html"]
        #expect(result.files.map(\.path).filter { !generated.contains($0) && !$0.hasPrefix("assets/") }
                == ["early.html", "third.html", "late.html", "alpha.html", "zeta.html"])
        let home = page(result, "index.html")
        #expect(home.contains("<title>Course</title>"), "no index.md: a default title")
        #expect(home.contains("<section class=\"chapter-list\" aria-labelledby=\"chapters-heading\">"), "and a list of chapters")
        #expect(home.contains("<li><a href=\"early.html\">Early</a></li>\n<li><a href=\"third.html\">Third</a></li>"))
    }

    @Test func draftsAreLeftOutUnlessAsked() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n")
        folder.write("chapters/02-b.md", "---\ndraft: true\n---\n# B\n")
        #expect(!build(folder).files.map(\.path).contains("b.html"))
        var options = testOptions()
        options.includeDrafts = true
        let withDrafts = SiteBuilder(chaptersFolder: folder.path + "/chapters", options: options).build()
        #expect(withDrafts.files.map(\.path).contains("b.html"))
    }

    @Test func linksBetweenChaptersAreRewrittenAndFilesCopied() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\nSee [b](02-b.md#part-two), [top](#a-section), [web](https://example.org) and ![plot](img/p.svg).\n\n## A section\n")
        folder.write("chapters/02-b.md", "# B\n\n## Part two\n")
        folder.write("chapters/img/p.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        folder.write("chapters/img/unused.png", "x")
        let result = build(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        let a = page(result, "a.html")
        #expect(a.contains("<a href=\"b.html#part-two\">b</a>"))
        #expect(a.contains("<a href=\"#a-section\">top</a>"))
        #expect(a.contains("<a href=\"https://example.org\">web</a>"))
        #expect(a.contains("<img src=\"img/p.svg\" alt=\"plot\">"))
        #expect(result.files.map(\.path).contains("img/p.svg"))
        #expect(!result.files.map(\.path).contains("img/unused.png"), "only linked files are copied")
    }

    @Test func directiveSeamGetsBodyAndExactPositions() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\nText.\n\n  ```echo\n  fine\n  all fine\n  ```\n\n```swift\nlet x = 1\n```\n")
        let result = build(folder)
        let a = page(result, "a.html")
        #expect(a.contains("<div class=\"echo\" id=\"d1-echo\">14 chars at \(folder.path)/chapters/01-a.md:5:3</div>"))
        #expect(a.contains("<pre tabindex=\"0\"><code class=\"language-swift\"><span class=\"hl-keyword\">let x = 1\n</span></code></pre>"))
        // The handler's diagnostics land at the file position of the text inside the fence.
        folder.write("chapters/01-a.md", "# A\n\nText.\n\n  ```echo\n  fine\n  not! fine\n  ```\n")
        let failed = build(folder)
        #expect(failed.diagnostics.map(\.description) == ["\(folder.path)/chapters/01-a.md:7:6: error: bang"])
        #expect(failed.files.isEmpty)
    }

    @Test func mathGoesThroughTheRendererAndItsErrorsArePositioned() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\nInline $a_1$ and\n\n$$\n\\frac{1}{2}\n$$\n\nthen $x + \\bad$ here.\n")
        let result = build(folder)
        #expect(result.diagnostics.map(\.description) == ["\(folder.path)/chapters/01-a.md:9:11: error: unknown command '\\bad'"])
        let folder2 = TemporaryFolder()
        defer { folder2.remove() }
        folder2.write("chapters/01-a.md", "# A\n\nInline $a_1$ and\n\n$$\n\\frac{1}{2}\n$$\n")
        let ok = build(folder2)
        let a = page(ok, "a.html")
        #expect(a.contains("Inline <math><mi>a_1</mi></math> and"))
        #expect(a.contains("<div class=\"display-math\" tabindex=\"0\"><math display=\"block\"><mi>\\frac{1}{2}</mi></math></div>"))
    }

    @Test func rawHTMLIsEscapedWithAWarningUnlessAllowed() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\n<script>alert(1)</script>\n")
        let result = build(folder)
        #expect(!result.diagnostics.containsErrors)
        #expect(result.diagnostics.map(\.message) == ["raw HTML is shown as text, not emitted"])
        #expect(!page(result, "a.html").contains("<script>"))
    }

    @Test func themeFilesOverrideTheBundledOnes() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n")
        folder.write("chapters/theme/style.css", "body { color: red; }\n")
        folder.write("chapters/theme/pager.mustache", "<p class=\"my-pager\">{{#next}}{{title}}{{/next}}</p>\n")
        let result = build(folder)
        #expect(page(result, "assets/style.css") == "body { color: red; }\n")
        #expect(page(result, "a.html").contains("<p class=\"my-pager\"></p>"))
        folder.write("chapters/theme/page.mustache", "{{#broken}}\n")
        let broken = build(folder)
        #expect(broken.diagnostics.containsErrors)
        #expect(broken.diagnostics.first?.message.hasPrefix("template 'page.mustache' does not parse") == true)
    }

    @Test func twoBuildsAreByteIdentical() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for i in 1...12 {
            folder.write("chapters/\(i < 10 ? "0" : "")\(i)-c\(i).md", "# C\(i)\n\n## One\n\n## Two\n\nSee [next](\(i < 10 ? "0" : "")\(i)-c\(i).md#two) and $x^\(i)$.[^n]\n\n[^n]: Note \(i).\n")
        }
        let first = build(folder).files.map { "\($0.path)\n" + String(decoding: $0.bytes, as: UTF8.self) }
        let second = build(folder).files.map { "\($0.path)\n" + String(decoding: $0.bytes, as: UTF8.self) }
        #expect(first == second)
        #expect(first.count == 18)
    }
}
