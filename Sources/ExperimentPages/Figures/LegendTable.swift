import Plotting

/// The legend of a figure with many runs, as an HTML table under the figure: each run's
/// key (its colour, dash and marker shape) beside its label.
///
/// A legend inside the SVG has to fit its labels into the figure's width; beyond
/// ``threshold`` runs the rows of keys crowd the plot, and long or non-Latin labels
/// would need more room than an estimate of their width can promise. The page's text
/// layout wraps a table's cells exactly, so many runs read as a list.
enum LegendTable {
    /// Runs that a legend inside the figure still shows well; more go in a table.
    static let threshold = 8

    struct Entry {
        var label: String
        var series: Int
        var color: String?
    }

    /// Whether a figure of `count` runs should list them in a table rather than in the figure.
    static func isNeeded(for count: Int) -> Bool { count > threshold }

    /// The table: one row per run, its key and its label.
    static func html(_ entries: [Entry]) -> String {
        var out = "<table class=\"cg-legend-table\"><caption>\(HTML.escape(FigureWords.legendCaption))</caption>\n<tbody>\n"
        for entry in entries {
            out += "<tr><td class=\"cg-legend-key\">" + LegendKey.svg(series: entry.series, color: entry.color) + "</td>"
            out += "<td>\(HTML.escape(entry.label))</td></tr>\n"
        }
        return out + "</tbody></table>\n"
    }
}
