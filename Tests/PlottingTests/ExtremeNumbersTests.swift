import Testing
@testable import Plotting
import TextFormatting

/// Numbers a directive can make (subnormal learning rates, windows of ±10³⁰⁸, constant
/// series at 10³⁰⁸) give ticks and text, never a trap converting a Double to Int or a
/// loop of 10³⁰⁰ steps.
/// Subnormal Doubles, made at run time: a literal below 2.2×10⁻³⁰⁸ draws a compiler warning.
private func subnormal(_ mantissa: Double, _ exponent: Int) -> Double { mantissa * 1e-300 / pow10(-300 - exponent) }
private func pow10(_ n: Int) -> Double { (0..<n).reduce(1.0) { product, _ in product * 10 } }

@Suite struct ExtremeNumbersTests {
    @Test(arguments: [(Double, Double)]([
        (subnormal(1, -320), subnormal(1, -320)), (subnormal(5, -321), subnormal(1.5, -320)), (-1e308, 1e308), (1e308, 1e308), (0.0, subnormal(1, -310)),
        (-Double.greatestFiniteMagnitude, Double.greatestFiniteMagnitude), (1.0, 1 + 1e-15),
    ]))
    func ticksAndRangesOfExtremeIntervals(_ lower: Double, _ upper: Double) {
        let range = Ticks.niceLinearRange(lower, upper)
        #expect(range.lowerBound.isFinite && range.upperBound.isFinite)
        let ticks = Ticks.linear(range.lowerBound, range.upperBound)
        #expect(ticks.count <= 1001 && ticks.allSatisfy(\.isFinite))
        _ = TickLabels.labels(for: ticks, scale: .linear)
        if lower > 0 { _ = TickLabels.labels(for: Ticks.log(lower, max(upper, lower * 10)), scale: .log) }
    }

    @Test func subnormalsPrintAsNumbers() {
        #expect(NumberFormat.significant(subnormal(1, -320), digits: 4) == "1.000×10⁻³²⁰")
        #expect(NumberFormat.significant(-subnormal(2.5, -315), digits: 3) == "\(NumberFormat.minus)2.50×10⁻³¹⁵")
        #expect(NumberFormat.significant(1e308, digits: 4) == "1.000×10³⁰⁸")
        #expect(NumberFormat.pow10(-320) > 0 && NumberFormat.pow10(-320) < subnormal(1, -319))
        #expect(NumberFormat.pow10(Int.max) == .infinity && NumberFormat.pow10(Int.min) == 0)
    }

    @Test func sizesFromNonFiniteNumbersAreClamped() {
        #expect(Double.nan.clampedInt(24...160) == 24)
        #expect(Double.infinity.clampedInt(24...160) == 160)
        #expect((-1e300).clampedInt(16...160) == 16)
        #expect(Math.int(.infinity) == 9_007_199_254_740_992 && Math.int(.nan) == 0)
    }
}
