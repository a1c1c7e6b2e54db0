/// Which values get a contour line.
public enum ContourLevels: Hashable, Sendable {
    /// `count` levels f* + d with d spaced evenly in log scale over `decades` decades,
    /// up to the 95th percentile of f − f* on the grid. Near the minimum the lines are
    /// dense enough to show a flat valley, and they thin out up the walls, where a
    /// linear spacing would put every line.
    case logarithmic(count: Int, decades: Double)
    /// `count` levels evenly spaced between the minimum and the 95th percentile, the
    /// minimum itself excluded.
    case linear(count: Int)
    /// Exactly these levels.
    case explicit([Double])

    /// Eleven levels over three and a half decades: enough to read both Rosenbrock's valley and its walls.
    public static let standard = ContourLevels.logarithmic(count: 11, decades: 3.5)

    /// The levels for `grid`, ascending; `minimum` is the function's known minimum
    /// value f* (the grid's smallest sample when `nil`).
    public func values(for grid: ScalarGrid, minimum: Double? = nil) -> [Double] {
        switch self {
        case .explicit(let levels):
            return levels.filter(\.isFinite).sorted()
        case .linear(let count):
            guard count >= 1, let base = minimum ?? grid.minimum, let top = grid.quantile(0.95), top > base else { return [] }
            return (1...count).map { base + (top - base) * Double($0) / Double(count) }
        case .logarithmic(let count, let decades):
            guard count >= 1, decades > 0, let base = minimum ?? grid.minimum, let top = grid.quantile(0.95), top > base
            else { return [] }
            let span = top - base
            if count == 1 { return [base + span] }
            return (0..<count).map { k in
                let exponent = -decades * (1 - Double(k) / Double(count - 1))
                return base + span * Math.pow(10, exponent)
            }
        }
    }
}
