import CourseTestSupport
import Testing
@testable import Plotting

@Suite struct GoldenFigureTests {
    @Test func bowlOverlay() throws {
        let figure = LandscapeFigure(
            grid: Fixtures.bowlGrid(), minimumValue: 0, minima: [Point(0, 0)],
            panels: [.init(trajectories: Fixtures.bowlRuns())])
        let svg = figure.svg(FigureText(idPrefix: "bowl", title: "Four optimizers on the bowl", description: "Paths of SGD, Momentum, AdaGrad and Adam."))
        try GoldenFile.check(svg, named: "bowl-overlay.svg")
    }

    @Test func bowlSmallMultiples() throws {
        let runs = Fixtures.bowlRuns()
        let figure = LandscapeFigure(
            grid: Fixtures.bowlGrid(), minimumValue: 0, filledBands: true, minima: [Point(0, 0)],
            panels: runs.map { .init(title: $0.label, series: $0.series, trajectories: [$0]) })
        let svg = figure.svg(FigureText(idPrefix: "grid", title: "Four optimizers, one panel each", description: "Small multiples."))
        try GoldenFile.check(svg, named: "bowl-grid.svg")
    }

    @Test func rosenbrockWithDivergence() throws {
        let grid = ScalarGrid(xRange: -2...2, yRange: -1...3, columns: 121, rows: 121, Fixtures.rosenbrock)
        let figure = LandscapeFigure(
            grid: grid, minimumValue: 0, minima: [Point(1, 1)], panels: [.init(trajectories: Fixtures.rosenbrockRuns())])
        let svg = figure.svg(FigureText(idPrefix: "rosen", title: "Gradient descent on Rosenbrock", description: "One run crawls, one diverges."))
        try GoldenFile.check(svg, named: "rosenbrock.svg")
    }

    @Test func lossCurves() throws {
        let runs = Fixtures.bowlRuns()
        let figure = LineFigure(panels: [
            .init(yAxis: Axis(label: "f − f*", scale: .log), series: runs.map { LineSeries(label: $0.label, series: $0.series, y: $0.values) }),
            .init(yAxis: Axis(label: "learning rate"), series: [
                LineSeries(label: "SGD", series: 0, y: (0..<30).map { 0.95 * Fixtures.pow(0.9, Double($0 / 10)) }),
            ], height: 90),
        ])
        let svg = figure.svg(FigureText(idPrefix: "loss", title: "Loss curves", description: "f − f* per step."))
        try GoldenFile.check(svg, named: "loss.svg")
    }

    @Test func histograms() throws {
        var state: UInt64 = 42
        func uniform() -> Double {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(state >> 11) / Double(1 << 53)
        }
        let layers = (1...4).map { layer in
            Histogram(title: "layer \(layer)", values: (0..<400).map { _ in
                (uniform() + uniform() + uniform() - 1.5) / Double(layer)
            }, binCount: 24)
        }
        let svg = HistogramFigure(histograms: layers, xLabel: "weight").svg(
            FigureText(idPrefix: "hist", title: "Weights per layer", description: "Four histograms."))
        try GoldenFile.check(svg, named: "histograms.svg")
    }

    @Test func curveWithIterates() throws {
        func f(_ x: Double) -> Double { x * x * x * x - 3 * x * x + x }
        func df(_ x: Double) -> Double { 4 * x * x * x - 6 * x + 1 }
        var x = 2.2
        var points: [Point] = []
        for _ in 0...12 {
            points.append(Point(x, f(x)))
            x -= 0.05 * df(x)
        }
        let curve = stride(from: -2.5, through: 2.5, by: 0.02).map { Point($0, f($0)) }
        let svg = CurveFigure(
            curve: curve, runs: [DrawnPath(label: "GD", series: 0, points: points)], minima: [Point(-1.3008, f(-1.3008))]
        ).svg(FigureText(idPrefix: "curve", title: "Gradient descent on a double well", description: "Iterates on f."))
        try GoldenFile.check(svg, named: "curve.svg")
    }
}
