#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A regular file open for reading whose size is known before any byte is read.
///
/// What is at the path is looked at before it is opened, because opening a named pipe
/// blocks and opening a device may act on it; what was opened is looked at again, in
/// case the path changed in between. Reads never take more than the caller's limit, so a
/// 20 GB sparse file or a file that grows while it is read costs nothing but its refusal.
public final class BoundedFile {
    /// The path it was opened at.
    public let path: String
    /// Its size in bytes when it was opened.
    public let size: Int
    private let descriptor: Int32

    /// Opens the regular file at `path`. With `followingSymlinks: false` a symbolic link
    /// at the last component is refused rather than followed.
    public init(path: String, followingSymlinks: Bool = true) throws(FileProblem) {
        var info = stat()
        let looked = followingSymlinks ? stat(path, &info) : lstat(path, &info)
        guard looked == 0 else { throw Self.problem(errno) }
        if let kind = Self.kind(info.st_mode) { throw .notRegularFile(kind: kind) }
        var flags = O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK
        if !followingSymlinks { flags |= O_NOFOLLOW }
        let descriptor = open(path, flags)
        guard descriptor >= 0 else { throw Self.problem(errno) }
        var opened = stat()
        guard fstat(descriptor, &opened) == 0 else {
            let problem = Self.problem(errno)
            close(descriptor)
            throw problem
        }
        if let kind = Self.kind(opened.st_mode) {
            close(descriptor)
            throw .notRegularFile(kind: kind)
        }
        self.path = path
        self.size = Int(opened.st_size)
        self.descriptor = descriptor
    }

    deinit { close(descriptor) }

    /// The next bytes, at most `count`; fewer only at the end of the file.
    public func read(upTo count: Int) throws(FileProblem) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(count, size))
        let chunk = 1 << 16
        var buffer = [UInt8](repeating: 0, count: chunk)
        while bytes.count < count {
            let wanted = min(chunk, count - bytes.count)
            let got = buffer.withUnsafeMutableBytes { systemRead(descriptor, $0.baseAddress, wanted) }
            if got < 0 {
                if errno == EINTR { continue }
                throw Self.problem(errno)
            }
            if got == 0 { break }
            bytes += buffer[0..<got]
        }
        return bytes
    }

    /// The whole file, refused before reading when it is larger than `limit` (and
    /// when it grew past `limit` while being read).
    public func readAll(limit: Int) throws(FileProblem) -> [UInt8] {
        guard size <= limit else { throw .tooLarge(bytes: size, limit: limit) }
        let bytes = try read(upTo: limit + 1)
        guard bytes.count <= limit else { throw .tooLarge(bytes: max(size, bytes.count), limit: limit) }
        return bytes
    }

    /// The whole regular file at `path`, at most `limit` bytes.
    public static func read(_ path: String, limit: Int, followingSymlinks: Bool = true) throws(FileProblem) -> [UInt8] {
        try BoundedFile(path: path, followingSymlinks: followingSymlinks).readAll(limit: limit)
    }

    /// What a non-regular file is, in words; nil for a regular file.
    static func kind(_ mode: mode_t) -> String? {
        switch mode & S_IFMT {
        case S_IFREG: nil
        case S_IFDIR: "a folder"
        case S_IFCHR, S_IFBLK: "a device"
        case S_IFIFO: "a named pipe"
        case S_IFSOCK: "a socket"
        case S_IFLNK: "a symbolic link"
        default: "not a file"
        }
    }

    static func problem(_ code: Int32) -> FileProblem {
        switch code {
        case ENOENT, ENOTDIR: .missing
        case ELOOP: .unreadable(reason: "a symbolic link where none may be, or too many of them")
        default: .unreadable(reason: String(cString: strerror(code)))
        }
    }
}

/// `read(2)`, named apart from ``BoundedFile/read(upTo:)``, which hides it inside the class.
private func systemRead(_ descriptor: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(descriptor, buffer, count)
}
