/// One line of a line plot: a loss curve or a learning-rate schedule.
public struct LineSeries: Hashable, Sendable {
    public var label: String
    /// The series index, which picks the marker shape, and the colour unless `color` is set.
    public var series: Int
    /// The colour the author chose: a name from ``Palette/namedColors`` or `#rrggbb`;
    /// `nil` (or anything else) uses the palette's colour for `series`.
    public var color: String?
    /// The x of each value; `nil` means 0, 1, 2, … (steps).
    public var x: [Double]?
    /// The values; non-finite ones (a diverged run) leave the plot at the top.
    public var y: [Double]
    /// Drawn thin and translucent, without markers or a legend entry: the raw, noisy
    /// values under a smoothed line of the same series (per-iteration mini-batch losses).
    public var isFaint: Bool
    /// Which point of its run the line follows; an `.evaluated` line is dashed, without markers.
    public var role: PathRole = .only

    public init(label: String, series: Int, color: String? = nil, x: [Double]? = nil, y: [Double], isFaint: Bool = false) {
        precondition(x == nil || x!.count == y.count, "a line needs one x per y")
        self.label = label
        self.series = series
        self.color = color
        self.x = x
        self.y = y
        self.isFaint = isFaint
    }

    /// The CSS colour of the line, its markers and its legend swatch.
    var css: String { Palette.color(series, chosen: color) }

    func xValue(_ index: Int) -> Double { x?[index] ?? Double(index) }
}
