/// A legend laid out in rows across the top of a figure: a swatch, then the label.
struct Legend {
    enum Glyph: Hashable {
        /// A series: a short line in its CSS colour with the marker shape of its index.
        case series(Int, color: String)
        /// A series drawn as a filled bar (histograms).
        case bar(Int)
        /// The start marker's look, in `currentColor`.
        case start
        /// The end marker's look.
        case end
        /// The known minimum's plus sign.
        case minimum
    }

    struct Entry: Hashable {
        var glyph: Glyph
        var label: String
    }

    static let rowHeight = 18.0
    static let fontSize = 12.0
    static let swatchWidth = 22.0

    var entries: [Entry]

    /// The legend's rows for the given width, as offsets of each entry from the left.
    func layout(width: Double) -> [[(Entry, Double)]] {
        var rows: [[(Entry, Double)]] = []
        var row: [(Entry, Double)] = []
        var x = 0.0
        for entry in entries {
            let w = Self.swatchWidth + 5 + TextMetrics.width(entry.label, fontSize: Self.fontSize)
            if x > 0, x + w > width {
                rows.append(row)
                row = []
                x = 0
            }
            row.append((entry, x))
            x += w + 16
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    func height(width: Double) -> Double { Double(layout(width: width).count) * Self.rowHeight }

    /// The legend's markup, its first row's top at `origin`.
    func render(at origin: Point, width: Double, markers: inout MarkerSet) -> String {
        guard !entries.isEmpty else { return "" }
        var out = "<g class=\"cg-legend\" font-size=\"12\">\n"
        for (r, row) in layout(width: width).enumerated() {
            let mid = origin.y + Double(r) * Self.rowHeight + Self.rowHeight / 2
            for (entry, dx) in row {
                let x = origin.x + dx
                let centre = Point(x + Self.swatchWidth / 2, mid)
                switch entry.glyph {
                case .series(let s, let color):
                    out += "<path d=\"M\(SVGText.n(x)) \(SVGText.n(mid))h\(SVGText.n(Self.swatchWidth))\" fill=\"none\" "
                    out += "style=\"stroke:\(color)\" stroke-width=\"1.5\"/>"
                    out += markers.use(markers.id(.forSeries(s), .small), at: centre, style: Self.stepStyle(color)) + "\n"
                case .bar(let s):
                    out += "<rect x=\"\(SVGText.n(x + 4))\" y=\"\(SVGText.n(mid - 5))\" width=\"14\" height=\"10\" "
                    out += "style=\"fill:\(Palette.color(s))\" fill-opacity=\".75\"/>\n"
                case .start:
                    out += markers.use(markers.id(.circle, .large), at: centre, style: Self.startStyle("currentColor")) + "\n"
                case .end:
                    out += markers.use(markers.id(.circle, .large), at: centre, style: Self.endStyle("currentColor")) + "\n"
                case .minimum:
                    out += markers.use(markers.minimumID(), at: centre) + "\n"
                }
                out += "<text x=\"\(SVGText.n(x + Self.swatchWidth + 5))\" y=\"\(SVGText.n(mid + 4.2))\">"
                out += SVGText.escape(entry.label) + "</text>\n"
            }
        }
        return out + "</g>\n"
    }

    /// A step marker: filled in the series' CSS colour (its halo is in its definition).
    static func stepStyle(_ color: String) -> String {
        "fill:\(color)"
    }

    /// A start marker: hollow, outlined in `color`.
    static func startStyle(_ color: String) -> String {
        "fill:\(Palette.background);stroke:\(color);stroke-width:1.5"
    }

    /// An end marker: filled in `color`, ringed by the background.
    static func endStyle(_ color: String) -> String {
        "fill:\(color);stroke:\(Palette.background);stroke-width:1.2"
    }
}
