#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Replacing a marker in a page's bytes: whole runs between markers are copied at once, and
/// the standard library's character-by-character search is avoided.
enum ByteReplacement {
    /// `text` with each `marker` replaced by what `replacement` returns for the bytes after it:
    /// the text to put in its place and how many of those bytes it replaces too.
    static func replacing(_ marker: String, in text: String,
                          with replacement: (_ after: UnsafeBufferPointer<UInt8>.SubSequence) -> (text: String, consumed: Int)) -> String {
        var bytesOfText = text, marker = marker
        let replaced = bytesOfText.withUTF8 { bytes in
            marker.withUTF8 { marker -> String? in
                guard let first = marker.first, let base = bytes.baseAddress else { return nil }
                var out: [UInt8] = []
                var copied = 0
                var i = 0
                while i + marker.count <= bytes.count {
                    // The marker's first byte is found with the C library's vectorised search.
                    guard let found = memchr(base + i, Int32(first), bytes.count - marker.count + 1 - i) else { break }
                    i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    guard UnsafeBufferPointer(rebasing: bytes[i ..< i + marker.count]).elementsEqual(marker) else {
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
                guard copied > 0 else { return nil }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
                return String(decoding: out, as: UTF8.self)
            }
        }
        // Nothing replaced: the text itself, not a copy.
        return replaced ?? text
    }

    /// `text` with every `part` replaced by `replacement`.
    static func replacing(_ part: String, with replacement: String, in text: String) -> String {
        replacing(part, in: text) { _ in (replacement, 0) }
    }
}
