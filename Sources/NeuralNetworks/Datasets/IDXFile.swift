import Foundation

/// A file in the IDX format of LeCun's MNIST distribution: big-endian dimensions, then unsigned bytes.
///
/// Layout: two zero bytes, the type code (0x08 for unsigned bytes, the only one MNIST
/// uses and the only one read here), the number of dimensions, each dimension as a
/// big-endian UInt32, then the values row-major. The files must be uncompressed
/// (`gunzip` the `.gz` files of the distribution); a gzip stream is named as such.
struct IDXFile: Equatable {
    var dimensions: [Int]
    var bytes: [UInt8]

    /// Reads and validates the file at `path`; `missingHint` says what to do when it is not there.
    static func read(path: String, missingHint: String) throws(DatasetError) -> IDXFile {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw .missingFile(path: path, hint: missingHint)
        }
        return try parse([UInt8](data), path: path)
    }

    /// Parses IDX bytes; `path` only names the file in errors.
    static func parse(_ bytes: [UInt8], path: String) throws(DatasetError) -> IDXFile {
        if bytes.count >= 2, bytes[0] == 0x1F, bytes[1] == 0x8B {
            throw .malformed(path: path, reason: "it is gzip-compressed; decompress it with gunzip first")
        }
        guard bytes.count >= 4 else { throw .malformed(path: path, reason: "shorter than the 4-byte header") }
        guard bytes[0] == 0, bytes[1] == 0 else {
            throw .malformed(path: path, reason: "the magic number does not start with two zero bytes")
        }
        guard bytes[2] == 0x08 else {
            throw .malformed(path: path, reason: "type code 0x\(String(bytes[2], radix: 16)) is not 0x08 (unsigned bytes)")
        }
        let dimensionCount = Int(bytes[3])
        guard dimensionCount >= 1 else { throw .malformed(path: path, reason: "it declares no dimensions") }
        let headerSize = 4 + 4 * dimensionCount
        guard bytes.count >= headerSize else { throw .malformed(path: path, reason: "the header is cut short") }
        var dimensions = [Int]()
        var total = 1
        for d in 0..<dimensionCount {
            let offset = 4 + 4 * d
            let size = bytes[offset..<offset + 4].reduce(0) { $0 << 8 | Int($1) }
            let (product, overflow) = total.multipliedReportingOverflow(by: size)
            guard !overflow, product <= bytes.count else {
                throw .malformed(path: path, reason: "its dimensions \(dimensions + [size]) need more bytes than the file has")
            }
            dimensions.append(size)
            total = product
        }
        guard bytes.count - headerSize == total else {
            throw .malformed(
                path: path,
                reason: "dimensions \(dimensions) need \(total) bytes of data, the file has \(bytes.count - headerSize)")
        }
        return IDXFile(dimensions: dimensions, bytes: Array(bytes[headerSize...]))
    }
}
