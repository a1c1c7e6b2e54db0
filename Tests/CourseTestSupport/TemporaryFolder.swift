import Foundation

/// A fresh folder under the system's temporary directory, with helpers to write
/// files into it. Removed by ``remove()``; tests call it in a `defer`.
public struct TemporaryFolder: Sendable {
    public let path: String

    public init(_ name: String = "coursegen-test") {
        let base = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("\(name)-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: base, withIntermediateDirectories: true)
        path = base.path
    }

    /// Writes `text` (UTF-8) to `relative`, creating folders as needed; returns the full path.
    @discardableResult
    public func write(_ relative: String, _ text: String) -> String {
        write(relative, bytes: Array(text.utf8))
    }

    @discardableResult
    public func write(_ relative: String, bytes: [UInt8]) -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: url.path, contents: Data(bytes))
        return url.path
    }

    public func read(_ relative: String) -> String? {
        FileManager.default.contents(atPath: path + "/" + relative).map { String(decoding: $0, as: UTF8.self) }
    }

    public func exists(_ relative: String) -> Bool {
        FileManager.default.fileExists(atPath: path + "/" + relative)
    }

    /// Every file below `relative`, as sorted relative paths with their bytes.
    public func snapshot(_ relative: String) -> [String: Data] {
        let root = path + "/" + relative
        var files: [String: Data] = [:]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return files }
        while let item = walker.nextObject() as? String {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: root + "/" + item, isDirectory: &isDirectory), !isDirectory.boolValue {
                files[item] = FileManager.default.contents(atPath: root + "/" + item)
            }
        }
        return files
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}
