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
    /// Works on UTF-8 bytes, which is working on Unicode scalars: the four characters are
    /// ASCII, and no byte of a longer scalar is ASCII, so a combining mark after `<` or `"`
    /// cannot hide it. Text with nothing to escape (most of it) comes back as it is, uncopied.
    /// Inlinable, so that callers in other modules get it specialised for `String` and
    /// `Substring`.
    @inlinable
    public static func html(_ text: some StringProtocol) -> String {
        var text = String(text)
        let escaped = text.withUTF8 { bytes -> String? in
            guard let first = bytes.firstIndex(where: { entity(byte: $0) != nil }) else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + 16)
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[..<first]))
            for byte in UnsafeBufferPointer(rebasing: bytes[first...]) {
                if let entity = entity(byte: byte) { entity.withUTF8Buffer { out.append(contentsOf: $0) } } else { out.append(byte) }
            }
            return String(decoding: out, as: UTF8.self)
        }
        return escaped ?? text
    }

    /// ``entity(_:)`` of a UTF-8 byte.
    @usableFromInline
    static func entity(byte: UInt8) -> StaticString? {
        switch byte {
        case UInt8(ascii: "&"): "&amp;"
        case UInt8(ascii: "<"): "&lt;"
        case UInt8(ascii: ">"): "&gt;"
        case UInt8(ascii: "\""): "&quot;"
        default: nil
        }
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
