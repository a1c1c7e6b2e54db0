import Testing
import TextFormatting

/// ``NumberFormat/decimal(_:decimals:trim:minus:)`` writes its digits into a buffer; these
/// compare it with the string-built version it replaced, over values that carry, pad and trim.
@Suite struct DecimalDigitsTests {
    /// The former implementation, from `String` pieces.
    static func reference(_ x: Double, decimals: Int, trim: Bool, minus: String) -> String {
        let scaled = (x * NumberFormat.pow10(decimals)).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < 9e15 else { return x < 0 ? minus + String(-x) : String(x) }
        let integer = Int64(scaled)
        if integer == 0 { return "0" }
        var digits = String(integer.magnitude)
        if decimals > 0 {
            if digits.count <= decimals {
                digits = String(repeating: "0", count: decimals - digits.count + 1) + digits
            }
            var fraction = digits.suffix(decimals)
            let whole = digits.dropLast(decimals)
            if trim {
                while fraction.last == "0" { fraction = fraction.dropLast() }
            }
            digits = fraction.isEmpty ? String(whole) : whole + "." + fraction
        }
        return integer < 0 ? minus + digits : digits
    }

    @Test(arguments: [false, true])
    func digitsAreTheStringsOnes(trim: Bool) {
        let values: [Double] = [0, -0.0, 0.04, -0.04, 0.05, 1, -1, 10, 100.5, 0.001, 0.0999, 9.996, 12.30, -12.3, 123456.789,
                                1e-7, 3e14, -8.99e14, 1e16, -2e20, .infinity, 0.1 + 0.2, 5e-324]
        for x in values {
            for decimals in [-2, 0, 1, 2, 3, 6, 12, 20] {
                for minus in ["-", NumberFormat.minus] {
                    #expect(NumberFormat.decimal(x, decimals: decimals, trim: trim, minus: minus)
                            == Self.reference(x, decimals: decimals, trim: trim, minus: minus), "\(x), \(decimals) decimals")
                }
            }
        }
        // Every tenth and hundredth around zero, as SVG coordinates are written.
        for k in -2_000...2_000 {
            let x = Double(k) / 100
            #expect(NumberFormat.fixed(x, decimals: 1) == Self.reference(x, decimals: 1, trim: true, minus: "-"))
        }
    }
}
