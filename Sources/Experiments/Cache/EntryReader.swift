/// Reads what ``EntryWriter`` wrote, each value checked for its type; nil on any mismatch
/// or when the data ends early.
///
/// A count is refused when more values than the bytes left could hold, so a forged count
/// never allocates more than the entry's own size.
struct EntryReader: EntryFieldReader {
    private let bytes: ArraySlice<UInt8>
    private var position: Int

    init(_ bytes: ArraySlice<UInt8>) {
        self.bytes = bytes
        position = bytes.startIndex
    }

    var atEnd: Bool { position == bytes.endIndex }

    private var bytesLeft: Int { bytes.endIndex - position }

    mutating func word() -> UInt64? {
        guard bytesLeft >= 8 else { return nil }
        let offset = position - bytes.startIndex
        let w = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: UInt64.self) }
        position += 8
        return UInt64(littleEndian: w)
    }

    mutating func int() -> Int? { word().map { Int(Int64(bitPattern: $0)) } }
    mutating func double() -> Double? { word().map(Double.init(bitPattern:)) }

    /// A count of 8-byte values, bounded by the bytes left.
    mutating func count() -> Int? { count(width: 8) }

    /// A count of values `width` bytes wide, bounded by the bytes left.
    mutating func count(width: Int) -> Int? {
        guard let n = int(), n >= 0, n <= bytesLeft / width else { return nil }
        return n
    }

    mutating func optionalInt() -> Int?? {
        switch int() {
        case 0?: return .some(nil)
        case 1?: return int().map { .some($0) }
        default: return nil
        }
    }

    mutating func doubles() -> [Double]? {
        guard let n = count() else { return nil }
        let offset = position - bytes.startIndex
        let values = [Double](unsafeUninitializedCapacity: n) { buffer, initialized in
            bytes.withUnsafeBytes { raw in
                for i in 0..<n {
                    buffer[i] = Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: offset + 8 * i, as: UInt64.self)))
                }
            }
            initialized = n
        }
        position += 8 * n
        return values
    }

    mutating func string() -> String? {
        guard let n = count(width: 1) else { return nil }
        let text = String(validating: bytes[position..<position + n], as: UTF8.self)
        position += n
        return text
    }
}
