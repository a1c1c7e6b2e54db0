/// Iso-lines of a sampled function by marching squares, joined into polylines.
///
/// Each grid cell is classified by which of its corners lie at or above the level;
/// a crossing is placed on each edge whose ends differ, by linear interpolation, and
/// computed once per edge so that neighbouring cells agree exactly. The two ambiguous
/// cells (diagonal corners alike, a saddle) are resolved by the mean of the four
/// corners, the value at the cell's centre of the bilinear interpolant. Segments that
/// share an edge are then joined into the longest polylines, open ones traced from an
/// end on the grid border, closed ones marked `closed`.
public enum MarchingSquares {
    /// The polylines where `grid` crosses `level`, in data coordinates.
    ///
    /// Non-finite samples count as above every level, so regions where the function
    /// overflowed are walled off rather than crossed by spurious lines.
    public static func isolines(_ grid: ScalarGrid, level: Double) -> [Polyline] {
        isolines(grid, levels: [level])[0]
    }

    /// ``isolines(_:level:)`` for each of `levels`, in their order, with one tracer's
    /// working memory for them all.
    public static func isolines(_ grid: ScalarGrid, levels: [Double]) -> [[Polyline]] {
        var tracer = Tracer(values: grid.values, columns: grid.columns, rows: grid.rows)
        return levels.map { level in tracer.trace(level: level) { u, v in Point(grid.x(u), grid.y(v)) } }
    }

    /// Closed rings bounding the region where `grid` is below `level`; the grid's
    /// border closes rings that would leave it. Filled with the even-odd rule, the rings
    /// paint exactly that region, holes included.
    public static func sublevelBoundary(_ grid: ScalarGrid, level: Double) -> [Polyline] {
        // Surround the grid with a ring of +∞ whose samples sit on the border itself:
        // every crossing towards the ring then lies on the border, closing the lines.
        let columns = grid.columns + 2, rows = grid.rows + 2
        var padded = [Double](repeating: .infinity, count: columns * rows)
        for row in 0..<grid.rows {
            for column in 0..<grid.columns {
                padded[(row + 1) * columns + column + 1] = grid[column, row]
            }
        }
        var tracer = Tracer(values: padded, columns: columns, rows: rows)
        let maxColumn = Double(grid.columns - 1), maxRow = Double(grid.rows - 1)
        return tracer.trace(level: level) { u, v in
            Point(grid.x(min(maxColumn, max(0, u - 1))), grid.y(min(maxRow, max(0, v - 1))))
        }
    }

    /// Where on an edge from value `a` to value `b` the level is crossed, 0…1 from `a`.
    static func crossing(_ a: Double, _ b: Double, level: Double) -> Double {
        guard a.isFinite else { return 1 }
        guard b.isFinite else { return 0 }
        guard b != a else { return 0.5 }
        return min(1, max(0, (level - a) / (b - a)))
    }

    /// The cell's segments as pairs of edge sides, for the corner code
    /// (bit 0: bottom-left above, 1: bottom-right, 2: top-right, 3: top-left) and,
    /// for the saddle codes 5 and 10, whether the centre is above the level.
    /// Calls `segment` once for each pair, in order (no array per cell: a grid has
    /// thousands of crossing cells per level).
    @inline(__always)
    static func segments(code: Int, centreAbove: Bool, _ segment: (Side, Side) -> Void) {
        switch code {
        case 1, 14: segment(.bottom, .left)
        case 2, 13: segment(.bottom, .right)
        case 3, 12: segment(.left, .right)
        case 4, 11: segment(.right, .top)
        case 6, 9: segment(.bottom, .top)
        case 7, 8: segment(.left, .top)
        case 5:
            // Bottom-left and top-right above: a high centre joins them, isolating the
            // low corners; a low centre isolates the high ones.
            if centreAbove {
                segment(.bottom, .right)
                segment(.left, .top)
            } else {
                segment(.bottom, .left)
                segment(.right, .top)
            }
        case 10:
            if centreAbove {
                segment(.bottom, .left)
                segment(.right, .top)
            } else {
                segment(.bottom, .right)
                segment(.left, .top)
            }
        default: break
        }
    }

    enum Side { case bottom, right, top, left }
}

/// The working state of one contouring pass, reused across levels.
struct Tracer {
    let values: [Double]
    let columns: Int
    let rows: Int
    /// For every edge, the (at most two) segments that end on it; -1 when free.
    private var slots: [Int32]
    private var touched: [Int] = []
    /// Each cell's lowest and highest corner (−∞ and +∞ when a corner is NaN, which no
    /// comparison orders): a level outside them crosses no edge of the cell, so most cells
    /// of each level are passed over with two comparisons.
    private let cellLow: [Double]
    private let cellHigh: [Double]

    init(values: [Double], columns: Int, rows: Int) {
        self.values = values
        self.columns = columns
        self.rows = rows
        slots = [Int32](repeating: -1, count: 4 * columns * rows)
        var low = [Double](repeating: -.infinity, count: (columns - 1) * (rows - 1))
        var high = [Double](repeating: .infinity, count: (columns - 1) * (rows - 1))
        for j in 0..<(rows - 1) {
            for i in 0..<(columns - 1) {
                let a = values[j * columns + i], b = values[j * columns + i + 1]
                let c = values[(j + 1) * columns + i + 1], d = values[(j + 1) * columns + i]
                guard !a.isNaN, !b.isNaN, !c.isNaN, !d.isNaN else { continue }
                low[j * (columns - 1) + i] = min(min(a, b), min(c, d))
                high[j * (columns - 1) + i] = max(max(a, b), max(c, d))
            }
        }
        cellLow = low
        cellHigh = high
    }

    /// Edge identifiers: horizontal edge from (i, j) to (i + 1, j) is 2(j·columns + i),
    /// vertical edge from (i, j) to (i, j + 1) is that plus one.
    private func edge(_ side: MarchingSquares.Side, column i: Int, row j: Int) -> Int {
        switch side {
        case .bottom: return 2 * (j * columns + i)
        case .top: return 2 * ((j + 1) * columns + i)
        case .left: return 2 * (j * columns + i) + 1
        case .right: return 2 * (j * columns + i + 1) + 1
        }
    }

    /// The crossing on `edge` in fractional grid indices.
    private func position(ofEdge edge: Int, level: Double) -> (Double, Double) {
        let node = edge / 2
        let i = node % columns, j = node / columns
        let a = values[node]
        if edge.isMultiple(of: 2) {
            let t = MarchingSquares.crossing(a, values[node + 1], level: level)
            return (Double(i) + t, Double(j))
        }
        let t = MarchingSquares.crossing(a, values[node + columns], level: level)
        return (Double(i), Double(j) + t)
    }

    mutating func trace(level: Double, _ toPoint: (Double, Double) -> Point) -> [Polyline] {
        var segments: [(Int, Int)] = []
        func above(_ v: Double) -> Bool { !(v < level) }
        for j in 0..<(rows - 1) {
            for i in 0..<(columns - 1) {
                // Every corner below the level (code 0) or none (code 15).
                let cell = j * (columns - 1) + i
                if cellHigh[cell] < level || cellLow[cell] >= level { continue }
                let a = values[j * columns + i], b = values[j * columns + i + 1]
                let c = values[(j + 1) * columns + i + 1], d = values[(j + 1) * columns + i]
                let code = (above(a) ? 1 : 0) | (above(b) ? 2 : 0) | (above(c) ? 4 : 0) | (above(d) ? 8 : 0)
                if code == 0 || code == 15 { continue }
                let centreAbove = (code == 5 || code == 10) ? above((a + b + c + d) / 4) : false
                MarchingSquares.segments(code: code, centreAbove: centreAbove) { s, t in
                    segments.append((edge(s, column: i, row: j), edge(t, column: i, row: j)))
                }
            }
        }
        for (index, (e1, e2)) in segments.enumerated() {
            attach(Int32(index), to: e1)
            attach(Int32(index), to: e2)
        }
        var visited = [Bool](repeating: false, count: segments.count)
        var lines: [Polyline] = []
        func walk(from startEdge: Int, segment first: Int) -> Polyline {
            var edges = [startEdge]
            var current = first
            var edge = startEdge
            while true {
                visited[current] = true
                let (e1, e2) = segments[current]
                edge = e1 == edge ? e2 : e1
                edges.append(edge)
                let a = Int(slots[2 * edge]), b = Int(slots[2 * edge + 1])
                let next = a == current ? b : a
                if next < 0 || visited[next] { break }
                current = next
            }
            let closed = edges.count > 2 && edges.first == edges.last
            if closed { edges.removeLast() }
            let points = edges.map { e -> Point in
                let (u, v) = position(ofEdge: e, level: level)
                return toPoint(u, v)
            }
            return Polyline(points: points, closed: closed)
        }
        // Open lines first, from whichever end is free, then the closed loops.
        for (index, (e1, e2)) in segments.enumerated() where !visited[index] {
            if slots[2 * e1 + 1] < 0 {
                lines.append(walk(from: e1, segment: index))
            } else if slots[2 * e2 + 1] < 0 {
                lines.append(walk(from: e2, segment: index))
            }
        }
        for (index, (e1, _)) in segments.enumerated() where !visited[index] {
            lines.append(walk(from: e1, segment: index))
        }
        for edge in touched { slots[2 * edge] = -1; slots[2 * edge + 1] = -1 }
        touched.removeAll(keepingCapacity: true)
        return lines
    }

    private mutating func attach(_ segment: Int32, to edge: Int) {
        if slots[2 * edge] < 0 {
            slots[2 * edge] = segment
            touched.append(edge)
        } else {
            precondition(slots[2 * edge + 1] < 0, "an edge is shared by at most two cells")
            slots[2 * edge + 1] = segment
        }
    }
}
