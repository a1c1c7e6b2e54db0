#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import CourseDiagnostics
import Foundation

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif

/// Writes a ``StarterCourse`` into a new or empty folder, all of it or nothing.
///
/// The folder and its missing parents are created; an existing folder must be empty and not a
/// symbolic link. Every file is made relative to the opened folder without following links, first
/// under a hidden temporary name, then linked to its own name (which fails rather than replaces if
/// something appeared there), so no file is ever seen half written. When anything fails, what was
/// written is removed again.
public struct StarterCourseWriter: Sendable {
    /// Why nothing was written.
    public struct Refusal: Error {
        public var diagnostics: [Diagnostic]
    }

    /// The folder as the user named it, for messages.
    public let folder: String

    public init(folder: String) {
        self.folder = folder
    }

    /// Writes `course` and returns the paths it wrote, as the user would name them.
    public func write(_ course: StarterCourse) throws(Refusal) -> [String] {
        let path = Self.trimmed(folder)
        let createdFolder = try prepareFolder(path)
        let directory = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
        guard directory >= 0 else {
            let problem = Self.errorText(errno)
            if createdFolder { rmdir(path) }
            throw refusal("cannot open '\(folder)': \(problem)")
        }
        defer { close(directory) }
        var written: [String] = []
        var madeFolders: [String] = []
        do {
            for file in course.files {
                try Self.write(file.text, to: file.path, in: directory, madeFolders: &madeFolders)
                written.append(file.path)
            }
            fsync(directory)
        } catch let failure {
            // Undo in reverse, so a folder is empty when it is removed.
            for file in written.reversed() { unlinkat(directory, file, 0) }
            for made in madeFolders.reversed() { unlinkat(directory, made, AT_REMOVEDIR) }
            if createdFolder { rmdir(path) }
            throw refusal("cannot write '\(display(failure.path))': \(Self.errorText(failure.code))",
                          hint: "nothing was written; check that you may write in '\(folder)'")
        }
        return written.map(display)
    }

    // MARK: - The folder

    /// Checks the folder, or creates it with its parents; returns whether it was created.
    private func prepareFolder(_ path: String) throws(Refusal) -> Bool {
        var info = stat()
        if lstat(path, &info) != 0 {
            switch errno {
            case ENOENT: break
            case ENOTDIR:
                throw refusal("cannot create the folder '\(folder)': part of its path is a file, not a folder",
                              hint: "name a folder whose parents are folders, e.g. coursegen init my-course")
            default:
                throw refusal("cannot read '\(folder)': \(Self.errorText(errno))")
            }
            do {
                try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            } catch {
                throw refusal("cannot create the folder '\(folder)': \(Self.reason(error))",
                              hint: "a file may stand where a folder of its path should be, or you may not write there")
            }
            return true
        }
        switch info.st_mode & S_IFMT {
        case S_IFLNK:
            throw refusal("refusing to write into '\(folder)': it is a symbolic link",
                          hint: "coursegen init writes only into a real folder; name a new folder, e.g. coursegen init my-course")
        case S_IFDIR:
            break
        default:
            throw refusal("refusing to write into '\(folder)': it is a file, not a folder",
                          hint: "name a new folder, e.g. coursegen init my-course")
        }
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: path)
        } catch {
            throw refusal("cannot read the folder '\(folder)': \(Self.reason(error))")
        }
        guard entries.isEmpty else {
            let shown = entries.sorted().prefix(3).map { "'\($0)'" }.joined(separator: ", ")
            throw refusal("refusing to write into '\(folder)': it is not empty (it holds \(shown)\(entries.count > 3 ? ", …" : ""))",
                          hint: "coursegen init starts a course in a new or empty folder, e.g. coursegen init my-course")
        }
        return false
    }

    // MARK: - One file

    private struct Failure: Error {
        var path: String
        var code: Int32
    }

    /// Writes `text` to `relative` (one folder deep at most) inside `directory`, never following a link.
    private static func write(_ text: String, to relative: String, in directory: Int32, madeFolders: inout [String]) throws(Failure) {
        var parent = directory
        var name = relative
        if let slash = relative.lastIndex(of: "/") {
            let sub = String(relative[..<slash])
            name = String(relative[relative.index(after: slash)...])
            if !madeFolders.contains(sub) {
                guard mkdirat(directory, sub, 0o777) == 0 else { throw Failure(path: sub, code: errno) }
                madeFolders.append(sub)
            }
            parent = openat(directory, sub, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            guard parent >= 0 else { throw Failure(path: sub, code: errno) }
        }
        defer { if parent != directory { close(parent) } }
        let temporary = ".\(name).coursegen-init-\(getpid())"
        let file = openat(parent, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o666)
        guard file >= 0 else { throw Failure(path: relative, code: errno) }
        var code: Int32 = 0
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count && code == 0 {
            let count = bytes[offset...].withUnsafeBytes { systemWrite(file, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno != EINTR { code = errno }
            } else {
                offset += count
            }
        }
        if code == 0 && fsync(file) != 0 { code = errno }
        if close(file) != 0 && code == 0 { code = errno }
        // A link, not a rename: it fails if anything has appeared under the name meanwhile.
        if code == 0 && linkat(parent, temporary, parent, name, 0) != 0 { code = errno }
        unlinkat(parent, temporary, 0)
        guard code == 0 else { throw Failure(path: relative, code: code) }
    }

    // MARK: - Words

    private func display(_ relative: String) -> String {
        folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    private func refusal(_ message: String, hint: String? = nil) -> Refusal {
        Refusal(diagnostics: [.error(message, hint: hint)])
    }

    /// `path` without trailing slashes, so that `O_NOFOLLOW` sees a link named `course/` as the link.
    private static func trimmed(_ path: String) -> String {
        var path = path.isEmpty ? "." : path
        while path.count > 1 && path.hasSuffix("/") { path.removeLast() }
        return path
    }

    private static func errorText(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    private static func reason(_ error: any Error) -> String {
        if let posix = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError, posix.domain == NSPOSIXErrorDomain {
            return errorText(Int32(posix.code))
        }
        return error.localizedDescription
    }
}
