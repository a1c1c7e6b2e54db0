import TextFormatting

/// Contours of a 2-D objective with optimizer paths over them: one overlay panel, or
/// small multiples that share one contour drawing through `<use>`.
public struct LandscapeFigure: Sendable {
    /// One panel's title and paths.
    public struct Panel: Hashable, Sendable {
        /// Shown above the panel in small multiples, e.g. "Momentum"; ignored in an overlay.
        public var title: String?
        /// The series of the panel's title marker, when the panel shows one method.
        public var series: Int?
        /// The title marker's chosen colour (see ``DrawnPath/color``); `nil` uses the palette's.
        public var color: String?
        public var trajectories: [DrawnPath]

        public init(title: String? = nil, series: Int? = nil, color: String? = nil, trajectories: [DrawnPath]) {
            self.title = title
            self.series = series
            self.color = color
            self.trajectories = trajectories
        }
    }

    /// The objective sampled over the frame; its x and y ranges are the plot's.
    public var grid: ScalarGrid
    public var levels: ContourLevels
    /// f*, the base of logarithmic levels; the grid's minimum when `nil`.
    public var minimumValue: Double?
    /// Faint stacked fills between contour levels, darkest in the valley.
    public var filledBands: Bool
    /// Known minimisers, marked with a plus sign.
    public var minima: [Point]
    /// One panel draws an overlay; more draw small multiples, `columns` to a row.
    public var panels: [Panel]
    public var columns: Int
    public var xLabel: String
    public var yLabel: String
    /// The figure's width in drawing units (its height follows from the data's aspect).
    public var width: Double
    /// Whether an overlay's legend lists the runs; `false` when the page shows them beside
    /// the figure instead (a table for many runs, see ``LegendKey``).
    public var listsSeries: Bool
    /// Draws the paths step by step while the reader plays the figure; `nil` draws them still.
    public var animation: PathAnimation?

    public init(
        grid: ScalarGrid, levels: ContourLevels = .standard, minimumValue: Double? = nil, filledBands: Bool = false,
        minima: [Point] = [], panels: [Panel], columns: Int = 2, xLabel: String = "x", yLabel: String = "y",
        width: Double = 640, listsSeries: Bool = true
    ) {
        self.grid = grid
        self.levels = levels
        self.minimumValue = minimumValue
        self.filledBands = filledBands
        self.minima = minima
        self.panels = panels
        self.columns = max(1, columns)
        self.xLabel = xLabel
        self.yLabel = yLabel
        self.width = width
        self.listsSeries = listsSeries
    }

    /// Steps beyond this many per run are marked every k-th, keeping the figure light.
    static let maximumMarkers = 40

    /// The step markers per run of a drawing `width` units wide: half as many in a narrow one,
    /// where 40 would touch each other and double the page's markers.
    static func maximumMarkers(width: Double) -> Int { ResponsiveFigure.isNarrow(width) ? maximumMarkers / 2 : maximumMarkers }

    /// The figure as a standalone `<svg>` element.
    public func svg(_ text: FigureText) -> String { render(text, sharedBackground: nil).svg }

    /// The figure with its contours, frame and tick marks left to a `<use>` of the element
    /// `id`, which the caller defines once for several figures of one window (a sweep's
    /// variants); returns the figure and that background, in the panel's coordinates.
    public func svg(_ text: FigureText, sharedBackground id: String) -> (svg: String, background: String) {
        render(text, sharedBackground: id)
    }

    private func render(_ text: FigureText, sharedBackground sharedID: String?) -> (svg: String, background: String) {
        let overlay = panels.count <= 1
        let columns = overlay ? 1 : min(self.columns, panels.count)
        let rows = (max(1, panels.count) + columns - 1) / columns
        let xRange = grid.xRange, yRange = grid.yRange
        let narrow = ResponsiveFigure.isNarrow(width)
        let xCount = overlay && !narrow ? 8 : 4, yCount = overlay ? (narrow ? 5 : 6) : 4
        let laidOutX = AxisPainter.ticks(xRange, scale: .linear, count: xCount)
        let laidOutY = AxisPainter.ticks(yRange, scale: .linear, count: yCount)

        let margin = 22 + AxisPainter.labelWidth(laidOutY) + AxisPainter.tickLength + 4
        let right = max(12, AxisPainter.rightOverhang(laidOutX))
        let gap = 26.0
        let titleHeight = overlay ? 0.0 : 20.0
        let available = (width - margin - right - Double(columns - 1) * gap) / Double(columns)
        let xSpan = xRange.upperBound - xRange.lowerBound, ySpan = yRange.upperBound - yRange.lowerBound
        // Equal units on both axes keep gradients perpendicular to the contours, unless
        // the domain is so lopsided that a panel would be a sliver.
        let aspect = min(4, max(0.25, ySpan / xSpan))
        let maxPanelHeight = overlay ? 420.0 : 260.0
        var panelWidth = available, panelHeight = available * aspect
        if panelHeight > maxPanelHeight {
            panelHeight = maxPanelHeight
            panelWidth = panelHeight / aspect
        }
        // The figure keeps its full width when tall panels are narrower, with the panels
        // centred: a narrower SVG would be scaled up to the column's width, text and all.
        let contentWidth = margin + Double(columns) * panelWidth + Double(columns - 1) * gap + right
        let figureWidth = max(width, contentWidth)
        // Fewer ticks where a lopsided domain leaves a short or narrow panel.
        let xTicks = AxisPainter.within(
            AxisPainter.ticks(xRange, scale: .linear, count: xCount, length: panelWidth, vertical: false), laidOutX)
        let yTicks = AxisPainter.within(
            AxisPainter.ticks(yRange, scale: .linear, count: yCount, length: panelHeight, vertical: true), laidOutY)
        let left = margin + (figureWidth - contentWidth) / 2

        let words = text.words
        // Small multiples name each run in its panel's title instead.
        let listed = overlay && listsSeries ? panels.first?.trajectories ?? [] : []
        let showsEvaluated = panels.contains { $0.trajectories.contains { $0.role == .evaluated } }
        let legend = Legend.paths(listed, showsMinimum: !minima.isEmpty, showsEvaluated: showsEvaluated, words: words)
        let legendTop = 6.0
        let legendWidth = figureWidth - left - right
        let top = legendTop + legend.height(width: legendWidth) + 8
        let panelStride = titleHeight + panelHeight + 10
        let local = Rect(x: 0, y: 0, width: panelWidth, height: panelHeight)
        let mapX = ScaleMapping(scale: .linear, domain: xRange, from: 0, to: panelWidth)
        let mapY = ScaleMapping(scale: .linear, domain: yRange, from: panelHeight, to: 0)
        func drawn(_ trajectory: DrawnPath) -> [Point] {
            trajectory.points.map { p in p.isFinite ? Point(mapX(p.x), mapY(p.y)) : Point(.nan, .nan) }
        }
        // Why a path stops short is written under the axes, where it cannot hide anything.
        let notes = FigureNotes(lines: panels.flatMap { panel in
            panel.trajectories.compactMap { Self.note(for: $0, drawn: drawn($0), in: local, words: words) }
        })
        let axesBottom = top + Double(rows) * panelStride - 10 + AxisPainter.tickLength + 34
        let height = axesBottom + notes.height

        var document = SVGDocument(text, width: figureWidth, height: height)
        var markers = MarkerSet(prefix: text.idPrefix)
        var body = legend.render(at: Point(left, legendTop), width: legendWidth, markers: &markers)
        var sheet = animation.map { AnimationSheet($0, prefix: text.idPrefix) }

        let levelValues = levels.values(for: grid, minimum: minimumValue)
        let contour = ContourLayer(grid: grid, levels: levelValues, filled: filledBands).render(in: local)
        // Contours, frame and tick marks are the same in every panel: small multiples
        // define them once and place them with <use>.
        let background = contour + AxisPainter.frame(local)
            + AxisPainter.bottom(local, mapX, xTicks, labelled: false)
            + AxisPainter.left(local, mapY, yTicks, labelled: false)
        var sharedLabels = ""
        let contourID = sharedID ?? document.id("contour")
        if !overlay, sharedID == nil { document.defs += "<g id=\"\(contourID)\">\n\(background)</g>\n" }
        for (index, panel) in (panels.isEmpty ? [Panel(trajectories: [])] : panels).enumerated() {
            let column = index % columns, row = index / columns
            let origin = Point(left + Double(column) * (panelWidth + gap), top + Double(row) * panelStride + titleHeight)
            body += "<g transform=\"translate(\(SVGText.n(origin.x)) \(SVGText.n(origin.y)))\">\n"
            if !overlay, let title = panel.title {
                body += panelTitle(title, series: panel.series, color: panel.color, width: panelWidth, markers: &markers)
            }
            body += overlay && sharedID == nil ? background : "<use href=\"#\(contourID)\"/>\n"
            let isBottom = row == rows - 1 || index + columns >= panels.count
            var labels = ""
            if isBottom {
                labels += AxisPainter.bottomLabels(local, mapX, xTicks, rightEndLabel: column == columns - 1)
            }
            if column == 0 { labels += AxisPainter.leftLabels(local, mapY, yTicks) }
            // One overlay panel of a shared window: its tick labels are shared too.
            if overlay, sharedID != nil { sharedLabels = labels } else { body += labels }
            body += paths(panel.trajectories, in: local, mapX, mapY, words: words, markers: &markers, sheet: &sheet)
            body += "</g>\n"
        }

        // Axis labels once for the whole figure, centred on the panels.
        let panelsRect = Rect(
            x: left, y: top + titleHeight,
            width: contentWidth - margin - right, height: Double(rows) * panelStride - 10 - titleHeight)
        body += AxisPainter.xLabel(xLabel, under: panelsRect, baseline: axesBottom - 6)
        body += AxisPainter.yLabel(yLabel, beside: panelsRect, x: left - margin + 12)
        body += notes.render(left: left, top: axesBottom, width: figureWidth - left - right)
        document.defs = markers.defs + document.defs
        document.style = sheet?.element ?? ""
        document.body = body
        return (document.rendered, background + sharedLabels)
    }

    private func panelTitle(_ title: String, series: Int?, color: String?, width: Double, markers: inout MarkerSet) -> String {
        var out = ""
        var x = 0.0
        if let series {
            out += markers.use(markers.id(.forSeries(series), .large), at: Point(5, -10), style: Legend.endStyle(Palette.color(series, chosen: color)))
            x = 14
        }
        return out + FittedText.text(title, x: x, y: -6, fontSize: 13, room: width - x, attributes: " font-size=\"13\" font-weight=\"600\"") + "\n"
    }

    /// The paths, markers and minima of one panel, in panel coordinates.
    private func paths(
        _ trajectories: [DrawnPath], in rect: Rect, _ mapX: ScaleMapping, _ mapY: ScaleMapping, words: FigureVocabulary,
        markers: inout MarkerSet, sheet: inout AnimationSheet?
    ) -> String {
        var lines = ""
        var steps = ""
        var ends = ""
        for trajectory in trajectories {
            let color = trajectory.css
            let drawn = trajectory.points.map { p -> Point in
                p.isFinite ? Point(mapX(p.x), mapY(p.y)) : Point(.nan, .nan)
            }
            lines += AnimationSheet.lines(
                drawn, in: rect, attributes: " style=\"stroke:\(color)\"" + Legend.dashAttribute(trajectory.series, role: trajectory.role), sheet: &sheet)
            let shape = MarkerShape.forSeries(trajectory.series)
            let small = markers.id(shape, .small), large = markers.id(shape, .large)
            let stepCount = drawn.count - 1
            // The evaluated point starts where the iterate does and is read at its end: one
            // marker, its own, keeps the two paths apart.
            if trajectory.role == .evaluated {
                if stepCount > 0, rect.contains(drawn[stepCount]) {
                    ends += markers.use(markers.id(.circle, .large), at: drawn[stepCount], style: Legend.evaluatedEndStyle(color),
                                        attributes: sheet?.head(drawn, in: rect) ?? "")
                    ends += "\n"
                }
                continue
            }
            let most = Self.maximumMarkers(width: width)
            let every = max(1, (stepCount + most - 1) / most)
            var group = ""
            for step in stride(from: every, to: stepCount, by: every) where rect.contains(drawn[step]) {
                group += markers.use(small, at: drawn[step])
            }
            if !group.isEmpty {
                steps += "<g style=\"fill:\(color)\"\(sheet?.atEnd() ?? "")>\(group)</g>\n"
            }
            if let start = drawn.first, rect.contains(start) {
                ends += markers.use(large, at: start, style: Legend.startStyle(color))
                ends += "\n"
            }
            if stepCount > 0, rect.contains(drawn[stepCount]) {
                ends += markers.use(large, at: drawn[stepCount], style: Legend.endStyle(color),
                                    attributes: sheet?.head(drawn, in: rect) ?? "")
                ends += "\n"
            }
        }
        // Minima go under the paths: an end marker covering the plus sign reads as "got there".
        var out = ""
        for minimum in minima where minimum.isFinite {
            let p = Point(mapX(minimum.x), mapY(minimum.y))
            guard rect.contains(p) else { continue }
            out += markers.use(markers.minimumID(), at: p) + "\n"
        }
        if !lines.isEmpty {
            out += "<g fill=\"none\" stroke-width=\"1.5\" stroke-linejoin=\"round\" stroke-linecap=\"round\">\n\(lines)</g>\n"
        }
        out += Legend.haloed(steps) + ends
        return out
    }

    /// Why a path stops short of its end: it diverged, or it left the plotted region.
    static func note(for trajectory: DrawnPath, drawn: [Point], in rect: Rect, words: FigureVocabulary) -> String? {
        if let step = trajectory.divergedAt {
            // A run diverges once, whichever point overflowed: one note, on its iterate.
            guard trajectory.role != .evaluated else { return nil }
            return words.fill(words.diverged, ["label": trajectory.label, "step": String(step)])
        }
        guard let exit = drawn.firstIndex(where: { !$0.isFinite || !rect.contains($0) }) else { return nil }
        if exit == 0 { return trajectory.role == .evaluated ? nil : words.fill(words.startsOutside, ["label": trajectory.label]) }
        return words.fill(words.leaves, ["label": trajectory.name(words), "step": String(exit)])
    }
}

extension LandscapeFigure: ResponsiveDrawing {
    /// The figure at a phone's width: its panels in one column, each as wide as an overlay.
    public var narrow: LandscapeFigure {
        var figure = self
        figure.width = ResponsiveFigure.narrowWidth
        figure.columns = 1
        return figure
    }
}
