/// A 1-D objective f(x) as a curve, with each run's iterates marked on it.
public struct CurveFigure: Sendable {
    /// Samples (x, f(x)) of the objective, in ascending x.
    public var curve: [Point]
    /// Each run's iterates as (x, f(x)).
    public var runs: [DrawnPath]
    /// Known minimisers as (x*, f(x*)).
    public var minima: [Point]
    public var xAxis: Axis
    public var yAxis: Axis
    public var width: Double
    public var height: Double
    /// Whether the legend lists the runs; `false` when the page shows them beside the
    /// figure instead (a table for many runs, see ``LegendKey``).
    public var listsSeries: Bool
    /// Draws the iterates step by step while the reader plays the figure; `nil` draws them still.
    public var animation: PathAnimation?

    public init(
        curve: [Point], runs: [DrawnPath], minima: [Point] = [], xAxis: Axis = Axis(label: "x"),
        yAxis: Axis = Axis(label: "f(x)"), width: Double = 640, height: Double = 300,
        listsSeries: Bool = true
    ) {
        self.curve = curve
        self.runs = runs
        self.minima = minima
        self.xAxis = xAxis
        self.yAxis = yAxis
        self.width = width
        self.height = height
        self.listsSeries = listsSeries
    }

    public func svg(_ text: FigureText) -> String {
        let finiteCurve = curve.filter(\.isFinite)
        let xs = finiteCurve.map(\.x), ys = finiteCurve.map(\.y)
        let xRange = xAxis.range ?? ((xs.min() ?? 0)...(max(xs.max() ?? 1, (xs.min() ?? 0) + 1e-9)))
        let yRange = yAxis.range ?? Ticks.niceLinearRange(ys.min() ?? 0, ys.max() ?? 1)
        let narrow = ResponsiveFigure.isNarrow(width)
        let yTicks = AxisPainter.ticks(yRange, scale: .linear, count: narrow ? 4 : 5, length: height, vertical: true)
        let xTicks = AxisPainter.ticks(
            xRange, scale: .linear, count: narrow ? 4 : 8, length: width - 38 - AxisPainter.labelWidth(yTicks), vertical: false)
        let left = 24 + AxisPainter.labelWidth(yTicks) + AxisPainter.tickLength + 4
        let right = max(14, AxisPainter.rightOverhang(xTicks))

        let words = text.words
        let legend = Legend.paths(
            listsSeries ? runs : [], showsMinimum: !minima.isEmpty, showsEvaluated: runs.contains { $0.role == .evaluated }, words: words)
        let plotWidth = width - left - right
        let top = 6 + legend.height(width: plotWidth) + 8
        let rect = Rect(x: left, y: top, width: plotWidth, height: height)
        let axesBottom = top + height + AxisPainter.tickLength + 34
        let mapX = ScaleMapping(scale: .linear, domain: xRange, from: rect.x, to: rect.maxX)
        let mapY = ScaleMapping(scale: .linear, domain: yRange, from: rect.maxY, to: rect.y)
        func drawn(_ p: Point) -> Point {
            p.isFinite ? Point(min(1e6, max(-1e6, mapX(p.x))), min(1e6, max(-1e6, mapY(p.y)))) : Point(.nan, .nan)
        }
        // Why a run stops short is written under the axes, where it cannot hide anything.
        let notes = FigureNotes(lines: runs.compactMap { LandscapeFigure.note(for: $0, drawn: $0.points.map(drawn), in: rect, words: words) })
        let total = axesBottom + notes.height

        var document = SVGDocument(text, width: width, height: total)
        var markers = MarkerSet(prefix: text.idPrefix)
        var body = legend.render(at: Point(left, 6), width: plotWidth, markers: &markers)
        body += AxisPainter.frame(rect)
        body += AxisPainter.bottom(rect, mapX, xTicks, labelled: true)
        body += AxisPainter.left(rect, mapY, yTicks, labelled: true)
        var data = PathData()
        for piece in Clipping.clip(curve.map(drawn), to: rect) {
            data.add(Simplification.simplify(piece, tolerance: 0.15))
        }
        body += "<path d=\"\(data.text)\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\".7\" stroke-width=\"1.2\"/>\n"

        // Each run zig-zags along the curve: thin lines between successive iterates show
        // overshooting at a glance.
        var steps = "", ends = "", lines = ""
        var sheet = animation.map { AnimationSheet($0, prefix: text.idPrefix) }
        for run in runs {
            let points = run.points.map(drawn)
            let color = run.css
            lines += AnimationSheet.lines(
                points, in: rect, attributes: " style=\"stroke:\(color)\"" + Legend.dashAttribute(run.series, role: run.role), sheet: &sheet)
            let shape = MarkerShape.forSeries(run.series)
            let small = markers.id(shape, .small), large = markers.id(shape, .large)
            var group = ""
            let last = points.count - 1
            // The evaluated point shows its own end marker only, as on a landscape.
            if run.role == .evaluated {
                if last > 0, rect.contains(points[last]) {
                    ends += markers.use(markers.id(.circle, .large), at: points[last], style: Legend.evaluatedEndStyle(color),
                                        attributes: sheet?.head(points, in: rect) ?? "") + "\n"
                }
                continue
            }
            let most = LandscapeFigure.maximumMarkers(width: width)
            let every = max(1, (last + most - 1) / most)
            for step in stride(from: every, to: max(every, last), by: every) where rect.contains(points[step]) {
                group += markers.use(small, at: points[step])
            }
            if !group.isEmpty { steps += "<g style=\"fill:\(color)\"\(sheet?.atEnd() ?? "")>\(group)</g>\n" }
            if let first = points.first, rect.contains(first) {
                ends += markers.use(large, at: first, style: Legend.startStyle(color)) + "\n"
            }
            if last > 0, rect.contains(points[last]) {
                ends += markers.use(large, at: points[last], style: Legend.endStyle(color),
                                    attributes: sheet?.head(points, in: rect) ?? "") + "\n"
            }
        }
        if !lines.isEmpty {
            body += "<g fill=\"none\" stroke-width=\"1\" stroke-opacity=\".7\" stroke-linejoin=\"round\">\n\(lines)</g>\n"
        }
        body += Legend.haloed(steps) + ends
        for minimum in minima where rect.contains(drawn(minimum)) {
            body += markers.use(markers.minimumID(), at: drawn(minimum)) + "\n"
        }
        body += AxisPainter.xLabel(xAxis.label, under: rect, baseline: axesBottom - 6)
        body += AxisPainter.yLabel(yAxis.label, beside: rect, x: 12)
        body += notes.render(left: left, top: axesBottom, width: plotWidth)
        document.defs = markers.defs
        document.style = sheet?.element ?? ""
        document.body = body
        return document.rendered
    }
}

extension CurveFigure: ResponsiveDrawing {
    /// The figure at a phone's width, its plot no taller than wide.
    public var narrow: CurveFigure {
        var figure = self
        figure.width = ResponsiveFigure.narrowWidth
        figure.height = min(height, 200)
        return figure
    }
}
