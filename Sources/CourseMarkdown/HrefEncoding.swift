/// Link and image destinations as cmark-gfm writes them (`houdini_escape_href`): every byte
/// outside its safe set becomes `%XX`, so `foo\bar` stays one path segment (`foo%5Cbar`, where a
/// browser would read `foo/bar`) and `<my uri>` writes no raw space.
///
/// The safe set is the letters, digits and `-_.+!*'(),%#@?=;:/,+&$~`: reserved characters keep
/// their meaning as separators, and an existing `%` is kept, so an encoded destination is not
/// encoded twice. `&` and `'` stay as they are here; the attribute's HTML escaping writes them
/// as references. ``URLPolicy`` judges the encoded form, which is what the page holds.
public enum HrefEncoding {
    /// `url` with every byte outside the safe set percent-encoded (upper-case hex).
    public static func encode(_ url: String) -> String {
        guard url.utf8.contains(where: { !isSafe($0) }) else { return url }
        var out: [UInt8] = []
        out.reserveCapacity(url.utf8.count + 8)
        for byte in url.utf8 {
            if isSafe(byte) {
                out.append(byte)
            } else {
                out += [UInt8(ascii: "%"), hexDigits[Int(byte >> 4)], hexDigits[Int(byte & 0xF)]]
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789ABCDEF".utf8)

    /// cmark-gfm's `HREF_SAFE` table, with `&` and `'`, which it writes as `&amp;` and `&#x27;`.
    static func isSafe(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return safePunctuation.contains(byte)
        }
    }

    private static let safePunctuation = Set("-_.+!*'(),%#@?=;:/$~&".utf8)
}
