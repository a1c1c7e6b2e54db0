/// A 2-D classifier's decision regions with the data over them: one panel per trained
/// network (small multiples), classes told apart by colour and marker shape.
///
/// Each panel tints the cells of a regular grid by the class the network predicts at
/// the cell's centre; cells of one class in a row merge into one rectangle, so the
/// drawing stays small. Training points are filled, test points hollow. The points are
/// the same in every panel, so they are defined once and placed with `<use>`.
public struct DecisionRegionFigure: Sendable {
    /// One network's predictions.
    public struct Panel: Hashable, Sendable {
        /// Shown above the panel, e.g. "Adam".
        public var title: String
        /// The predicted class of each grid cell, row by row from the bottom (smallest y), left to right.
        public var predictions: [Int]

        public init(title: String, predictions: [Int]) {
            self.title = title
            self.predictions = predictions
        }
    }

    /// One data point and its class.
    public struct Sample: Hashable, Sendable {
        public var point: Point
        public var label: Int
        /// Held out from training: drawn hollow.
        public var isTest: Bool

        public init(point: Point, label: Int, isTest: Bool) {
            self.point = point
            self.label = label
            self.isTest = isTest
        }
    }

    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    /// Grid cells across and up; every panel's `predictions` has `gridColumns × gridRows` entries.
    public var gridColumns: Int
    public var gridRows: Int
    public var panels: [Panel]
    public var samples: [Sample]
    /// Panels per row.
    public var columns: Int
    public var width: Double

    public init(
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, gridColumns: Int, gridRows: Int, panels: [Panel],
        samples: [Sample], columns: Int = 2, width: Double = 640
    ) {
        precondition(gridColumns > 0 && gridRows > 0, "a decision grid needs cells")
        precondition(panels.allSatisfy { $0.predictions.count == gridColumns * gridRows }, "one prediction per grid cell")
        self.xRange = xRange
        self.yRange = yRange
        self.gridColumns = gridColumns
        self.gridRows = gridRows
        self.panels = panels
        self.samples = samples
        self.columns = max(1, columns)
        self.width = width
    }

    public func svg(_ text: FigureText) -> String {
        let columns = max(1, min(self.columns, panels.count))
        let rows = max(1, (panels.count + columns - 1) / columns)
        let laidOutX = AxisPainter.ticks(xRange, scale: .linear, count: 4)
        let laidOutY = AxisPainter.ticks(yRange, scale: .linear, count: 4)
        let left = 22 + AxisPainter.labelWidth(laidOutY) + AxisPainter.tickLength + 4
        let right = max(12, AxisPainter.rightOverhang(laidOutX)), gap = 26.0, titleHeight = 20.0
        let panelWidth = (width - left - right - Double(columns - 1) * gap) / Double(columns)
        let xSpan = xRange.upperBound - xRange.lowerBound, ySpan = yRange.upperBound - yRange.lowerBound
        let panelHeight = min(320, panelWidth * min(1.5, max(0.5, ySpan / xSpan)))
        let xTicks = AxisPainter.within(AxisPainter.ticks(xRange, scale: .linear, count: 4, length: panelWidth, vertical: false), laidOutX)
        let yTicks = AxisPainter.within(AxisPainter.ticks(yRange, scale: .linear, count: 4, length: panelHeight, vertical: true), laidOutY)

        let classes = Set(samples.map(\.label)).union(panels.flatMap(\.predictions)).sorted()
        var legend = Legend(entries: classes.map {
            .init(glyph: .series($0, color: Palette.color($0)), label: text.words.fill(text.words.classLabel, ["class": String($0)]))
        })
        legend.entries.append(.init(glyph: .hollow, label: text.words.testPoint))
        let legendTop = 6.0, legendWidth = width - left - right
        let top = legendTop + legend.height(width: legendWidth) + 8
        let panelStride = titleHeight + panelHeight + AxisPainter.tickLength + 18
        let height = top + Double(rows) * panelStride + 16

        var document = SVGDocument(text, width: width, height: height)
        var markers = MarkerSet(prefix: text.idPrefix)
        var body = legend.render(at: Point(left, legendTop), width: legendWidth, markers: &markers)
        let local = Rect(x: 0, y: 0, width: panelWidth, height: panelHeight)
        let mapX = ScaleMapping(scale: .linear, domain: xRange, from: 0, to: panelWidth)
        let mapY = ScaleMapping(scale: .linear, domain: yRange, from: panelHeight, to: 0)

        let pointsID = document.id("points")
        var points = ""
        for sample in samples where sample.point.isFinite {
            let p = Point(mapX(sample.point.x), mapY(sample.point.y))
            guard local.contains(p) else { continue }
            let id = markers.id(.forSeries(sample.label), .small)
            let color = Palette.color(sample.label)
            let style = sample.isTest ? Self.testStyle(color) : Legend.stepStyle(color)
            points += markers.use(id, at: p, style: style)
        }
        var defs = "<g id=\"\(pointsID)\">\(points)</g>\n"

        for (index, panel) in panels.enumerated() {
            let column = index % columns, row = index / columns
            let origin = Point(left + Double(column) * (panelWidth + gap), top + Double(row) * panelStride + titleHeight)
            body += "<g transform=\"translate(\(SVGText.n(origin.x)) \(SVGText.n(origin.y)))\">\n"
            body += FittedText.text(panel.title, x: 0, y: -6, fontSize: 13, room: panelWidth, attributes: " font-size=\"13\" font-weight=\"600\"") + "\n"
            body += regions(panel.predictions, classes: classes, in: local)
            body += AxisPainter.frame(local)
            body += AxisPainter.bottom(local, mapX, xTicks, labelled: true, rightEndLabel: column == columns - 1)
            body += AxisPainter.left(local, mapY, yTicks, labelled: column == 0)
            body += "<use href=\"#\(pointsID)\"/>\n</g>\n"
        }
        body += AxisPainter.xLabel("x₁", under: Rect(x: left, y: 0, width: legendWidth, height: 0), baseline: height - 4)
        body += AxisPainter.yLabel("x₂", beside: Rect(x: left, y: top, width: 0, height: Double(rows) * panelStride), x: 12)
        defs = markers.defs + defs
        document.defs = defs
        document.body = body
        return document.rendered
    }

    /// A test point: hollow, outlined in its class colour.
    static func testStyle(_ color: String) -> String {
        "fill:\(Palette.background);stroke:\(color);stroke-width:1.2"
    }

    /// One translucent path per class, each row's run of equal cells one rectangle.
    private func regions(_ predictions: [Int], classes: [Int], in rect: Rect) -> String {
        let cellWidth = rect.width / Double(gridColumns), cellHeight = rect.height / Double(gridRows)
        var paths: [Int: PathData] = [:]
        for row in 0..<gridRows {
            // Row 0 is the bottom of the plot, where y is smallest.
            let y0 = rect.maxY - Double(row + 1) * cellHeight, y1 = rect.maxY - Double(row) * cellHeight
            var start = 0
            while start < gridColumns {
                let label = predictions[row * gridColumns + start]
                var end = start + 1
                while end < gridColumns, predictions[row * gridColumns + end] == label { end += 1 }
                let x0 = rect.x + Double(start) * cellWidth, x1 = rect.x + Double(end) * cellWidth
                paths[label, default: PathData()].add([Point(x0, y0), Point(x1, y0), Point(x1, y1), Point(x0, y1)], closed: true)
                start = end
            }
        }
        var out = ""
        for label in classes {
            guard let data = paths[label], !data.isEmpty else { continue }
            out += "<path d=\"\(data.text)\" style=\"fill:\(Palette.color(label))\" fill-opacity=\".16\"/>\n"
        }
        return out
    }
}

extension DecisionRegionFigure: ResponsiveDrawing {
    /// The figure at a phone's width: its panels in one column.
    public var narrow: DecisionRegionFigure {
        var figure = self
        figure.width = ResponsiveFigure.narrowWidth
        figure.columns = 1
        return figure
    }
}
