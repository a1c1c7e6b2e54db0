/// Replacing a marker in a page's bytes: whole runs between markers are copied at once, and
/// the standard library's character-by-character search is avoided.
enum ByteReplacement {
    /// `text` with each `marker` replaced by what `replacement` returns for the bytes after it:
    /// the text to put in its place and how many of those bytes it replaces too.
    static func replacing(_ marker: String, in text: String,
                          with replacement: (_ after: UnsafeBufferPointer<UInt8>.SubSequence) -> (text: String, consumed: Int)) -> String {
        var text = text, marker = marker
        return text.withUTF8 { bytes in
            marker.withUTF8 { marker -> String in
                guard let first = marker.first else { return String(decoding: bytes, as: UTF8.self) }
                var out: [UInt8] = []
                var copied = 0
                var i = 0
                while i + marker.count <= bytes.count {
                    guard bytes[i] == first, UnsafeBufferPointer(rebasing: bytes[i ..< i + marker.count]).elementsEqual(marker) else {
                        i += 1
                        continue
                    }
                    if out.isEmpty { out.reserveCapacity(bytes.count + 256) }
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied ..< i]))
                    let (text, consumed) = replacement(bytes[(i + marker.count)...])
                    out.append(contentsOf: text.utf8)
                    i += marker.count + consumed
                    copied = i
                }
                guard copied > 0 else { return String(decoding: bytes, as: UTF8.self) }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
                return String(decoding: out, as: UTF8.self)
            }
        }
    }

    /// `text` with every `part` replaced by `replacement`.
    static func replacing(_ part: String, with replacement: String, in text: String) -> String {
        replacing(part, in: text) { _ in (replacement, 0) }
    }
}
