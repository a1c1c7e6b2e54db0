import CourseDiagnostics

/// Reading a chapter's bytes as UTF-8 text, with the position of the first
/// invalid byte when they are not.
enum SourceText {
    /// Decodes `bytes` as UTF-8 (a leading byte-order mark dropped), or reports
    /// the line and column of the first byte that is not valid UTF-8.
    static func decode(_ bytes: [UInt8], file: String, diagnostics: inout [Diagnostic]) -> String? {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        let offset = firstInvalidOffset(Array(bytes))
        let (line, column) = ScalarColumns.lineAndColumn(ofByte: offset, in: bytes)
        diagnostics.append(.error(
            "file is not UTF-8 text (byte 0x\(String(bytes[bytes.startIndex + offset], radix: 16, uppercase: true)) at offset \(offset))",
            at: SourceLocation(file: file, line: line, column: column),
            hint: "save the chapter as UTF-8, e.g. 'iconv -f latin1 -t utf-8'"))
        return nil
    }

    /// The offset of the first byte that does not belong to a valid UTF-8 sequence.
    static func firstInvalidOffset(_ bytes: [UInt8]) -> Int {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            let length: Int
            switch b {
            case 0x00...0x7F: length = 1
            case 0xC2...0xDF: length = 2
            case 0xE0...0xEF: length = 3
            case 0xF0...0xF4: length = 4
            default: return i
            }
            if i + length > bytes.count { return i }
            for k in 1..<length where bytes[i + k] & 0xC0 != 0x80 { return i }
            if length > 1, String(validating: bytes[i..<(i + length)], as: UTF8.self) == nil { return i }
            i += length
        }
        return bytes.count
    }
}
