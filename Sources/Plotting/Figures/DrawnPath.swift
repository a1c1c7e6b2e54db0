/// One run's iterates, as drawn over a landscape or on a 1-D curve.
public struct DrawnPath: Hashable, Sendable {
    /// The name in the legend and tooltips, e.g. "Adam" or "Adam from (−7, 2)".
    public var label: String
    /// The series index, which picks the marker shape, and the colour unless `color` is set.
    public var series: Int
    /// The colour the author chose: a name from ``Palette/namedColors`` or `#rrggbb`;
    /// `nil` (or anything else) uses the palette's colour for `series`.
    public var color: String?
    /// The start, then the point after every step; 2-D: (x, y), 1-D: (x, f(x)).
    public var points: [Point]
    /// f at every point, for the tooltips; may be empty.
    public var values: [Double]
    /// The step at which the run diverged, if it did.
    public var divergedAt: Int?
    /// Which of its run's points the path follows: most runs have one; a schedule-free run is
    /// drawn twice, its iterate y solid and its evaluated average x dashed.
    public var role: PathRole = .only

    public init(
        label: String, series: Int, color: String? = nil, points: [Point], values: [Double] = [], divergedAt: Int? = nil
    ) {
        self.label = label
        self.series = series
        self.color = color
        self.points = points
        self.values = values
        self.divergedAt = divergedAt
    }

    /// The name of the path in tooltips and notes: the label, or with `role`'s words.
    func name(_ words: FigureVocabulary) -> String {
        switch role {
        case .only: label
        case .iterate: words.fill(words.iterateOf, ["label": label])
        case .evaluated: words.fill(words.evaluatedOf, ["label": label])
        }
    }

    /// The CSS colour of the path, its markers and its legend swatch.
    var css: String { Palette.color(series, chosen: color) }
}

/// Which point of its run a drawn path or a loss curve follows.
public enum PathRole: Hashable, Sendable {
    /// The run's only point (every method that evaluates where it steps).
    case only
    /// The iterate, where gradients are taken, of a run that evaluates elsewhere: drawn solid.
    case iterate
    /// The point the run is evaluated at (schedule-free's average x): drawn dashed in the run's
    /// colour, with no step markers and its own end marker.
    case evaluated

    /// The dash of an evaluated path, whatever its series' own dash: long enough to read as a
    /// line beside the solid iterate.
    static let evaluatedDash = "6 3"
}
