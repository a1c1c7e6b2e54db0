import Testing
@testable import Plotting

@Suite struct PathDataTests {
    /// Path data rounds absolute positions, then takes differences, so relative moves do
    /// not drift: a thousand steps of 0.04 are 400 moves of a tenth, ending exactly at 40.
    @Test func pathDataDoesNotAccumulateRounding() {
        var data = PathData()
        data.add((0...1000).map { Point(Double($0) * 0.04, 0) })
        #expect(data.text == "M0 0h" + String(repeating: ".1", count: 400))
    }

    @Test func pathDataWritesCompactRelativeMoves() {
        var data = PathData()
        data.add([Point(10, 20), Point(10.5, 20), Point(10.5, 19.5), Point(11, 19), Point(11.02, 19.01)], closed: true)
        #expect(data.text == "M10 20h.5v-.5l.5-.5z")
    }

    @Test(arguments: [(5, ".5"), (-5, "-.5"), (120, "12"), (-123, "-12.3"), (0, "0")])
    func pathTokens(tenths: Int, expected: String) {
        #expect(PathData.token(tenths) == expected)
    }
}
