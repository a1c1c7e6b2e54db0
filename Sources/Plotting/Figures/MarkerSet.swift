import TextFormatting

/// Marker shapes defined once in `<defs>` and placed with `<use>`, so a path of thirty
/// steps costs thirty short elements rather than thirty copies of the shape.
struct MarkerSet {
    enum Size: String {
        /// Every step.
        case small = "s"
        /// Start and end of a run.
        case large = "l"

        var radius: Double { self == .small ? 2.4 : 4.4 }
    }

    let prefix: String
    private(set) var defs = ""
    private var defined: Set<String> = []

    init(prefix: String) { self.prefix = prefix }

    /// The id of the shape's definition, defining it on first use.
    mutating func id(_ shape: MarkerShape, _ size: Size) -> String {
        let id = "\(prefix)-\(size.rawValue)\(shape.rawValue)"
        if defined.insert(id).inserted {
            // No paint in the definition: a `<use>` passes its style down only to properties
            // the shape leaves unset, so a stroke here would override every placement's
            // (a test point's outline in its class colour came out as a white halo).
            defs += "<path id=\"\(id)\" d=\"\(shape.pathData(radius: size.radius))\"/>\n"
        }
        return id
    }

    /// The minimum's mark, a plus sign with a halo that keeps it visible on any path.
    mutating func minimumID() -> String {
        let id = "\(prefix)-min"
        if defined.insert(id).inserted {
            defs += "<g id=\"\(id)\" fill=\"none\"><path d=\"M-5 0h10M0-5v10\" style=\"stroke:\(Palette.background)\" "
            defs += "stroke-width=\"3.5\"/><path d=\"M-5 0h10M0-5v10\" stroke=\"currentColor\" stroke-width=\"1.5\"/></g>\n"
        }
        return id
    }

    /// A `<use>` of marker `id` at `p`. No tooltip: the numbers behind the markers are a
    /// table beside the figure (``FigureData``), which a keyboard reaches too.
    /// `attributes` (with a leading space) are written last, e.g. an ``AnimationSheet``'s class.
    func use(_ id: String, at p: Point, style: String? = nil, attributes: String = "") -> String {
        var out = "<use href=\"#\(id)\" x=\"\(SVGText.n(p.x))\" y=\"\(SVGText.n(p.y))\""
        if let style { out += " style=\"\(style)\"" }
        return out + attributes + "/>"
    }
}
