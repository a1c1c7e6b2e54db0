import Testing
@testable import Plotting

/// The figure code's fast paths against the plain computations they replaced, which wrote
/// the same bytes: the course's figures must not change by a bit.
@Suite struct FastPathTests {
    /// Path data as it was built from one `String` per number.
    struct StringPathData {
        var text = ""
        var command: Character = " "
        var lastToken = ""

        mutating func add(_ points: [Point], closed: Bool) {
            guard let first = points.first else { return }
            var x = PathData.tenths(first.x), y = PathData.tenths(first.y)
            emit("M", [x, y])
            var drawn = 0
            for point in points.dropFirst() {
                let px = PathData.tenths(point.x), py = PathData.tenths(point.y)
                let dx = px - x, dy = py - y
                if dx == 0 && dy == 0 { continue }
                if dy == 0 { emit("h", [dx]) } else if dx == 0 { emit("v", [dy]) } else { emit("l", [dx, dy]) }
                x = px
                y = py
                drawn += 1
            }
            if closed && drawn >= 2 {
                text += "z"
                command = "z"
                lastToken = ""
            }
        }

        mutating func emit(_ letter: Character, _ numbers: [Int]) {
            if letter != command || letter == "M" {
                text.append(letter)
                command = letter
                lastToken = ""
            }
            for n in numbers {
                let magnitude = n.magnitude
                let whole = magnitude / 10, fraction = magnitude % 10
                var token = n < 0 ? "-" : ""
                if whole != 0 || fraction == 0 { token += String(whole) }
                if fraction != 0 { token += "." + String(fraction) }
                if !lastToken.isEmpty {
                    let startsBare = token.first == "-" || (token.first == "." && lastToken.contains("."))
                    if !startsBare { text += " " }
                }
                text += token
                lastToken = token
            }
        }
    }

    @Test func pathDataIsWhatStringsWrote() {
        var generator = SplitMix(seed: 7)
        for trial in 0..<200 {
            var bytes = PathData(), strings = StringPathData()
            for _ in 0..<(1 + trial % 4) {
                // Small steps (points, bare minus signs), repeats (collapsed) and large jumps.
                var points: [Point] = []
                var p = Point(generator.uniform(-50, 50), generator.uniform(-50, 50))
                for _ in 0..<Int(generator.uniform(0, 30)) {
                    points.append(p)
                    let scale = [0.0, 0.06, 0.5, 3, 1e4][Int(generator.uniform(0, 5))]
                    p = Point(p.x + generator.uniform(-scale, scale), p.y + generator.uniform(-scale, scale))
                }
                let closed = generator.uniform(0, 1) < 0.3
                bytes.add(points, closed: closed)
                strings.add(points, closed: closed)
            }
            #expect(bytes.text == strings.text)
            #expect(bytes.isEmpty == strings.text.isEmpty)
        }
    }

    /// The quantile by selection is the sorted samples' element, −0 and +0 told apart as a
    /// stable sort leaves them.
    @Test func quantileBySelectionIsTheSortedSample() {
        var generator = SplitMix(seed: 11)
        for trial in 0..<300 {
            let columns = 2 + trial % 7, rows = 2 + trial % 5
            let pool: [Double] = [0, -0.0, 1, -1, 2.5, .infinity, -.infinity, .nan, 1e-300, 3]
            let values = (0..<(columns * rows)).map { _ in
                trial % 3 == 0 ? generator.uniform(-5, 5).rounded() : pool[Int(generator.uniform(0, Double(pool.count)))]
            }
            let grid = ScalarGrid(xRange: 0...1, yRange: 0...1, columns: columns, rows: rows, values: values)
            let sorted = values.filter(\.isFinite).sorted()
            for fraction in [0, 0.1, 0.5, 0.95, 1] {
                let expected = sorted.isEmpty ? nil : sorted[Int((Double(sorted.count - 1) * fraction).rounded())]
                #expect(grid.quantile(fraction)?.bitPattern == expected?.bitPattern, "\(values) at \(fraction)")
            }
        }
    }

    @Test func gridByRowIsGridByPoint() {
        let f: (Double, Double) -> Double = { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }
        let byPoint = ScalarGrid(xRange: -2...2, yRange: -1...3, columns: 37, rows: 23, f)
        let byRow = ScalarGrid(xRange: -2...2, yRange: -1...3, columns: 37, rows: 23) { y, xs, values in
            for k in xs.indices { values[k] = f(xs[k], y) }
        }
        #expect(byRow.values.map(\.bitPattern) == byPoint.values.map(\.bitPattern))
    }

    /// One tracer for many levels (its edge slots reset between them) finds what a
    /// fresh tracer per level finds, also where samples overflowed or are NaN.
    @Test func levelsTogetherAreLevelsAlone() {
        var values: [Double] = []
        for row in 0..<30 {
            for column in 0..<40 {
                let x = Double(column) / 8 - 2, y = Double(row) / 8 - 1.5
                values.append(row == 7 && column == 9 ? .nan : x > 2.6 ? .infinity : Math.sin(3 * x) * Math.cos(2 * y) + x * y)
            }
        }
        let grid = ScalarGrid(xRange: -2...3, yRange: -1.5...2.5, columns: 40, rows: 30, values: values)
        let levels = [-1.5, -0.5, 0, 0.25, 1, 2]
        let together = MarchingSquares.isolines(grid, levels: levels)
        #expect(together.count == levels.count)
        for (level, lines) in zip(levels, together) {
            var tracer = Tracer(values: grid.values, columns: grid.columns, rows: grid.rows)
            #expect(lines == tracer.trace(level: level) { u, v in Point(grid.x(u), grid.y(v)) })
            #expect(!lines.isEmpty)
        }
    }
}

/// A small deterministic generator for the tests' inputs.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    mutating func uniform(_ low: Double, _ high: Double) -> Double {
        low + (high - low) * Double(next() >> 11) / Double(1 << 53)
    }
}
