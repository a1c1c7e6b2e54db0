import Foundation
import Testing

/// Compares text with a committed golden file byte for byte; with `SNAPSHOTS=overwrite`
/// in the environment it rewrites the file instead, so a change of output is a reviewed diff.
///
/// Golden files live in a folder beside the test file that checks them (`Golden/` unless
/// told otherwise); the caller's `#filePath` locates it.
public enum GoldenFile {
    /// Whether this run refreshes golden files rather than comparing with them.
    public static var isOverwriting: Bool { ProcessInfo.processInfo.environment["SNAPSHOTS"] == "overwrite" }

    /// Records an issue unless `actual` equals the golden file `name` byte for byte; the
    /// message gives the first differing line, column and byte with the text around it.
    ///
    /// - Parameters:
    ///   - name: the file's path inside `folder`, e.g. `"loss.svg"`.
    ///   - folder: the golden files' folder, relative to the calling test file's folder.
    public static func check(
        _ actual: String, named name: String, folder: String = "Golden", filePath: String = #filePath,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let directory = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent(folder)
        let url = directory.appendingPathComponent(name)
        if isOverwriting {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: url)
            return
        }
        guard let data = FileManager.default.contents(atPath: url.path) else {
            Issue.record("no golden file \(folder)/\(name); run with SNAPSHOTS=overwrite to create it", sourceLocation: sourceLocation)
            return
        }
        if let difference = firstDifference(expected: Array(data), actual: Array(actual.utf8)) {
            Issue.record(
                "\(folder)/\(name) differs from the output \(difference); rerun with SNAPSHOTS=overwrite and review the diff",
                sourceLocation: sourceLocation)
        }
    }

    /// Where two byte strings first differ, described for a failure message, or `nil` when equal.
    static func firstDifference(expected: [UInt8], actual: [UInt8]) -> String? {
        guard expected != actual else { return nil }
        let first = zip(expected, actual).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(expected.count, actual.count)
        let line = 1 + actual[..<first].filter { $0 == UInt8(ascii: "\n") }.count
        let column = first - (actual[..<first].lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0) + 1
        func around(_ bytes: [UInt8]) -> String {
            String(decoding: bytes[max(0, first - 40)..<min(bytes.count, first + 40)], as: UTF8.self).debugDescription
        }
        return "at line \(line), column \(column) (byte \(first); golden \(expected.count) bytes, output \(actual.count)): "
            + "golden \(around(expected)), output \(around(actual))"
    }
}
