import TextFormatting

/// A legend laid out in rows across the top of a figure: a swatch, then the label.
///
/// Entries are measured with ``TextMetrics`` (wide characters count a full em), placed left
/// to right and wrapped to a new row rather than ever overlapping; each entry is one
/// `<g class="cg-legend-entry">` holding its swatch and its text. A label wider than the
/// whole legend is squeezed to fit with `textLength`, so no text leaves the figure.
struct Legend {
    enum Glyph: Hashable {
        /// A series: a short line in its CSS colour and dash with the marker shape of its index.
        case series(Int, color: String)
        /// A series drawn as a filled bar (histograms).
        case bar(Int)
        /// The start marker's look, in `currentColor`.
        case start
        /// The end marker's look.
        case end
        /// A dashed line ending in the evaluated point's end marker, in `currentColor`: the
        /// path or curve of the point a run is evaluated at.
        case evaluated
        /// The known minimum's plus sign.
        case minimum
        /// A hollow marker, outlined in `currentColor` (test points).
        case hollow
    }

    struct Entry: Hashable {
        var glyph: Glyph
        var label: String
    }

    /// Tall enough for the line box of a CJK face at ``fontSize`` (Noto Sans CJK's is
    /// 1.45 em), so rows never touch.
    static let rowHeight = 20.0
    static let fontSize = 12.0
    static let swatchWidth = 22.0
    static let labelGap = 5.0
    static let entryGap = 16.0

    var entries: [Entry]

    /// The legend of a figure that draws optimizer paths: each series of `paths` once, in
    /// order, then the start and end markers and, when the figure marks one, the minimum.
    /// `showsEvaluated` adds the dashed evaluated point's entry after the end marker's.
    static func paths(_ paths: [DrawnPath], showsMinimum: Bool, showsEvaluated: Bool = false, words: FigureVocabulary) -> Legend {
        var legend = Legend(entries: [])
        var seen: Set<Int> = []
        for path in paths where path.role != .evaluated && seen.insert(path.series).inserted {
            legend.entries.append(.init(glyph: .series(path.series, color: path.css), label: path.label))
        }
        legend.entries.append(.init(glyph: .start, label: words.start))
        legend.entries.append(.init(glyph: .end, label: words.end))
        if showsEvaluated { legend.entries.append(.init(glyph: .evaluated, label: words.evaluatedPoint)) }
        if showsMinimum { legend.entries.append(.init(glyph: .minimum, label: words.minimum)) }
        return legend
    }

    /// The width of an entry: swatch, gap and measured label.
    static func width(of entry: Entry) -> Double {
        swatchWidth + labelGap + TextMetrics.width(entry.label, fontSize: fontSize)
    }

    /// The legend's rows for the given width, as offsets of each entry from the left.
    func layout(width: Double) -> [[(Entry, Double)]] {
        var rows: [[(Entry, Double)]] = []
        var row: [(Entry, Double)] = []
        var x = 0.0
        for entry in entries {
            let w = Self.width(of: entry)
            if x > 0, x + w > width {
                rows.append(row)
                row = []
                x = 0
            }
            row.append((entry, x))
            x += w + Self.entryGap
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    func height(width: Double) -> Double { Double(layout(width: width).count) * Self.rowHeight }

    /// The legend's markup, its first row's top at `origin`.
    func render(at origin: Point, width: Double, markers: inout MarkerSet) -> String {
        guard !entries.isEmpty else { return "" }
        var out = "<g class=\"cg-legend\" font-size=\"\(SVGText.n(Self.fontSize))\">\n"
        for (r, row) in layout(width: width).enumerated() {
            let mid = origin.y + Double(r) * Self.rowHeight + Self.rowHeight / 2
            for (entry, dx) in row {
                let x = origin.x + dx
                out += "<g class=\"cg-legend-entry\">"
                out += Self.glyph(entry.glyph, at: Point(x, mid), markers: &markers)
                let room = width - dx - Self.swatchWidth - Self.labelGap
                let textX = SVGText.n(x + Self.swatchWidth + Self.labelGap)
                out += "<text x=\"\(textX)\" y=\"\(SVGText.n(mid + 4.2))\"" + FittedText.squeeze(entry.label, fontSize: Self.fontSize, room: room)
                out += ">" + Escaping.html(entry.label) + "</text></g>\n"
            }
        }
        return out + "</g>\n"
    }

    /// The swatch of `glyph`, its left end at `p.x`, centred on `p.y`.
    static func glyph(_ glyph: Glyph, at p: Point, markers: inout MarkerSet) -> String {
        let centre = Point(p.x + swatchWidth / 2, p.y)
        switch glyph {
        case .series(let s, let color):
            // A straight line encloses nothing, so it needs no `fill="none"`.
            var out = "<path d=\"M\(SVGText.n(p.x)) \(SVGText.n(p.y))h\(SVGText.n(swatchWidth))\" "
            out += "style=\"stroke:\(color)\" stroke-width=\"1.5\"\(dashAttribute(s))/>"
            return out + markers.use(markers.id(.forSeries(s), .small), at: centre, style: stepStyle(color))
        case .bar(let s):
            return "<rect x=\"\(SVGText.n(p.x + 4))\" y=\"\(SVGText.n(p.y - 5))\" width=\"14\" height=\"10\" "
                + "style=\"fill:\(Palette.color(s))\" fill-opacity=\".75\"/>"
        case .start:
            return markers.use(markers.id(.circle, .large), at: centre, style: startStyle("currentColor"))
        case .end:
            return markers.use(markers.id(.circle, .large), at: centre, style: endStyle("currentColor"))
        case .evaluated:
            var out = "<path d=\"M\(SVGText.n(p.x)) \(SVGText.n(p.y))h\(SVGText.n(swatchWidth - 6))\" "
            out += "stroke=\"currentColor\" stroke-width=\"1.5\" stroke-dasharray=\"\(PathRole.evaluatedDash)\"/>"
            return out + markers.use(
                markers.id(.circle, .large), at: Point(p.x + swatchWidth - 4, p.y), style: evaluatedEndStyle("currentColor"))
        case .minimum:
            return markers.use(markers.minimumID(), at: centre)
        case .hollow:
            return markers.use(markers.id(.circle, .small), at: centre, style: DecisionRegionFigure.testStyle("currentColor"))
        }
    }

    /// ` stroke-dasharray="…"` for a series whose colour and shape repeat an earlier one's.
    static func dashAttribute(_ series: Int) -> String {
        Palette.dash(series).map { " stroke-dasharray=\"\($0)\"" } ?? ""
    }

    /// A step marker: filled in the series' CSS colour, with a thin halo of the background.
    static func stepStyle(_ color: String) -> String {
        "fill:\(color);" + haloStyle
    }

    /// The step markers' halo, which a figure may set once on a group of all its series'
    /// marker groups (each then only sets its fill).
    static let haloStyle = "stroke:\(Palette.background);stroke-width:.6"

    /// `groups` of step markers, each `<g style="fill:…">`, inside one group that gives them the halo.
    static func haloed(_ groups: String) -> String {
        groups.isEmpty ? "" : "<g style=\"\(haloStyle)\">\n" + groups + "</g>\n"
    }

    /// A start marker: hollow, outlined in `color`.
    static func startStyle(_ color: String) -> String {
        "fill:\(Palette.background);stroke:\(color);stroke-width:1.5"
    }

    /// ` stroke-dasharray="…"` for a path or line in `role`: an evaluated point's dash, or its series'.
    static func dashAttribute(_ series: Int, role: PathRole) -> String {
        role == .evaluated ? " stroke-dasharray=\"\(PathRole.evaluatedDash)\"" : dashAttribute(series)
    }

    /// The end marker of an evaluated point: a ring in `color` around a pale centre, unlike the
    /// iterate's filled end and the start's hollow ring.
    static func evaluatedEndStyle(_ color: String) -> String {
        "fill:\(color);fill-opacity:.35;stroke:\(color);stroke-width:1.5"
    }

    /// An end marker: filled in `color`, ringed by the background.
    static func endStyle(_ color: String) -> String {
        "fill:\(color);stroke:\(Palette.background);stroke-width:1.2"
    }
}
