import CourseTestSupport
import Testing
@testable import Plotting

/// A run's `.color(…)` wins over the palette in its line, markers and legend swatch;
/// the marker shape still follows the series index, and other series keep the palette.
@Suite struct ChosenColorTests {
    static let purple = "var(--cg-color-purple,#AF52DE)"

    @Test(arguments: [
        ("purple", "var(--cg-color-purple,#AF52DE)"),
        ("black", "var(--cg-color-black,#000000)"),
        ("#1f77b4", "#1f77b4"),
    ])
    func chosenColorResolves(chosen: String, css: String) {
        #expect(Palette.color(3, chosen: chosen) == css)
    }

    @Test(arguments: [nil, "", "mauve", "#12345", "#12345g", "var(--x)"] as [String?])
    func unusableChoiceFallsBackToThePalette(chosen: String?) {
        #expect(Palette.color(2, chosen: chosen) == Palette.color(2))
    }

    @Test func everyNamedColorIsDefinedForLightAndDarkMode() throws {
        let css = Palette.stylesheet
        let parts = css.components(separatedBy: "@media (prefers-color-scheme: dark)")
        try #require(parts.count == 2)
        for named in Palette.namedColors {
            #expect(parts[0].contains("--cg-color-\(named.name):\(named.light);"), "\(named.name) in light mode")
            #expect(parts[1].contains("--cg-color-\(named.name):\(named.dark);"), "\(named.name) in dark mode")
        }
    }

    @Test func lineFigureUsesTheChosenColorForPathMarkersAndSwatch() {
        let y = (0..<40).map { 1 / Double($0 + 1) }
        let svg = LineFigure(panels: [.init(yAxis: Axis(label: "f", scale: .log), series: [
            LineSeries(label: "SGD", series: 0, y: y),
            LineSeries(label: "Adam", series: 1, color: "purple", y: y.map { $0 / 2 }),
        ])]).svg(FigureText(idPrefix: "c", title: "t", description: "d"))
        // Path, marker group and legend swatch (line and marker) of Adam: four uses.
        #expect(svg.components(separatedBy: "stroke:\(Self.purple)").count - 1 == 2)
        #expect(svg.components(separatedBy: "fill:\(Self.purple)").count - 1 == 2)
        // Adam keeps series 1's shape; SGD keeps palette slot 1.
        #expect(svg.contains("<g style=\"fill:\(Self.purple)\"><use href=\"#c-s\(MarkerShape.forSeries(1).rawValue)\""))
        #expect(svg.contains("stroke:\(Palette.color(0))"))
        #expect(!svg.contains(Palette.color(1)))
    }

    @Test func landscapeOverlayWithColoredRunsMatchesGolden() throws {
        var runs = Fixtures.bowlRuns()
        runs[1].color = "purple"
        runs[3].color = "#1f77b4"
        let figure = LandscapeFigure(
            grid: Fixtures.bowlGrid(), minimumValue: 0, minima: [Point(0, 0)], panels: [.init(trajectories: runs)])
        let svg = figure.svg(FigureText(idPrefix: "tint", title: "Chosen colours", description: "Momentum purple, Adam #1f77b4."))
        #expect(!svg.contains(Palette.color(1)) && !svg.contains(Palette.color(3)))
        // Path, step markers, start and end markers, legend line and legend marker.
        #expect(svg.contains("style=\"stroke:#1f77b4\"/>"))
        #expect(svg.contains("<g style=\"fill:#1f77b4\">"))
        #expect(svg.contains("stroke:#1f77b4;stroke-width:1.5"))
        #expect(svg.contains("style=\"fill:#1f77b4;stroke:"))
        try GoldenFile.check(svg, named: "bowl-colored.svg")
    }

    @Test func smallMultiplesTitleMarkerAndCurveUseTheChosenColor() {
        var runs = Fixtures.bowlRuns()
        runs[0].color = "#abcdef"
        let grid = LandscapeFigure(
            grid: Fixtures.bowlGrid(), minimumValue: 0,
            panels: runs.map { .init(title: $0.label, series: $0.series, color: $0.color, trajectories: [$0]) }
        ).svg(FigureText(idPrefix: "g", title: "t", description: "d"))
        #expect(grid.contains("style=\"fill:#abcdef;stroke:"))
        #expect(!grid.contains(Palette.color(0)))
        let curve = CurveFigure(
            curve: (0...20).map { Point(Double($0) / 10 - 1, Double($0 * $0) / 100) },
            runs: [DrawnPath(label: "GD", series: 2, color: "teal", points: [Point(-1, 1), Point(-0.5, 0.25), Point(0, 0)])]
        ).svg(FigureText(idPrefix: "k", title: "t", description: "d"))
        #expect(curve.contains("stroke:var(--cg-color-teal,#009BB2)"))
        #expect(curve.contains("fill:var(--cg-color-teal,#009BB2)"))
        #expect(!curve.contains(Palette.color(2)))
    }
}
