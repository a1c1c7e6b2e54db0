import Testing
@testable import Plotting

@Suite struct TicksTests {
    @Test func linearTicksAreOneTwoFive() {
        #expect(Ticks.linear(-7, 3.2, count: 5) == [-6, -4, -2, 0, 2])
        #expect(Ticks.linear(-10, 10, count: 4) == [-10, -5, 0, 5, 10])
        #expect(Ticks.linear(0, 1, count: 5) == [0, 0.2, 0.4, 0.6, 0.8, 1])
        #expect(Ticks.linear(0.7, 1.0, count: 3) == [0.7, 0.8, 0.9, 1.0])
        #expect(Ticks.linear(0, 30, count: 8) == [0, 5, 10, 15, 20, 25, 30])
    }

    /// Decimal multiples are computed from integers, so they print exactly.
    @Test func linearTicksAreExactDecimals() {
        let ticks = Ticks.linear(0, 0.35, count: 7)
        #expect(ticks.contains(0.3))
        #expect(TickLabels.labels(for: ticks, scale: .linear) == ["0", "0.05", "0.10", "0.15", "0.20", "0.25", "0.30", "0.35"])
    }

    @Test(arguments: [(-1.0, 1.0), (0.0, 1e-6), (3.0, 3.0000001), (-1e9, 2e9)])
    func stepCountStaysNearTarget(lower: Double, upper: Double) {
        let ticks = Ticks.linear(lower, upper, count: 5)
        #expect(ticks.count >= 2 && ticks.count <= 11, "\(ticks)")
        #expect(ticks.allSatisfy { $0 >= lower - 1e-9 * abs(lower) && $0 <= upper + 1e-9 * abs(upper) })
    }

    @Test func degenerateRangesDoNotCrash() {
        #expect(Ticks.linear(2, 2) == [2])
        #expect(Ticks.linear(.nan, 1) == [])
        #expect(Ticks.log(0, 10) == [])
        #expect(Ticks.niceLinearRange(5, 5) == 2...8)
    }

    @Test func logTicksAreDecades() {
        #expect(Ticks.log(1e-4, 10, count: 6) == [1e-4, 1e-3, 1e-2, 0.1, 1, 10])
        // Twelve decades with room for six ticks: every second decade, on even powers.
        #expect(Ticks.log(1e-12, 1, count: 6) == [1e-12, 1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 1])
        // Under two decades: 1, 2 and 5 times powers of ten.
        #expect(Ticks.log(0.3, 20) == [0.5, 1, 2, 5, 10, 20])
    }

    @Test func niceRanges() {
        #expect(Ticks.niceLinearRange(0.13, 9.2, count: 5) == 0...10)
        #expect(Ticks.niceLogRange(0.003, 47) == 0.001...100)
        #expect(Ticks.niceLogRange(1, 100) == 1...100)
    }

    @Test func tickLabels() {
        #expect(TickLabels.labels(for: [-10, -5, 0, 5, 10], scale: .linear) == ["−10", "−5", "0", "5", "10"])
        #expect(TickLabels.labels(for: [1e-6, 1e-3, 1], scale: .log) == ["10⁻⁶", "10⁻³", "10⁰"])
        #expect(TickLabels.labels(for: [2e-5, 5e-5, 1e-4], scale: .log) == ["2×10⁻⁵", "5×10⁻⁵", "10⁻⁴"])
        #expect(TickLabels.labels(for: [0.01, 0.1, 1, 10], scale: .log) == ["0.01", "0.1", "1", "10"])
        #expect(TickLabels.labels(for: [0, 2e5, 4e5], scale: .linear) == ["0", "2×10⁵", "4×10⁵"])
    }
}
