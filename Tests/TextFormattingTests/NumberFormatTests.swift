import Foundation
import Testing
import TextFormatting

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

    /// The C styles are glibc's own conversions: the same text as Foundation's `String(format:)`.
    @Test(arguments: [0.0, -0.0, 1, -1, 0.5, 12345.678, -0.000012345, 1e-5, 9.99995, 123456789, 1e300, 5e-324,
                      2.5, 0.125, .infinity, -.infinity, .nan])
    func printfMatchesFoundation(value: Double) {
        for precision in [0, 1, 4, 17] {
            #expect(NumberFormat.printf(value, .fixed, precision: precision) == String(format: "%.\(precision)f", value))
            #expect(NumberFormat.printf(value, .exponent, precision: precision) == String(format: "%.\(precision)e", value))
            #expect(NumberFormat.printf(value, .general, precision: precision) == String(format: "%.\(precision)g", value))
        }
    }

    @Test func printfGrowsItsBufferForLongText() {
        let text = NumberFormat.printf(1e300, .fixed, precision: 17)
        #expect(text.count == 301 + 1 + 17)
        #expect(text == String(format: "%.17f", 1e300))
    }

    @Test(arguments: [
        (0.0123456, 3, "0.0123"), (7.9e-5, 2, "7.9×10⁻⁵"), (7.0e-5, 3, "7×10⁻⁵"), (-1234567.0, 3, "-1.23×10⁶"),
        (0.5, 3, "0.5"), (123456.0, 6, "123456"), (2.5, 1, "2"),
        // Fewer digits than the integer part has: the rounded number in full, never C's "1.2e+04".
        (12345.0, 2, "12000"), (999.7, 2, "1000"), (-45678.0, 1, "-50000"), (95.0, 1, "100"),
    ])
    func correctlyRoundedSignificant(value: Double, digits: Int, expected: String) {
        #expect(NumberFormat.correctlyRoundedSignificant(value, digits: digits) == expected)
    }
}

/// A value the author wrote (a sweep's), in as many digits as it was written with, as a reader writes numbers.
struct ShortestNumberTests {
    @Test(arguments: [
        (0.1, "0.1"), (3, "3"), (0.5, "0.5"), (1e-8, "1×10⁻⁸"), (2.5e-5, "2.5×10⁻⁵"), (-0.25, "−0.25"),
        (1e16, "1×10¹⁶"), (0.0001, "0.0001"), (123456.5, "123456.5"), (-3e-10, "−3×10⁻¹⁰"),
    ])
    func writesTheDigitsItWasWrittenWith(_ value: Double, _ text: String) {
        #expect(NumberFormat.shortest(value) == text)
    }
}
