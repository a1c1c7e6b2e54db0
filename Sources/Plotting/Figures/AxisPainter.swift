import TextFormatting

/// Draws frames, tick marks, tick labels, grid lines and axis labels around a plot area.
enum AxisPainter {
    static let tickLength = 4.0
    static let tickFont = 11.0
    static let labelFont = 12.0

    /// The ticks and labels of an axis over `range`.
    static func ticks(_ range: ClosedRange<Double>, scale: AxisScale, count: Int) -> [(Double, String)] {
        let values = scale == .log
            ? Ticks.log(range.lowerBound, range.upperBound, count: count)
            : Ticks.linear(range.lowerBound, range.upperBound, count: count)
        return Array(zip(values, TickLabels.labels(for: values, scale: scale)))
    }

    /// The ticks of an axis `length` units long: as many as `count` asks for, fewer when their
    /// labels would touch. A vertical axis's labels keep ``minimumRowSpacing`` between baselines
    /// (a line box of 11-unit text, CJK faces included); a horizontal axis's keep
    /// ``minimumLabelGap`` between the estimated edges of neighbours.
    static func ticks(
        _ range: ClosedRange<Double>, scale: AxisScale, count: Int, length: Double, vertical: Bool
    ) -> [(Double, String)] {
        var count = count
        var ticks = ticks(range, scale: scale, count: count)
        while count > 2, !fit(ticks, range: range, scale: scale, length: length, vertical: vertical) {
            count -= 1
            ticks = Self.ticks(range, scale: scale, count: count)
        }
        return ticks
    }

    /// `fitted` when its labels are no wider than `laidOut`'s, which the margins were measured
    /// for; `laidOut` otherwise.
    static func within(_ fitted: [(Double, String)], _ laidOut: [(Double, String)]) -> [(Double, String)] {
        labelWidth(fitted) <= labelWidth(laidOut) && rightOverhang(fitted) <= rightOverhang(laidOut) ? fitted : laidOut
    }

    static let minimumRowSpacing = 16.0
    static let minimumLabelGap = 6.0

    /// Whether the labels of `ticks` along an axis `length` units long leave room between them.
    static func fit(_ ticks: [(Double, String)], range: ClosedRange<Double>, scale: AxisScale, length: Double, vertical: Bool) -> Bool {
        let map = ScaleMapping(scale: scale, domain: range, from: 0, to: length)
        let placed = ticks.map { (map($0.0), $0.1) }.filter { $0.0 >= -0.05 && $0.0 <= length + 0.05 }
        if vertical {
            return zip(placed, placed.dropFirst()).allSatisfy { abs($1.0 - $0.0) >= minimumRowSpacing }
        }
        let extents = placed.map { x, label in labelExtent(label, at: x, leftEdge: 0) }
        return zip(extents, extents.dropFirst()).allSatisfy { $1.lowerBound - $0.upperBound >= minimumLabelGap }
    }

    /// Where an x tick label at `x` reaches: centred on its tick, or starting at it on the
    /// axis's left edge when centring would reach under the y tick labels.
    static func labelExtent(_ label: String, at x: Double, leftEdge: Double) -> ClosedRange<Double> {
        let width = TextMetrics.width(label, fontSize: tickFont)
        if startsAtTick(label, at: x, leftEdge: leftEdge) { return (x - 2)...(x - 2 + width) }
        return (x - width / 2)...(x + width / 2)
    }

    /// Whether the x tick label at `x` starts at its tick instead of being centred on it: it is
    /// on the left edge, and half of it is wider than the room left of the edge before the y
    /// tick labels, which end `tickLength + 3` left of it (Vega's labelFlush).
    static func startsAtTick(_ label: String, at x: Double, leftEdge: Double) -> Bool {
        x < leftEdge + 0.5 && TextMetrics.width(label, fontSize: tickFont) / 2 > tickLength + 1
    }

    /// The room right of a plot area that its x tick labels need: the last label is
    /// centred on the right edge, so half of it sticks out ("20000" under a long loss curve).
    static func rightOverhang(_ ticks: [(Double, String)]) -> Double {
        guard let last = ticks.last else { return 0 }
        return TextMetrics.width(last.1, fontSize: tickFont) / 2 + 2
    }

    /// The width the y tick labels need.
    static func labelWidth(_ ticks: [(Double, String)]) -> Double {
        ticks.map { TextMetrics.width($0.1, fontSize: tickFont) }.max() ?? 0
    }

    static func frame(_ rect: Rect) -> String {
        "<rect x=\"\(SVGText.n(rect.x))\" y=\"\(SVGText.n(rect.y))\" width=\"\(SVGText.n(rect.width))\" "
            + "height=\"\(SVGText.n(rect.height))\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\".5\" stroke-width=\".8\"/>\n"
    }

    /// Tick marks below `rect` and, when `labelled`, their labels; `rightEndLabel: false`
    /// leaves the label at the right edge to the panel beside it, which has one at its left.
    static func bottom(
        _ rect: Rect, _ map: ScaleMapping, _ ticks: [(Double, String)], labelled: Bool, rightEndLabel: Bool = true
    ) -> String {
        var marks = PathData()
        for (value, _) in ticks {
            let x = map(value)
            guard x >= rect.x - 0.05, x <= rect.maxX + 0.05 else { continue }
            marks.add([Point(x, rect.maxY), Point(x, rect.maxY + tickLength)])
        }
        var out = "<path d=\"\(marks.text)\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\".5\" stroke-width=\".8\"/>\n"
        if labelled { out += bottomLabels(rect, map, ticks, rightEndLabel: rightEndLabel) }
        return out
    }

    /// Only the labels of ``bottom(_:_:_:labelled:rightEndLabel:)``, for panels whose tick
    /// marks come from a shared definition.
    static func bottomLabels(_ rect: Rect, _ map: ScaleMapping, _ ticks: [(Double, String)], rightEndLabel: Bool = true) -> String {
        var labels = ""
        for (value, label) in ticks {
            let x = map(value)
            guard x >= rect.x - 0.05, x <= rect.maxX + 0.05, rightEndLabel || x < rect.maxX - 0.5 else { continue }
            let y = SVGText.n(rect.maxY + tickLength + 11)
            if startsAtTick(label, at: x, leftEdge: rect.x) {
                labels += "<text x=\"\(SVGText.n(x - 2))\" y=\"\(y)\" text-anchor=\"start\">\(Escaping.html(label))</text>"
                continue
            }
            labels += "<text x=\"\(SVGText.n(x))\" y=\"\(y)\">\(Escaping.html(label))</text>"
        }
        return "<g text-anchor=\"middle\" fill-opacity=\".8\">\(labels)</g>\n"
    }

    /// Only the labels of ``left(_:_:_:labelled:)``.
    static func leftLabels(_ rect: Rect, _ map: ScaleMapping, _ ticks: [(Double, String)]) -> String {
        var labels = ""
        for (value, label) in ticks {
            let y = map(value)
            guard y >= rect.y - 0.05, y <= rect.maxY + 0.05 else { continue }
            labels += "<text x=\"\(SVGText.n(rect.x - tickLength - 3))\" y=\"\(SVGText.n(y + 3.8))\">\(Escaping.html(label))</text>"
        }
        return "<g text-anchor=\"end\" fill-opacity=\".8\">\(labels)</g>\n"
    }

    /// Tick marks left of `rect` and, when `labelled`, their labels.
    static func left(_ rect: Rect, _ map: ScaleMapping, _ ticks: [(Double, String)], labelled: Bool) -> String {
        var marks = PathData()
        for (value, _) in ticks {
            let y = map(value)
            guard y >= rect.y - 0.05, y <= rect.maxY + 0.05 else { continue }
            marks.add([Point(rect.x - tickLength, y), Point(rect.x, y)])
        }
        var out = "<path d=\"\(marks.text)\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\".5\" stroke-width=\".8\"/>\n"
        if labelled { out += leftLabels(rect, map, ticks) }
        return out
    }

    /// Faint horizontal lines at the y ticks, behind the data.
    static func horizontalGrid(_ rect: Rect, _ map: ScaleMapping, _ ticks: [(Double, String)]) -> String {
        var lines = PathData()
        for (value, _) in ticks {
            let y = map(value)
            guard y >= rect.y - 0.05, y <= rect.maxY + 0.05 else { continue }
            lines.add([Point(rect.x, y), Point(rect.maxX, y)])
        }
        guard !lines.isEmpty else { return "" }
        return "<path d=\"\(lines.text)\" fill=\"none\" stroke=\"currentColor\" stroke-opacity=\".12\" stroke-width=\".8\"/>\n"
    }

    /// The x axis label centred under `rect` at baseline `y`, squeezed to the rect's width
    /// when longer.
    static func xLabel(_ text: String, under rect: Rect, baseline y: Double) -> String {
        guard !text.isEmpty else { return "" }
        return FittedText.text(
            text, x: rect.x + rect.width / 2, y: y, fontSize: labelFont, room: rect.width, anchor: "middle",
            attributes: " font-size=\"12\"") + "\n"
    }

    /// The y axis label, turned to read upwards, centred beside `rect` at `x`, squeezed to
    /// the rect's height when longer.
    static func yLabel(_ text: String, beside rect: Rect, x: Double) -> String {
        guard !text.isEmpty else { return "" }
        let y = rect.y + rect.height / 2
        var out = "<text transform=\"translate(\(SVGText.n(x)) \(SVGText.n(y)))rotate(-90)\" text-anchor=\"middle\" font-size=\"12\""
        out += FittedText.squeeze(text, fontSize: labelFont, room: rect.height)
        return out + ">" + Escaping.html(text) + "</text>\n"
    }
}
