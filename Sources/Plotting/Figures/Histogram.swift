/// Counts of values in bins, e.g. one layer's weights or activations.
public struct Histogram: Hashable, Sendable {
    /// Shown above the panel, e.g. "layer 2".
    public var title: String
    /// `counts.count + 1` ascending bin edges.
    public var edges: [Double]
    public var counts: [Int]

    public init(title: String, edges: [Double], counts: [Int]) {
        precondition(edges.count == counts.count + 1, "a histogram needs one more edge than bins")
        self.title = title
        self.edges = edges
        self.counts = counts
    }

    /// `values` counted into `binCount` equal bins over `range` (the finite values'
    /// range when `nil`); values outside the range count in the outermost bins, so
    /// nothing silently disappears.
    public init(title: String, values: [Double], binCount: Int = 30, range: ClosedRange<Double>? = nil) {
        let finite = values.filter(\.isFinite)
        var lo = range?.lowerBound ?? finite.min() ?? 0
        var hi = range?.upperBound ?? finite.max() ?? 1
        if hi <= lo {
            lo -= 0.5
            hi += 0.5
        }
        let bins = max(1, binCount)
        let width = (hi - lo) / Double(bins)
        var counts = [Int](repeating: 0, count: bins)
        for v in finite {
            counts[min(bins - 1, max(0, Math.int(((v - lo) / width).rounded(.down))))] += 1
        }
        self.init(title: title, edges: (0...bins).map { lo + Double($0) * width }, counts: counts)
    }
}

/// Histograms as small multiples, `columns` to a row, e.g. one per network layer.
public struct HistogramFigure: Sendable {
    public var histograms: [Histogram]
    public var columns: Int
    public var xLabel: String
    /// The series colour of the bars.
    public var series: Int
    /// One x range for all panels, so that spreads compare at a glance.
    public var sharedXRange: Bool
    /// The count axis of every panel. `nil` fits one axis to the tallest bar of all the
    /// panels: histograms side by side are compared, and per-panel scales would make a
    /// spike and a spread look alike. Figures drawn as one (rows of one `<figure>`) pass
    /// the same range to each, from ``countRange(_:)``.
    public var countRange: ClosedRange<Double>?
    public var width: Double

    public init(
        histograms: [Histogram], columns: Int = 4, xLabel: String = "", series: Int = 0, sharedXRange: Bool = true,
        countRange: ClosedRange<Double>? = nil, width: Double = 640
    ) {
        self.histograms = histograms
        self.columns = max(1, columns)
        self.xLabel = xLabel
        self.series = series
        self.sharedXRange = sharedXRange
        self.countRange = countRange
        self.width = width
    }

    public func svg(_ text: FigureText) -> String {
        let columns = max(1, min(self.columns, histograms.count))
        let rows = max(1, (histograms.count + columns - 1) / columns)
        let counts = countRange ?? Self.countRange(histograms)
        let laidOutCounts = AxisPainter.ticks(counts, scale: .linear, count: 2)
        let left = 8 + AxisPainter.labelWidth(laidOutCounts) + AxisPainter.tickLength
        let right = max(10, AxisPainter.rightOverhang(AxisPainter.ticks(sharedRange(), scale: .linear, count: 3))), gap = 12.0 + AxisPainter.labelWidth(laidOutCounts) + AxisPainter.tickLength
        let panelWidth = (width - left - right - Double(columns - 1) * gap) / Double(columns)
        let panelHeight = min(120, panelWidth * 0.62)
        let countTicks = AxisPainter.within(
            AxisPainter.ticks(counts, scale: .linear, count: 2, length: panelHeight, vertical: true), laidOutCounts)
        let titleHeight = 18.0, axisHeight = AxisPainter.tickLength + 16
        let rowStride = titleHeight + panelHeight + axisHeight + 6
        let height = 4 + Double(rows) * rowStride + (xLabel.isEmpty ? 0 : 16)

        var document = SVGDocument(text, width: width, height: height)
        var body = ""
        let shared = sharedRange()
        for (index, histogram) in histograms.enumerated() {
            let column = index % columns, row = index / columns
            let rect = Rect(
                x: left + Double(column) * (panelWidth + gap), y: 4 + Double(row) * rowStride + titleHeight,
                width: panelWidth, height: panelHeight)
            let xRange = sharedXRange ? shared : (histogram.edges.first ?? 0)...(histogram.edges.last ?? 1)
            let mapX = ScaleMapping(scale: .linear, domain: xRange, from: rect.x, to: rect.maxX)
            let mapY = ScaleMapping(scale: .linear, domain: counts, from: rect.maxY, to: rect.y)
            body += FittedText.text(
                histogram.title, x: rect.x, y: rect.y - 6, fontSize: 12, room: panelWidth + gap - 4,
                attributes: " font-size=\"12\" font-weight=\"600\"") + "\n"
            body += AxisPainter.horizontalGrid(rect, mapY, countTicks)
            var bars = PathData()
            for (bin, count) in histogram.counts.enumerated() where count > 0 {
                let x0 = max(rect.x, mapX(histogram.edges[bin])), x1 = min(rect.maxX, mapX(histogram.edges[bin + 1]))
                guard x1 > x0 else { continue }
                let y = max(rect.y, mapY(Double(count)))
                bars.add([Point(x0, rect.maxY), Point(x0, y), Point(x1, y), Point(x1, rect.maxY)], closed: true)
            }
            if !bars.isEmpty {
                body += "<path d=\"\(bars.text)\" style=\"fill:\(Palette.color(series))\" fill-opacity=\".75\"/>\n"
            }
            body += "<path d=\"M\(SVGText.n(rect.x)) \(SVGText.n(rect.maxY))h\(SVGText.n(rect.width))\" fill=\"none\" "
            body += "stroke=\"currentColor\" stroke-opacity=\".5\" stroke-width=\".8\"/>\n"
            body += AxisPainter.left(rect, mapY, countTicks, labelled: true)
            body += AxisPainter.bottom(
                rect, mapX, AxisPainter.ticks(xRange, scale: .linear, count: 3, length: panelWidth, vertical: false), labelled: true)
        }
        if !xLabel.isEmpty {
            body += AxisPainter.xLabel(xLabel, under: Rect(x: left, y: 0, width: width - left - right, height: 0), baseline: height - 4)
        }
        document.body = body
        return document.rendered
    }

    /// One count axis for all of `histograms`: zero to the tallest bar, widened to a nice tick.
    public static func countRange(_ histograms: [Histogram]) -> ClosedRange<Double> {
        let tallest = histograms.compactMap { $0.counts.max() }.max() ?? 1
        return Ticks.niceLinearRange(0, Double(max(1, tallest)), count: 2)
    }

    private func sharedRange() -> ClosedRange<Double> {
        let lo = histograms.compactMap(\.edges.first).min() ?? 0
        let hi = histograms.compactMap(\.edges.last).max() ?? 1
        return hi > lo ? lo...hi : lo...(lo + 1)
    }
}

extension HistogramFigure: ResponsiveDrawing {
    /// The figure at a phone's width: two panels to a row.
    public var narrow: HistogramFigure {
        var figure = self
        figure.width = ResponsiveFigure.narrowWidth
        figure.columns = min(columns, 2)
        return figure
    }
}
