/// Which link and image destinations may reach a page: `http:`, `https:`, `mailto:`
/// and relative URLs (no scheme), as cmark-gfm's safe mode and GitHub allow.
///
/// A browser reads a URL's scheme after decoding the attribute's character references,
/// dropping leading and trailing spaces and control characters and removing every tab
/// and line break (WHATWG URL parsing), so ` java&#115;cr&#9;ipt:` is `javascript:`.
/// The scheme is judged in that form, and also after percent-decoding, so that no
/// spelling of a script URL passes.
public enum URLPolicy {
    /// The schemes a page may link to; everything else with a scheme is refused.
    public static let allowedSchemes: Set<String> = ["http", "https", "mailto"]

    /// The refused scheme (lower case, without `:`) that a browser would read from
    /// `url`, or `nil` when the URL is relative or its scheme is allowed.
    public static func refusedScheme(in url: String) -> String? {
        // No form has a scheme without a `:`, and only `&` or `%` can spell one: most links are relative.
        guard url.utf8.contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "%") }) else {
            return nil
        }
        // Printable ASCII with nothing to decode is its own browser form in all three readings.
        if url.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != UInt8(ascii: "&") && $0 != UInt8(ascii: "%") }) {
            return asciiScheme(of: url).flatMap { allowedSchemes.contains($0) ? nil : $0 }
        }
        let decoded = browserForm(decodingCharacterReferences(url))
        for form in [browserForm(url), decoded, browserForm(decodingPercentEscapes(decoded))] {
            if let scheme = scheme(of: form), !allowedSchemes.contains(scheme) { return scheme }
        }
        return nil
    }

    /// The URL as a browser's parser sees it: C0 controls and spaces trimmed at both
    /// ends, tabs and line breaks removed everywhere.
    static func browserForm(_ url: String) -> [Unicode.Scalar] {
        var scalars = Array(url.unicodeScalars)
        while let first = scalars.first, first.value <= 0x20 { scalars.removeFirst() }
        while let last = scalars.last, last.value <= 0x20 { scalars.removeLast() }
        return scalars.filter { $0 != "\t" && $0 != "\n" && $0 != "\r" }
    }

    /// The scheme of a URL in browser form, lower-cased: ASCII letter, then letters,
    /// digits, `+`, `-`, `.`, up to the first `:`; `nil` when there is none.
    static func scheme(of scalars: [Unicode.Scalar]) -> String? {
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        var scheme = ""
        for scalar in scalars {
            if scalar == ":" { return scheme.lowercased() }
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar)
                    || scalar == "+" || scalar == "-" || scalar == "." else { return nil }
            scheme.unicodeScalars.append(scalar)
        }
        return nil
    }

    /// ``scheme(of:)`` of printable ASCII, read from its bytes.
    static func asciiScheme(of url: String) -> String? {
        func isLetter(_ byte: UInt8) -> Bool { (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") }
        let bytes = url.utf8
        guard let first = bytes.first, isLetter(first) else { return nil }
        for (length, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: ":") { return String(decoding: bytes.prefix(length), as: UTF8.self).lowercased() }
            guard isLetter(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
                    || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-") || byte == UInt8(ascii: ".") else { return nil }
        }
        return nil
    }

    /// Numeric character references (`&#115;`, `&#x73;`, with or without `;`) and the
    /// named ones that can spell a scheme (`&colon;`, `&Tab;`, `&NewLine;`, `&amp;`) decoded.
    static func decodingCharacterReferences(_ text: String) -> String {
        let named: [String: Unicode.Scalar] = ["colon": ":", "tab": "\t", "newline": "\n", "amp": "&", "period": ".",
                                               "plus": "+", "hyphen": "-", "dash": "-", "sol": "/", "num": "#"]
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            guard scalars[i] == "&" else { out.append(scalars[i]); i += 1; continue }
            var j = i + 1
            if j < scalars.count, scalars[j] == "#" {
                j += 1
                let hex = j < scalars.count && (scalars[j] == "x" || scalars[j] == "X")
                if hex { j += 1 }
                var value: UInt32 = 0
                var digits = 0
                while j < scalars.count, scalars[j].isASCII, let digit = Character(scalars[j]).hexDigitValue, hex || digit < 10 {
                    value = min(value &* (hex ? 16 : 10) &+ UInt32(digit), 0x110000)
                    digits += 1
                    j += 1
                }
                if digits > 0, let scalar = Unicode.Scalar(value) {
                    out.append(scalar)
                    i = j < scalars.count && scalars[j] == ";" ? j + 1 : j
                    continue
                }
            } else {
                var name = ""
                while j < scalars.count, scalars[j].isASCII, scalars[j].properties.isAlphabetic, name.count < 10 {
                    name.unicodeScalars.append(scalars[j])
                    j += 1
                }
                if let scalar = named[name.lowercased()] {
                    out.append(scalar)
                    i = j < scalars.count && scalars[j] == ";" ? j + 1 : j
                    continue
                }
            }
            out.append(scalars[i])
            i += 1
        }
        return String(out)
    }

    /// `%XX` escapes decoded byte by byte (invalid UTF-8 becomes U+FFFD).
    static func decodingPercentEscapes(_ scalars: [Unicode.Scalar]) -> String {
        var bytes: [UInt8] = []
        let utf8 = Array(String(String.UnicodeScalarView(scalars)).utf8)
        var i = 0
        while i < utf8.count {
            if utf8[i] == UInt8(ascii: "%"), i + 2 < utf8.count,
               let high = Character(Unicode.Scalar(utf8[i + 1])).hexDigitValue,
               let low = Character(Unicode.Scalar(utf8[i + 2])).hexDigitValue {
                bytes.append(UInt8(high * 16 + low))
                i += 3
            } else {
                bytes.append(utf8[i])
                i += 1
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
