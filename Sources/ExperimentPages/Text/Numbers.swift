import TextFormatting

/// How numbers read on experiment pages: four significant digits, stated in the tables.
enum Numbers {
    static let digits = 4

    /// `value` to four significant digits, trailing zeros trimmed.
    static func text(_ value: Double) -> String {
        NumberFormat.significant(value, digits: digits, trimmingZeros: true)
    }

    /// A point as `(−7, 2)`.
    static func point(_ p: [Double]) -> String {
        "(" + p.map(text).joined(separator: ", ") + ")"
    }
}
