/// The framing every result-cache entry shares, whatever kind of result it holds.
///
/// ```
/// coursegen result cache 1
/// key <byte count>
/// <the key's text>
/// data <byte count>
/// <the kind's data>
/// checksum <FNV-1a 64 of everything above, 16 hex digits>
/// ```
///
/// The checksum is checked, and the whole key compared, before the data is handed to a
/// kind's decoder; the decoder then checks every count and value against what its
/// directive can produce.
enum CacheEntry {
    static let header = "coursegen result cache 1"

    /// The bytes before and after `data`, the checksum covering both the prefix and `data`;
    /// a writer writes the three in turn without joining them into one more copy.
    static func frame(key: String, data: [UInt8]) -> (prefix: [UInt8], suffix: [UInt8]) {
        let prefix = Array((header + "\nkey \(key.utf8.count)\n" + key + "\ndata \(data.count)\n").utf8)
        var hash = fnv1a(prefix)
        hash = fnv1a(data, continuing: hash)
        hash = fnv1a([UInt8(ascii: "\n")], continuing: hash)
        return (prefix, Array("\nchecksum \(hex(hash))\n".utf8))
    }

    /// The whole entry for `data` under `key`.
    static func encode(key: String, data: [UInt8]) -> [UInt8] {
        let (prefix, suffix) = frame(key: key, data: data)
        return prefix + data + suffix
    }

    /// The data section of `bytes`, or nil unless the checksum, the header and the whole
    /// key match and nothing follows the data.
    static func data(in bytes: [UInt8], key: String) -> ArraySlice<UInt8>? {
        let checksumLine = Array("checksum ".utf8)
        // The checksum line is the last 26 bytes: "checksum " + 16 hex digits + "\n".
        guard bytes.count > checksumLine.count + 17, bytes.last == UInt8(ascii: "\n") else { return nil }
        let bodyEnd = bytes.count - (checksumLine.count + 17)
        guard Array(bytes[bodyEnd..<bodyEnd + checksumLine.count]) == checksumLine,
              let stored = UInt64(String(decoding: bytes[(bodyEnd + checksumLine.count)..<(bytes.count - 1)], as: UTF8.self), radix: 16),
              stored == fnv1a(bytes[..<bodyEnd])
        else { return nil }
        var reader = SectionReader(bytes: bytes[..<bodyEnd])
        guard reader.line() == header,
              let storedKey = reader.section("key"), storedKey.elementsEqual(key.utf8),
              let data = reader.section("data"), reader.atEnd
        else { return nil }
        return data
    }

    static let fnvOffsetBasis: UInt64 = 0xCBF2_9CE4_8422_2325

    static func fnv1a(_ bytes: [UInt8], continuing hash: UInt64 = fnvOffsetBasis) -> UInt64 {
        fnv1a(bytes[...], continuing: hash)
    }

    static func fnv1a(_ bytes: ArraySlice<UInt8>, continuing hash: UInt64 = fnvOffsetBasis) -> UInt64 {
        bytes.withUnsafeBufferPointer { buffer in
            var hash = hash
            for byte in buffer { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3 }
            return hash
        }
    }

    /// 16 lower-case hex digits.
    static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Reads `name <count>\n<count bytes>\n` sections and plain lines.
    private struct SectionReader {
        let bytes: ArraySlice<UInt8>
        var position: Int

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            position = bytes.startIndex
        }

        var atEnd: Bool { position == bytes.endIndex }

        mutating func line() -> String? {
            guard let end = bytes[position...].firstIndex(of: UInt8(ascii: "\n")) else { return nil }
            let text = String(decoding: bytes[position..<end], as: UTF8.self)
            position = end + 1
            return text
        }

        mutating func section(_ name: String) -> ArraySlice<UInt8>? {
            guard let header = line(), header.hasPrefix(name + " "), let count = Int(header.dropFirst(name.count + 1)),
                  count >= 0, count < bytes.endIndex - position
            else { return nil }
            let body = bytes[position..<position + count]
            position += count
            guard bytes[position] == UInt8(ascii: "\n") else { return nil }
            position += 1
            return body
        }
    }
}
