import CourseTestSupport
import ExperimentLanguage
import Experiments
import Optimizers
import Testing
@testable import ExperimentPages

@Suite struct ExperimentPageTests {
    @Test func bowlFragmentMatchesGolden() throws {
        let experiment = try Fixtures.experiment(Fixtures.bowl)
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "bowl")
        try GoldenFile.check(html, named: "bowl.html")
        // 40 KB until the formula table said its conditions in words under the rule and every
        // scrolling box became focusable (about 1.2 KB together); 44 KB with the table of the
        // numbers behind the figure that replaced the markers' tooltips (about 2.4 KB); 64 KB
        // once each figure was drawn a second time for a phone's column (issue 20: no text
        // below 11 px), with half the step markers, about 19 KB more.
        #expect(html.utf8.count < 64_000, "the bowl fragment is \(html.utf8.count) bytes; the budget is 64 KB")
    }

    @Test func rosenbrockFragmentMatchesGolden() throws {
        let experiment = try Fixtures.experiment(Fixtures.rosenbrock)
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "rosen")
        try GoldenFile.check(html, named: "rosenbrock.html")
    }

    @Test func fragmentHasTheFiguresTablesAndSourceInOrder() throws {
        let experiment = try Fixtures.experiment(Fixtures.bowl)
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "b")
        let marks = ["class=\"cg-objective\"", "id=\"b-p-title\"", "id=\"b-l-title\"", "class=\"cg-formulas\"", "class=\"cg-results\"", "<details class=\"cg-source\""]
        let positions = marks.map { html.range(of: $0)?.lowerBound }
        #expect(positions.allSatisfy { $0 != nil })
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
    }

    @Test func formulaTableUsesTheRunsValuesInSymbols() throws {
        let experiment = try Fixtures.experiment(Fixtures.bowl)
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "b")
        #expect(html.contains("η = 0.3, β₁ = 0.9, β₂ = 0.999, ε = 1×10⁻⁸"))
        #expect(html.contains("<b>Momentum</b>: η = 0.1, μ = 0.9"))
        #expect(html.contains("href=\"https://arxiv.org/abs/1412.6980\""))
        #expect(html.components(separatedBy: "<tr><th scope=\"row\"><a").count - 1 == 3, "SGD, AdaGrad, Adam: one row per method")
    }

    @Test func descriptionSaysWhoGotClosestAndWhoDiverged() throws {
        let experiment = try Fixtures.experiment(Fixtures.rosenbrock)
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "r")
        #expect(html.contains("ended closest to a minimum"))
        #expect(html.contains("Diverged: SGD, too fast at step"))
    }

    @Test func aDivergedRunShowsNoDistanceToTheMinimum() throws {
        let experiment = try Fixtures.experiment(Fixtures.rosenbrock)
        let result = ExperimentResult(experiment: experiment, trajectories: Fixtures.run(experiment))
        let table = ResultsTable.html(experiment, summaries: result.allSummaries)
        let row = try #require(table.split(separator: "\n").first { $0.contains("SGD, too fast") })
        let divergedAt = try #require(result.trajectories[1][0].divergedAt)
        let final = try #require(result.trajectories[1][0].losses.last)
        // Its last f is shown; its last point before leaving is no end, so it has no distance.
        #expect(row.hasSuffix("<td>\(Numbers.text(final))</td><td>–</td><td>not reached</td><td>at step \(divergedAt)</td></tr>"))
        let adam = try #require(table.split(separator: "\n").first { $0.contains("<th scope=\"row\">Adam") })
        #expect(!adam.contains("<td>–</td>"))
    }

    @Test func resultsAreRoundedToStatedDigits() throws {
        let experiment = try Fixtures.experiment(Fixtures.bowl)
        let trajectories = Fixtures.run(experiment)
        let summaries = experiment.runs.indices.map {
            RunSummary(experiment: experiment, runIndex: $0, startIndex: 0, trajectory: trajectories[$0][0])
        }
        let adam = try #require(summaries.last)
        let final = try #require(trajectories[3][0].losses.last)
        #expect(adam.finalLoss == final)
        #expect(ResultsTable.html(experiment, summaries: summaries).contains("<td>\(Numbers.text(final))</td>"))
        #expect(Numbers.text(0.000123456) == "0.0001235")
        #expect(Numbers.text(0.0000123456) == "1.235×10⁻⁵")
    }

    @Test func resultsTableShowsTheStepAtWhichSWATSSwitched() throws {
        let experiment = try Fixtures.experiment("""
            Experiment("switch") {
                Objective(.linearRegression(samples: 200, noise: 0.5))
                BatchSize(10)
                Start(-2, 3)
                Steps(300)
                Adam(lr: 0.1)
                SWATS(lr: 0.1, eps: 1e-3)
            }
            """)
        let trajectories = Fixtures.run(experiment)
        let switchedAt = try #require(trajectories[1][0].switchedAt)
        let summaries = experiment.runs.indices.map {
            RunSummary(experiment: experiment, runIndex: $0, startIndex: 0, trajectory: trajectories[$0][0])
        }
        let table = ResultsTable.html(experiment, summaries: summaries)
        #expect(table.contains("<th scope=\"col\">switched to SGD at step</th>"))
        #expect(table.contains("<th scope=\"row\">SWATS</th><td>"))
        #expect(table.contains("<td>\(switchedAt)</td>"))
        // Without a SWATS run there is no such column.
        let bowl = try Fixtures.experiment(Fixtures.bowl)
        let bowlRuns = Fixtures.run(bowl)
        let bowlTable = ResultsTable.html(bowl, summaries: bowl.runs.indices.map {
            RunSummary(experiment: bowl, runIndex: $0, startIndex: 0, trajectory: bowlRuns[$0][0])
        })
        #expect(!bowlTable.contains("switched to SGD"))
    }

    @Test func standaloneFormulasListDefaultsAndSymbols() throws {
        guard case .formulas(let table) = try Fixtures.parse("Formulas(.sgd, .momentum, .adagrad, .rmsprop, .adam)") else {
            Issue.record("not a formula table")
            return
        }
        let html = ExperimentPage.html(table, idPrefix: "f")
        try GoldenFile.check(html, named: "formulas.html")
        #expect(html.contains("<dt>η</dt><dd>learning rate, default 0.001"))
        #expect(html.components(separatedBy: "<math display=\"block\" alttext=").count - 1 == 5)
    }
}
