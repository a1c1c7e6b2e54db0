import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// `print.html`: the whole course in one document, each chapter's ids kept apart by its
/// prefix, links between chapters kept inside the document, chapters in order, no script.
@Suite struct PrintPageTests {
    /// A course whose chapters define the same ids on their own pages: the same heading
    /// (`exercises`), the first exercise (`exercise-1`), footnote 1, and an experiment whose
    /// figures define `xd1-…` ids, SVG `<defs>` used through `url(#…)` and `aria-labelledby`.
    static func course() -> TemporaryFolder {
        let folder = TemporaryFolder("print-course")
        let experiment = """
            ```experiment
            Experiment("Bowl") {
                Objective(.bowl)
                Start(-7, 2)
                Steps(3)
                SGD(lr: 0.95)
            }
            ```
            """
        folder.write("chapters/index.md", "---\ntitle: Optimizers\nauthor: A. Author\ndescription: Notes on descent.\n---\n# Optimizers\n\nStart with [the preface](00-preface.md).\n")
        folder.write("chapters/00-preface.md", """
            # Preface

            Read [Nesterov](01-foundations/02-momentum.md#nesterov), [momentum](01-foundations/02-momentum.md),
            [the home page](index.md), [this page's top](#top) and [PyTorch](https://pytorch.org/).[^1]

            [^1]: A note.

            ## Exercises

            > [!EXERCISE] Try {#ex-try}
            > Try it.

            > [!SOLUTION]
            > It works.

            """)
        folder.write("chapters/01-foundations/index.md", "---\ntitle: \"Part I: Foundations\"\n---\n")
        folder.write("chapters/01-foundations/01-gradient-descent.md", """
            # Gradient descent

            Back to [the preface's exercise](../00-preface.md#ex-try) and [our exercises](#exercises).[^1]

            [^1]: Another note.

            \(experiment)

            ## Exercises

            > [!EXERCISE]
            > Change the step.

            """)
        folder.write("chapters/01-foundations/02-momentum.md", """
            # Momentum

            \(experiment)

            ## Nesterov

            See [exercise 2.1](01-gradient-descent.md#exercise-1).[^1]

            [^1]: A third note.

            ## Exercises

            > [!EXERCISE]
            > Brake.

            """)
        return folder
    }

    static func buildCourse(_ folder: TemporaryFolder) -> SiteBuilder.Result {
        let chapters = folder.path + "/chapters"
        return SiteBuilder(chaptersFolder: chapters, options: StandardBuild.options(chaptersFolder: chapters, useCache: false)).build()
    }

    /// Every attribute value of `name` in `html` (values are written in double quotes).
    static func attributes(_ name: String, in html: String) -> [String] {
        html.ranges(of: " \(name)=\"").map { range in
            let rest = html[range.upperBound...]
            return String(rest[..<rest.firstIndex(of: "\"")!])
        }
    }

    @Test func idsAreUniqueAndEveryReferenceFindsItsTarget() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let result = Self.buildCourse(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        // On their own pages the chapters share these ids: the document must not.
        let descent = page(result, "gradient-descent.html"), momentum = page(result, "momentum.html")
        for shared in ["id=\"exercises\"", "id=\"exercise-1\"", "id=\"fn-1\"", "id=\"xd1-p-title\""] {
            #expect(descent.contains(shared) && momentum.contains(shared), "\(shared)")
        }
        let print = page(result, "print.html")
        let ids = Self.attributes("id", in: print)
        #expect(ids.count > 30)
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "ids defined more than once: \(repeated)")
        // Every same-document reference, in every attribute that makes one, names an id of the document.
        let defined = Set(ids)
        var references = Self.attributes("href", in: print).filter { $0.hasPrefix("#") }.map { String($0.dropFirst()) }
        for name in ["aria-labelledby", "aria-describedby", "headers", "for"] {
            references += Self.attributes(name, in: print).flatMap { $0.split(separator: " ").map(String.init) }
        }
        references += print.ranges(of: "url(#").map { range in
            let rest = print[range.upperBound...]
            return String(rest[..<rest.firstIndex(of: ")")!])
        }
        #expect(references.count > 30)
        #expect(references.filter { !defined.contains($0) }.isEmpty, "\(references.filter { !defined.contains($0) })")
        #expect(print.contains("<figure") && print.contains("<svg") && print.contains("<math"), "figures and math as on the pages")
    }

    @Test func linksBetweenChaptersStayInTheDocument() {
        let folder = Self.course()
        defer { folder.remove() }
        let print = page(Self.buildCourse(folder), "print.html")
        #expect(print.contains("<a href=\"#c3-nesterov\">Nesterov</a>"))
        #expect(print.contains("<a href=\"#c3-top\">momentum</a>"))
        #expect(print.contains("<a href=\"#top\">the home page</a>"))
        #expect(print.contains("<a href=\"#c1-top\">this page's top</a>"))
        #expect(print.contains("<a href=\"#c1-ex-try\">the preface's exercise</a>"))
        #expect(print.contains("<a href=\"#c2-exercises\">our exercises</a>"))
        #expect(print.contains("<a href=\"#c2-exercise-1\">exercise 2.1</a>"))
        #expect(print.contains("<a href=\"https://pytorch.org/\">PyTorch</a>"))
        // No link leads to another page of the site, but the one back to the course on screen.
        let pageLinks = Self.attributes("href", in: print).filter { !$0.hasPrefix("#") && !$0.hasPrefix("https:") }
        #expect(pageLinks == ["assets/style.css", "index.html"])
    }

    @Test func chaptersComeInOrderUnderTheirPartsAfterTheContents() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let result = Self.buildCourse(folder)
        #expect(result.files.map(\.path).contains("print.html"))
        let print = page(result, "print.html")
        let marks = ["<h1 id=\"top\">Optimizers</h1>", "<p class=\"byline\">A. Author</p>", "<nav class=\"print-toc\"",
                     "<a href=\"#c1-top\">Preface</a>", "<a href=\"#c1-exercises\">Exercises</a>",
                     "<p class=\"part-title\"><a href=\"#part-1\">Part I: Foundations</a></p>\n<ol start=\"2\">",
                     "<a href=\"#c2-top\">Gradient descent</a>", "<a href=\"#c3-top\">Momentum</a>", "<a href=\"#c3-nesterov\">Nesterov</a>",
                     "</nav>",
                     "<article class=\"print-chapter\" aria-labelledby=\"c1-top\">", "<p class=\"chapter-number\">Chapter 1</p>\n<h1 id=\"c1-top\">Preface</h1>",
                     "<h1 id=\"part-1\" class=\"part-title\">Part I: Foundations</h1>",
                     "<h1 id=\"c2-top\">Gradient descent</h1>", "<h1 id=\"c3-top\">Momentum</h1>"]
        var from = print.startIndex
        for mark in marks {
            let found = try #require(print.range(of: mark, range: from..<print.endIndex), "\(mark) missing or out of order")
            from = found.upperBound
        }
        // The solution is printed open after its exercise; the home page's own text is not in the document.
        #expect(print.contains("<details class=\"solution\" open><summary>Solution</summary>\n<p>It works.</p>"))
        #expect(!print.contains("Start with"))
        // A document to read and print: no sidebar, no pager, no script.
        #expect(!print.contains("class=\"sidebar\"") && !print.contains("class=\"pager\""))
        #expect(!print.lowercased().contains("<script"))
        // Every page links it, in the footer.
        for path in ["index.html", "preface.html", "momentum.html"] {
            #expect(page(result, path).contains("<p><a href=\"print.html\">Print / PDF</a></p>\n</footer>"), "\(path)")
        }
    }

    @Test func pagesOnTheirOwnKeepTheirIDsAndLinks() {
        let folder = Self.course()
        defer { folder.remove() }
        let result = Self.buildCourse(folder)
        let preface = page(result, "preface.html")
        #expect(preface.contains("<a href=\"momentum.html#nesterov\">Nesterov</a>"))
        #expect(preface.contains("<a href=\"#top\">this page's top</a>"))
        #expect(preface.contains("<details class=\"solution\"><summary>"), "closed on the chapter's page")
        #expect(preface.contains("<div class=\"callout callout-exercise\" id=\"ex-try\">"))
    }

    @Test func aThemesPrintTemplateMayNotAddScript() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n")
        folder.write("chapters/theme/print.mustache", "<html><body>{{{body}}}<script>alert(1)</script></body></html>\n")
        let result = build(folder)
        let messages = result.diagnostics.filter { $0.severity == .error }.map(\.description)
        #expect(messages.contains { $0.contains("print.mustache:1:") && $0.contains("would put") }, "\(messages)")
    }
}
