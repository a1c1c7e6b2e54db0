import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// Chapters in numbered sub-folders (parts) and `slug:` (issue 15, item 6).
@Suite struct PartsAndSlugsTests {
    /// Errors as `path:line:col: message`, paths relative to the test folder.
    private func errors(_ result: SiteBuilder.Result, _ folder: TemporaryFolder) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map { d in
            let location = d.location.map { "\($0): ".replacingOccurrences(of: folder.path + "/", with: "") } ?? ""
            return location + d.message
        }
    }

    /// Two parts, one titled by its `index.md`, the other by its folder's name, and a preface chapter.
    private func course() -> TemporaryFolder {
        let folder = TemporaryFolder()
        folder.write("chapters/index.md", "---\ntitle: Optimizers\n---\nStart with [the preface](00-preface.md) or [Adam](02-adaptive-methods/02-adam.md#bias-correction).\n")
        folder.write("chapters/00-preface.md", "# Preface\n")
        folder.write("chapters/01-foundations/index.md", "---\ntitle: \"Part I: Foundations\"\n---\n")
        folder.write("chapters/01-foundations/01-gradient-descent.md",
                     "# Gradient descent\n\nNext: [momentum](02-momentum.md), then [Adam](../02-adaptive-methods/02-adam.md#bias-correction). ![bowl](img/bowl.svg)\n")
        folder.write("chapters/01-foundations/02-momentum.md", "# Momentum\n")
        folder.write("chapters/01-foundations/img/bowl.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>")
        folder.write("chapters/02-adaptive-methods/01-adagrad.md", "# AdaGrad\n\nBack to [descent](../01-foundations/01-gradient-descent.md).\n")
        folder.write("chapters/02-adaptive-methods/02-adam.md", "---\nslug: adam-optimizer\n---\n# Adam\n\n## Bias correction\n")
        return folder
    }

    @Test func partsFromFoldersKeepPagesFlatAndNumbersRunOn() {
        let folder = course()
        defer { folder.remove() }
        let result = build(folder)
        #expect(errors(result, folder) == [], "\(result.diagnostics)")
        #expect(result.files.map(\.path) == ["index.html", "preface.html", "gradient-descent.html", "momentum.html",
                                              "adagrad.html", "adam-optimizer.html", "print.html", "search.html", "assets/style.css",
                                              "assets/search-index.js", "assets/search.js", "01-foundations/img/bowl.svg"])
        #expect(page(result, "adagrad.html").contains("<p class=\"chapter-number\">Chapter 4</p>"))
        #expect(page(result, "adam-optimizer.html").contains("<p class=\"chapter-number\">Chapter 5</p>"))
    }

    @Test func sidebarGroupsChaptersUnderPartTitles() {
        let folder = course()
        defer { folder.remove() }
        let sidebar = page(build(folder), "momentum.html")
        #expect(sidebar.contains("""
            <ol class="chapters" start="1">
            <li><a href="preface.html"><span class="number">1</span> <span>Preface</span></a></li>
            </ol>
            <p class="part-title">Part I: Foundations</p>
            <ol class="chapters" start="2">
            <li><a href="gradient-descent.html"><span class="number">2</span> <span>Gradient descent</span></a></li>
            <li><a href="momentum.html" aria-current="page"><span class="number">3</span> <span>Momentum</span></a></li>
            </ol>
            <p class="part-title">Adaptive methods</p>
            <ol class="chapters" start="4">
            """), "the preface has no part title; the second part is titled from its folder")
    }

    @Test(arguments: [("02-adaptive-methods", "Adaptive methods"), ("3_deep_learning", "Deep learning"), ("10-x", "X")])
    func partTitleFromFolderName(_ name: String, _ title: String) {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/\(name)/01-a.md", "# A\n")
        #expect(page(build(folder), "a.html").contains("<p class=\"part-title\">\(title)</p>"))
    }

    @Test func homePageListsChaptersByPartWithoutIndex() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-basics/01-a.md", "# A\n")
        folder.write("chapters/02-more/01-b.md", "# B\n")
        let home = page(build(folder), "index.html")
        #expect(home.contains("<h3 class=\"part-title\">Basics</h3>\n<ol start=\"1\">\n<li><a href=\"a.html\">A</a></li>"))
        #expect(home.contains("<h3 class=\"part-title\">More</h3>\n<ol start=\"2\">\n<li><a href=\"b.html\">B</a></li>"))
    }

    @Test func pagerCrossesParts() {
        let folder = course()
        defer { folder.remove() }
        let momentum = page(build(folder), "momentum.html")
        #expect(momentum.contains("<a class=\"pager-previous\" href=\"gradient-descent.html\" rel=\"prev\">"))
        #expect(momentum.contains("<a class=\"pager-next\" href=\"adagrad.html\" rel=\"next\">"))
    }

    @Test func linksAreRelativeToTheChaptersFileAndRewrittenToFlatPages() {
        let folder = course()
        defer { folder.remove() }
        let result = build(folder)
        let descent = page(result, "gradient-descent.html")
        #expect(descent.contains("<a href=\"momentum.html\">momentum</a>"))
        #expect(descent.contains("<a href=\"adam-optimizer.html#bias-correction\">Adam</a>"))
        #expect(descent.contains("<img src=\"01-foundations/img/bowl.svg\" alt=\"bowl\">"), "the page sits at the top")
        #expect(page(result, "adagrad.html").contains("<a href=\"gradient-descent.html\">descent</a>"))
        #expect(page(result, "index.html").contains("<a href=\"adam-optimizer.html#bias-correction\">Adam</a>"))
    }

    @Test func brokenCrossPartLinkSuggestsTheRelativePath() {
        let folder = course()
        defer { folder.remove() }
        folder.write("chapters/02-adaptive-methods/03-rmsprop.md", "# RMSprop\n\nSee [it](../01-foundations/02-momentom.md) and [there](../01-foundations/02-momentum.md#nope).\n")
        #expect(errors(build(folder), folder) == [
            "chapters/02-adaptive-methods/03-rmsprop.md:3:5: link to a missing chapter '../01-foundations/02-momentom.md'; did you mean '../01-foundations/02-momentum.md'?",
            "chapters/02-adaptive-methods/03-rmsprop.md:3:48: link '../01-foundations/02-momentum.md#nope' names a missing anchor '#nope' in '01-foundations/02-momentum.md'",
        ])
    }

    @Test func slugChoosesThePageName() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "---\nslug: gd-2\n---\n# A\n\n[b](02-b.md)\n")
        folder.write("chapters/02-b.md", "# B\n\n[a](01-a.md)\n")
        let result = build(folder)
        #expect(errors(result, folder) == [])
        #expect(result.files.map(\.path).contains("gd-2.html"))
        #expect(page(result, "b.html").contains("<a href=\"gd-2.html\">a</a>"))
    }

    @Test(arguments: ["Gradient Descent", "adam_w", "\"\"", "über", "a/b"])
    func invalidSlugIsAnErrorAtItsLine(_ slug: String) {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "---\ntitle: A\nslug: \(slug)\n---\n# A\n")
        let result = build(folder)
        let shown = slug == "\"\"" ? "" : slug
        #expect(errors(result, folder) == ["chapters/01-a.md:3:7: slug '\(shown)' may hold only lowercase letters, digits and '-'"])
        #expect(result.diagnostics.first?.hint?.hasPrefix("for example 'slug: ") == true)
    }

    @Test func sameSlugTwiceNamesBothFiles() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-basics/01-intro.md", "# Intro\n")
        folder.write("chapters/02-more/01-intro.md", "# Intro again\n")
        folder.write("chapters/02-more/02-c.md", "---\nslug: intro\n---\n# C\n")
        let result = build(folder)
        #expect(errors(result, folder) == [
            "chapters/02-more/01-intro.md:1:1: chapters '01-basics/01-intro.md' and '02-more/01-intro.md' would both be written to 'intro.html'",
            "chapters/02-more/02-c.md:2:7: chapters '01-basics/01-intro.md' and '02-more/02-c.md' would both be written to 'intro.html'",
        ])
        #expect(result.diagnostics.allSatisfy { $0.severity != .error || $0.notes.first?.location?.file.hasSuffix("01-basics/01-intro.md") == true })
    }

    @Test(arguments: ["index", "search", "print"])
    func slugOfAGeneratedPageIsAnError(_ slug: String) {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "---\nslug: \(slug)\n---\n# A\n")
        let messages = errors(build(folder), folder)
        #expect(messages.count == 1)
        #expect(messages.first?.hasPrefix("chapters/01-a.md:2:7: chapter '01-a.md' would overwrite ") == true)
        #expect(messages.first?.contains("'\(slug).html'") == true)
    }

    @Test func partFolderLinkedOutOfTheChaptersFolderIsAnError() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n")
        folder.write("outside/01-secret.md", "# Secret\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/chapters/02-elsewhere", withDestinationPath: folder.path + "/outside")
        let result = build(folder)
        #expect(errors(result, folder) == ["chapters/02-elsewhere: the part folder 'chapters/02-elsewhere' is a link that leads out of the chapters folder"
            .replacingOccurrences(of: "folder 'chapters", with: "folder '\(folder.path)/chapters")])
        #expect(!result.files.map(\.path).contains("secret.html"))
    }

    @Test func partFolderLinkedInsideTheChaptersFolderWorks() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n")
        folder.write("chapters/drafts/01-b.md", "# B\n")
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/chapters/02-more", withDestinationPath: folder.path + "/chapters/drafts")
        let result = build(folder)
        #expect(errors(result, folder) == [])
        #expect(result.files.map(\.path).contains("b.html"))
    }

    @Test func chaptersTwoFoldersDeepAreAnError() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-basics/01-a.md", "# A\n")
        folder.write("chapters/01-basics/01-deeper/01-b.md", "# B\n")
        folder.write("chapters/01-basics/img/p.svg", "<svg/>")
        let result = build(folder)
        #expect(errors(result, folder) == [
            "chapters/01-basics/01-deeper: '\(folder.path)/chapters/01-basics/01-deeper' holds chapters two folders deep; parts nest one level only",
        ])
        #expect(result.diagnostics.first?.hint?.contains("02-deeper") == true)
    }

    @Test func partIndexKnowsOnlyTitleAndShowsNoText() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-basics/index.md", "---\ntitle: Basics\nslug: basics\n---\n\nSome text.\n")
        folder.write("chapters/01-basics/01-a.md", "# A\n")
        let result = build(folder)
        let warnings = result.diagnostics.filter { $0.severity == .warning }.map { d in
            "\(d.location.map { "\($0)" } ?? ""): \(d.message)".replacingOccurrences(of: folder.path + "/", with: "")
        }
        #expect(warnings == [
            "chapters/01-basics/index.md:3:1: unknown front matter key 'slug'",
            "chapters/01-basics/index.md:6:1: a part's 'index.md' gives only its title; its text is not shown",
        ])
    }

    @Test func customSidebarThatIgnoresPartsStillListsEveryChapter() {
        let folder = course()
        defer { folder.remove() }
        folder.write("chapters/theme/sidebar.mustache", "<nav>{{#chapters}}<a href=\"{{href}}\">{{number}} {{title}} ({{partTitle}})</a>{{/chapters}}</nav>\n")
        let result = build(folder)
        #expect(errors(result, folder) == [])
        #expect(page(result, "index.html").contains(
            "<nav><a href=\"preface.html\">1 Preface ()</a><a href=\"gradient-descent.html\">2 Gradient descent (Part I: Foundations)</a>"))
    }

    @Test func draftOnlyPartIsLeftOut() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-basics/01-a.md", "# A\n")
        folder.write("chapters/02-later/01-b.md", "---\ndraft: true\n---\n# B\n")
        folder.write("chapters/03-last/01-c.md", "# C\n")
        let a = page(build(folder), "a.html")
        #expect(!a.contains("Later"))
        #expect(a.contains("<p class=\"part-title\">Last</p>"))
    }
}
