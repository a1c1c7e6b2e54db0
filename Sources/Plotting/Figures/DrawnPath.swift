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

    /// The CSS colour of the path, its markers and its legend swatch.
    var css: String { Palette.color(series, chosen: color) }
}
