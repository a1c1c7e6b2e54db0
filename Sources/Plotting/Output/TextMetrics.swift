import TextFormatting

/// Estimated text widths, for laying out legends and margins without a font engine.
///
/// The page's font is not known at build time, so widths are per-character-class averages
/// of common sans-serif faces, erring wide so that estimated layouts never overlap.
/// East Asian wide characters (``DisplayWidth``: CJK ideographs, kana, hangul, full-width
/// forms) are a full em, as every CJK face draws them; combining marks take no room of their own.
public enum TextMetrics {
    /// The estimated advance of `text` at `fontSize`, in the same units.
    public static func width(_ text: String, fontSize: Double) -> Double {
        var em = 0.0
        for scalar in text.unicodeScalars { em += advance(scalar) }
        return em * fontSize
    }

    /// The advance of one character in em.
    static func advance(_ scalar: Unicode.Scalar) -> Double {
        switch scalar {
        case "i", "l", "j", "I", ".", ",", ":", ";", "|", "!", "'", "(", ")", "[", "]", "f", "t", "r", " ":
            return 0.33
        case "m", "w", "M", "W":
            return 0.88
        case "0"..."9", "a"..."z", "−", "-", "+", "=", "×":
            return 0.58
        case "A"..."Z":
            return 0.7
        case "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹", "⁻", "₀"..."₉":
            return 0.4
        default:
            // By Unicode's East Asian Width (the table `coursegen`'s diagnostics use too): wide
            // characters (CJK ideographs, kana, hangul, full-width forms, emoji) are a full em,
            // as every CJK face draws them; marks and joiners none.
            switch DisplayWidth.of(scalar) {
            case 0: return 0
            case 2: return 1.0
            default: return 0.62
            }
        }
    }
}
