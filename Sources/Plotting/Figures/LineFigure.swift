/// Line plots stacked over one shared x axis: loss curves on a log or linear axis, and
/// under them, when one is used, the learning-rate schedule.
public struct LineFigure: Sendable {
    /// One stacked panel with its own y axis.
    public struct Panel: Hashable, Sendable {
        public var yAxis: Axis
        public var series: [LineSeries]
        /// The plot area's height in drawing units.
        public var height: Double

        public init(yAxis: Axis, series: [LineSeries], height: Double = 220) {
            self.yAxis = yAxis
            self.series = series
            self.height = height
        }
    }

    public var xAxis: Axis
    public var panels: [Panel]
    public var width: Double
    /// Whether the legend above the plot lists the lines; `false` when the page shows them
    /// beside the figure instead (a table for many runs, see ``LegendKey``).
    public var listsSeries: Bool
    /// A cursor at the step a playing path figure shows (its ``PathAnimation``), across
    /// every panel; `nil` draws none. The x axis must be the step.
    public var animation: PathAnimation?

    public init(xAxis: Axis = Axis(label: "step"), panels: [Panel], width: Double = 640, listsSeries: Bool = true) {
        self.xAxis = xAxis
        self.panels = panels
        self.width = width
        self.listsSeries = listsSeries
    }

    /// Markers per line: enough to tell the lines apart without colour, few enough not
    /// to clutter.
    static let markersPerLine = 4

    public func svg(_ text: FigureText) -> String {
        let xRange = xAxis.range ?? dataXRange()
        let yRanges = panels.map { yRange(for: $0) }
        let yTicks = zip(panels, yRanges).map {
            AxisPainter.ticks($1, scale: $0.yAxis.scale, count: $0.height < 150 ? 3 : 6, length: $0.height, vertical: true)
        }
        let labelWidth = yTicks.map(AxisPainter.labelWidth).max() ?? 0
        let left = 24 + labelWidth + 6
        let xTicks = AxisPainter.ticks(
            xRange, scale: xAxis.scale, count: ResponsiveFigure.isNarrow(width) ? 4 : 8, length: width - left - 14, vertical: false)
        let right = max(14, AxisPainter.rightOverhang(xTicks))
        let plotWidth = width - left - right

        var legend = Legend(entries: [])
        var seen: Set<String> = []
        for panel in panels where listsSeries {
            for line in panel.series where !line.isFaint && line.role != .evaluated && seen.insert("\(line.series)|\(line.label)").inserted {
                legend.entries.append(.init(glyph: .series(line.series, color: line.css), label: line.label))
            }
        }
        if panels.contains(where: { $0.series.contains { $0.role == .evaluated } }) {
            legend.entries.append(.init(glyph: .evaluated, label: text.words.evaluatedPoint))
        }
        let legendTop = 6.0
        var top = legend.entries.isEmpty ? 12 : legendTop + legend.height(width: plotWidth) + 10
        let gap = 24.0
        let height = top + panels.map(\.height).reduce(0, +) + Double(max(0, panels.count - 1)) * gap + AxisPainter.tickLength + 34

        var document = SVGDocument(text, width: width, height: height)
        var markers = MarkerSet(prefix: text.idPrefix)
        var body = legend.render(at: Point(left, legendTop), width: plotWidth, markers: &markers)
        let mapX = ScaleMapping(scale: xAxis.scale, domain: xRange, from: left, to: left + plotWidth)
        let plotTop = top
        for (index, panel) in panels.enumerated() {
            let rect = Rect(x: left, y: top, width: plotWidth, height: panel.height)
            let mapY = ScaleMapping(scale: panel.yAxis.scale, domain: yRanges[index], from: rect.maxY, to: rect.y)
            body += AxisPainter.horizontalGrid(rect, mapY, yTicks[index])
            body += "<path d=\"M\(SVGText.n(rect.x)) \(SVGText.n(rect.maxY))h\(SVGText.n(rect.width))\" fill=\"none\" "
            body += "stroke=\"currentColor\" stroke-opacity=\".5\" stroke-width=\".8\"/>\n"
            body += AxisPainter.left(rect, mapY, yTicks[index], labelled: true)
            body += AxisPainter.bottom(rect, mapX, xTicks, labelled: index == panels.count - 1)
            body += AxisPainter.yLabel(panel.yAxis.label, beside: rect, x: 12)
            body += lines(panel.series, in: rect, mapX, mapY, markers: &markers)
            top += panel.height + gap
        }
        if let animation {
            // Hidden in the still figure and after the last frame, so the last frame is the still figure.
            var sheet = AnimationSheet(animation, prefix: text.idPrefix)
            let x = mapX(Double(animation.steps))
            body += "<path d=\"M\(SVGText.n(x)) \(SVGText.n(plotTop))V\(SVGText.n(top - gap))\" stroke=\"currentColor\" stroke-width=\"1.2\" "
            body += "visibility=\"hidden\"\(sheet.cursor { mapX(Double($0)) })/>\n"
            document.style = sheet.element
        }
        let last = Rect(x: left, y: top - gap, width: plotWidth, height: 0)
        body += AxisPainter.xLabel(xAxis.label, under: last, baseline: height - 6)
        document.defs = markers.defs
        document.body = body
        return document.rendered
    }

    private func lines(
        _ series: [LineSeries], in rect: Rect, _ mapX: ScaleMapping, _ mapY: ScaleMapping, markers: inout MarkerSet
    ) -> String {
        var paths = ""
        var faint = ""
        var dots = ""
        // Values the axis cannot show (≤ 0 on a log axis, ±∞) are drawn far outside the
        // frame, so the clipped line runs off its edge instead of stopping short.
        func clamp(_ v: Double) -> Double { v.isNaN ? .nan : min(1e6, max(-1e6, v)) }
        for (order, line) in series.enumerated() {
            let drawn = line.y.indices.map { Point(clamp(mapX(line.xValue($0))), clamp(mapY(line.y[$0]))) }
            var data = PathData()
            for piece in Clipping.clip(drawn, to: rect) {
                data.add(Simplification.simplify(piece, tolerance: 0.15))
            }
            if line.isFaint {
                if !data.isEmpty { faint += "<path d=\"\(data.text)\" style=\"stroke:\(line.css)\"/>\n" }
                continue
            }
            if !data.isEmpty { paths += "<path d=\"\(data.text)\" style=\"stroke:\(line.css)\"\(Legend.dashAttribute(line.series, role: line.role))/>\n" }
            // The dash tells the evaluated point's curve from its iterate's, whose markers it shares.
            if line.role == .evaluated { continue }
            let id = markers.id(.forSeries(line.series), .small)
            var group = ""
            // Staggered so that lines which coincide still show every marker.
            let offset = Double(order + 1) / Double(series.count + 1)
            var used: Set<Int> = []
            for k in 0..<Self.markersPerLine where drawn.count > 1 {
                let t = (Double(k) + offset) / Double(Self.markersPerLine)
                let index = Int((t * Double(drawn.count - 1)).rounded())
                guard used.insert(index).inserted, rect.contains(drawn[index]) else { continue }
                group += markers.use(id, at: drawn[index])
            }
            if !group.isEmpty { dots += "<g style=\"fill:\(line.css)\">\(group)</g>\n" }
        }
        // Faint lines go first, so every emphasised line is drawn over all of them.
        var out = ""
        if !faint.isEmpty {
            out += "<g fill=\"none\" stroke-width=\".8\" stroke-opacity=\".28\" stroke-linejoin=\"round\">\n\(faint)</g>\n"
        }
        guard !paths.isEmpty || !dots.isEmpty else { return out }
        return out + "<g fill=\"none\" stroke-width=\"1.5\" stroke-linejoin=\"round\">\n\(paths)</g>\n" + Legend.haloed(dots)
    }

    private func dataXRange() -> ClosedRange<Double> {
        var lo = Double.infinity, hi = -Double.infinity
        for panel in panels {
            for line in panel.series where !line.y.isEmpty {
                for index in line.y.indices {
                    let x = line.xValue(index)
                    if x.isFinite {
                        lo = min(lo, x)
                        hi = max(hi, x)
                    }
                }
            }
        }
        guard lo.isFinite else { return 0...1 }
        if hi <= lo { return xAxis.scale == .log ? Ticks.niceLogRange(lo, lo * 10) : Ticks.niceLinearRange(lo, lo) }
        return xAxis.scale == .log ? Ticks.niceLogRange(lo, hi) : lo...hi
    }

    /// The y range: the axis's own, or the data's with two guards. A diverged run's
    /// values (10³⁰⁰, ∞) would squash every other line, so the top is capped at a
    /// thousand times the largest starting value; a converged run's values (10⁻³⁰)
    /// would waste the bottom, so a log axis spans at most twelve decades.
    func yRange(for panel: Panel) -> ClosedRange<Double> {
        if let range = panel.yAxis.range { return range }
        let log = panel.yAxis.scale == .log
        var lo = Double.infinity, hi = -Double.infinity, start = -Double.infinity
        for line in panel.series {
            if let first = line.y.first(where: { $0.isFinite && (!log || $0 > 0) }) { start = max(start, first) }
            for v in line.y where v.isFinite && (!log || v > 0) {
                lo = min(lo, v)
                hi = max(hi, v)
            }
        }
        guard lo.isFinite, hi.isFinite else { return log ? 1...10 : 0...1 }
        if log {
            if start.isFinite { hi = min(hi, start * 1e3) }
            lo = max(lo, hi * 1e-12)
            return Ticks.niceLogRange(lo, hi)
        }
        if start.isFinite, start > lo { hi = min(hi, lo + 10 * (start - lo)) }
        return Ticks.niceLinearRange(lo, hi, count: panel.height < 150 ? 3 : 5)
    }
}

extension LineFigure: ResponsiveDrawing {
    /// The figure at a phone's width, its tall panels a little shorter.
    public var narrow: LineFigure {
        var figure = self
        figure.width = ResponsiveFigure.narrowWidth
        for index in figure.panels.indices { figure.panels[index].height = min(figure.panels[index].height, 180) }
        return figure
    }
}
