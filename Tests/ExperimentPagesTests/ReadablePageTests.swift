import ExperimentLanguage
import Foundation
import Optimizers
import Plotting
import Testing
@testable import ExperimentPages

/// What the pages do about the defects a reader found in the shipped course (issue 10, item 3).
@Suite struct ReadablePageTests {
    /// The README's flagship example: a closure, no `Domain`, starts at (−7, 2).
    static let flagship = """
        Experiment("Four optimizers on an elongated bowl") {
            Objective { x, y in x * x / 20 + y * y }
            Start(-7, 2)
            Steps(30)
            Layout(.grid)
            SGD(lr: 0.95)
            Momentum(lr: 0.1)
            AdaGrad(lr: 1.5)
            Adam(lr: 0.3)
        }
        """

    @Test func theFlagshipWindowContainsTheStartAndThePaths() throws {
        let experiment = try Fixtures.experiment(Self.flagship)
        let trajectories = Fixtures.run(experiment)
        let window = LandscapeSVG.window(experiment, trajectories: trajectories)
        #expect(window.x.lowerBound < -7 && window.y.upperBound > 2)
        for trajectory in trajectories.joined() {
            for p in trajectory.points { #expect(window.x.contains(p[0]) && window.y.contains(p[1])) }
        }
        let html = ExperimentPage.html(experiment, trajectories: trajectories, idPrefix: "f")
        #expect(!html.contains("starts outside the plot") && !html.contains("leaves the plot"))
    }

    @Test func anAuthorsDomainIsKept() throws {
        let experiment = try Fixtures.experiment(Fixtures.bowl)
        let window = LandscapeSVG.window(experiment, trajectories: Fixtures.run(experiment))
        #expect(window.x == -10...10 && window.y == -5...5)
    }

    /// Twelve runs with labels of twelve ideographs: the key is a table under each figure,
    /// each run's swatch with its dash and marker, and no legend inside the figures.
    @Test func twelveRunsGetAKeyTable() throws {
        let labels = (1...12).map { "第\($0)组随机梯度下降法实验结果".prefix(12) }
        let runs = labels.enumerated().map { "    SGD(lr: \(0.0002 * Double($0.offset + 1))).label(\"\($0.element)\")" }
        let experiment = try Fixtures.experiment("Experiment(\"十二\") {\n    Objective(.rosenbrock)\n    Steps(20)\n" + runs.joined(separator: "\n") + "\n}")
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "t")
        #expect(html.components(separatedBy: "<table class=\"cg-legend-table\">").count - 1 == 2)
        #expect(html.components(separatedBy: "class=\"cg-swatch\"").count - 1 == 24)
        #expect(!html.contains("class=\"cg-legend-entry\"><path"))
        #expect(html.contains("<td>\(labels[11])</td>"))
        #expect(html.contains("stroke-dasharray"))
        // The key sits inside its figure, before the caption.
        let key = try #require(html.range(of: "<table class=\"cg-legend-table\">"))
        let caption = try #require(html.range(of: "<figcaption>"))
        #expect(key.lowerBound < caption.lowerBound)
    }

    @Test func fourRunsKeepTheirLegendInTheFigure() throws {
        let experiment = try Fixtures.experiment(Fixtures.bowl)
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "b")
        #expect(!html.contains("cg-legend-table"))
        #expect(html.contains("<g class=\"cg-legend-entry\">"))
    }

    /// Accuracies of 96–99 % on a 0–100 % axis differ by a pixel or two.
    @Test func accuracyAxesFitTheData() {
        let x = (0...20).map { Double($0 * 100) }
        func line(_ series: Int, from start: Double, to end: Double) -> LineSeries {
            LineSeries(label: "r\(series)", series: series, x: x, y: x.map { end - (end - start) * exp(-$0 / 200) })
        }
        let late = TrainingFigures.accuracyLayout([line(0, from: 10, to: 97), line(1, from: 10, to: 99)], iterations: 2000)
        #expect(late.full.lowerBound >= 0 && late.full.upperBound <= 100)
        #expect(late.zoom.map { $0.lowerBound > 90 && $0.upperBound <= 100 } == true)

        let settled = TrainingFigures.accuracyLayout([line(0, from: 80, to: 91), line(1, from: 82, to: 93)], iterations: 2000)
        #expect(settled.zoom == nil)
        #expect(settled.full.lowerBound >= 70 && settled.full.upperBound <= 100)
    }

    @Test(arguments: [(6.168e-6, "6.17<wbr>×10⁻⁶"), (0.09755, "0.0976"), (0.1, "0.1"), (0.001795, "0.0018")])
    func scheduleRatesFitTheirColumn(value: Double, text: String) {
        #expect(ScheduleTable.rate(value) == text)
    }
}
