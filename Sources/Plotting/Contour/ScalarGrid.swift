/// Values of a function of two variables sampled on a regular grid, for contouring.
///
/// `values[row * columns + column]` is f(x, y) at x = xRange.lowerBound + column·Δx,
/// y = yRange.lowerBound + row·Δy. Non-finite values (overflow far from the minimum)
/// are allowed and count as higher than every level.
public struct ScalarGrid: Sendable {
    public let xRange: ClosedRange<Double>
    public let yRange: ClosedRange<Double>
    public let columns: Int
    public let rows: Int
    public let values: [Double]

    public init(xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int, values: [Double]) {
        precondition(columns >= 2 && rows >= 2, "a grid needs at least 2 × 2 samples")
        precondition(values.count == columns * rows, "a grid needs columns × rows values")
        self.xRange = xRange
        self.yRange = yRange
        self.columns = columns
        self.rows = rows
        self.values = values
    }

    /// Samples `f` at `columns` × `rows` points covering both ranges, corners included.
    public init(
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int,
        _ f: (Double, Double) -> Double
    ) {
        var values: [Double] = []
        values.reserveCapacity(columns * rows)
        let dx = (xRange.upperBound - xRange.lowerBound) / Double(columns - 1)
        let dy = (yRange.upperBound - yRange.lowerBound) / Double(rows - 1)
        for row in 0..<rows {
            let y = yRange.lowerBound + Double(row) * dy
            for column in 0..<columns {
                values.append(f(xRange.lowerBound + Double(column) * dx, y))
            }
        }
        self.init(xRange: xRange, yRange: yRange, columns: columns, rows: rows, values: values)
    }

    public subscript(column: Int, row: Int) -> Double { values[row * columns + column] }

    public func x(_ column: Double) -> Double {
        xRange.lowerBound + column * (xRange.upperBound - xRange.lowerBound) / Double(columns - 1)
    }

    public func y(_ row: Double) -> Double {
        yRange.lowerBound + row * (yRange.upperBound - yRange.lowerBound) / Double(rows - 1)
    }

    /// The smallest finite value, or `nil` when there is none.
    public var minimum: Double? { values.lazy.filter(\.isFinite).min() }

    /// The value below which `fraction` (0…1) of the finite samples lie.
    public func quantile(_ fraction: Double) -> Double? {
        let finite = values.filter(\.isFinite).sorted()
        guard !finite.isEmpty else { return nil }
        let index = Int((Double(finite.count - 1) * min(1, max(0, fraction))).rounded())
        return finite[index]
    }
}
