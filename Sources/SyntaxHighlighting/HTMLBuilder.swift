/// Accumulates highlighted HTML: escaped text in `<span class="hl-…">`
/// elements, adjacent tokens of one kind merged, spans closed at line breaks.
struct HTMLBuilder {
    private(set) var html = ""
    /// The kind of the span open at the end of `html`, if any.
    private var open: TokenKind?
    /// A CR seen last: a line break, unless the LF of a CR LF pair follows.
    private var pendingReturn = false

    /// Appends `bytes` (whole UTF-8 sequences) as a token of `kind`; `nil` for plain text.
    mutating func append(_ bytes: ArraySlice<UInt8>, as kind: TokenKind?) {
        guard !bytes.isEmpty else { return }
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if pendingReturn {
                pendingReturn = false
                // A lone CR ends a line; CR LF is one line break.
                if scalar != "\n" { newline() }
            }
            switch scalar {
            case "\n":
                newline()
            case "\r":
                pendingReturn = true
            default:
                if open != kind {
                    if open != nil { html += "</span>" }
                    if let kind { html += "<span class=\"\(kind.className)\">" }
                    open = kind
                }
                switch scalar {
                case "&": html += "&amp;"
                case "<": html += "&lt;"
                case ">": html += "&gt;"
                case "\t": html += "\t"
                default:
                    let v = scalar.value
                    let forbidden = v < 0x20 || (0x7F...0x9F).contains(v) || (0xFDD0...0xFDEF).contains(v)
                        || v & 0xFFFE == 0xFFFE
                    html.unicodeScalars.append(forbidden ? "\u{FFFD}" : scalar)
                }
            }
        }
    }

    private mutating func newline() {
        if open != nil { html += "</span>" }
        open = nil
        html += "\n"
    }

    /// Closes the last span; call once after the last token.
    mutating func finish() {
        if pendingReturn {
            pendingReturn = false
            newline()
        }
        if open != nil { html += "</span>" }
        open = nil
    }
}
