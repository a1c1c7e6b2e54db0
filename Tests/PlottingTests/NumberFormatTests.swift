import Testing
@testable import Plotting

@Suite struct NumberFormatTests {
    @Test(arguments: [
        (12.34, 1, "12.3"), (12.35, 1, "12.4"), (-0.04, 1, "0"), (-0.05, 1, "-0.1"), (3.0, 1, "3"),
        (0.5, 2, "0.5"), (1234.5678, 0, "1235"), (-7.25, 2, "-7.25"),
    ])
    func fixed(value: Double, decimals: Int, expected: String) {
        #expect(NumberFormat.fixed(value, decimals: decimals) == expected)
    }

    @Test(arguments: [
        (0.012345, 3, "0.0123"), (0.5, 3, "0.500"), (9.996, 3, "10.0"), (-3.21, 2, "−3.2"), (0, 4, "0"),
        (1.2e-5, 3, "1.20×10⁻⁵"), (123456, 3, "123000"), (1234567, 3, "1.23×10⁶"), (99999.9, 2, "100000"),
        (Double.infinity, 3, "∞"), (-Double.infinity, 3, "−∞"), (Double.nan, 3, "NaN"), (0.001, 1, "0.001"),
    ])
    func significant(value: Double, digits: Int, expected: String) {
        #expect(NumberFormat.significant(value, digits: digits) == expected)
    }

    @Test func significantCanTrimZeros() {
        #expect(NumberFormat.significant(0.5, digits: 4, trimmingZeros: true) == "0.5")
        #expect(NumberFormat.significant(2e-6, digits: 3, trimmingZeros: true) == "2×10⁻⁶")
    }

    @Test func superscripts() {
        #expect(NumberFormat.superscript(-12) == "⁻¹²")
        #expect(NumberFormat.superscript(0) == "⁰")
    }

    @Test(arguments: [1e-300, 0.001, 0.999, 1, 1000, 999.9999, 1e300])
    func log10FloorIsExactAtPowersOfTen(value: Double) {
        let e = value.log10Floor
        #expect(NumberFormat.pow10(Int(e)) <= value)
        #expect(NumberFormat.pow10(Int(e) + 1) > value)
    }

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
