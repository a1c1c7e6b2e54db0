/// Finds what would make a browser run script in markup: a `<script` tag, an event
/// handler attribute (`onload=`, `onclick=`…), or a URL attribute whose scheme
/// ``URLPolicy`` refuses.
///
/// Chapters cannot produce any of these (their text is escaped and their URLs
/// checked); a theme's templates can. So a build scans the theme's templates, to
/// report each at its line, and every finished page, as a last gate.
public enum ScriptScan {
    /// Something that would run script, at a UTF-8 byte offset of the scanned text.
    public struct Finding: Hashable, Sendable {
        public var offset: Int
        /// What it is, for a message: `a <script> tag`, `the event handler 'onclick'`, …
        public var what: String
    }

    /// Attributes whose value a browser loads or follows.
    static let urlAttributes: Set<String> = ["href", "src", "xlink:href", "action", "formaction", "poster", "data", "background", "cite", "srcset"]

    /// Every finding in `html`, in order.
    public static func findings(in html: String) -> [Finding] {
        let s = Array(html.utf8)
        var found: [Finding] = []
        var i = 0
        func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        while i < s.count {
            guard s[i] == UInt8(ascii: "<"), i + 1 < s.count, isLetter(s[i + 1]) else { i += 1; continue }
            let tagStart = i
            i += 1
            var name: [UInt8] = []
            while i < s.count, !isSpace(s[i]), s[i] != UInt8(ascii: ">"), s[i] != UInt8(ascii: "/") { name.append(s[i] | 0x20); i += 1 }
            if name == Array("script".utf8) { found.append(Finding(offset: tagStart, what: "a <script> tag")) }
            // Attributes up to the tag's end.
            while i < s.count, s[i] != UInt8(ascii: ">") {
                while i < s.count, isSpace(s[i]) || s[i] == UInt8(ascii: "/") { i += 1 }
                let nameStart = i
                var attribute: [UInt8] = []
                while i < s.count, !isSpace(s[i]), s[i] != UInt8(ascii: "="), s[i] != UInt8(ascii: ">"), s[i] != UInt8(ascii: "/") {
                    attribute.append(s[i] | (isLetter(s[i]) ? 0x20 : 0)); i += 1
                }
                guard !attribute.isEmpty else {
                    if i < s.count, s[i] != UInt8(ascii: ">") { i += 1 }
                    continue
                }
                while i < s.count, isSpace(s[i]) { i += 1 }
                var value: [UInt8] = []
                if i < s.count, s[i] == UInt8(ascii: "=") {
                    i += 1
                    while i < s.count, isSpace(s[i]) { i += 1 }
                    if i < s.count, s[i] == UInt8(ascii: "\"") || s[i] == UInt8(ascii: "'") {
                        let quote = s[i]
                        i += 1
                        while i < s.count, s[i] != quote { value.append(s[i]); i += 1 }
                        i += 1
                    } else {
                        while i < s.count, !isSpace(s[i]), s[i] != UInt8(ascii: ">") { value.append(s[i]); i += 1 }
                    }
                }
                let attributeName = String(decoding: attribute, as: UTF8.self)
                if attributeName.hasPrefix("on"), attributeName.count > 2 {
                    found.append(Finding(offset: nameStart, what: "the event handler '\(attributeName)'"))
                } else if urlAttributes.contains(attributeName),
                          let scheme = URLPolicy.refusedScheme(in: String(decoding: value, as: UTF8.self)) {
                    found.append(Finding(offset: nameStart, what: "a '\(scheme):' URL in '\(attributeName)'"))
                }
            }
        }
        return found
    }
}
