/// Estimated text widths, for laying out legends and margins without a font engine.
///
/// The page's font is not known at build time, so widths are per-character averages of
/// common sans-serif faces, erring wide so that estimated layouts never overlap.
enum TextMetrics {
    static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars {
            switch scalar {
            case "i", "l", "j", "I", ".", ",", ":", ";", "|", "!", "'", "(", ")", "[", "]", "f", "t", "r", " ":
                em += 0.33
            case "m", "w", "M", "W":
                em += 0.88
            case "0"..."9", "a"..."z", "−", "-", "+", "=", "×":
                em += 0.58
            case "A"..."Z":
                em += 0.7
            case "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁻":
                em += 0.4
            default:
                em += 0.62
            }
        }
        return em * fontSize
    }
}
