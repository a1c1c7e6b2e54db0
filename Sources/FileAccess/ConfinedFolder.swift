#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A folder whose files are read only where they really are inside it.
///
/// A path inside the folder is resolved to its real path (every symbolic link followed,
/// as `realpath(3)` does) and read only when that real path lies inside the folder's own
/// real path: a link to another file of the folder works, a link that leads out of it
/// (`etc -> /etc`, `02-p.md -> /etc/passwd`) is refused. The resolved file is opened
/// without following links again.
public struct ConfinedFolder: Sendable {
    /// The folder as the user named it, for messages.
    public let path: String
    /// Its real path.
    public let realPath: String

    public init(_ path: String) throws(FileProblem) {
        self.path = path
        self.realPath = try Self.realPath(of: path)
    }

    /// `relative` inside the folder, as the user would name it (`chapters/img/a.png`).
    public func displayPath(_ relative: String) -> String {
        path.hasSuffix("/") ? path + relative : path + "/" + relative
    }

    /// Whether anything is at `relative`, a dangling symbolic link included.
    public func contains(_ relative: String) -> Bool {
        var info = stat()
        return lstat(displayPath(relative), &info) == 0
    }

    /// The real path of `relative`, which lies inside the folder.
    public func resolve(_ relative: String) throws(FileProblem) -> String {
        let real = try Self.realPath(of: displayPath(relative))
        let inside = realPath == "/" ? real.hasPrefix("/") : real == realPath || real.hasPrefix(realPath + "/")
        guard inside else { throw .outsideFolder(folder: path) }
        return real
    }

    /// Opens the regular file `relative` after resolving it inside the folder.
    public func open(_ relative: String) throws(FileProblem) -> BoundedFile {
        try BoundedFile(path: resolve(relative), followingSymlinks: false)
    }

    /// The bytes of the regular file `relative`, at most `limit` of them.
    public func read(_ relative: String, limit: Int) throws(FileProblem) -> [UInt8] {
        try open(relative).readAll(limit: limit)
    }

    static func realPath(of path: String) throws(FileProblem) -> String {
        guard let resolved = realpath(path, nil) else { throw BoundedFile.problem(errno) }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
