import CourseTestSupport
import ExperimentLanguage
import Localization
import Optimizers
import Testing
@testable import ExperimentPages

/// A schedule-free run's figures draw its evaluated point x beside its iterate y: a dashed
/// path with its own end marker, a dashed loss curve, and words that say which is which.
@Suite struct EvaluatedPointFigureTests {
    static func page(idPrefix: String = "sf") throws -> String {
        let experiment = try Fixtures.experiment(Fixtures.scheduleFree)
        return ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: idPrefix)
    }

    @Test func fragmentMatchesGolden() throws {
        try GoldenFile.check(try Self.page(), named: "schedule-free.html")
    }

    /// The wide `<svg>` elements of a fragment, in order: the landscape, then the loss figure
    /// (each one's narrow drawing, which follows it, is left out).
    static func figures(_ html: String) -> [Substring] {
        html.components(separatedBy: "<svg").dropFirst().map { $0.components(separatedBy: "</svg>")[0][...] }
            .filter { !$0.contains("class=\"cg-plot cg-plot-narrow\"") }
    }

    @Test func bothFiguresDrawXDashedAndSayWhichIsWhich() throws {
        let figures = Self.figures(try Self.page())
        try #require(figures.count >= 2)
        let landscape = figures[0], loss = figures[1]
        for figure in [landscape, loss] {
            #expect(figure.contains("stroke-dasharray=\"6 3\""), "x is dashed")
            #expect(figure.contains(">dashed: evaluated point x</text>"), "the legend names the dashed line")
        }
        // The landscape's caption names both points.
        let html = try Self.page()
        let caption = try #require(html.split(separator: "<figcaption").dropFirst().first)
        #expect(caption.contains("gradients are taken at the iterate y (solid path)"))
        #expect(caption.contains("evaluated at the average x (dashed path"))
        // The data table under it says which point each row is.
        #expect(html.contains("<th scope=\"rowgroup\" colspan=\"3\">Schedule-Free SGD, evaluated x</th>"))
        #expect(html.contains("<th scope=\"rowgroup\" colspan=\"3\">Schedule-Free SGD, iterate y</th>"))
        #expect(html.contains("<th scope=\"rowgroup\" colspan=\"3\">SGD</th>"), "a run without an average is named as before")
        #expect(landscape.contains("fill-opacity:.35"), "x's own end marker")
        // The loss figure draws one curve per point of the schedule-free run and one for SGD.
        #expect(loss.components(separatedBy: "<path d=\"M").count - 1 >= 3)
    }

    /// On a 1-D curve and in small multiples, x is drawn the same way and the legend names it.
    @Test(arguments: [
        """
        Experiment("1-D") {
            Objective { x in x * x }
            Start(3)
            Steps(20)
            ScheduleFreeSGD(lr: 0.3)
        }
        """,
        """
        Experiment("Grid") {
            Objective { x, y in x * x + 3 * y * y + x * y }
            Start(-4, 2)
            Steps(20)
            Layout(.grid)
            SGD(lr: 0.075)
            ScheduleFreeAdamW(lr: 0.3)
        }
        """,
    ])
    func curvesAndSmallMultiplesDrawXToo(_ source: String) throws {
        let experiment = try Fixtures.experiment(source)
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "t")
        let landscape = try #require(Self.figures(html).first)
        #expect(landscape.contains("stroke-dasharray=\"6 3\""))
        #expect(landscape.contains(">dashed: evaluated point x</text>"))
        #expect(html.contains(", evaluated x</th></tr>\n<tr><th scope=\"row\">20</th>"))
        #expect(landscape.contains("fill-opacity:.35"))
    }

    @Test func aRunWithoutAnAverageDrawsNothingNew() throws {
        let experiment = try Fixtures.experiment(Fixtures.bowl)
        let html = ExperimentPage.html(experiment, trajectories: Fixtures.run(experiment), idPrefix: "bowl")
        #expect(!html.contains("evaluated point x") && !html.contains("stroke-dasharray=\"6 3\""))
    }

    @Test func chineseFiguresSayWhichIsWhich() throws {
        let html = try PageStrings.with(PageStrings.catalog(for: CatalogLanguage.serving("zh-Hans")!), pageLanguage: "zh-Hans") { try Self.page() }
        #expect(html.contains(">虚线：评估点 x</text>"))
        #expect(html.contains("在迭代点 y 处取梯度（实线路径）"))
        #expect(html.contains(">Schedule-Free SGD，评估点 x</th></tr>\n<tr><th scope=\"row\">30</th>"))
        #expect(html.contains("迭代点 y 处的 f（实线）与评估点 x 处的 f（虚线）"))
    }
}
