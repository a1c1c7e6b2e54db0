/// Why a file was not read: a value with words for the reader, never a crash.
///
/// ``description`` is the predicate of a sentence whose subject the caller names:
/// "'theme/style.css' \(problem)".
public enum FileProblem: Error, Hashable, Sendable, CustomStringConvertible {
    /// Nothing is there (a dangling symbolic link counts as nothing).
    case missing
    /// Something is there, but not a regular file: a folder, a device, a named pipe, a socket.
    case notRegularFile(kind: String)
    /// The file is larger than the reader accepts; refused before any byte is read.
    case tooLarge(bytes: Int, limit: Int)
    /// Its real path, symbolic links resolved, lies outside the folder it must stay in.
    case outsideFolder(folder: String)
    /// The system refused (permissions, I/O error), with its reason.
    case unreadable(reason: String)

    public var description: String {
        switch self {
        case .missing: "does not exist"
        case .notRegularFile(let kind): "is not a regular file but \(kind)"
        case .tooLarge(let bytes, let limit): "is \(bytes) bytes; the limit is \(limit)"
        case .outsideFolder(let folder): "leads outside '\(folder)' through a symbolic link"
        case .unreadable(let reason): "cannot be read: \(reason)"
        }
    }

    /// The same as a clause after "cannot read 'path': " — "it does not exist", or the system's reason.
    public var reason: String {
        if case .unreadable(let reason) = self { return reason }
        return "it \(description)"
    }
}
