/// The colours of a heat map (a phase diagram's cells): viridis, a sequential palette whose
/// lightness rises steadily from dark purple to yellow, so that its order reads in grey and
/// for the common colour-vision deficiencies; and the black or white each colour's text takes.
///
/// The cells are data, not page furniture, so they keep their colours in the dark theme;
/// what a cell says is in text (black or white, whichever contrasts more, at least
/// ``minimumTextContrast`` on every colour of the scale and on the marks for cells without a
/// number), never in colour alone.
public enum HeatPalette {
    /// Viridis at eleven even steps (matplotlib's `viridis`, 0 to 1), lowest first.
    public static let stops = [
        "#440154", "#482475", "#414487", "#355F8D", "#2A788E", "#21918C",
        "#22A884", "#44BF70", "#7AD151", "#BDDF26", "#FDE725",
    ]

    /// A cell of a run that diverged: grey stripes, light enough for black text.
    public static let divergedStripes = ("#F2F2F2", "#BDBDBD")
    /// A cell whose run never reached the loss: plain grey, apart from every viridis colour.
    public static let notReached = "#9E9E9E"

    /// WCAG's 4.5:1 for text: every cell's text is small.
    public static let minimumTextContrast = 4.5

    /// The colour at `t` from 0 (the lowest value) to 1, interpolated between ``stops`` in sRGB.
    public static func color(_ t: Double) -> String {
        let clamped = t.isFinite ? Swift.min(1, Swift.max(0, t)) : 0
        let position = clamped * Double(stops.count - 1)
        let index = Swift.min(Int(position), stops.count - 2)
        let fraction = position - Double(index)
        let a = channels(stops[index]), b = channels(stops[index + 1])
        let mixed = (0..<3).map { k -> Int in
            let from = Double(a[k]), to = Double(b[k])
            return Int((from + (to - from) * fraction).rounded())
        }
        return "#" + mixed.map(hex).joined()
    }

    /// Where `value` lies from `low` (0) to `high` (1), on a log scale if `logarithmic`.
    public static func fraction(_ value: Double, from low: Double, to high: Double, logarithmic: Bool) -> Double {
        guard high > low else { return 0.5 }
        if logarithmic { return (Math.log10(value) - Math.log10(low)) / (Math.log10(high) - Math.log10(low)) }
        return (value - low) / (high - low)
    }

    /// The text colour on `background`: black or white, whichever contrasts more.
    public static func textColor(on background: String) -> String {
        contrast(background, "#000000") >= contrast(background, "#FFFFFF") ? "#000" : "#fff"
    }

    /// WCAG 2.2's contrast ratio (L1 + 0.05) / (L2 + 0.05) of two `#rrggbb` colours.
    public static func contrast(_ a: String, _ b: String) -> Double {
        let la = luminance(a), lb = luminance(b)
        return (Swift.max(la, lb) + 0.05) / (Swift.min(la, lb) + 0.05)
    }

    static func luminance(_ color: String) -> Double {
        func linear(_ c: Int) -> Double {
            let s = Double(c) / 255
            return s <= 0.04045 ? s / 12.92 : Math.pow((s + 0.055) / 1.055, 2.4)
        }
        let c = channels(color)
        return 0.2126 * linear(c[0]) + 0.7152 * linear(c[1]) + 0.0722 * linear(c[2])
    }

    static func channels(_ color: String) -> [Int] {
        let digits = Array(color.utf8.dropFirst())
        return (0..<3).map { k in Int(String(decoding: digits[(2 * k)..<(2 * k + 2)], as: UTF8.self), radix: 16)! }
    }

    private static func hex(_ value: Int) -> String {
        let digits = Array("0123456789ABCDEF")
        return String([digits[value / 16], digits[value % 16]])
    }
}
