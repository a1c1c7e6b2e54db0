import TextFormatting

/// Numbers in messages: four significant digits, as on the pages (glibc's `%g` is
/// correctly rounded, so the text is the same on every machine).
enum Format {
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return x.isNaN ? "nan" : (x > 0 ? "∞" : "−∞") }
        return NumberFormat.printf(x, .general, precision: 4)
    }

    /// Two different numbers with as many significant digits (4 to 17) as it takes to tell them apart.
    static func distinct(_ a: Double, _ b: Double) -> (String, String) {
        for digits in 4...17 {
            let pair = (NumberFormat.printf(a, .general, precision: digits), NumberFormat.printf(b, .general, precision: digits))
            if pair.0 != pair.1 || !a.isFinite || !b.isFinite { return digits == 4 ? (number(a), number(b)) : pair }
        }
        return (number(a), number(b))
    }

    static func point(_ p: [Double]) -> String {
        "(" + p.map(number).joined(separator: ", ") + ")"
    }
}
