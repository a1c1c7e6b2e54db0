/// Which changes inside the chapters folder call for a rebuild. Ignored: hidden files and folders
/// (`.coursegen-cache/`, `.git/`, an editor's `.chapter.md.swp` or `.#chapter.md`), editors'
/// temporary and backup files (`chapter.md~`, `#chapter.md#`, vim's `4913`, `sed -i`'s `sedX4bQ9z`, `*.tmp`, `*.swp`),
/// and the output folder when it lies inside. The rename that lands an editor's temporary file
/// on the chapter is seen under the chapter's name, so no save is missed.
public struct WatchFilter: Sendable {
    /// Folders, relative to the watched one, whose contents never trigger a build (the output).
    public var excludedFolders: [String]

    public init(excludedFolders: [String] = []) {
        self.excludedFolders = excludedFolders.map { $0.split(separator: "/").joined(separator: "/") }.filter { !$0.isEmpty }
    }

    /// Whether a change to `relativePath` (relative to the watched folder) is ignored.
    public func ignores(_ relativePath: String) -> Bool {
        let parts = relativePath.split(separator: "/")
        if parts.contains(where: { Self.ignoresName($0) }) { return true }
        let path = parts.joined(separator: "/")
        return excludedFolders.contains { path == $0 || path.hasPrefix($0 + "/") }
    }

    /// Whether a file or folder of this name is hidden or an editor's scratch file.
    static func ignoresName(_ name: Substring) -> Bool {
        if name.hasPrefix(".") || name.hasSuffix("~") { return true }
        if name.hasPrefix("#") && name.hasSuffix("#") { return true }
        if name == "4913" { return true }
        // `sed -i`'s temporary file: sed and six letters or digits.
        if name.count == 9, name.hasPrefix("sed"), name.dropFirst(3).allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) { return true }
        let scratch = [".swp", ".swx", ".swo", ".tmp", ".temp", ".part", ".crdownload", ".kate-swp", "___jb_tmp___", "___jb_old___"]
        return scratch.contains { name.hasSuffix($0) }
    }
}
