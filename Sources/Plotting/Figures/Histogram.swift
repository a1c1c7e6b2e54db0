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
            counts[min(bins - 1, max(0, Int(((v - lo) / width).rounded(.down))))] += 1
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
    public var width: Double

    public init(
        histograms: [Histogram], columns: Int = 4, xLabel: String = "", series: Int = 0, sharedXRange: Bool = true,
        width: Double = 640
    ) {
        self.histograms = histograms
        self.columns = max(1, columns)
        self.xLabel = xLabel
        self.series = series
        self.sharedXRange = sharedXRange
        self.width = width
    }

    public func svg(_ text: FigureText) -> String {
        let columns = max(1, min(self.columns, histograms.count))
        let rows = max(1, (histograms.count + columns - 1) / columns)
        let countRanges = histograms.map { Ticks.niceLinearRange(0, Double(max(1, $0.counts.max() ?? 1)), count: 2) }
        let countTicks = countRanges.map { AxisPainter.ticks($0, scale: .linear, count: 2) }
        let left = 8 + (countTicks.map(AxisPainter.labelWidth).max() ?? 0) + AxisPainter.tickLength
        let right = 10.0, gap = 12.0 + (countTicks.map(AxisPainter.labelWidth).max() ?? 0) + AxisPainter.tickLength
        let panelWidth = (width - left - right - Double(columns - 1) * gap) / Double(columns)
        let panelHeight = min(120, panelWidth * 0.62)
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
            let mapY = ScaleMapping(scale: .linear, domain: countRanges[index], from: rect.maxY, to: rect.y)
            body += "<text x=\"\(SVGText.n(rect.x))\" y=\"\(SVGText.n(rect.y - 6))\" font-size=\"12\" font-weight=\"600\">"
            body += SVGText.escape(histogram.title) + "</text>\n"
            body += AxisPainter.horizontalGrid(rect, mapY, countTicks[index])
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
            body += AxisPainter.left(rect, mapY, countTicks[index], labelled: true)
            body += AxisPainter.bottom(rect, mapX, AxisPainter.ticks(xRange, scale: .linear, count: 3), labelled: true)
        }
        if !xLabel.isEmpty {
            body += AxisPainter.xLabel(xLabel, under: Rect(x: left, y: 0, width: width - left - right, height: 0), baseline: height - 4)
        }
        document.body = body
        return document.rendered
    }

    private func sharedRange() -> ClosedRange<Double> {
        let lo = histograms.compactMap(\.edges.first).min() ?? 0
        let hi = histograms.compactMap(\.edges.last).max() ?? 1
        return hi > lo ? lo...hi : lo...(lo + 1)
    }
}
