@testable import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// The sidebar lists every chapter on every page: templated per page, a course's build
/// grows with chapters² (issue 16). The bundled sidebar is templated a few times per build
/// (``SidebarSkeleton``); these tests hold its output to the per-page templating's, byte for byte.
@Suite struct SidebarSkeletonTests {
    /// A course of `count` chapters; with `parts`, in two part folders after a preface, and with
    /// `citing`, a bibliography cited by one chapter, so that `references.html` is in the sidebar.
    private func course(_ count: Int, parts: Bool = false, citing: Bool = false, index: Bool = true) -> TemporaryFolder {
        let folder = TemporaryFolder()
        if index { folder.write("chapters/index.md", "---\ntitle: Optimizers\n---\nStart [here](00-preface.md).\n") }
        folder.write("chapters/00-preface.md", "# Preface & <plan>\n\nWith $x^2$ in the title's page.\n")
        if citing {
            folder.write("chapters/references.bib", "@book{polyak1987, author = {Polyak, Boris T.}, title = {Introduction to Optimization}, publisher = {Optimization Software}, year = {1987}}\n")
        }
        for i in 1...count {
            let folderName = parts ? (i <= count / 2 ? "01-foundations/" : "02-adaptive/") : ""
            let cite = citing && i == 1 ? " As [@polyak1987] shows." : ""
            folder.write("chapters/\(folderName)\(String(format: "%02d", i))-step-\(i).md",
                         "# Step $\\eta_{\(i)}$ *\(i)*\n\nProse of step \(i).\(cite)\n\n## Details\n\nMore.\n")
        }
        if parts { folder.write("chapters/01-foundations/index.md", "---\ntitle: \"Part I: Foundations\"\n---\n") }
        return folder
    }

    private func build(_ folder: TemporaryFolder) -> SiteBuilder.Result {
        let chapters = folder.path + "/chapters"
        return SiteBuilder(chaptersFolder: chapters, options: StandardBuild.options(chaptersFolder: chapters, useCache: false)).build()
    }

    private func pages(_ result: SiteBuilder.Result) -> [String: String] {
        Dictionary(uniqueKeysWithValues: result.files.filter { $0.path.hasSuffix(".html") }.map {
            ($0.path, String(decoding: $0.bytes, as: UTF8.self))
        })
    }

    /// Every page as the per-page templating writes it: the bundled sidebar given as a theme's
    /// file is templated with each page, as any theme's sidebar is.
    @Test(arguments: [(false, false, true), (true, false, true), (false, true, true), (true, true, false)])
    func pagesAreThoseOfPerPageTemplating(parts: Bool, citing: Bool, index: Bool) {
        let folder = course(7, parts: parts, citing: citing, index: index)
        defer { folder.remove() }
        let shared = build(folder)
        #expect(!shared.diagnostics.containsErrors, "\(shared.diagnostics)")
        folder.write("chapters/theme/sidebar.mustache", BundledTemplates.sidebar)
        let perPage = build(folder)
        #expect(!perPage.diagnostics.containsErrors, "\(perPage.diagnostics)")
        #expect(shared.sidebarTemplateRenders <= 5)
        #expect(perPage.sidebarTemplateRenders == pages(perPage).count - 1, "every page but print.html has the sidebar")
        #expect(pages(shared).count == (citing ? 12 : 11))
        for (path, html) in pages(shared) {
            #expect(html == pages(perPage)[path], "\(path)")
        }
        let marked = pages(shared).values.filter { $0.contains("aria-current=\"page\"><span class=\"number\">") }
        #expect(marked.count == 8, "each chapter's page, and only those, marks its own entry")
    }

    /// The sidebar's templating does not grow with the course: the same few renders for 3 chapters as for 60.
    @Test func sidebarIsTemplatedAFewTimesPerBuildWhateverTheChapters() {
        var renders: [Int] = []
        for count in [3, 60] {
            let folder = course(count, parts: true, citing: true)
            defer { folder.remove() }
            let result = build(folder)
            #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
            #expect(pages(result).count == count + 5)
            renders.append(result.sidebarTemplateRenders)
        }
        #expect(renders[0] == renders[1])
        #expect(renders[0] > 0 && renders[0] <= 5, "\(renders)")
    }

    /// A theme's own sidebar may depend on anything of the page, so it is templated with each page.
    @Test func themeSidebarIsTemplatedPerPage() {
        let folder = course(3)
        defer { folder.remove() }
        folder.write("chapters/theme/sidebar.mustache", "<nav class=\"sidebar\">{{pageTitle}}{{#chapters}}<a href=\"{{href}}\"{{#current}} class=\"here\"{{/current}}>{{number}}</a>{{/chapters}}</nav>\n")
        let result = build(folder)
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        #expect(result.sidebarTemplateRenders == pages(result).count - 1)
        #expect(pages(result)["step-2.html"]?.contains("<nav class=\"sidebar\">Step") == true)
        #expect(pages(result)["step-2.html"]?.contains("<a href=\"step-2.html\" class=\"here\">3</a>") == true)
    }
}
