import Foundation
import Testing

/// Compares text with a committed golden file byte for byte; with
/// `SNAPSHOTS=overwrite` in the environment, rewrites the file instead.
enum GoldenFile {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ actual: String, against name: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SNAPSHOTS"] == "overwrite" {
            try Data(actual.utf8).write(to: url)
            return
        }
        let expected = try String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(name) differs; rerun with SNAPSHOTS=overwrite and review the diff", sourceLocation: sourceLocation)
    }
}
