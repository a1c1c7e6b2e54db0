import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Experiments
import Testing
@testable import ExperimentPages

/// The `Schedule` and `Average` fragments: golden files, and the parts every experiment
/// fragment has, in order.
@Suite struct StudyPageTests {
    static let schedule = """
        Schedule("Three schedules from η = 0.1") {
            Steps(100)
            SGD(lr: 0.1).label("constant")
            SGD(lr: 0.1).schedule(.step(every: 25, gamma: 0.5)).label("step")
            SGD(lr: 0.1).schedule(.warmup(steps: 10, startFactor: 0.1), then: .cosine(steps: 90)).label("warm-up, then cosine")
            Expect("step", learningRate: 0.05, atStep: 25)
        }
        """

    static let average = """
        Average("Bias correction on a constant signal") {
            Series(.constant(10, noise: 1), samples: 60)
            Seed(3)
            ExponentialAverage(beta: 0.9).label("raw")
            ExponentialAverage(beta: 0.9, biasCorrection: true).label("corrected")
            MovingAverage(window: 10)
            Expect("corrected", closerThan: "raw", over: 1...10)
        }
        """

    static let scheduleOnProblem = """
        Schedule("Cosine decay on the bowl") {
            Objective(.bowl)
            Start(-7, 2)
            Steps(60)
            SGD(lr: 0.9).label("constant")
            SGD(lr: 0.9).schedule(.cosine(steps: 60)).label("cosine")
        }
        """

    private func parse(_ text: String) throws -> Directive {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapter.md", line: 10), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(directive)
    }

    private func scheduleHTML(_ text: String, prefix: String) throws -> String {
        guard case .schedule(let study) = try parse(text) else {
            Issue.record("not a schedule")
            return ""
        }
        return SchedulePage.html(ScheduleRunner.run(study), idPrefix: prefix)
    }

    private func averageHTML(_ text: String, prefix: String) throws -> String {
        guard case .average(let study) = try parse(text) else {
            Issue.record("not an average")
            return ""
        }
        return AveragePage.html(AverageRunner.run(study), idPrefix: prefix)
    }

    @Test func scheduleFragmentMatchesGolden() throws {
        try GoldenFile.check(try scheduleHTML(Self.schedule, prefix: "sched"), named: "schedule.html")
    }

    @Test func averageFragmentMatchesGolden() throws {
        try GoldenFile.check(try averageHTML(Self.average, prefix: "avg"), named: "average.html")
    }

    @Test(arguments: [("schedule", "s"), ("average", "a"), ("scheduleOnProblem", "s")])
    func fragmentHasFigureTableAndSourceInOrder(_ name: String, _ figure: String) throws {
        let html: String
        switch name {
        case "schedule": html = try scheduleHTML(Self.schedule, prefix: "p")
        case "average": html = try averageHTML(Self.average, prefix: "p")
        default: html = try scheduleHTML(Self.scheduleOnProblem, prefix: "p")
        }
        let marks = ["<section class=\"cg-experiment", "<figure class=\"cg-figure\">", "<svg", "id=\"p-\(figure)-title\"",
                     "id=\"p-\(figure)-desc\"", "<figcaption>", "<table class=\"cg-results", "<details class=\"cg-source\">", "</section>"]
        let positions = marks.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil }, "missing: \(zip(marks, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func scheduleTableHasTheClaimedStepAndTheRates() throws {
        let html = try scheduleHTML(Self.schedule, prefix: "s")
        #expect(ScheduleTable.columns(steps: 100, claimed: [25, 7]) == [0, 7, 25, 50, 75, 99])
        #expect(html.contains("<th scope=\"col\"><var>t</var> = 25</th>"))
        // step: 0.1 halved at 25, 50 and 75.
        #expect(html.contains(
            "<tr><th scope=\"row\">step<br><small>×0.5 every 25 steps</small></th><td>0.1</td><td>0.05</td><td>0.025</td><td>0.0125</td><td>0.0125</td></tr>"))
        #expect(html.contains("warm-up, then cosine goes from 0.01 to "))
    }

    @Test func scheduleOnAProblemDrawsTheLossUnderTheRates() throws {
        let html = try scheduleHTML(Self.scheduleOnProblem, prefix: "s")
        #expect(html.contains("class=\"cg-objective\""))
        #expect(html.contains(">f − f*<"))
        #expect(html.contains("<table class=\"cg-results\"><caption>Results after 60 steps"))
    }

    @Test func averageTableAndWordsCompareTheAverages() throws {
        let html = try averageHTML(Self.average, prefix: "a")
        #expect(html.contains("<tr><th scope=\"row\">observations</th>"))
        #expect(html.contains("<tr><th scope=\"row\">moving average, w = 10</th>"))
        #expect(html.contains("Top: 60 noisy observations of the constant 10 with Gaussian noise σ = 1, with the clean signal."))
        #expect(html.contains("Closest to the signal: "))
        // The raw average starts at (1 − 0.9) x₁ ≈ 1, a tenth of the signal.
        #expect(html.range(of: "<tr><th scope=\"row\">raw</th><td>1.") != nil || html.range(of: "<tr><th scope=\"row\">raw</th><td>0.9") != nil)
    }
}
