import CourseTestSupport
import Foundation
import Testing
@testable import Plotting

/// Every figure is drawn twice, and the narrow drawing keeps its text at least 11 px on a
/// 320 px phone (issue 20): its own layout, not the wide one scaled down.
@Suite struct ResponsiveFigureTests {
    static let text = FigureText(idPrefix: "fig", title: "A figure", description: "What it shows.")

    /// One figure of every kind, as the pages draw them.
    static let figures: [(name: String, figure: any ResponsiveDrawing)] = {
        let runs = Fixtures.bowlRuns()
        let curve = stride(from: -2.0, through: 2.0, by: 0.05).map { Point($0, $0 * $0) }
        return [
            ("overlay", LandscapeFigure(grid: Fixtures.bowlGrid(), minimumValue: 0, minima: [Point(0, 0)], panels: [.init(trajectories: runs)])),
            ("small multiples", LandscapeFigure(
                grid: Fixtures.bowlGrid(), minimumValue: 0, panels: runs.map { .init(title: $0.label, series: $0.series, trajectories: [$0]) })),
            ("curve", CurveFigure(curve: curve, runs: [DrawnPath(label: "GD", series: 0, points: [Point(1.5, 2.25), Point(0.9, 0.81), Point(0.54, 0.29)])])),
            ("loss", Self.loss),
            ("decision regions", DecisionRegionFigure(
                xRange: -1...1, yRange: -1...1, gridColumns: 2, gridRows: 2,
                panels: [.init(title: "SGD", predictions: [0, 1, 1, 0]), .init(title: "Adam", predictions: [0, 0, 1, 1])],
                samples: [.init(point: Point(0.5, 0.5), label: 1, isTest: false)])),
            ("histograms", HistogramFigure(
                histograms: (1...4).map { Histogram(title: "layer \($0)", values: [-1, 0, 0.5, Double($0)]) }, xLabel: "output")),
        ]
    }()

    static let loss = LineFigure(panels: [
        .init(yAxis: Axis(label: "f − f*", scale: .log), series: Fixtures.bowlRuns().map { LineSeries(label: $0.label, series: $0.series, y: $0.values) }),
        .init(yAxis: Axis(label: "learning rate"), series: [LineSeries(label: "SGD", series: 0, y: (0..<30).map { 0.1 / Double($0 + 1) })], height: 90),
    ])

    static func attribute(_ name: String, of svg: String) -> String? {
        guard let start = svg.range(of: " \(name)=\"") else { return nil }
        return String(svg[start.upperBound...].prefix { $0 != "\"" })
    }

    /// Every `font-size` the drawing sets, on the root and on any element.
    static func fontSizes(_ svg: String) -> [Double] {
        svg.components(separatedBy: " font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
    }

    @Test func theNarrowDrawingFitsAPhonesColumn() {
        // A solution in a callout on a 320 px screen is 237.8 px wide: the drawing is never scaled down there.
        #expect(ResponsiveFigure.narrowWidth <= 237.8)
        #expect(Double(ResponsiveFigure.wideFrom) >= 640)
    }

    @Test(arguments: figures.indices)
    func bothDrawingsInTheBoxThatShowsOne(index: Int) throws {
        let figure = Self.figures[index].figure
        let html = figure.responsiveSVG(Self.text)
        let wide = figure.svg(Self.text)
        let narrow = figure.narrow.svg(Self.text.narrow)
        // The wide drawing is the figure as it was, byte for byte; the narrow one follows it.
        #expect(html == "<div class=\"cg-plots\">\n" + wide + narrow + "</div>\n")
        #expect(wide.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cg-plot\" viewBox=\"0 0 640 "))
        #expect(narrow.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"cg-plot cg-plot-narrow\" viewBox=\"0 0 236 "))
        #expect(Self.attribute("width", of: narrow) == "236")
        // Its ids are its own: both drawings sit on one page.
        #expect(narrow.contains("id=\"fig-n-title\"") && !narrow.contains("id=\"fig-title\""))
        // No text is set below 11 units, which the narrow drawing shows at 11 px or more.
        #expect(Self.fontSizes(narrow).min() ?? 0 >= 11, "\(Self.figures[index].name)")
        #expect(Self.fontSizes(narrow).contains(11))
    }

    @Test func theNarrowDrawingStacksPanelsAndThinsTicks() {
        let grid = Self.figures[1].figure as! LandscapeFigure
        #expect(grid.narrow.columns == 1 && grid.narrow.width == 236)
        // Four x tick labels under a 174-unit panel instead of eight under a 576-unit one.
        let wide = Self.loss.svg(Self.text), narrow = Self.loss.narrow.svg(Self.text.narrow)
        #expect(Self.bottomLabels(narrow).count < Self.bottomLabels(wide).count)
        #expect(Self.bottomLabels(narrow).count >= 3)
    }

    /// The x tick labels of the bottom axis: (centre x, label), from the last centred label group.
    static func bottomLabels(_ svg: String) -> [(Double, String)] {
        guard let group = svg.components(separatedBy: "<g text-anchor=\"middle\" fill-opacity=\".8\">").last?
            .components(separatedBy: "</g>").first else { return [] }
        return group.components(separatedBy: "<text x=\"").dropFirst().compactMap { part in
            guard let x = Double(part.prefix { $0 != "\"" }), let open = part.firstIndex(of: ">"),
                  let close = part.range(of: "</text>") else { return nil }
            return (x, String(part[part.index(after: open)..<close.lowerBound]))
        }
    }

    @Test(arguments: figures.indices)
    func narrowTickLabelsLeaveRoomBetweenThem(index: Int) {
        let labels = Self.bottomLabels(Self.figures[index].figure.narrow.svg(Self.text.narrow))
        for (a, b) in zip(labels, labels.dropFirst()) {
            let room = (b.0 - a.0) - (TextMetrics.width(a.1, fontSize: AxisPainter.tickFont) + TextMetrics.width(b.1, fontSize: AxisPainter.tickFont)) / 2
            #expect(room >= 4, "\(Self.figures[index].name): «\(a.1)» and «\(b.1)»")
        }
    }

    /// A short axis (a lopsided domain's, a histogram's) gets fewer ticks, never touching labels.
    @Test(arguments: [(-2.0...2.0, 40.0, true), (-2.0...2.0, 200, true), (-1.0...1.0, 100, false), (0.0...20000, 174, false)])
    func ticksThinOutToTheirAxisLength(range: ClosedRange<Double>, length: Double, vertical: Bool) {
        let ticks = AxisPainter.ticks(range, scale: .linear, count: 6, length: length, vertical: vertical)
        #expect(ticks.count >= 2)
        #expect(AxisPainter.fit(ticks, range: range, scale: .linear, length: length, vertical: vertical) || ticks.count <= 3)
        let unfitted = AxisPainter.ticks(range, scale: .linear, count: 6)
        #expect(ticks.count <= unfitted.count)
        if AxisPainter.fit(unfitted, range: range, scale: .linear, length: length, vertical: vertical) {
            #expect(ticks.map(\.1) == unfitted.map(\.1), "ticks that fit are kept")
        }
    }

    @Test func aWideLabelOnTheLeftEdgeStartsAtItsTick() {
        let rect = Rect(x: 50, y: 0, width: 200, height: 100)
        let map = ScaleMapping(scale: .linear, domain: -2...2, from: rect.x, to: rect.maxX)
        let labels = AxisPainter.bottomLabels(rect, map, AxisPainter.ticks(-2...2, scale: .linear, count: 4))
        // Centred, −2 would reach 7 units left of the corner, under the y labels' column.
        #expect(labels.contains("<text x=\"48\" y=\"115\" text-anchor=\"start\">−2</text>"))
        #expect(labels.contains("<text x=\"150\" y=\"115\">0</text>"))
        // A narrow one stays centred.
        let counts = AxisPainter.bottomLabels(rect, ScaleMapping(scale: .linear, domain: 0...4, from: rect.x, to: rect.maxX), [(0, "0"), (4, "4")])
        #expect(counts.contains("<text x=\"50\" y=\"115\">0</text>"))
    }

    @Test func narrowGoldenFiles() throws {
        let runs = Fixtures.bowlRuns()
        let grid = LandscapeFigure(
            grid: Fixtures.bowlGrid(), minimumValue: 0, filledBands: true, minima: [Point(0, 0)],
            panels: runs.map { .init(title: $0.label, series: $0.series, trajectories: [$0]) })
        try GoldenFile.check(grid.narrow.svg(FigureText(idPrefix: "grid", title: "Four optimizers, one panel each", description: "Small multiples.").narrow), named: "bowl-grid-narrow.svg")
        try GoldenFile.check(Self.loss.narrow.svg(FigureText(idPrefix: "loss", title: "Loss curves", description: "f − f* per step.").narrow), named: "loss-narrow.svg")
    }
}
