import TextFormatting

/// Accumulates highlighted HTML: escaped text in `<span class="hl-…">`
/// elements, adjacent tokens of one kind merged, spans closed at line breaks.
///
/// Works on UTF-8 bytes, copying multi-byte characters through unless HTML
/// forbids them (C1 controls, noncharacters), which become U+FFFD.
struct HTMLBuilder {
    private var bytes: [UInt8] = []
    /// The kind of the span open at the end of the output, if any.
    private var open: TokenKind?
    /// A CR seen last: a line break, unless the LF of a CR LF pair follows.
    private var pendingReturn = false

    private static let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
    private static let spanOpenings: [TokenKind: [UInt8]] = Dictionary(
        uniqueKeysWithValues: TokenKind.allCases.map { ($0, Array("<span class=\"\($0.className)\">".utf8)) })
    private static let spanClose = Array("</span>".utf8)
    private static let ampersand = Array("&amp;".utf8)
    private static let lessThan = Array("&lt;".utf8)
    private static let greaterThan = Array("&gt;".utf8)

    /// The HTML so far; call ``finish()`` first to close the last span.
    var html: String { String(decoding: bytes, as: UTF8.self) }

    /// Appends `text` (whole UTF-8 sequences) as a token of `kind`; `nil` for plain text.
    mutating func append(_ text: ArraySlice<UInt8>, as kind: TokenKind?) {
        var index = text.startIndex
        while index < text.endIndex {
            let byte = text[index]
            if pendingReturn {
                pendingReturn = false
                // A lone CR ends a line; CR LF is one line break.
                if byte != UInt8(ascii: "\n") { newline() }
            }
            switch byte {
            case UInt8(ascii: "\n"):
                newline()
                index += 1
                continue
            case UInt8(ascii: "\r"):
                pendingReturn = true
                index += 1
                continue
            default:
                break
            }
            if open != kind {
                if open != nil { bytes += Self.spanClose }
                if let kind { bytes += Self.spanOpenings[kind]! }
                open = kind
            }
            switch byte {
            case UInt8(ascii: "&"): bytes += Self.ampersand
            case UInt8(ascii: "<"): bytes += Self.lessThan
            case UInt8(ascii: ">"): bytes += Self.greaterThan
            case UInt8(ascii: "\t"): bytes.append(byte)
            case 0..<0x20, 0x7F: bytes += Self.replacement
            case 0x80...:
                let length = Self.sequenceLength(byte)
                let end = min(text.endIndex, index + length)
                let sequence = text[index..<end]
                if Self.isForbidden(sequence) { bytes += Self.replacement } else { bytes += sequence }
                index = end
                continue
            default: bytes.append(byte)
            }
            index += 1
        }
    }

    private mutating func newline() {
        if open != nil { bytes += Self.spanClose }
        open = nil
        bytes.append(UInt8(ascii: "\n"))
    }

    /// Closes the last span; call once after the last token.
    mutating func finish() {
        if pendingReturn {
            pendingReturn = false
            newline()
        }
        if open != nil { bytes += Self.spanClose }
        open = nil
    }

    private static func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    /// Whether `sequence` is not one well-formed character, or is one HTML forbids
    /// (``Escaping/isForbidden(_:)``: here C1 controls and noncharacters).
    private static func isForbidden(_ sequence: ArraySlice<UInt8>) -> Bool {
        guard let scalar = String(decoding: sequence, as: UTF8.self).unicodeScalars.first,
              String(scalar).utf8.elementsEqual(sequence) else {
            return true
        }
        return Escaping.isForbidden(scalar)
    }
}
