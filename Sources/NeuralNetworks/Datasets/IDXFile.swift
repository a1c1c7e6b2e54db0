import FileAccess

/// A file in the IDX format of LeCun's MNIST distribution: big-endian dimensions, then unsigned bytes.
///
/// Layout: two zero bytes, the type code (0x08 for unsigned bytes, the only one MNIST
/// uses and the only one read here), the number of dimensions, each dimension as a
/// big-endian UInt32, then the values row-major. The files must be uncompressed
/// (`gunzip` the `.gz` files of the distribution); a gzip stream is named as such.
struct IDXFile: Equatable {
    var dimensions: [Int]
    var bytes: [UInt8]

    /// The largest file read: MNIST's (and Fashion-MNIST's) training images are 44.9 MiB.
    /// As doubles a file this size takes 384 MiB, so a training and a test file fit in 1 GiB.
    static let maximumBytes = 48 << 20

    /// Reads and validates the file at `path`; `missingHint` says what to do when it is not there.
    ///
    /// Only a regular file of at most ``maximumBytes`` is opened, and its header is read
    /// and checked against the file's size before the data is read.
    static func read(path: String, missingHint: String) throws(DatasetError) -> IDXFile {
        do {
            let file = try BoundedFile(path: path)
            guard file.size <= maximumBytes else { throw FileProblem.tooLarge(bytes: file.size, limit: maximumBytes) }
            let head = try file.read(upTo: min(file.size, 4 + 4 * 255))
            let (dimensions, headerSize) = try header(head, fileSize: file.size, path: path)
            let start = Array(head[headerSize...])
            let rest = try file.read(upTo: file.size - head.count)
            return IDXFile(dimensions: dimensions, bytes: start + rest)
        } catch let problem as FileProblem {
            throw DatasetError(problem, path: path, missingHint: missingHint)
        } catch let error as DatasetError {
            throw error
        } catch {
            throw .unreadable(path: path, reason: "\(error)")
        }
    }

    /// Parses IDX bytes; `path` only names the file in errors.
    static func parse(_ bytes: [UInt8], path: String) throws(DatasetError) -> IDXFile {
        let (dimensions, headerSize) = try header(bytes, fileSize: bytes.count, path: path)
        return IDXFile(dimensions: dimensions, bytes: Array(bytes[headerSize...]))
    }

    /// The dimensions and the header's size, from the file's first bytes (at least its header)
    /// and its size: the dimensions must account for exactly the bytes after the header.
    static func header(_ bytes: [UInt8], fileSize: Int, path: String) throws(DatasetError) -> (dimensions: [Int], size: Int) {
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
            guard !overflow, product <= fileSize else {
                throw .malformed(path: path, reason: "its dimensions \(dimensions + [size]) need more bytes than the file has")
            }
            dimensions.append(size)
            total = product
        }
        guard fileSize - headerSize == total else {
            throw .malformed(
                path: path,
                reason: "dimensions \(dimensions) need \(total) bytes of data, the file has \(fileSize - headerSize)")
        }
        return (dimensions, headerSize)
    }
}

extension DatasetError {
    /// A file of a dataset that could not be read, in the dataset's words.
    init(_ problem: FileProblem, path: String, missingHint: String) {
        switch problem {
        case .missing: self = .missingFile(path: path, hint: missingHint)
        default: self = .unreadable(path: path, reason: problem.description)
        }
    }
}
