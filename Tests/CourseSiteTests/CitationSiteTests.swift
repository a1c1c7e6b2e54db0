import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// Citations across a course: author–year in the prose, a reference list per chapter (under the
/// author's `## References` or appended), `references.html` with back-links, the formula tables'
/// papers matched to the course's entries, and every bad key or entry reported at its place.
@Suite struct CitationSiteTests {
    static let bib = """
        % The course's works.
        @string{iclr = {International Conference on Learning Representations}}
        @inproceedings{kingma2015,
          author = {Kingma, Diederik P. and Ba, Jimmy},
          title = {Adam: A Method for Stochastic Optimization},
          booktitle = iclr, year = 2015,
          eprint = {1412.6980}, archiveprefix = {arXiv},
        }
        @article{polyak1964,
          author = {Polyak, Boris T.},
          title = {Some methods of speeding up the convergence of iteration methods},
          journal = {USSR Computational Mathematics and Mathematical Physics},
          volume = {4}, number = {5}, pages = {1--17}, year = {1964},
          doi = {10.1016/0041-5553(64)90137-5},
        }
        @misc{liu2020variance, author = {Liu, L. and Jiang, H. and He, P.}, title = {On the Variance}, year = {2020}}
        @misc{liu2020another, author = {Liu, L. and Zhang, Q. and Wu, W.}, title = {Another Work}, year = {2020}}
        @book{godel1986, author = {G{\\"o}del, Kurt and {Institute for Advanced Study}}, title = {Collected Works}, publisher = {Oxford}, year = {1986}}

        """

    static let first = """
        # First

        Adam [@kingma2015] and momentum [see @polyak1964, p. 3; @kingma2015].
        @kingma2015 showed it; mail a@b.org; [-@polyak1964]; two works [@liu2020variance; @liu2020another].
        In code `[@nokey]` nothing happens.

        ## References

        ## Exercises

        Cite [@godel1986].

        """

    static let second = """
        # Second

        Narrative @polyak1964 only.

        """

    private func course(bib: String? = bib, first: String = first, second: String = second) -> TemporaryFolder {
        let folder = TemporaryFolder()
        if let bib { folder.write("chapters/references.bib", bib) }
        folder.write("chapters/01-first.md", first)
        folder.write("chapters/02-second.md", second)
        return folder
    }

    private func messages(_ result: SiteBuilder.Result, _ folder: TemporaryFolder) -> [String] {
        result.diagnostics.map { $0.description.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    @Test func chaptersAndTheCoursePageMatchGolden() throws {
        let folder = course()
        defer { folder.remove() }
        let result = build(folder)
        #expect(messages(result, folder).isEmpty)
        try GoldenFile.check(Self.main(page(result, "first.html")), named: "citations/first.html")
        try GoldenFile.check(Self.main(page(result, "second.html")), named: "citations/second.html")
        try GoldenFile.check(Self.main(page(result, "references.html")), named: "citations/references.html")
    }

    @Test func authorYearFormsAndLists() {
        let folder = course()
        defer { folder.remove() }
        let result = build(folder)
        let one = page(result, "first.html")
        #expect(one.contains("Adam <span class=\"citation\">(<a href=\"#ref-kingma2015\">Kingma and Ba 2015</a>)</span>"))
        #expect(one.contains("(see <a href=\"#ref-polyak1964\">Polyak 1964, p. 3</a>; <a href=\"#ref-kingma2015\">Kingma and Ba 2015</a>)"))
        #expect(one.contains("<a href=\"#ref-kingma2015\">Kingma and Ba (2015)</a>"))
        #expect(one.contains("<a href=\"#ref-polyak1964\">1964</a>"))
        #expect(one.contains("<a href=\"#ref-liu2020variance\">Liu et al. 2020a</a>; <a href=\"#ref-liu2020another\">Liu et al. 2020b</a>"))
        #expect(one.contains("<a href=\"mailto:a@b.org\">a@b.org</a>"))
        #expect(one.contains("<code>[@nokey]</code>"))
        // The list sits under the author's empty References heading, before the next section.
        let list = one.range(of: "<ul class=\"references\">")!.lowerBound
        #expect(one.range(of: "<h2 id=\"references\">")!.lowerBound < list)
        #expect(list < one.range(of: "<h2 id=\"exercises\">")!.lowerBound)
        #expect(one.contains("<li id=\"ref-godel1986\">Gödel, Kurt and Institute for Advanced Study. 1986. <cite>Collected Works</cite>. Oxford.</li>"))
        #expect(one.contains("<li id=\"ref-polyak1964\">Polyak, Boris T. 1964. “Some methods of speeding up the convergence of iteration methods.” <i>USSR Computational Mathematics and Mathematical Physics</i> 4(5): 1–17. <a href=\"https://doi.org/10.1016/0041-5553(64)90137-5\">"))
        // Without a heading, the chapter gets a References section of its own, in its contents too.
        let two = page(result, "second.html")
        #expect(two.contains("<section class=\"references\" aria-labelledby=\"references\">\n<h2 id=\"references\">References"))
        #expect(!two.contains("ref-kingma2015"))
        // The course page lists every cited work once, with the chapters that cite it.
        let all = page(result, "references.html")
        #expect(all.contains("<a href=\"first.html#ref-polyak1964\">Chapter 1: First</a> and <a href=\"second.html#ref-polyak1964\">Chapter 2: Second</a>"))
        #expect(one.contains("<p class=\"sidebar-extra\"><a href=\"references.html\">References</a></p>"))
        #expect(all.contains("<a href=\"references.html\" aria-current=\"page\">References</a>"))
    }

    @Test func aCourseWithoutReferencesWorksAsBefore() {
        let folder = course(bib: nil, first: "# First\n\nMail @someone, a@b.org.\n", second: "# Second\n")
        defer { folder.remove() }
        let result = build(folder)
        #expect(result.diagnostics.isEmpty)
        #expect(page(result, "first.html").contains("<p>Mail @someone, <a href=\"mailto:a@b.org\">a@b.org</a>.</p>"))
        #expect(!result.files.contains { $0.path == "references.html" })
        #expect(!page(result, "first.html").contains("sidebar-extra"))
    }

    @Test func aMethodsPaperCitesTheCoursesEntry() {
        let formulas = "# First\n\n```experiment\nFormulas(.adam, .momentum, .rmsprop)\n```\n"
        let folder = course(first: formulas, second: "# Second\n\nSee [@liu2020variance; @liu2020another; @godel1986].\n")
        defer { folder.remove() }
        let result = StandardBuildSupport.build(folder)
        #expect(messages(result, folder).isEmpty)
        let one = page(result, "first.html")
        // Adam by its arXiv identifier, Momentum by its DOI; RMSProp has no entry and keeps the catalog's text.
        #expect(one.contains("<small><a href=\"#ref-kingma2015\">Kingma and Ba 2015</a></small>"))
        #expect(one.contains("<small><a href=\"#ref-polyak1964\">Polyak 1964</a></small>"))
        #expect(one.contains("<small>Tieleman &amp; Hinton 2012</small>"))
        #expect(one.contains("<li id=\"ref-kingma2015\">"))
        #expect(one.contains("<li id=\"ref-polyak1964\">"))
    }

    @Test func anUnknownKeyIsAnErrorAtItsPlaceWithTheClosestKey() {
        let marked = MarkedText("# First\n\nAdam [see 1️⃣@kingma2105].\n")
        let folder = course(first: marked.text, second: "# Second\n\n[@polyak1964; @liu2020variance; @liu2020another; @godel1986]\n")
        defer { folder.remove() }
        let result = build(folder)
        let error = result.diagnostics.first { $0.severity == .error }
        #expect(messages(result, folder).filter { $0.contains("error") } == ["chapters/01-first.md:\(marked["1️⃣"].line):\(marked["1️⃣"].column): error: unknown citation key 'kingma2105'"])
        #expect(error?.hint?.hasPrefix("did you mean '@kingma2015'?") == true)
    }

    @Test func aCitationWithoutReferencesBibIsAnError() {
        let marked = MarkedText("# First\n\nAdam 1️⃣[@kingma2015].\n")
        let folder = course(bib: nil, first: marked.text)
        defer { folder.remove() }
        let result = build(folder)
        #expect(messages(result, folder) == ["chapters/01-first.md:3:\(marked["1️⃣"].column + 1): error: citation '@kingma2015' but the course has no references.bib"])
    }

    @Test func anUnusedEntryIsAWarningThatDoesNotFailTheBuild() {
        let folder = course(first: "# First\n\n[@kingma2015; @liu2020variance; @liu2020another; @godel1986]\n", second: "# Second\n")
        defer { folder.remove() }
        let result = build(folder)
        #expect(messages(result, folder) == ["chapters/references.bib:9:10: warning: 'polyak1964' is cited nowhere in the course"])
        #expect(result.files.contains { $0.path == "first.html" })
    }

    @Test(arguments: [
        ("@article{x, author = {A, B}, title = {T}, year = {2000}}\n", "chapters/references.bib:1:10: error: @article{x} has no 'journal'"),
        ("@misc{gödel, title = {T}}\n", "chapters/references.bib:1:7: error: key 'gödel' cannot be cited"),
        ("@misc{x, title = {T}}\n@misc{x, title = {U}}\n", "chapters/references.bib:2:7: error: duplicate key 'x'"),
        ("@artcle{x, title = {T}}\n", "chapters/references.bib:1:1: error: unknown entry type '@artcle'"),
        ("@misc{x, title = {T}\n", "chapters/references.bib:1:1: error: unterminated entry '@misc{x'"),
    ])
    func aBadEntryFailsTheBuildAtItsPlace(_ bib: String, _ message: String) {
        let folder = course(bib: bib, first: "# First\n", second: "# Second\n")
        defer { folder.remove() }
        let result = build(folder)
        #expect(messages(result, folder).filter { $0.contains("error") } == [message])
        #expect(result.files.isEmpty)
    }

    /// The page's `<main>`, where citations and lists are; the chrome has goldens of its own.
    static func main(_ html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>") else { return html }
        return String(html[start.lowerBound..<end.upperBound]) + "\n"
    }
}

/// A build with the real `experiment` directive, for formula tables.
enum StandardBuildSupport {
    static func build(_ folder: TemporaryFolder) -> SiteBuilder.Result {
        let chapters = folder.path + "/chapters"
        return SiteBuilder(chaptersFolder: chapters, options: StandardBuild.options(chaptersFolder: chapters, useCache: false)).build()
    }
}
