import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// Callouts across a course: exercises numbered per chapter and linkable from any chapter,
/// solutions attached to their exercise, and every bad marker reported at its line.
@Suite struct CalloutSiteTests {
    private func errors(_ result: SiteBuilder.Result, _ folder: TemporaryFolder) -> [String] {
        result.diagnostics.filter { $0.severity == .error }.map { d in
            let location = d.location.map { "\($0): ".replacingOccurrences(of: folder.path + "/", with: "") } ?? ""
            return location + d.message
        }
    }

    private static let first = """
        # First

        > [!EXERCISE]
        > Compute $1 - \\beta^t$.

        > [!SOLUTION]
        > It is small.
        >
        > ```echo
        > inside the solution
        > ```

        > [!EXERCISE] The bias {#ex-bias}
        > Why?

        See [the bias exercise](#ex-bias).

        """

    @Test func exercisesAreNumberedPerChapterWithStableIDs() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-first.md", Self.first)
        folder.write("chapters/02-second.md", "# Second\n\n> [!EXERCISE]\n> Again.\n\nBack to [the bias](01-first.md#ex-bias) and [the first](01-first.md#exercise-1).\n")
        let result = build(folder)
        #expect(errors(result, folder).isEmpty, "\(result.diagnostics)")
        let one = page(result, "first.html")
        #expect(one.contains("<div class=\"callout callout-exercise\" id=\"exercise-1\">\n<p class=\"callout-title\"><span class=\"callout-label\">Exercise 1.1</span></p>"))
        #expect(one.contains("<div class=\"callout callout-exercise\" id=\"ex-bias\">\n<p class=\"callout-title\"><span class=\"callout-label\">Exercise 1.2</span>: The bias</p>"))
        #expect(one.contains("<a href=\"#ex-bias\">the bias exercise</a>"))
        // The solution is closed inside its exercise, and the fence in it still ran.
        #expect(one.contains("<details class=\"solution\"><summary>Solution</summary>\n<p>It is small.</p>\n<div class=\"echo\""))
        #expect(one.contains("</details>\n</div>"))
        let two = page(result, "second.html")
        #expect(two.contains("<span class=\"callout-label\">Exercise 2.1</span>"))
        #expect(two.contains("id=\"exercise-1\""))
        #expect(two.contains("<a href=\"first.html#ex-bias\">the bias</a>"))
        #expect(two.contains("<a href=\"first.html#exercise-1\">the first</a>"))
    }

    @Test func aLinkToAMissingExerciseSuggestsOne() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-first.md", Self.first)
        folder.write("chapters/02-second.md", "# Second\n\n[x](01-first.md#ex-bais) [y](#exercise-1)\n")
        #expect(errors(build(folder), folder) == [
            "chapters/02-second.md:3:1: link '01-first.md#ex-bais' names a missing anchor '#ex-bais' in '01-first.md'; did you mean '#ex-bias'?",
            "chapters/02-second.md:3:26: link '#exercise-1' names a missing anchor '#exercise-1' in '02-second.md'",
        ])
    }

    @Test func aHeadingNeverTakesAnExercisesID() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\n## Exercise 1\n\n> [!EXERCISE]\n> Q.\n")
        let result = build(folder)
        #expect(errors(result, folder).isEmpty)
        let html = page(result, "a.html")
        #expect(PageScan.ids(in: html).filter { $0 == "exercise-1" }.count == 1)
        #expect(html.contains("<h2 id=\"section-exercise-1\">"))
    }

    @Test func badMarkersAreErrorsAtTheirLines() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", """
            # A

            > [!SOLUTION]
            > An answer to nothing.

            > [!NOTTE]
            > Typo.

            > [!EXERCISE] {#a b}
            > Q.

            ## Taken

            > [!EXERCISE] {#taken}
            > Q.

            > [!TIP] {#exercise-7}
            > Q.

            """)
        let result = build(folder)
        #expect(errors(result, folder) == [
            "chapters/01-a.md:3:3: a solution must follow the exercise it answers",
            "chapters/01-a.md:6:3: unknown callout kind '[!NOTTE]'; did you mean '[!NOTE]'?",
            "chapters/01-a.md:9:3: '{#a b}' is not an id a callout can have",
            "chapters/01-a.md:14:3: the id '#taken' is already taken on this page",
            "chapters/01-a.md:17:3: the id '#exercise-7' is already taken on this page",
        ])
        let unknown = result.diagnostics.first { $0.message.hasPrefix("unknown callout kind") }
        #expect(unknown?.hint == "a callout's first line is [!NOTE], [!TIP], [!IMPORTANT], [!WARNING], [!CAUTION], [!EXERCISE] or [!SOLUTION]; to quote the text itself, put it in backticks")
        #expect(result.files.isEmpty)
    }

    @Test func chineseCoursesLabelCalloutsInChinese() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/index.md", "---\ntitle: 优化\nlanguage: zh-CN\n---\n欢迎。\n")
        folder.write("chapters/01-a.md", "# 第一章\n\n> [!NOTE]\n> 注意这里。\n\n> [!EXERCISE] 偏差\n> 计算。\n\n> [!SOLUTION]\n> 答案是 1。\n")
        let result = build(folder)
        #expect(errors(result, folder).isEmpty, "\(result.diagnostics)")
        let html = page(result, "a.html")
        #expect(html.contains("<p class=\"callout-title\">注意</p>"))
        #expect(html.contains("<span class=\"callout-label\">练习 1.1</span>：偏差</p>"))
        #expect(html.contains("<summary>答案</summary>"))
    }

    @Test func anExperimentInsideASolutionRunsAndRenders() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", """
            # A

            > [!EXERCISE]
            > What does bias correction do at the start?

            > [!SOLUTION]
            > It removes the bias:
            >
            > ```experiment
            > Average("Corrected") {
            >     Series(.constant(10, noise: 1), samples: 30)
            >     ExponentialAverage(beta: 0.9).label("raw")
            >     ExponentialAverage(beta: 0.9, biasCorrection: true).label("corrected")
            >     Expect("corrected", closerThan: "raw", over: 1...10)
            > }
            > ```

            """)
        let chapters = folder.path + "/chapters"
        let result = SiteBuilder(chaptersFolder: chapters, options: StandardBuild.options(chaptersFolder: chapters, useCache: false)).build()
        #expect(errors(result, folder).isEmpty, "\(result.diagnostics)")
        let html = page(result, "a.html")
        guard let details = html.range(of: "<details class=\"solution\">"), let end = html.range(of: "</details>") else {
            Issue.record("no solution")
            return
        }
        let solution = html[details.lowerBound..<end.upperBound]
        #expect(solution.contains("<figure class=\"cg-figure\""))
        #expect(solution.contains("<svg"))
    }
}
