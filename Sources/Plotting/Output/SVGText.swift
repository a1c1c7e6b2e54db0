/// Small helpers for writing SVG markup by hand.
enum SVGText {
    /// `text` with `&`, `<`, `>` and `"` escaped, safe in element content and in
    /// double-quoted attributes.
    static func escape(_ text: String) -> String { MarkupEscaping.escape(text) }

    /// A drawing coordinate, rounded to tenths.
    static func n(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1) }
}
