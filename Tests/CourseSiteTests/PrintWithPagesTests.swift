import CourseDiagnostics
@testable import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// Each chapter is rendered once, with holes where its own page and print.html differ, and
/// filled for each: the files are byte for byte those of rendering print.html's chapters again.
@Suite struct PrintWithPagesTests {
    @Test func eitherHoleKeepsOnePlacesText() {
        let holes = FenceFragments()
        let html = "<a href=\"\(holes.either(onPage: "adam.html#top", inDocument: "#c3-top"))\">"
            + "<details class=\"solution\"\(holes.openHole)>" + "<a href=\"#\(holes.prefixHole)fn-1\">"
        #expect(holes.fill(html, prefix: "", inDocument: false) ==
            "<a href=\"adam.html#top\"><details class=\"solution\"><a href=\"#fn-1\">")
        #expect(holes.fill(html, prefix: "c2-", inDocument: true) ==
            "<a href=\"#c3-top\"><details class=\"solution\" open><a href=\"#c2-fn-1\">")
        // The same text in both places needs no hole.
        #expect(holes.either(onPage: "#x", inDocument: "#x") == "#x")
        // Either text may be empty, and one hole may follow another.
        let empty = holes.either(onPage: "", inDocument: "#top") + holes.either(onPage: "a", inDocument: "")
        #expect(holes.fill(empty, prefix: "", inDocument: false) == "a")
        #expect(holes.fill(empty, prefix: "c1-", inDocument: true) == "#top")
    }

    /// Everything a chapter's ids and links can be: headings, the title's landmarks, callouts and
    /// open solutions, footnotes, numbered equations and their references (in a heading too),
    /// figures, citations and the appended reference list, links to other chapters (with and
    /// without a fragment, to their landmarks, to the home page), and fences.
    @Test func oneRenderGivesTheFilesOfRenderingPrintAgain() throws {
        let folder = PrintPageTests.course()
        defer { folder.remove() }
        folder.write("chapters/01-foundations/01-gradient-descent.md", """
            # Gradient descent

            Back to [the top](#top), [the text](#content), [home](../index.md) and [momentum](02-momentum.md),
            [its start](02-momentum.md#top), [Nesterov](02-momentum.md#nesterov) and [](#eq:step), as
            Robbins and Monro showed [@robbins1951].[^1]

            $$
            x_{t+1} = x_t - \\eta \\nabla f(x_t) \\label{eq:step}
            $$

            ## Why $\\eqref{eq:step}$ works

            It follows \\eqref{eq:momentum}, see $\\ref{eq:momentum}$.

            ```experiment {#fig:bowl}
            Experiment("Bowl") {
                Objective(.bowl)
                Start(-7, 2)
                Steps(3)
                SGD(lr: 0.3)
            }
            ```

            See [](#fig:bowl).

            ## Exercises

            > [!EXERCISE]
            > Change the step.

            > [!SOLUTION]
            > Halve it, as [Nesterov](02-momentum.md#nesterov) does.

            [^1]: A footnote with [a link](#exercises).

            """)
        folder.write("chapters/01-foundations/02-momentum.md", """
            # Momentum

            $$
            v_{t+1} = \\beta v_t + \\nabla f(x_t) \\label{eq:momentum}
            $$

            ## Nesterov

            Look ahead, unlike [](#eq:step) and [gradient descent](01-gradient-descent.md#exercises) [@polyak1964].

            """)
        folder.write("chapters/references.bib", """
            @article{robbins1951,
              author = {Robbins, H. and Monro, S.}, title = {A Stochastic Approximation Method},
              journal = {Annals of Mathematical Statistics}, year = {1951},
            }
            @article{polyak1964,
              author = {Polyak, B. T.}, title = {Some methods of speeding up the convergence of iteration methods},
              journal = {USSR Computational Mathematics and Mathematical Physics}, year = {1964},
            }

            """)
        let chapters = folder.path + "/chapters"
        func build(once: Bool) -> SiteBuilder.Result {
            var options = StandardBuild.options(chaptersFolder: chapters, useCache: false, storesResults: false)
            options.rendersPrintWithPages = once
            return SiteBuilder(chaptersFolder: chapters, options: options).build()
        }
        let once = build(once: true), twice = build(once: false)
        #expect(!once.diagnostics.containsErrors, "\(once.diagnostics)")
        #expect(!once.files.isEmpty)
        #expect(once.diagnostics.map { "\($0)" } == twice.diagnostics.map { "\($0)" })
        #expect(once.files.map(\.path) == twice.files.map(\.path))
        for (a, b) in zip(once.files, twice.files) {
            #expect(a.bytes == b.bytes, "\(a.path) differs")
            #expect(!String(decoding: a.bytes, as: UTF8.self).contains(#/Z[a-z]{23}[a-z]/#), "\(a.path) keeps a hole")
        }
        // The course exercises what the holes stand for, in both places.
        let print = page(once, "print.html"), own = page(once, "gradient-descent.html")
        #expect(print.contains(#/<details class="solution"[^>]* open>/#) && !own.contains(#/<details class="solution"[^>]* open>/#))
        #expect(print.contains(#/href="#c\d+-top"/#) && own.contains("href=\"#content\"") && own.contains("href=\"#top\""))
        #expect(print.contains(#/href="#c\d+-nesterov"/#) && own.contains("href=\"momentum.html#nesterov\""))
        #expect(own.contains("href=\"index.html\"") && own.contains("href=\"#fn-1\"") && print.contains(#/href="#c\d+-fn-1"/#))
        #expect(print.contains(#/href="#c\d+-ref-robbins1951"/#) && own.contains("href=\"#ref-robbins1951\""))
    }
}
