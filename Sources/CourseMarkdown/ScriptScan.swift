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
    /// Their lengths in bytes, so most attributes are passed over without a lookup.
    static let urlAttributeLengths = Set(urlAttributes.map(\.utf8.count))

    /// Every finding in `html`, in order.
    public static func findings(in html: String) -> [Finding] {
        var html = html
        return html.withUTF8 { findings(inBytes: $0) }
    }

    /// The scan over the page's bytes, read in place: a tag's and an attribute's name are compared
    /// as bytes, and a value is decoded only for an attribute whose value a browser follows.
    private static func findings(inBytes s: UnsafeBufferPointer<UInt8>) -> [Finding] {
        var found: [Finding] = []
        var i = 0
        func isSpace(_ b: UInt8) -> Bool { b == 32 || b == 9 || b == 10 || b == 13 || b == 12 }
        func isLetter(_ b: UInt8) -> Bool { (b | 0x20) >= UInt8(ascii: "a") && (b | 0x20) <= UInt8(ascii: "z") }
        let script = Array("script".utf8)
        var attribute: [UInt8] = []
        while i < s.count {
            guard s[i] == UInt8(ascii: "<"), i + 1 < s.count, isLetter(s[i + 1]) else { i += 1; continue }
            let tagStart = i
            i += 1
            let nameStart = i
            while i < s.count, !isSpace(s[i]), s[i] != UInt8(ascii: ">"), s[i] != UInt8(ascii: "/") { i += 1 }
            if i - nameStart == script.count, (0..<script.count).allSatisfy({ s[nameStart + $0] | 0x20 == script[$0] }) {
                found.append(Finding(offset: tagStart, what: "a <script> tag"))
            }
            // Attributes up to the tag's end.
            while i < s.count, s[i] != UInt8(ascii: ">") {
                while i < s.count, isSpace(s[i]) || s[i] == UInt8(ascii: "/") { i += 1 }
                let nameStart = i
                attribute.removeAll(keepingCapacity: true)
                while i < s.count, !isSpace(s[i]), s[i] != UInt8(ascii: "="), s[i] != UInt8(ascii: ">"), s[i] != UInt8(ascii: "/") {
                    attribute.append(s[i] | (isLetter(s[i]) ? 0x20 : 0)); i += 1
                }
                guard !attribute.isEmpty else {
                    if i < s.count, s[i] != UInt8(ascii: ">") { i += 1 }
                    continue
                }
                while i < s.count, isSpace(s[i]) { i += 1 }
                var value = 0..<0
                if i < s.count, s[i] == UInt8(ascii: "=") {
                    i += 1
                    while i < s.count, isSpace(s[i]) { i += 1 }
                    if i < s.count, s[i] == UInt8(ascii: "\"") || s[i] == UInt8(ascii: "'") {
                        let quote = s[i]
                        i += 1
                        let valueStart = i
                        while i < s.count, s[i] != quote { i += 1 }
                        value = valueStart..<i
                        i += 1
                    } else {
                        let valueStart = i
                        while i < s.count, !isSpace(s[i]), s[i] != UInt8(ascii: ">") { i += 1 }
                        value = valueStart..<i
                    }
                }
                if attribute.count > 2, attribute[0] == UInt8(ascii: "o"), attribute[1] == UInt8(ascii: "n") {
                    found.append(Finding(offset: nameStart, what: "the event handler '\(String(decoding: attribute, as: UTF8.self))'"))
                    continue
                }
                guard urlAttributeLengths.contains(attribute.count) else { continue }
                let attributeName = String(decoding: attribute, as: UTF8.self)
                if urlAttributes.contains(attributeName),
                   let scheme = URLPolicy.refusedScheme(in: String(decoding: UnsafeBufferPointer(rebasing: s[value]), as: UTF8.self)) {
                    found.append(Finding(offset: nameStart, what: "a '\(scheme):' URL in '\(attributeName)'"))
                }
            }
        }
        return found
    }
}
