import CourseDiagnostics

/// Full-width and typographic look-alikes of the directive language's ASCII characters, as a
/// Chinese or Japanese input method types them (`，` for `,`, `（` for `(`, `“` for `"`).
///
/// Before lexing, each look-alike outside string literals and comments is reported once, naming
/// the character, its code point and what to type, and replaced by its ASCII twin, so that the
/// rest of the directive parses as the author meant and no cascade of errors follows. Every
/// replacement is one scalar for one scalar, so columns are unchanged. Inside a string literal
/// (a label may be Chinese) and a comment, every character is fine.
enum LookAlike {
    /// The ASCII character that `scalar` stands for, when it is a look-alike.
    static func ascii(for scalar: Unicode.Scalar) -> Unicode.Scalar? {
        let value = scalar.value
        switch value {
        // Full-width forms of `!` … `~` (U+FF01 … U+FF5E) are their ASCII characters shifted by U+FEE0,
        // but `＇` stands for a quote as `‘` does: the language has no single-quoted literal.
        case 0xFF07: return "\""
        case 0xFF01...0xFF5E: return Unicode.Scalar(value - 0xFEE0)
        case 0x3000: return " "
        case 0x201C, 0x201D, 0x2018, 0x2019, 0x300C, 0x300D, 0x300E, 0x300F: return "\""
        case 0x3002, 0xFF61: return "."
        case 0x3001, 0xFF64: return ","
        case 0x3010, 0x3014, 0x3016: return "["
        case 0x3011, 0x3015, 0x3017: return "]"
        case 0x3008, 0x300A: return "<"
        case 0x3009, 0x300B: return ">"
        default: return nil
        }
    }

    /// `text` with every look-alike outside strings and comments replaced by its ASCII twin,
    /// one error for each appended to `diagnostics`.
    static func replacing(in text: String, origin: SourceOrigin, diagnostics: inout [Diagnostic]) -> String {
        // A look-alike is never ASCII, and most directives are: then there is nothing to read.
        let hasNonASCII = text.utf8.withContiguousStorageIfAvailable { $0.contains { $0 >= 0x80 } } ?? text.utf8.contains { $0 >= 0x80 }
        guard hasNonASCII,
              text.unicodeScalars.contains(where: { !$0.isASCII && ascii(for: $0) != nil }) else { return text }
        enum State { case code, string(typographic: Bool), lineComment, blockComment(depth: Int) }
        var state = State.code
        var out = String.UnicodeScalarView()
        var line = 1, column = 1
        // The scalar before, as the lexer sees it; a space after a comment's delimiter, so that
        // `/*/` does not both open and close, nor `*/*` both close and open.
        var previous: Unicode.Scalar = " "
        var escaped = false
        var replacedAny = false
        for scalar in text.unicodeScalars {
            var seen = scalar, emitted = scalar
            func replace(_ twin: Unicode.Scalar) {
                diagnostics.append(error(scalar, twin, at: origin.location(line: line, column: column)))
                seen = twin
                emitted = twin
                replacedAny = true
            }
            switch state {
            case .code:
                if let twin = ascii(for: scalar) { replace(twin) }
                if seen == "\"" {
                    state = .string(typographic: seen != scalar)
                } else if seen == "/", previous == "/" {
                    state = .lineComment
                } else if seen == "*", previous == "/" {
                    state = .blockComment(depth: 1)
                    seen = " "
                }
            case .string(let typographic):
                if scalar == "\n" {
                    state = .code
                } else if escaped {
                    escaped = false
                } else if scalar == "\\" {
                    escaped = true
                } else if scalar == "\"" {
                    state = .code
                } else if typographic, let twin = ascii(for: scalar), twin == "\"" {
                    // A string opened with `“` ends at `”`: both are reported, the text between is fine.
                    replace(twin)
                    state = .code
                }
            case .lineComment:
                if scalar == "\n" { state = .code }
            case .blockComment(let depth):
                if scalar == "/", previous == "*" {
                    state = depth == 1 ? .code : .blockComment(depth: depth - 1)
                    seen = " "
                } else if scalar == "*", previous == "/" {
                    state = .blockComment(depth: depth + 1)
                    seen = " "
                }
            }
            out.append(emitted)
            previous = seen
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return replacedAny ? String(out) : text
    }

    private static func error(_ scalar: Unicode.Scalar, _ twin: Unicode.Scalar, at location: SourceLocation) -> Diagnostic {
        var name = (scalar.properties.name ?? "character").lowercased()
        if name.hasPrefix("fullwidth ") { name = "full-width " + name.dropFirst("fullwidth ".count) }
        let typed = twin == " " ? "a space ' '" : "'\(twin)'"
        let note = twin == "\"" ? "; a string is written between straight quotes, and may hold any character" : ""
        return .error("\(name) '\(Character(scalar))' (\(codePoint(scalar))) in a directive", at: location,
                      hint: "type \(typed) (\(codePoint(twin)))\(note)")
    }

    /// `U+FF0C`: at least four hexadecimal digits, as Unicode writes code points.
    static func codePoint(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }
}
