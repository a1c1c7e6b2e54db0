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

    /// Samples a function row by row, as the per-point initializer places its samples:
    /// `row(y, xs, values)` writes f(xs[k], y) to `values[k]` for the row at `y`, so that a
    /// function can evaluate many points at once.
    public init(
        xRange: ClosedRange<Double>, yRange: ClosedRange<Double>, columns: Int, rows: Int,
        byRow row: (_ y: Double, _ xs: UnsafeBufferPointer<Double>, _ values: UnsafeMutableBufferPointer<Double>) -> Void
    ) {
        let dx = (xRange.upperBound - xRange.lowerBound) / Double(columns - 1)
        let dy = (yRange.upperBound - yRange.lowerBound) / Double(rows - 1)
        let xs = (0..<columns).map { column in xRange.lowerBound + Double(column) * dx }
        let values = [Double](unsafeUninitializedCapacity: columns * rows) { buffer, count in
            // Every value is written before it is read: the rows are filled in order.
            buffer.initialize(repeating: 0)
            xs.withUnsafeBufferPointer { xs in
                for r in 0..<rows {
                    row(yRange.lowerBound + Double(r) * dy, xs, UnsafeMutableBufferPointer(rebasing: buffer[(r * columns)..<((r + 1) * columns)]))
                }
            }
            count = columns * rows
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
    ///
    /// It is the sample at that rank in the sorted finite samples, found by selection
    /// rather than by sorting them all (a figure's grid has some 18,000).
    public func quantile(_ fraction: Double) -> Double? {
        var finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return nil }
        let index = Int((Double(finite.count - 1) * min(1, max(0, fraction))).rounded())
        let value = finite.withUnsafeMutableBufferPointer { Self.select(index, in: $0) }
        guard value == 0 else { return value }
        // −0 and +0 are equal but not the same number: a stable sort keeps zeros in the
        // grid's order, so the rank's zero is the one at that place among them.
        let below = values.reduce(0) { $0 + ($1 < 0 && $1.isFinite ? 1 : 0) }
        var zeros = 0
        for sample in values where sample == 0 {
            if below + zeros == index { return sample }
            zeros += 1
        }
        return value
    }

    /// The element of rank `k` (0-based) among `values` in ascending order, which are
    /// rearranged; quickselect with a three-way partition, so runs of equal samples
    /// (a flat region of the grid) cost no more than distinct ones.
    static func select(_ k: Int, in values: UnsafeMutableBufferPointer<Double>) -> Double {
        var low = 0, high = values.count - 1
        while low < high {
            // The median of three as the pivot keeps sorted or mirrored rows linear.
            let a = values[low], b = values[(low + high) / 2], c = values[high]
            let pivot = max(min(a, b), min(max(a, b), c))
            // [low, lt) < pivot, [lt, i) == pivot, (gt, high] > pivot.
            var lt = low, i = low, gt = high
            while i <= gt {
                let v = values[i]
                if v < pivot {
                    values.swapAt(lt, i)
                    lt += 1
                    i += 1
                } else if v > pivot {
                    values.swapAt(i, gt)
                    gt -= 1
                } else {
                    i += 1
                }
            }
            if k < lt {
                high = lt - 1
            } else if k > gt {
                low = gt + 1
            } else {
                return pivot
            }
        }
        return values[low]
    }
}
