import TextFormatting

/// The root `<svg>` of a figure, its accessible name (the title) and description (the
/// data summary, when there is one), and its `<defs>`.
struct SVGDocument {
    let text: FigureText
    let width: Double
    let height: Double
    var defs = ""
    /// A `<style>` element, e.g. an ``AnimationSheet``'s: SVG's own, which HTML allows where
    /// the figure stands.
    var style = ""
    var body = ""

    init(_ text: FigureText, width: Double, height: Double) {
        self.text = text
        self.width = width.rounded(.up)
        self.height = height.rounded(.up)
    }

    func id(_ suffix: String) -> String { text.idPrefix + "-" + suffix }

    var rendered: String {
        let w = SVGText.n(width), h = SVGText.n(height)
        var out = "<svg xmlns=\"http://www.w3.org/2000/svg\" "
        out += "class=\"\(text.isNarrow ? "cg-plot cg-plot-narrow" : "cg-plot")\" viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\" role=\"img\" "
        if let language = text.language { out += "lang=\"\(Escaping.html(language))\" " }
        // The name is the title alone and the description the data summary, each announced
        // once: a figure without a summary of its own has no `<desc>`.
        out += "aria-labelledby=\"\(id("title"))\" "
        if !text.description.isEmpty { out += "aria-describedby=\"\(id("desc"))\" " }
        out += "font-size=\"11\" fill=\"currentColor\">\n"
        out += "<title id=\"\(id("title"))\">\(Escaping.html(text.title))</title>\n"
        if !text.description.isEmpty { out += "<desc id=\"\(id("desc"))\">\(Escaping.html(text.description))</desc>\n" }
        out += style
        if !defs.isEmpty { out += "<defs>\n" + defs + "</defs>\n" }
        out += body
        out += "</svg>\n"
        return out
    }
}
