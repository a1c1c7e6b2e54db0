import Testing
@testable import Plotting

@Suite struct FigureTests {
    func bowlSVG(prefix: String = "fig1") -> String {
        LandscapeFigure(
            grid: Fixtures.bowlGrid(), minimumValue: 0, minima: [Point(0, 0)],
            panels: Fixtures.bowlRuns().map { .init(title: $0.label, series: $0.series, trajectories: [$0]) }
        ).svg(FigureText(idPrefix: prefix, title: "Bowl <4 runs>", description: "SGD & co."))
    }

    @Test func outputIsDeterministic() {
        #expect(bowlSVG() == bowlSVG())
    }

    @Test func isAccessibleImage() {
        let svg = bowlSVG()
        #expect(svg.contains("role=\"img\" aria-labelledby=\"fig1-title\" aria-describedby=\"fig1-desc\""))
        #expect(svg.contains("<title id=\"fig1-title\">Bowl &lt;4 runs&gt;</title>"))
        #expect(svg.contains("<desc id=\"fig1-desc\">SGD &amp; co.</desc>"))
    }

    /// Two figures on one page must not share an id.
    @Test func everyIdCarriesThePrefix() {
        let svg = bowlSVG(prefix: "p7")
        let ids = svg.split(separator: "id=\"").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(!ids.isEmpty)
        #expect(ids.allSatisfy { $0.hasPrefix("p7-") })
        #expect(Set(ids).count == ids.count)
        let references = svg.split(separator: "href=\"#").dropFirst().map { $0.prefix { $0 != "\"" } }
        #expect(references.allSatisfy { Set(ids).contains($0) })
    }

    /// Small multiples draw the contour once and reuse it per panel.
    @Test func smallMultiplesShareTheContour() {
        let svg = bowlSVG()
        #expect(svg.components(separatedBy: "stroke:var(--cg-plot-contour").count == 2)
        #expect(svg.components(separatedBy: "<use href=\"#fig1-contour\"/>").count == 5)
    }

    /// The markers carry no hover tooltips (a mouse alone could read them); their numbers
    /// are ``FigureData``, which a page shows as a table.
    @Test func markersHaveNoTooltipsTheirNumbersAreData() throws {
        let svg = bowlSVG()
        #expect(svg.components(separatedBy: "<title").count == 2, "the figure's own title only")
        let data = FigureData(Fixtures.bowlRuns(), curve: false, words: .english)
        #expect(data.groups.map(\.name) == ["SGD", "Momentum", "AdaGrad", "Adam"])
        let sgd = try #require(data.groups.first)
        #expect(sgd.rows.first == FigureData.Row(step: 0, point: "(−7, 2)", value: "6.45"))
        // Thirty steps, at most forty markers: every step, the end last.
        #expect(sgd.rows.map(\.step) == Array(0...30))
    }

    /// A long run is thinned as its markers are: every k-th step, the start and the end;
    /// on a curve the point is x and the value f(x).
    @Test func figureDataThinsLongRunsAndReadsCurves() {
        let points = (0...100).map { Point(Double($0) / 100, Double($0) * Double($0) / 10_000) }
        let data = FigureData([DrawnPath(label: "GD", series: 0, points: points)], curve: true, words: .english)
        let rows = data.groups[0].rows
        #expect(rows.map(\.step) == [0] + Array(stride(from: 3, to: 100, by: 3)) + [100])
        #expect(rows.last == FigureData.Row(step: 100, point: "1", value: "1"))
        #expect(rows.count <= LandscapeFigure.maximumMarkers + 2)
    }

    @Test(arguments: ["a", "fig-1", "x_2"])
    func validPrefixes(prefix: String) { #expect(FigureText.isValidPrefix(prefix)) }

    @Test(arguments: ["", "1a", "a b", "a\"", "é"])
    func invalidPrefixes(prefix: String) { #expect(!FigureText.isValidPrefix(prefix)) }

    /// A run that leaves for infinity is clipped at the frame and noted; no coordinate
    /// in the SVG is huge or non-finite.
    @Test func divergedRunIsClippedAndNoted() {
        let runs = [DrawnPath(
            label: "SGD", series: 0,
            points: [Point(1, 1), Point(-3, 2), Point(9, -8), Point(-1e200, 1e200), Point(.infinity, .nan)],
            values: [1, 2, 3, 4, .nan], divergedAt: 3)]
        let svg = LandscapeFigure(grid: Fixtures.bowlGrid(), panels: [.init(trajectories: runs)])
            .svg(FigureText(idPrefix: "d", title: "t", description: "d"))
        #expect(svg.contains("SGD diverged at step 3"))
        #expect(!svg.contains("nan") && !svg.contains("inf") && !svg.contains("e+"))
        let numbers = svg.split(whereSeparator: { !"0123456789.".contains($0) }).compactMap { Double($0) }
        #expect(numbers.allSatisfy { $0 < 10_000 })
    }

    @Test func clippingCutsAtTheBorder() {
        let rect = Rect(x: 0, y: 0, width: 10, height: 10)
        let pieces = Clipping.clip([Point(5, 5), Point(15, 5), Point(15, 6), Point(5, 6)], to: rect)
        #expect(pieces == [[Point(5, 5), Point(10, 5)], [Point(10, 6), Point(5, 6)]])
    }

    @Test func logLossAxisSurvivesZeroAndInfinity() {
        let figure = LineFigure(panels: [.init(
            yAxis: Axis(label: "f − f*", scale: .log),
            series: [LineSeries(label: "a", series: 0, y: [10, 1, 0.1, 0, 1e-40]), LineSeries(label: "b", series: 1, y: [10, 1e5, .infinity])])])
        let svg = figure.svg(FigureText(idPrefix: "l", title: "t", description: "d"))
        #expect(!svg.contains("nan") && !svg.contains("inf"))
        // Capped at a thousand times the start: the diverged run does not squash the axis.
        // At most twelve decades below that: the 10⁻⁴⁰ of a converged run does not stretch it.
        #expect(figure.yRange(for: figure.panels[0]) == 1e-8...1e4)
    }

    @Test func histogramCountsEveryValue() {
        let h = Histogram(title: "w", values: [0, 0.1, 0.5, 0.99, 1, 5, -3, .nan], binCount: 4, range: 0...1)
        #expect(h.counts == [3, 0, 1, 3])
        #expect(h.edges == [0, 0.25, 0.5, 0.75, 1])
    }

    @Test func paletteStylesheetDefinesEveryProperty() {
        let css = Palette.stylesheet
        for n in 1...8 { #expect(css.contains("--cg-series-\(n):")) }
        #expect(css.contains("prefers-color-scheme: dark"))
        #expect(Palette.color(8) == Palette.color(0))
    }
}
