import Foundation
import Testing

/// Compares text with a golden file byte for byte; `SNAPSHOTS=overwrite` rewrites it.
enum Golden {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

    static func check(_ text: String, named name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = directory.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["SNAPSHOTS"] == "overwrite" {
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(name); run with SNAPSHOTS=overwrite to create it", sourceLocation: sourceLocation)
            return
        }
        if expected != text {
            let a = Array(expected.utf8), b = Array(text.utf8)
            let first = a.indices.first { $0 >= b.count || a[$0] != b[$0] } ?? b.count
            let context = String(decoding: b[max(0, first - 60)..<min(b.count, first + 60)], as: UTF8.self)
            Issue.record("\(name) differs from its golden file at byte \(first): …\(context)…", sourceLocation: sourceLocation)
        }
    }
}
