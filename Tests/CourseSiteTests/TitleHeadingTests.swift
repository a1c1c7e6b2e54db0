import CourseDiagnostics
@testable import CourseSite
import CourseTestSupport
import Testing

/// A page has one `<h1>`, its title, and every heading the author wrote stays on it: a
/// front-matter `title` leaves the body's `#` headings in place, one level down.
@Suite struct TitleHeadingTests {
    static func build(_ chapter: String) -> (page: String, body: String, diagnostics: [Diagnostic]) {
        let folder = TemporaryFolder("title-heading")
        defer { folder.remove() }
        folder.write("chapters/01-adam.md", chapter)
        let result = SiteBuilder(chaptersFolder: folder.path + "/chapters", options: testOptions()).build()
        let html = page(result, "adam.html")
        let body = html.components(separatedBy: "<h1 id=\"top\">").last ?? ""
        return (html, body, result.diagnostics)
    }

    static func count(_ part: String, in text: String) -> Int { text.components(separatedBy: part).count - 1 }

    @Test func aFrontMatterTitleKeepsTheBodysFirstHeading() {
        let (html, body, diagnostics) = Self.build("---\ntitle: Adam\n---\n# Adam in practice\n\nText.\n\n## Defaults\n\nMore.\n")
        #expect(!diagnostics.containsErrors, "\(diagnostics)")
        #expect(Self.count("<h1", in: html) == 1)
        #expect(html.contains("<h1 id=\"top\">Adam</h1>") || html.contains(">Adam</h1>"))
        // The author's heading, its id and its place in the contents stay; its section below moves with it.
        #expect(body.contains("<h2 id=\"adam-in-practice\">Adam in practice <a class=\"self-link\""))
        #expect(body.contains("<h3 id=\"defaults\">Defaults <a class=\"self-link\""))
        #expect(html.contains("href=\"#adam-in-practice\""))
    }

    @Test func aHeadingThatRepeatsTheTitleIsTheTitle() {
        let (html, body, _) = Self.build("---\ntitle: Adam\n---\n# Adam\n\nText.\n\n## Defaults\n")
        #expect(Self.count("<h1", in: html) == 1)
        #expect(!body.contains(">Adam <a class=\"self-link\""))
        #expect(body.contains("<h2 id=\"defaults\">"))
    }

    @Test func aSecondLevelOneHeadingMovesTheBodyDown() {
        let (html, body, _) = Self.build("# Adam\n\nText.\n\n# Practice\n\n## Defaults\n\n###### Deepest\n")
        #expect(Self.count("<h1", in: html) == 1)
        #expect(html.contains(">Adam</h1>"))
        #expect(body.contains("<h2 id=\"practice\">") && body.contains("<h3 id=\"defaults\">") && body.contains("<h6 id=\"deepest\">"))
    }

    @Test func aBodyWithoutLevelOneHeadingsKeepsItsLevels() {
        let (_, body, _) = Self.build("---\ntitle: Adam\n---\nText.\n\n## Defaults\n\n> # Quoted\n")
        // A `#` inside a quote is a level-one heading too: everything moves down.
        #expect(body.contains("<h3 id=\"defaults\">") && body.contains("<h2 id=\"quoted\">"))
        let (_, plain, _) = Self.build("---\ntitle: Adam\n---\nText.\n\n## Defaults\n")
        #expect(plain.contains("<h2 id=\"defaults\">"))
    }
}
