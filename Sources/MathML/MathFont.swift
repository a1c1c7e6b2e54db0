/// A LaTeX math alphabet (`\mathbf`, `\mathbb`, …), rendered as the Unicode
/// Mathematical Alphanumeric Symbols the way MathML Core asks for it: MathML
/// Core keeps `mathvariant` only for `normal` on `mi`, so 𝐱 is written as the
/// bold character itself, not as `<mi mathvariant="bold">x</mi>`.
enum MathFont: Sendable, Equatable {
    /// `\mathrm`, `\operatorname`: upright letters, runs of letters form one identifier.
    case roman
    case bold
    case italic
    case boldItalic
    case doubleStruck
    case script
    case fraktur
    case sansSerif
    case monospace

    /// The character `scalar` set in this alphabet, or `nil` when the alphabet
    /// has no such character (then the plain character is used).
    func transform(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let v = scalar.value
        switch v {
        case 0x41...0x5A: return latin(v - 0x41)
        case 0x61...0x7A: return latin(v - 0x61 + 26)
        case 0x30...0x39: return digit(v - 0x30)
        default: return greek(v)
        }
    }

    private func latin(_ index: UInt32) -> Unicode.Scalar? {
        let letter = Character(Unicode.Scalar(index < 26 ? 0x41 + index : 0x61 + index - 26)!)
        // Letters encoded before the math block existed sit in Letterlike Symbols.
        switch self {
        case .italic where letter == "h": return Unicode.Scalar(0x210E)
        case .script:
            let holes: [Character: UInt32] = [
                "B": 0x212C, "E": 0x2130, "F": 0x2131, "H": 0x210B, "I": 0x2110, "L": 0x2112,
                "M": 0x2133, "R": 0x211B, "e": 0x212F, "g": 0x210A, "o": 0x2134,
            ]
            if let hole = holes[letter] { return Unicode.Scalar(hole) }
        case .fraktur:
            let holes: [Character: UInt32] = ["C": 0x212D, "H": 0x210C, "I": 0x2111, "R": 0x211C, "Z": 0x2128]
            if let hole = holes[letter] { return Unicode.Scalar(hole) }
        case .doubleStruck:
            let holes: [Character: UInt32] = [
                "C": 0x2102, "H": 0x210D, "N": 0x2115, "P": 0x2119, "Q": 0x211A, "R": 0x211D, "Z": 0x2124,
            ]
            if let hole = holes[letter] { return Unicode.Scalar(hole) }
        default: break
        }
        let base: UInt32
        switch self {
        case .roman: return nil
        case .bold: base = 0x1D400
        case .italic: base = 0x1D434
        case .boldItalic: base = 0x1D468
        case .script: base = 0x1D49C
        case .fraktur: base = 0x1D504
        case .doubleStruck: base = 0x1D538
        case .sansSerif: base = 0x1D5A0
        case .monospace: base = 0x1D670
        }
        return Unicode.Scalar(base + index)
    }

    private func digit(_ index: UInt32) -> Unicode.Scalar? {
        let base: UInt32
        switch self {
        case .bold, .boldItalic: base = 0x1D7CE
        case .doubleStruck: base = 0x1D7D8
        case .sansSerif: base = 0x1D7E2
        case .monospace: base = 0x1D7F6
        case .roman, .italic, .script, .fraktur: return nil
        }
        return Unicode.Scalar(base + index)
    }

    /// Greek capitals Α…Ω (U+0391…U+03A9, whose hole at U+03A2 the math block
    /// fills with ϴ), small α…ω, then the variants ∂ ϵ ϑ ϰ ϕ ϱ ϖ in that order.
    private func greek(_ v: UInt32) -> Unicode.Scalar? {
        let capitals: UInt32, smalls: UInt32
        switch self {
        case .bold: (capitals, smalls) = (0x1D6A8, 0x1D6C2)
        case .italic: (capitals, smalls) = (0x1D6E2, 0x1D6FC)
        case .boldItalic: (capitals, smalls) = (0x1D71C, 0x1D736)
        default: return nil
        }
        switch v {
        case 0x391...0x3A9 where v != 0x3A2: return Unicode.Scalar(capitals + v - 0x391)
        case 0x3B1...0x3C9: return Unicode.Scalar(smalls + v - 0x3B1)
        default:
            let variants: [UInt32] = [0x2202, 0x3F5, 0x3D1, 0x3F0, 0x3D5, 0x3F1, 0x3D6]
            guard let index = variants.firstIndex(of: v) else { return nil }
            return Unicode.Scalar(smalls + 25 + UInt32(index))
        }
    }
}
