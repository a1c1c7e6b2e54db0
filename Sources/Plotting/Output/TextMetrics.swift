/// Estimated text widths, for laying out legends and margins without a font engine.
///
/// The page's font is not known at build time, so widths are per-character-class averages
/// of common sans-serif faces, erring wide so that estimated layouts never overlap.
/// East Asian wide characters (CJK ideographs, kana, hangul, fullwidth forms) are a full
/// em, as every CJK face draws them; combining marks take no room of their own.
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
            if isCombining(scalar) { return 0 }
            if isEastAsianWide(scalar) { return 1.0 }
            return 0.62
        }
    }

    /// Whether `scalar` is East Asian wide or fullwidth (UAX #11's W and F classes), by the
    /// blocks that hold them: CJK ideographs and their extensions and compatibility forms,
    /// CJK symbols and punctuation, kana, hangul jamo and syllables, bopomofo, Yi, and the
    /// fullwidth forms; emoji pictographs are drawn as wide too.
    public static func isEastAsianWide(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
             0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }

    private static func isCombining(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F, 0x200B...0x200D, 0xFE00...0xFE0F:
            return true
        default:
            return false
        }
    }
}
