/// Small helpers for writing SVG markup by hand.
enum SVGText {
    /// `text` with `&`, `<`, `>` and `"` escaped, safe in element content and in
    /// double-quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(character)
            }
        }
        return out
    }

    /// A drawing coordinate, rounded to tenths.
    static func n(_ value: Double) -> String { NumberFormat.fixed(value, decimals: 1) }
}
