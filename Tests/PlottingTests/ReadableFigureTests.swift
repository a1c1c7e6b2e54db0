import Testing
@testable import Plotting
import TextFormatting

/// The defects a reader found in the shipped course (issue 10, item 3), each pinned down.
@Suite struct ReadableFigureTests {
    static let text = FigureText(idPrefix: "r", title: "t", description: "d")

    /// Twelve labels of twelve CJK ideographs each, as a Chinese course would write them.
    static let chineseLabels = (1...12).map { n in "第\(["一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"][n - 1])组随机梯度下降法实验结果".prefix(12).description }

    // MARK: Text widths

    @Test(arguments: ["汉", "か", "カ", "한", "Ａ", "。"])
    func eastAsianCharactersAreAFullEm(character: String) {
        #expect(TextMetrics.width(character, fontSize: 10) == 10)
    }

    @Test func aChineseLabelIsWiderThanALatinOneOfTheSameLength() {
        let chinese = Self.chineseLabels[0]
        #expect(chinese.count == 12)
        #expect(TextMetrics.width(chinese, fontSize: 12) == 144)
        #expect(TextMetrics.width(chinese, fontSize: 12) > 1.5 * TextMetrics.width("abcdefghijkl", fontSize: 12))
        // Combining marks take no room of their own.
        #expect(TextMetrics.width("e\u{301}", fontSize: 12) == TextMetrics.width("e", fontSize: 12))
    }

    // MARK: Legends

    /// The boxes of entries on one row, from the layout's offsets and the measured widths.
    static func boxes(_ legend: Legend, width: Double) -> [(row: Int, x0: Double, x1: Double)] {
        legend.layout(width: width).enumerated().flatMap { row, entries in
            entries.map { entry, x in (row, x, x + Legend.width(of: entry)) }
        }
    }

    @Test(arguments: [640.0, 480, 300])
    func chineseLegendEntriesNeverOverlapAndStayInside(width: Double) {
        let legend = Legend(entries: Self.chineseLabels.prefix(8).enumerated().map {
            .init(glyph: .series($0.offset, color: Palette.color($0.offset)), label: $0.element)
        })
        let boxes = Self.boxes(legend, width: width)
        #expect(boxes.count == 8)
        for (i, a) in boxes.enumerated() {
            #expect(a.x1 <= width || a.x0 == 0, "entry \(i) leaves the legend")
            for b in boxes[(i + 1)...] where a.row == b.row {
                #expect(a.x1 <= b.x0 || b.x1 <= a.x0)
            }
        }
        // 8 × (27 + 144) units do not fit in one row of 640: the legend wraps.
        #expect(Set(boxes.map(\.row)).count > 1)
    }

    @Test func everyLegendEntryIsItsOwnGroup() {
        let svg = LineFigure(panels: [.init(yAxis: Axis(label: "f"), series: Self.chineseLabels.prefix(6).enumerated().map {
            LineSeries(label: $0.element, series: $0.offset, y: [3, 2, 1])
        })]).svg(Self.text)
        #expect(svg.components(separatedBy: "<g class=\"cg-legend-entry\">").count - 1 == 6)
        for label in Self.chineseLabels.prefix(6) {
            #expect(svg.contains("<text x=") && svg.contains(">\(label)</text></g>"))
        }
    }

    /// A label longer than the whole legend is squeezed to fit rather than leaving the figure.
    @Test func aLabelWiderThanTheFigureIsSqueezed() {
        let long = String(repeating: "很长的标签", count: 20)
        let svg = LineFigure(panels: [.init(yAxis: Axis(label: "f"), series: [LineSeries(label: long, series: 0, y: [1, 2])])])
            .svg(Self.text)
        #expect(svg.contains("lengthAdjust=\"spacingAndGlyphs\">\(long)</text>"))
    }

    @Test func aFigureCanLeaveItsRunsToAKeyOutsideIt() {
        let lines = (0..<12).map { LineSeries(label: "run \($0)", series: $0, y: [3, 2, 1]) }
        let svg = LineFigure(panels: [.init(yAxis: Axis(label: "f"), series: lines)], listsSeries: false).svg(Self.text)
        #expect(!svg.contains("cg-legend"))
        #expect(!svg.contains("run 3"))
    }

    /// Series 9 onwards reuse the colours, so they differ in shape and dash.
    @Test func twelveSeriesAreTwelveDistinctKeys() {
        let keys = (0..<12).map { (Palette.color($0), MarkerShape.forSeries($0), Palette.dash($0)) }
        for (i, a) in keys.enumerated() {
            for b in keys[(i + 1)...] { #expect(a.0 != b.0 || a.1 != b.1) }
        }
        #expect(keys.prefix(8).allSatisfy { $0.2 == nil })
        #expect(keys.dropFirst(8).allSatisfy { $0.2 != nil })
        let key = LegendKey.svg(series: 9)
        #expect(key.contains("stroke-dasharray=\"6 3\"") && key.contains("aria-hidden=\"true\"") && key.contains("width:30px"))
    }

    // MARK: Markers

    /// A placed marker's paint must come from its placement: a stroke in the shape's
    /// definition overrode the test points' class colour and drew them white.
    @Test func testPointsAreOutlinedInTheirClassColour() {
        let figure = DecisionRegionFigure(
            xRange: 0...1, yRange: 0...1, gridColumns: 2, gridRows: 2,
            panels: [.init(title: "SGD", predictions: [0, 1, 1, 0])],
            samples: [.init(point: Point(0.2, 0.2), label: 0, isTest: false), .init(point: Point(0.7, 0.7), label: 1, isTest: true)])
        let svg = figure.svg(Self.text)
        #expect(svg.contains("style=\"fill:var(--cg-plot-bg,#fff);stroke:\(Palette.color(1));stroke-width:1.2\""))
        let definitions = svg.components(separatedBy: "<path id=\"r-s").dropFirst().map { $0.prefix { $0 != ">" } }
        #expect(!definitions.isEmpty)
        #expect(definitions.allSatisfy { !$0.contains("style") && !$0.contains("stroke") })
    }

    // MARK: Plot windows

    @Test func theWindowShowsEveryStartAndMinimum() {
        let starts = [Point(-7, 2), Point(3, -4)]
        let window = PlotWindow.fitting(anchors: starts + [Point(0, 0)], paths: [])
        for p in starts + [Point(0, 0)] {
            #expect(window.x.contains(p.x) && window.y.contains(p.y))
            // With a margin: nothing sits on the frame.
            #expect(p.x > window.x.lowerBound && p.x < window.x.upperBound)
        }
    }

    /// The README's example drew every path starting outside the [−5, 5]² default.
    @Test func theBowlExampleStartsInside() {
        let paths = Fixtures.bowlRuns().map(\.points)
        let window = PlotWindow.fitting(anchors: [Point(-7, 2), paths[2].last!], paths: paths)
        #expect(window.x.lowerBound < -7 && window.x.upperBound >= 0)
        #expect(window.y.upperBound > 2 && window.y.lowerBound < 0)
        #expect(window.x.upperBound - window.x.lowerBound <= 12)
    }

    /// A diverging path would stretch the window to its last finite point; it is cut at a
    /// multiple of the anchors' extent instead, and the figure notes where it leaves.
    @Test func aDivergingPathDoesNotBlowUpTheWindow() {
        let runaway = (0..<40).map { Point(-7 + Double($0), 2 * Math.pow(-3, Double($0))) } + [Point(.infinity, .nan)]
        let window = PlotWindow.fitting(anchors: [Point(-7, 2), Point(0, 0)], paths: [runaway])
        #expect(window.y.upperBound - window.y.lowerBound <= 30)
        #expect(window.x.upperBound - window.x.lowerBound <= 30)
        #expect(window.x.contains(-7) && window.y.contains(2))
    }

    @Test func aBuiltInsWindowIsKeptWhenItShowsEverything() {
        let preferred = (x: -2.0...2.0, y: -1.0...3.0)
        let kept = PlotWindow.fitting(anchors: [Point(-1.5, 2), Point(1, 1)], paths: [[Point(0, 0.5)]], preferred: preferred)
        #expect(kept.x == preferred.x && kept.y == preferred.y)
        let widened = PlotWindow.fitting(anchors: [Point(-4, 2), Point(1, 1)], paths: [], preferred: preferred)
        #expect(widened.x.lowerBound < -4 && widened.x.upperBound >= 2 && widened.y.lowerBound <= -1 && widened.y.upperBound >= 3)
    }

    // MARK: Notes

    /// "leaves the plot" notes sat on the axes; they now have rows of their own under them.
    @Test func notesSitUnderTheAxes() throws {
        let runs = Fixtures.rosenbrockRuns()
        let grid = ScalarGrid(xRange: -2...2, yRange: -1...3, columns: 41, rows: 41, Fixtures.rosenbrock)
        let svg = LandscapeFigure(grid: grid, minima: [Point(1, 1)], panels: [.init(trajectories: runs)]).svg(Self.text)
        let notes = try #require(svg.range(of: "<g class=\"cg-notes\""))
        let xLabel = try #require(svg.range(of: "text-anchor=\"middle\" font-size=\"12\">x</text>"))
        #expect(xLabel.upperBound < notes.lowerBound)
        let noteY = try #require(Double(svg[notes.upperBound...].split(separator: " y=\"")[1].prefix { $0 != "\"" }))
        let height = try #require(Double(svg.split(separator: " height=\"")[1].prefix { $0 != "\"" }))
        let labelY = try #require(Double(svg[..<xLabel.lowerBound].split(separator: " y=\"").last!.prefix { $0 != "\"" }))
        #expect(noteY > labelY && noteY <= height)
    }

    // MARK: Words

    /// The words inside a figure come from the page that asks for it, so a course in
    /// another language writes its own.
    @Test func aFigureWritesTheWordsItIsGiven() {
        var words = FigureVocabulary.english
        words.start = "起点"
        words.leaves = "{label}在第{step}步离开图"
        let runs = Fixtures.rosenbrockRuns()
        let svg = LandscapeFigure(grid: ScalarGrid(xRange: -2...2, yRange: -1...3, columns: 21, rows: 21, Fixtures.rosenbrock),
                                  panels: [.init(trajectories: [DrawnPath(label: "甲", series: 0, points: [Point(0, 0), Point(9, 9)])] + runs)])
            .svg(FigureText(idPrefix: "w", title: "t", description: "d", words: words))
        #expect(svg.contains(">起点</text>"))
        #expect(svg.contains(">甲在第1步离开图</text>"))
        #expect(svg.contains("GD η = 0.004 diverged at step"))
    }

    /// In a language written without spaces, a note spaces its label as the page's catalog
    /// spaces its sentences: no space between a Chinese label and the Chinese after it.
    @Test func anUnspacedLanguagesNotesDropTheSpaceBesideAChineseLabel() {
        var words = FigureVocabulary.english
        words.leaves = "{label} 在第 {step} 步离开图区"
        words.startsOutside = "{label} 的起点在图外"
        words.isUnspaced = true
        let svg = LandscapeFigure(grid: ScalarGrid(xRange: -2...2, yRange: -1...3, columns: 21, rows: 21, Fixtures.rosenbrock),
                                  panels: [.init(trajectories: [
                                      DrawnPath(label: "随机梯度下降", series: 0, points: [Point(0, 0), Point(9, 9)]),
                                      DrawnPath(label: "Adam", series: 1, points: [Point(9, 9), Point(0, 0)]),
                                  ])])
            .svg(FigureText(idPrefix: "w", title: "t", description: "d", words: words))
        #expect(svg.contains(">随机梯度下降在第 1 步离开图区</text>"))
        #expect(svg.contains(">Adam 的起点在图外</text>"))
        #expect(words.fill("{label} 在第 {step} 步发散 ↗", ["label": "动量法", "step": "5"]) == "动量法在第 5 步发散 ↗")
        #expect(FigureVocabulary.english.fill("{label} diverged at step {step}", ["label": "随机梯度下降", "step": "5"])
            == "随机梯度下降 diverged at step 5")
    }

    @Test func templatesAreFilledInOnePass() {
        #expect(FigureVocabulary.fill("{label} at {step}", ["label": "{step}", "step": "3"]) == "{step} at 3")
        #expect(FigureVocabulary.fill("{unknown} {step", ["step": "3"]) == "{unknown} {step")
    }

    // MARK: Histograms

    /// Per-panel scales made a spike and a spread look alike.
    @Test func histogramPanelsShareTheirCountAxis() {
        let spike = Histogram(title: "spike", edges: [0, 1, 2, 3], counts: [0, 900, 0])
        let spread = Histogram(title: "spread", edges: [0, 1, 2, 3], counts: [300, 300, 300])
        #expect(HistogramFigure.countRange([spike, spread]) == 0...1000)
        let svg = HistogramFigure(histograms: [spike, spread], columns: 2).svg(Self.text)
        // Both panels label the same top tick.
        #expect(svg.components(separatedBy: ">1000</text>").count - 1 == 2)
        let shared = HistogramFigure(histograms: [spread], countRange: 0...1000).svg(Self.text)
        #expect(shared.contains(">1000</text>"))
    }

    // MARK: Text inside the figure

    @Test func theLastTickLabelHasRoomOnTheRight() {
        let svg = LineFigure(xAxis: Axis(label: "iteration"), panels: [.init(yAxis: Axis(label: "loss"), series: [
            LineSeries(label: "SGD", series: 0, x: [0, 20000], y: [1, 0.1]),
        ])]).svg(Self.text)
        let last = TextMetrics.width("20000", fontSize: 11) / 2
        let x = svg.components(separatedBy: ">20000</text>")[0].split(separator: "x=\"").last!.prefix { $0 != "\"" }
        #expect(Double(x)! + last <= 640)
    }

    @Test func aLongAxisLabelIsSqueezedToItsAxis() {
        let label = String(repeating: "a very long axis label ", count: 10)
        let svg = LineFigure(xAxis: Axis(label: label), panels: [.init(yAxis: Axis(label: label), series: [
            LineSeries(label: "SGD", series: 0, y: [1, 0.1]),
        ])]).svg(Self.text)
        #expect(svg.components(separatedBy: "lengthAdjust=\"spacingAndGlyphs\">\(Escaping.html(label))</text>").count - 1 == 2)
    }
}
