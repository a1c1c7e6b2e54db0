/// Why a dataset could not be loaded: a value with a message for the reader, never a crash.
public enum DatasetError: Error, Hashable, Sendable, CustomStringConvertible {
    /// A file the dataset needs is not there.
    case missingFile(path: String, hint: String)
    /// Something is there but cannot be read as a file: not a regular file, too large, refused by the system.
    case unreadable(path: String, reason: String)
    /// A file is there but is not what the format promises.
    case malformed(path: String, reason: String)
    /// A parameter of the dataset is out of range (sample count, noise, test fraction, …).
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .missingFile(let path, let hint): "cannot find '\(path)': \(hint)"
        case .unreadable(let path, let reason): "'\(path)' \(reason)"
        case .malformed(let path, let reason): "'\(path)' is not a valid dataset file: \(reason)"
        case .invalidParameter(let message): message
        }
    }
}
