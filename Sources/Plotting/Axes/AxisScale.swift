/// How an axis maps values to positions.
public enum AxisScale: Hashable, Sendable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios; only positive values are drawn.
    case log
}
