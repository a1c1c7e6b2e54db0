import TextFormatting

/// Small helpers for writing SVG markup by hand.
enum SVGText {
    /// A drawing coordinate, rounded to tenths.
    static func n(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1) }
}
