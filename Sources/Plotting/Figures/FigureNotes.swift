import TextFormatting

/// Notes under a figure's axes, one per line: why a path stops short ("SGD leaves the plot
/// at step 2"). They get rows of their own below the x axis label, so they can never sit
/// on a path, an axis or a tick label.
struct FigureNotes {
    static let lineHeight = 15.0
    static let fontSize = 11.0

    var lines: [String]

    /// The room the notes take, with a gap above them; zero for none.
    var height: Double { lines.isEmpty ? 0 : 4 + Double(lines.count) * Self.lineHeight }

    /// The notes' markup, the first line's box top at `top`, squeezed to `width` when longer.
    func render(left: Double, top: Double, width: Double) -> String {
        guard !lines.isEmpty else { return "" }
        var out = "<g class=\"cg-notes\" font-size=\"\(SVGText.n(Self.fontSize))\" fill-opacity=\".85\">"
        for (index, line) in lines.enumerated() {
            let baseline = top + 4 + Double(index) * Self.lineHeight + 11
            out += FittedText.text(line, x: left, y: baseline, fontSize: Self.fontSize, room: width)
        }
        return out + "</g>\n"
    }
}

/// A `<text>` squeezed with `textLength` when its estimated width exceeds the room it has,
/// so that a long label (a long axis label, a translated title) stays inside its figure.
enum FittedText {
    /// `<text x y [text-anchor] [textLength]>escaped</text>`; `anchor` is SVG's `text-anchor`.
    static func text(
        _ text: String, x: Double, y: Double, fontSize: Double, room: Double, anchor: String? = nil, attributes: String = ""
    ) -> String {
        var out = "<text x=\"\(SVGText.n(x))\" y=\"\(SVGText.n(y))\""
        if let anchor { out += " text-anchor=\"\(anchor)\"" }
        out += attributes
        out += squeeze(text, fontSize: fontSize, room: room)
        return out + ">" + Escaping.html(text) + "</text>"
    }

    /// ` textLength="…" lengthAdjust="spacingAndGlyphs"` when `text` needs more than `room`; empty otherwise.
    static func squeeze(_ text: String, fontSize: Double, room: Double) -> String {
        guard TextMetrics.width(text, fontSize: fontSize) > room else { return "" }
        return " textLength=\"\(SVGText.n(max(1, room)))\" lengthAdjust=\"spacingAndGlyphs\""
    }
}
