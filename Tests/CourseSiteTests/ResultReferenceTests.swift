import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// `` `=Result(…)` `` in the prose becomes the rounded number of a run on the same page,
/// and every mistake in one is an error at its line and column.
@Suite struct ResultReferenceTests {
    static let fences = """
        ```experiment
        Experiment("Bowl") {
            Objective(.quadratic(a: 1, b: 10))
            Steps(50)
            SGD(lr: 0.05)
            SGD(lr: 0.25).label("too large")
        }
        ```

        ```experiment
        Experiment("Ramp") {
            Objective { x, y in x * x + y * y }
            Minimum(0, 0)
            Start(-3, 1)
            Steps(3)
            SGD(lr: 0.25)
        }
        ```
        """

    func build(_ prose: String, more fences: String = "") -> (html: String, diagnostics: [String], folder: String) {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\n\(prose)\n\n\(Self.fences)\n\(fences)")
        let chapters = folder.path + "/chapters"
        let result = SiteBuilder(chaptersFolder: chapters, options: StandardBuild.options(chaptersFolder: chapters, useCache: false)).build()
        let html = result.files.first { $0.path == "a.html" }.map { String(decoding: $0.bytes, as: UTF8.self) } ?? ""
        return (html, result.diagnostics.map { $0.description.replacingOccurrences(of: chapters + "/", with: "") }, chapters)
    }

    @Test func referencesBecomeTheRoundedNumbers() {
        // On x² + 10y² from its default start, SGD with η = 0.25 diverges; "Ramp" has one start at (−3, 1),
        // and SGD(lr: 0.25) halves every coordinate per step: after 3 steps (−0.375, 0.125).
        let (html, diagnostics, _) = build("""
            Too large diverges at step `=Result("too large", .divergedAt)`; the ramp's SGD ends at \
            x = `=Result("SGD", .finalX, in: "Ramp", decimals: 3)`, distance \
            `=Result("SGD", .finalDistance, in: "Ramp", significant: 3)`, loss after one step \
            `=Result("SGD", .lossAt(1), in: "Ramp", decimals: 1)`.
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(html.contains("x = −0.375, distance 0.395, loss after one step 2.5."), "\(html)")
        #expect(!html.contains("=Result"))
    }

    @Test(arguments: [
        ("`=Result(\"SDG\", .finalLoss, in: \"Bowl\", decimals: 2)`",
         "01-a.md:3:2: error: no run in 'Bowl' is labeled 'SDG'; did you mean 'SGD'?"),
        ("`=Result(\"SGD\", .finalLoss, in: \"Bwol\", decimals: 2)`",
         "01-a.md:3:2: error: no directive with runs on this page is titled 'Bwol'; did you mean 'Bowl'?"),
        ("`=Result(\"SGD\", .finalLoss, decimals: 2)`",
         "01-a.md:3:2: error: several directives on this page have a run labeled 'SGD'"),
        ("`=Result(\"too large\", .finalLos, decimals: 2)`",
         "01-a.md:3:23: error: unknown quantity '.finalLos'; did you mean '.finalLoss'?"),
        ("`=Result(\"too large\", .finalLoss)`",
         "01-a.md:3:3: error: '.finalLoss' needs a stated rounding"),
        ("`=Result(\"too large\", .finalLoss, decimals: 2)`",
         "01-a.md:3:2: error: 'too large' diverges at step 45, so it has no final figures"),
        ("`=Result(\"too large\", .switchedAt)`",
         "01-a.md:3:2: error: 'too large' never switches (only SWATS does)"),
        ("`=Result(\"too large\", .learningRateAt(-1), decimals: 2)`",
         "01-a.md:3:39: error: the step must be ≥ 0, not -1"),
        ("`=Result(\"too large\", .stdAt, decimals: 2)`",
         "01-a.md:3:23: error: '.stdAt' takes one layer number"),
        ("`=Result(\"too large\", .valueAt(0), decimals: 2)`",
         "01-a.md:3:32: error: the observation must be ≥ 1, not 0"),
    ])
    func mistakesAreErrorsAtTheSpan(_ prose: String, _ expected: String) {
        let (_, diagnostics, _) = build(prose)
        #expect(diagnostics == [expected])
    }

    /// A `Schedule`'s runs, with or without an `Objective`, are on the page like an `Experiment`'s:
    /// an author quoted the wrong run when a label was on both.
    static let schedules = """
        ```experiment
        Schedule("Decay") {
            Objective(.quadratic(a: 1, b: 10))
            Steps(50)
            SGD(lr: 0.05).schedule(.cosine(steps: 50))
            Adam(lr: 0.1).label("cosine Adam")
        }
        ```

        ```experiment
        Schedule("Rates") {
            Steps(100)
            SGD(lr: 0.1).schedule(.step(every: 50, gamma: 0.3)).label("step")
        }
        ```
        """

    @Test func schedulesRunsAreReferencedAndALabelOnBothIsAmbiguous() {
        let (html, diagnostics, _) = build("""
            After the warm steps the rate is `=Result("step", .learningRateAt(50), decimals: 2)`; \
            cosine Adam ends at `=Result("cosine Adam", .finalLoss, significant: 2)`.
            """, more: Self.schedules)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(html.contains("the rate is 0.03; cosine Adam ends at "), "\(html)")
        let (_, ambiguous, _) = build("`=Result(\"SGD\", .finalLoss, in: \"Decay\", decimals: 2)` and `=Result(\"SGD\", .lossAt(1), decimals: 2)`",
                                      more: Self.schedules)
        #expect(ambiguous == ["01-a.md:3:61: error: several directives on this page have a run labeled 'SGD'"])
        let (_, unknown, _) = build("`=Result(\"stpe\", .finalLoss, decimals: 2)`", more: Self.schedules)
        #expect(unknown == ["01-a.md:3:2: error: no run on this page is labeled 'stpe'; did you mean 'step'?"])
    }

    @Test func aReferenceToADirectiveThatDidNotRunSaysSo() {
        let broken = """
            ```experiment
            Schedule("Broken") {
                Steps(0)
                SGD(lr: 0.1).label("step")
            }
            ```
            """
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\n`=Result(\"step\", .learningRateAt(1), decimals: 2)`\n\n\(broken)\n")
        let chapters = folder.path + "/chapters"
        let result = SiteBuilder(chaptersFolder: chapters, options: StandardBuild.options(chaptersFolder: chapters, useCache: false)).build()
        let reference = result.diagnostics.first { $0.message.contains("labeled 'step'") }
        #expect(reference?.hint == "a directive of this page did not run because of the errors reported for it; the run may be there")
        #expect(result.diagnostics.contains { $0.message.contains("number of steps") }, "\(result.diagnostics)")
    }
}
