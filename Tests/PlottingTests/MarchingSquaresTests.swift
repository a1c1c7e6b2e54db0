import Testing
@testable import Plotting

@Suite struct MarchingSquaresTests {
    /// One cell with the given corners, bottom-left, bottom-right, top-right, top-left.
    func cell(_ a: Double, _ b: Double, _ c: Double, _ d: Double) -> ScalarGrid {
        ScalarGrid(xRange: 0...1, yRange: 0...1, columns: 2, rows: 2, values: [a, b, d, c])
    }

    @Test func singleCornerCutsItsCorner() {
        let lines = MarchingSquares.isolines(cell(1, 0, 0, 0), level: 0.5)
        #expect(lines.count == 1)
        #expect(Set(lines[0].points) == [Point(0.5, 0), Point(0, 0.5)])
        #expect(!lines[0].closed)
    }

    /// Saddle: bottom-left and top-right high. A high centre connects them, so the two
    /// low corners are cut off; a low centre cuts off the high ones.
    @Test(arguments: [
        (1.0, 0.0, 1.0, 0.0, [[Point(0.5, 0), Point(1, 0.5)], [Point(0, 0.5), Point(0.5, 1)]]),
        (0.6, 0.0, 0.6, 0.0, [[Point(1 - 0.5 / 0.6, 0), Point(0, 1 - 0.5 / 0.6)], [Point(1, 0.5 / 0.6), Point(0.5 / 0.6, 1)]]),
        (0.0, 1.0, 0.0, 1.0, [[Point(0.5, 0), Point(0, 0.5)], [Point(1, 0.5), Point(0.5, 1)]]),
        (0.0, 0.6, 0.0, 0.6, [[Point(0.5 / 0.6, 0), Point(1, 1 - 0.5 / 0.6)], [Point(0, 0.5 / 0.6), Point(1 - 0.5 / 0.6, 1)]]),
    ])
    func saddlesFollowTheCentre(a: Double, b: Double, c: Double, d: Double, expected: [[Point]]) {
        let lines = MarchingSquares.isolines(cell(a, b, c, d), level: 0.5)
        let found = Set(lines.map { Set($0.points.map(rounded)) })
        #expect(found == Set(expected.map { Set($0.map(rounded)) }))
    }

    func rounded(_ p: Point) -> Point { Point((p.x * 1e9).rounded() / 1e9, (p.y * 1e9).rounded() / 1e9) }

    /// A bowl's level set is one closed ring whose points lie on the circle, to within
    /// linear interpolation's error on a 0.1 grid (2% of the radius, stated).
    @Test func circleIsOneClosedRing() {
        let grid = ScalarGrid(xRange: -1...1, yRange: -1...1, columns: 21, rows: 21) { x, y in x * x + y * y }
        let lines = MarchingSquares.isolines(grid, level: 0.25)
        #expect(lines.count == 1)
        #expect(lines[0].closed)
        #expect(lines[0].points.count == Set(lines[0].points).count, "no point repeated")
        for p in lines[0].points {
            let r = (p.x * p.x + p.y * p.y).squareRoot()
            #expect(abs(r - 0.5) < 0.01, "radius \(r), tolerance 0.01")
        }
    }

    /// A line crossing the grid is traced as one open polyline from border to border.
    @Test func openLineIsJoinedEndToEnd() {
        let grid = ScalarGrid(xRange: 0...1, yRange: 0...1, columns: 11, rows: 11) { x, y in x + 0.3 * y }
        let lines = MarchingSquares.isolines(grid, level: 0.5)
        #expect(lines.count == 1)
        #expect(!lines[0].closed)
        // From border to border, y never turning back.
        let ys = lines[0].points.map(\.y)
        #expect(Set([ys.first!, ys.last!]) == [0, 1])
        #expect(ys == ys.sorted() || ys == ys.sorted().reversed())
        for p in lines[0].points {
            #expect(abs(p.x + 0.3 * p.y - 0.5) < 1e-12, "on the line, tolerance 1e-12")
        }
    }

    /// Two separate minima give two rings.
    @Test func twoWellsGiveTwoRings() {
        let grid = ScalarGrid(xRange: -2...2, yRange: -1...1, columns: 41, rows: 21) { x, y in
            min((x - 1) * (x - 1), (x + 1) * (x + 1)) + y * y
        }
        let lines = MarchingSquares.isolines(grid, level: 0.2)
        #expect(lines.count == 2)
        #expect(lines.allSatisfy { $0.closed })
    }

    /// Overflowed samples count as high, so no line runs through them.
    @Test func nonFiniteSamplesAreWalls() {
        let grid = ScalarGrid(xRange: 0...2, yRange: 0...1, columns: 3, rows: 2, values: [0, .nan, .infinity, 0, .nan, .infinity])
        let lines = MarchingSquares.isolines(grid, level: 1)
        #expect(lines.count == 1)
        #expect(lines[0].points.allSatisfy { $0.isFinite && abs($0.x - 0) < 1e-12 || abs($0.x - 1) < 1e-12 })
    }

    /// The sublevel boundary of a bowl cut by the border is closed along the border.
    @Test func sublevelRingsCloseAlongTheBorder() {
        let grid = ScalarGrid(xRange: 0...1, yRange: 0...1, columns: 11, rows: 11) { x, y in x * x + y * y }
        let rings = MarchingSquares.sublevelBoundary(grid, level: 0.25)
        #expect(rings.count == 1)
        #expect(rings[0].closed)
        #expect(rings[0].points.contains(Point(0, 0)), "the corner inside the region is on the ring")
        #expect(rings[0].points.allSatisfy { $0.x >= 0 && $0.y >= 0 && $0.x * $0.x + $0.y * $0.y <= 0.25 + 0.01 })
    }

    @Test func logLevelsAreGeometricAboveTheMinimum() {
        let grid = ScalarGrid(xRange: -1...1, yRange: -1...1, columns: 11, rows: 11) { x, y in 3 + x * x + y * y }
        let levels = ContourLevels.logarithmic(count: 4, decades: 3).values(for: grid, minimum: 3)
        #expect(levels.count == 4)
        let offsets = levels.map { $0 - 3 }
        for (a, b) in zip(offsets, offsets.dropFirst()) {
            #expect(abs(b / a - 10) < 1e-9, "ratio \(b / a), tolerance 1e-9")
        }
        let top = grid.quantile(0.95)! - 3
        #expect(abs(offsets.last! - top) < 1e-12)
        #expect(ContourLevels.linear(count: 3).values(for: grid).count == 3)
        #expect(ContourLevels.explicit([2, .nan, 1]).values(for: grid) == [1, 2])
    }
}
