/// Escaping of text for the markup coursegen writes: HTML pages and the SVG and MathML
/// inside them. Every escape in the project goes through here (the syntax highlighter's
/// byte-level span builder excepted, which escapes as ``html(_:)`` does but without `"`).
///
/// SVG and MathML are written inline in HTML pages, where the HTML parser reads them, so
/// the same four characters make their text safe; ``htmlReplacingForbidden(_:into:)`` adds
/// what a document may not contain at all, for text taken verbatim from LaTeX.
public enum Escaping {
    /// `text` with `&`, `<`, `>` and `"` escaped: safe as element content (HTML, inline
    /// SVG) and as a double-quoted attribute value.
    ///
    /// Works on Unicode scalars, so a combining mark after `<` or `"` cannot hide it.
    /// Inlinable, so that callers in other modules get it specialised for `String` and
    /// `Substring`; unspecialised, it took about 15 % more instructions.
    @inlinable
    public static func html(_ text: some StringProtocol) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            if let entity = entity(scalar) { out += entity } else { out.unicodeScalars.append(scalar) }
        }
        return out
    }

    /// `text` escaped as ``html(_:)`` does, appended to `output`, and besides: characters
    /// HTML forbids in a document (controls other than tab and line feed, C1 controls,
    /// noncharacters) become U+FFFD and a carriage return becomes a line feed.
    @inlinable
    public static func htmlReplacingForbidden(_ text: some StringProtocol, into output: inout String) {
        for scalar in text.unicodeScalars {
            if let entity = entity(scalar) {
                output += entity
                continue
            }
            switch scalar {
            case "\t", "\n": output.unicodeScalars.append(scalar)
            case "\r": output += "\n"
            default: output.unicodeScalars.append(isForbidden(scalar) ? "\u{FFFD}" : scalar)
            }
        }
    }

    /// Whether HTML forbids `scalar` in a document: C0 controls (tab, line feed and carriage
    /// return aside, which callers treat first), DEL and the C1 controls, and noncharacters.
    @inlinable
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        return v < 0x20 || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
    }

    @usableFromInline
    static func entity(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "&": "&amp;"
        case "<": "&lt;"
        case ">": "&gt;"
        case "\"": "&quot;"
        default: nil
        }
    }
}
