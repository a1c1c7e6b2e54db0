/// Columns in Unicode scalars, as ``SourceLocation`` counts them, from the UTF-8 byte positions
/// that C libraries (cmark-gfm) and byte scans report.
public final class ScalarColumns {
    private let bytes: [UInt8]
    private let lineStarts: [Int]
    /// For each line asked about, the scalars before each of its bytes; empty for an ASCII line.
    private var scalarsBefore: [Int: [Int32]] = [:]

    /// Columns of `text`'s lines.
    public init(_ text: String) {
        bytes = Array(text.utf8)
        lineStarts = DiagnosticPrinter.lineStarts(bytes)
    }

    /// The scalar column of the byte at 1-based `byteColumn` of 1-based `line`; a position
    /// outside the text (line 0, "no position") is returned as it is.
    public func column(line: Int, byteColumn: Int) -> Int {
        guard line >= 1, line <= lineStarts.count, byteColumn > 1 else { return byteColumn }
        let start = lineStarts[line - 1]
        let end = line < lineStarts.count ? lineStarts[line] : bytes.count
        let offset = min(byteColumn - 1, end - start)
        // Counted once per line, so many positions on one long line stay linear.
        let counts = scalarsBefore[line] ?? {
            var counts: [Int32] = []
            if bytes[start..<end].contains(where: { $0 >= 0x80 }) {
                counts = [Int32](repeating: 0, count: end - start + 1)
                for k in 0..<(end - start) { counts[k + 1] = counts[k] + (bytes[start + k] & 0xC0 == 0x80 ? 0 : 1) }
            }
            scalarsBefore[line] = counts
            return counts
        }()
        return counts.isEmpty ? byteColumn : Int(counts[offset]) + 1 + (byteColumn - 1 - offset)
    }

    /// The 1-based line and scalar column of byte `offset` of `bytes`.
    public static func lineAndColumn(ofByte offset: Int, in bytes: some Sequence<UInt8>) -> (line: Int, column: Int) {
        var line = 1, column = 1
        for byte in bytes.prefix(offset) {
            if byte == UInt8(ascii: "\n") {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }
}
