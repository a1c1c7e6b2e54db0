import TextFormatting

/// The numbers behind a landscape's or a curve's markers, for the table a page shows beside
/// the figure: what a hover tooltip on each marker would say, reachable by keyboard and
/// screen reader and readable at any zoom.
///
/// A path's rows are its marked points, as the figure places them: the start, every k-th
/// step (at most ``LandscapeFigure/maximumMarkers`` of them) and the end; an evaluated
/// point (schedule-free's x) its end only.
public struct FigureData: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        /// The step, 0 at the start.
        public var step: Int
        /// "(−3.21, 0.12)" on a landscape, "0.3277" (x) on a curve.
        public var point: String
        /// f there, or "" when the run did not record it.
        public var value: String
    }

    public struct Group: Hashable, Sendable {
        /// The path's name: its label, with its role's words for a schedule-free run.
        public var name: String
        public var rows: [Row]
    }

    public var groups: [Group]

    /// The rows of `paths`: on a landscape (`curve` false) each point is (x, y) and f comes
    /// from the path's values; on a curve each point is (x, f(x)).
    public init(_ paths: [DrawnPath], curve: Bool, words: FigureVocabulary) {
        groups = paths.map { path in
            let last = path.points.count - 1
            var steps: [Int] = []
            if path.role == .evaluated {
                if last > 0 { steps = [last] }
            } else if last >= 0 {
                let every = max(1, (last + LandscapeFigure.maximumMarkers - 1) / LandscapeFigure.maximumMarkers)
                steps = [0] + Array(stride(from: every, to: last, by: every)) + (last > 0 ? [last] : [])
            }
            let rows = steps.map { step -> Row in
                let p = path.points[step]
                if curve { return Row(step: step, point: Self.value(p.x), value: Self.value(p.y)) }
                let value = step < path.values.count ? Self.value(path.values[step]) : ""
                return Row(step: step, point: "(\(Self.value(p.x)), \(Self.value(p.y)))", value: value)
            }
            return Group(name: path.name(words), rows: rows)
        }
    }

    /// Three significant digits, as the tooltips had: the page's results table has the
    /// precise values.
    static func value(_ x: Double) -> String {
        x.isFinite ? NumberFormat.significant(x, digits: 3, trimmingZeros: true) : "—"
    }
}
