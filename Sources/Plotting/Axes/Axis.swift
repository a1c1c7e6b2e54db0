/// One axis of a plot: its label, scale and value range.
public struct Axis: Hashable, Sendable {
    /// The label written along the axis, e.g. `"step"` or `"f(θ) − f*"`; empty for none.
    public var label: String
    public var scale: AxisScale
    /// The values shown; `nil` takes the data's range widened to nice ticks
    /// (whole decades on a log axis).
    public var range: ClosedRange<Double>?

    public init(label: String = "", scale: AxisScale = .linear, range: ClosedRange<Double>? = nil) {
        self.label = label
        self.scale = scale
        self.range = range
    }
}
