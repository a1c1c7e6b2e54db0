/// What a browser would find in a generated page, read independently of coursegen's own
/// code so that it can judge it: the URLs of attributes that a browser follows, the ids,
/// and whether anything would run script.
public enum PageScan {
    /// Attributes whose value a browser loads or follows.
    static let urlAttributes: Set<String> = ["href", "src", "xlink:href", "action", "formaction", "poster", "srcset", "background", "cite", "data"]

    /// `(attribute, value)` of every attribute of every tag, values with their character
    /// references decoded as a browser decodes them.
    public static func attributes(in html: String) -> [(name: String, value: String)] {
        var found: [(String, String)] = []
        let s = Array(html.unicodeScalars)
        var i = 0
        while i < s.count {
            guard s[i] == "<", i + 1 < s.count, s[i + 1].properties.isAlphabetic else { i += 1; continue }
            i += 1
            while i < s.count, !isSpace(s[i]), s[i] != ">" { i += 1 }  // tag name
            while i < s.count, s[i] != ">" {
                while i < s.count, isSpace(s[i]) || s[i] == "/" { i += 1 }
                var name = ""
                while i < s.count, !isSpace(s[i]), s[i] != "=", s[i] != ">", s[i] != "/" {
                    name.unicodeScalars.append(s[i]); i += 1
                }
                guard !name.isEmpty else { if i < s.count, s[i] != ">" { i += 1 }; continue }
                var value = ""
                if i < s.count, s[i] == "=" {
                    i += 1
                    if i < s.count, s[i] == "\"" || s[i] == "'" {
                        let quote = s[i]
                        i += 1
                        while i < s.count, s[i] != quote { value.unicodeScalars.append(s[i]); i += 1 }
                        i += 1
                    } else {
                        while i < s.count, !isSpace(s[i]), s[i] != ">" { value.unicodeScalars.append(s[i]); i += 1 }
                    }
                }
                found.append((name.lowercased(), decodeReferences(value)))
            }
        }
        return found
    }

    /// The values of every `id` attribute, in order.
    public static func ids(in html: String) -> [String] {
        attributes(in: html).filter { $0.name == "id" }.map(\.value)
    }

    /// The script elements of `search.html`, the one page that may run script.
    public static let searchScripts = [
        "<script src=\"assets/search-index.js\" defer></script>",
        "<script src=\"assets/search.js\" defer></script>",
    ]

    /// Problems a browser would run script through: a `<script` tag, an `on…=` handler, or
    /// a followed URL whose scheme is not `http`, `https` or `mailto` (relative URLs pass).
    public static func scriptProblems(in html: String) -> [String] {
        var problems: [String] = []
        if html.lowercased().contains("<script") { problems.append("a <script> tag") }
        for (name, value) in attributes(in: html) {
            if name.hasPrefix("on") { problems.append("an event handler \(name)=\"\(value)\"") }
            if urlAttributes.contains(name), let scheme = scheme(of: value), !["http", "https", "mailto"].contains(scheme) {
                problems.append("\(name)=\"\(value)\" (scheme '\(scheme)')")
            }
        }
        return problems
    }

    /// The scheme a browser reads: leading/trailing C0 and space trimmed, tab and line breaks dropped.
    static func scheme(of url: String) -> String? {
        var scalars = Array(url.unicodeScalars)
        while let f = scalars.first, f.value <= 0x20 { scalars.removeFirst() }
        scalars.removeAll { $0 == "\t" || $0 == "\n" || $0 == "\r" }
        guard let first = scalars.first, first.isASCII, first.properties.isAlphabetic else { return nil }
        var scheme = ""
        for c in scalars {
            if c == ":" { return scheme.lowercased() }
            guard c.isASCII, c.properties.isAlphabetic || c.properties.numericType != nil || "+-.".unicodeScalars.contains(c) else { return nil }
            scheme.unicodeScalars.append(c)
        }
        return nil
    }

    static func decodeReferences(_ value: String) -> String {
        guard value.contains("&") else { return value }
        var out = ""
        var rest = Substring(value)
        while let amp = rest.firstIndex(of: "&") {
            out += rest[..<amp]
            let after = rest[rest.index(after: amp)...]
            let entity = after.prefix { $0 != ";" && $0 != "&" && $0 != " " }.prefix(12)
            let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "colon": ":", "tab": "\t", "newline": "\n"]
            if entity.hasPrefix("#") {
                let digits = entity.dropFirst()
                let code = digits.lowercased().hasPrefix("x") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
                if let code, let scalar = Unicode.Scalar(code) {
                    out.unicodeScalars.append(scalar)
                    rest = after.dropFirst(entity.count)
                    if rest.first == ";" { rest = rest.dropFirst() }
                    continue
                }
            } else if let text = named[entity.lowercased()] {
                out += text
                rest = after.dropFirst(entity.count)
                if rest.first == ";" { rest = rest.dropFirst() }
                continue
            }
            out += "&"
            rest = after
        }
        return out + rest
    }

    private static func isSpace(_ c: Unicode.Scalar) -> Bool { c == " " || c == "\n" || c == "\t" || c == "\r" || c == "\u{C}" }
}
