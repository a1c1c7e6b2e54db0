import CourseDiagnostics
@testable import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// Each fence is rendered once, with holes for the chapter's id prefix, and filled for its
/// chapter's page and for print.html: the pages are byte for byte those of rendering each
/// fence at each place.
@Suite struct FenceFragmentsTests {
    @Test func holesTakeThePagePrefix() {
        let fragments = FenceFragments()
        // What the experiment handler writes (letters and digits of its prefix), what a handler
        // that keeps its prefix as it is writes, a numbered figure's id and a citation's link.
        let experimentID = "x" + (fragments.idHole + "d1-").filter { $0.isLetter || $0.isNumber } + "-p-s0"
        let html = "<section id=\"\(experimentID)\"><p id=\"\(fragments.idHole)d2-echo\"></p>"
            + "<figure id=\"\(fragments.prefixHole)fig:bowl\"><a href=\"#\(fragments.prefixHole)ref-kingma2015\">"
        #expect(fragments.fill(html, prefix: "") ==
            "<section id=\"xd1-p-s0\"><p id=\"d2-echo\"></p><figure id=\"fig:bowl\"><a href=\"#ref-kingma2015\">")
        #expect(fragments.fill(html, prefix: "c12-") ==
            "<section id=\"xc12d1-p-s0\"><p id=\"c12-d2-echo\"></p><figure id=\"c12-fig:bowl\"><a href=\"#c12-ref-kingma2015\">")
    }

    @Test func eachBuildDrawsItsOwnHoleOfLetters() {
        let a = FenceFragments(), b = FenceFragments()
        #expect(a.hole != b.hole)
        #expect(a.hole.utf8.count == 24 && a.hole.allSatisfy { $0.isASCII && $0.isLetter })
    }

    @Test func textWithoutHolesIsUnchanged() {
        let fragments = FenceFragments()
        for text in ["", "Z", "plain <b>text</b> with Zs and a Z at the end Z", "你好 ZZZ"] {
            #expect(fragments.fill(text, prefix: "c3-") == text)
        }
    }

    /// Experiments with numbered figures and methods' papers cited from the course's references,
    /// on two chapters and the home page.
    @Test func sharedFragmentsGiveThePagesOfRenderingEachFenceAtEachPlace() throws {
        let folder = PrintPageTests.course()
        defer { folder.remove() }
        let figure = """
            ```experiment {#fig:bowl}
            Experiment("Bowl with momentum") {
                Objective(.bowl)
                Start(-7, 2)
                Steps(4)
                SGD(lr: 0.3)
                Momentum(lr: 0.1, momentum: 0.9)
            }
            ```

            See [](#fig:bowl) and [the other one](02-momentum.md#fig:bowl).

            """
        folder.write("chapters/01-foundations/01-gradient-descent.md",
                     "# Gradient descent\n\n" + figure + "\n## Exercises\n\n> [!EXERCISE]\n> Change the step.\n")
        folder.write("chapters/01-foundations/02-momentum.md", "# Momentum\n\n" + figure + "## Nesterov\n\nLater.\n")
        folder.write("chapters/index.md", "# Optimizers\n\n" + figure.replacingOccurrences(of: "02-momentum.md", with: "01-foundations/02-momentum.md"))
        folder.write("chapters/references.bib", """
            @article{robbins1951,
              author = {Robbins, H. and Monro, S.}, title = {A Stochastic Approximation Method},
              journal = {Annals of Mathematical Statistics}, year = {1951}, doi = {10.1214/aoms/1177729586},
            }
            @article{polyak1964,
              author = {Polyak, B. T.}, title = {Some methods of speeding up the convergence of iteration methods},
              journal = {USSR Computational Mathematics and Mathematical Physics}, year = {1964},
              doi = {10.1016/0041-5553(64)90137-5},
            }

            """)
        let chapters = folder.path + "/chapters"
        func build(sharing: Bool) -> SiteBuilder.Result {
            var options = StandardBuild.options(chaptersFolder: chapters, useCache: false, storesResults: false)
            options.sharesFenceFragments = sharing
            return SiteBuilder(chaptersFolder: chapters, options: options).build()
        }
        let shared = build(sharing: true), each = build(sharing: false)
        #expect(!shared.diagnostics.containsErrors, "\(shared.diagnostics)")
        #expect(!shared.files.isEmpty)
        #expect(shared.files.map(\.path) == each.files.map(\.path))
        for (a, b) in zip(shared.files, each.files) {
            #expect(a.bytes == b.bytes, "\(a.path) differs")
        }
        // The course exercises what the holes stand for: figure ids and citation links in both places.
        let print = page(shared, "print.html")
        #expect(print.contains(#/id="c\d+-fig:bowl"/#) && print.contains(#/href="#c\d+-ref-robbins1951"/#))
        #expect(page(shared, "momentum.html").contains("id=\"fig:bowl\"") && page(shared, "momentum.html").contains("href=\"#ref-polyak1964\""))
        // The table of the numbers behind a figure stays on the chapter's page: paper cannot open it.
        for result in [shared, each] {
            #expect(page(result, "momentum.html").contains("<details class=\"cg-data\">"))
            #expect(!page(result, "print.html").contains("cg-data"))
        }
    }
}
