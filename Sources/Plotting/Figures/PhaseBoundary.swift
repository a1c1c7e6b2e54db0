/// The border of a region over a heat map's cells, as SVG path data in the cells' own
/// coordinates: cell (column, row) spans x from `column` to `column + 1` and y from `row` to
/// `row + 1`, rows counted from the top, each unit ``unit`` path units (so the path's numbers
/// are whole).
public enum PhaseBoundary {
    /// Path units per cell.
    public static let unit = 100
    /// Samples per cell along each axis: a smooth curve at the sizes a page draws a cell.
    static let samplesPerCell = 16

    /// Where `value(x, y)` crosses `level` over `columns` × `rows` cells, x and y in cells from
    /// the bottom-left corner; empty when it does not cross. Non-finite values count as above.
    public static func path(columns: Int, rows: Int, level: Double, _ value: (Double, Double) -> Double) -> String {
        let grid = ScalarGrid(
            xRange: 0...Double(columns), yRange: 0...Double(rows),
            columns: columns * samplesPerCell + 1, rows: rows * samplesPerCell + 1, value)
        var out = ""
        for line in MarchingSquares.isolines(grid, level: level) {
            // A tenth of a path unit is far below a pixel at any size a page draws the cells.
            let points = Simplification.simplify(line.points, tolerance: 0.2 / Double(unit))
            for (index, point) in points.enumerated() {
                let x = Int((point.x * Double(unit)).rounded()), y = Int(((Double(rows) - point.y) * Double(unit)).rounded())
                out += (index == 0 ? "M" : "L") + "\(x) \(y)"
            }
            if line.closed { out += "Z" }
        }
        return out
    }
}

/// Positions along a row or column of heat-map cells, one cell per value: value k at the
/// centre of cell k, k + ½, and between two values as a linear axis (or, for log-spaced
/// values, a log axis) places it; beyond the first and last, as the nearest pair would.
public struct CellAxis: Sendable {
    public var values: [Double]
    public var isLogarithmic: Bool

    public init(values: [Double], isLogarithmic: Bool) {
        precondition(values.count >= 2, "an axis of cells has two values or more")
        self.values = values
        self.isLogarithmic = isLogarithmic
    }

    private func scaled(_ value: Double) -> Double { isLogarithmic ? Math.log10(value) : value }

    /// The position of `value`, in cells from the axis's start.
    public func position(of value: Double) -> Double {
        let v = scaled(value)
        // The segment between two neighbouring values that holds v, or the end one nearest it.
        var k = 0
        while k < values.count - 2, (v - scaled(values[k + 1])) * (scaled(values[k + 1]) - scaled(values[k])) > 0 { k += 1 }
        let a = scaled(values[k]), b = scaled(values[k + 1])
        return Double(k) + 0.5 + (v - a) / (b - a)
    }

    /// The value at `position`, in cells from the axis's start.
    public func value(at position: Double) -> Double {
        let k = Swift.min(Swift.max(Int((position - 0.5).rounded(.down)), 0), values.count - 2)
        let a = scaled(values[k]), b = scaled(values[k + 1])
        let t = a + (b - a) * (position - 0.5 - Double(k))
        return isLogarithmic ? Math.pow(10, t) : t
    }
}
