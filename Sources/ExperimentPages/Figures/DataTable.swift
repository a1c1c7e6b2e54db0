import Plotting

/// The numbers behind a figure's markers, as a collapsed table under it: one row group per
/// path (its name as the group's header), one row per marked point (the step as the row's
/// header, the point, f there). It replaces the hover tooltips the markers once had, which
/// neither a keyboard nor a screen reader could reach; a closed `<details>` costs a sighted
/// reader one line.
enum DataTable {
    /// The `<details>` block, or "" when no path has a marked point.
    static func html(_ data: FigureData, curve: Bool) -> String {
        guard data.groups.contains(where: { !$0.rows.isEmpty }) else { return "" }
        let point = Words.text(curve ? "data.x" : "data.point")
        var out = "<details class=\"cg-data\"><summary>\(HTML.escape(Words.text("data.summary")))</summary>\n"
        out += "<table class=\"cg-data-table\"><thead><tr><th scope=\"col\">\(HTML.escape(Words.text("data.step")))</th>"
        out += "<th scope=\"col\">\(HTML.escape(point))</th><th scope=\"col\">\(HTML.escape(Words.text("data.value")))</th></tr></thead>\n"
        for group in data.groups where !group.rows.isEmpty {
            out += "<tbody><tr><th scope=\"rowgroup\" colspan=\"3\">\(HTML.escape(group.name))</th></tr>\n"
            for row in group.rows {
                out += "<tr><th scope=\"row\">\(row.step)</th><td>\(HTML.escape(row.point))</td><td>\(HTML.escape(row.value))</td></tr>\n"
            }
            out += "</tbody>\n"
        }
        return out + "</table></details>\n"
    }
}
