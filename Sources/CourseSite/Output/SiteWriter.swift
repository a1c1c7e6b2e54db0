import CourseDiagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site so that nothing is lost: into a staging folder beside the output first,
/// swapped in only when the whole site is written. A failed build leaves the previous
/// site as it was; a crashed one leaves only its staging folder, which the next build
/// recognises by name and removes.
///
/// coursegen replaces only folders it wrote: every site carries ``markerName`` with fixed
/// content, and a non-empty folder without it is refused — when the build starts and
/// again at the swap, so a folder that appeared at the output during a long build is kept.
///
/// Builds into one output take turns: ``lock(whileWaiting:)`` holds an advisory lock on
/// a file beside the output for the whole build, and staging folders are named per
/// process, so two builds at once give one build's site, whole.
public struct SiteWriter: Sendable {
    public static let markerName = ".coursegen-site"
    public static let markerContent = """
        This folder is written by coursegen (`coursegen build`), which replaces it as a whole.
        Edit the chapters instead; changes made here are lost at the next build.

        """

    /// The site folder, as the user named it.
    public var output: String
    /// Whether the swap uses the kernel's atomic exchange where it exists; tests turn it
    /// off to exercise the fallback that other systems take.
    var usesAtomicExchange = true

    public init(output: String) { self.output = output }

    /// The output's absolute path (`.` resolved against the working folder), its parent and name.
    var place: (path: String, parent: String, name: String) {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return (url.path, url.deletingLastPathComponent().path, url.lastPathComponent)
    }

    /// The prefix of every staging folder of this output; each build appends its own suffix.
    var stagingPrefix: String { "\(place.parent)/.\(place.name).coursegen-staging" }
    /// Where the fallback swap parks the old site for a moment.
    var retired: String { "\(place.parent)/.\(place.name).coursegen-retired" }
    /// The file whose lock a build holds.
    var lockPath: String { "\(place.parent)/.\(place.name).coursegen-lock" }

    /// Why the output may not be written, as diagnostics.
    public struct Refusal: Error {
        public var diagnostics: [Diagnostic]
    }

    /// Checks that the output may be written: it is not a file, and it is empty,
    /// missing, or a site coursegen wrote. Also refuses an output that is, is inside,
    /// or contains the chapters folder.
    public func check(chaptersFolder: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let out = Self.resolved(output)
        let chapters = Self.resolved(chaptersFolder)
        if out == chapters {
            problems.append(.error("the output folder '\(output)' is the chapters folder",
                                   hint: "write the site somewhere else, e.g. -o site/"))
        } else if out.hasPrefix(chapters + "/") {
            problems.append(.error("the output folder '\(output)' is inside the chapters folder '\(chaptersFolder)'",
                                   hint: "write the site beside the chapters, e.g. -o site/"))
        } else if chapters.hasPrefix(out + "/") || out == "/" {
            problems.append(.error("the output folder '\(output)' contains the chapters folder '\(chaptersFolder)'",
                                   hint: "replacing it would delete the chapters; write the site to its own folder, e.g. -o site/"))
        }
        return problems + stateProblems(of: output)
    }

    /// What is wrong with the folder at `path` as something to replace: a file, or a
    /// non-empty folder without the marker. Nothing when it is missing.
    private func stateProblems(of path: String) -> [Diagnostic] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return [] }
        if !isDirectory.boolValue {
            return [.error("the output '\(output)' is a file, not a folder",
                           hint: "name a folder for the site, e.g. -o site/")]
        }
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: path) else {
            return [.error("cannot read the output folder '\(output)'", hint: "check that you may read and write it")]
        }
        if !entries.isEmpty, !entries.contains(Self.markerName) {
            return [.error("refusing to replace '\(output)': it is not empty and coursegen did not write it",
                           hint: "choose another output folder, or empty this one yourself")]
        }
        return []
    }

    // MARK: The lock

    /// An exclusive advisory lock (`flock`) on ``lockPath``, held until ``release()`` or the
    /// process ends (the kernel drops it even after `kill -9`).
    public final class Lock: @unchecked Sendable {
        private var descriptor: Int32
        private let path: String

        fileprivate init(descriptor: Int32, path: String) {
            self.descriptor = descriptor
            self.path = path
        }

        /// Removes the lock file and unlocks it. A build waiting on the removed file sees
        /// that the path no longer names what it locked, and locks the path anew.
        public func release() {
            guard descriptor >= 0 else { return }
            unlink(path)
            close(descriptor)
            descriptor = -1
        }

        deinit { release() }
    }

    /// Locks the output for a whole build, creating its parent folder if needed. When
    /// another build holds the lock, calls `whileWaiting` once and waits for it.
    public func lock(whileWaiting: () -> Void = {}) throws -> Lock {
        try FileManager.default.createDirectory(atPath: place.parent, withIntermediateDirectories: true)
        var told = false
        while true {
            let descriptor = open(lockPath, O_CREAT | O_RDWR | O_CLOEXEC | O_NOFOLLOW, 0o644)
            guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            if flock(descriptor, LOCK_EX | LOCK_NB) != 0 {
                if !told {
                    whileWaiting()
                    told = true
                }
                while flock(descriptor, LOCK_EX) != 0 {
                    guard errno == EINTR else {
                        let code = errno
                        close(descriptor)
                        throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
                    }
                }
            }
            // The holder before us may have removed the file as it released it: then the
            // lock we hold is on a file nobody else will find; take the one at the path.
            var held = stat(), current = stat()
            if fstat(descriptor, &held) == 0, lstat(lockPath, &current) == 0,
               held.st_dev == current.st_dev, held.st_ino == current.st_ino {
                return Lock(descriptor: descriptor, path: lockPath)
            }
            close(descriptor)
        }
    }

    // MARK: Writing

    /// Takes the lock, writes `files` and releases it; for callers that hold no lock yet.
    public func write(_ files: [(path: String, bytes: [UInt8])]) throws {
        let lock = try lock()
        defer { lock.release() }
        try write(files, holding: lock)
    }

    /// Writes `files` (site-relative path → bytes) into a staging folder of this process and
    /// swaps it in for the old site. Throws ``Refusal`` when the output is no longer a folder
    /// coursegen may replace; on any error the old site stays where it was.
    public func write(_ files: [(path: String, bytes: [UInt8])], holding lock: Lock) throws {
        let fm = FileManager.default
        removeLeftovers()
        let staging = stagingPrefix + "-\(getpid())-\(String(UInt64.random(in: 0...UInt64.max), radix: 16))"
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: false)
        do {
            var folders: Set<String> = [staging]
            for file in files.sorted(by: { $0.path < $1.path }) {
                let path = staging + "/" + file.path
                let folder = String(path[..<path.lastIndex(of: "/")!])
                if folders.insert(folder).inserted {
                    try fm.createDirectory(atPath: folder, withIntermediateDirectories: true)
                }
                try Self.writeFile(path, file.bytes)
            }
            try Self.writeFile(staging + "/" + Self.markerName, Array(Self.markerContent.utf8))
            try swapIn(staging: staging)
        } catch {
            Self.removeTree(staging)
            throw error
        }
    }

    /// Creates (or replaces) the file at `path`, holding `bytes`. Not synced to disk, as no
    /// site generator does: the staging folder's swap is what keeps a reader from a half-written
    /// site, and Foundation's `Data.write`, which syncs each file, made writing 200 pages take
    /// longer than building them.
    static func writeFile(_ path: String, _ bytes: [UInt8]) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(descriptor) }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { writeBytes(descriptor, $0.baseAddress! + written, bytes.count - written) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            written += n
        }
    }

    /// What crashed builds left, removed under the lock (no other build of this output runs):
    /// staging folders, and a retired old site. Whatever is at the retired name was at the
    /// output, so when the output is missing (a crash between the fallback's two renames) it
    /// goes back; otherwise it is removed only when it is a site coursegen wrote.
    private func removeLeftovers() {
        let fm = FileManager.default
        let out = place.path
        if Self.exists(retired) {
            if !Self.exists(out) {
                _ = rename(retired, out)
            } else if stateProblems(of: retired).isEmpty {
                Self.removeTree(retired)
            }
        }
        let prefix = URL(fileURLWithPath: stagingPrefix).lastPathComponent
        for name in (try? fm.contentsOfDirectory(atPath: place.parent)) ?? [] where name.hasPrefix(prefix) {
            Self.removeTree(place.parent + "/" + name)
        }
    }

    /// Puts `staging` in the output's place. Every path out of here with an error leaves
    /// the old site (or the folder found there) at the output.
    private func swapIn(staging: String) throws {
        let out = place.path
        // Checked again under the lock, just before the swap: the output may have changed
        // since the build started.
        let problems = stateProblems(of: out)
        guard problems.isEmpty else { throw Refusal(diagnostics: problems) }
        if !Self.exists(out) {
            // Where nothing is, put the site without replacing anything that appears meanwhile.
            switch Self.renameNoReplace(staging, out) {
            case .done: return
            case .failed(let code) where code == EEXIST || code == ENOTEMPTY:
                throw Refusal(diagnostics: stateProblems(of: out))
            case .failed(let code): throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
            case .unsupported:
                guard rename(staging, out) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
                return
            }
        }
        // One atomic exchange where the kernel offers it: at no moment is there no site.
        if usesAtomicExchange, Self.exchange(staging, out) {
            // What came out must be what was checked; a folder that replaced the site
            // in the meantime goes back.
            let swappedOut = stateProblems(of: staging)
            if !swappedOut.isEmpty {
                _ = Self.exchange(staging, out)
                throw Refusal(diagnostics: swappedOut)
            }
            Self.removeTree(staging)
            return
        }
        guard rename(out, retired) == 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        let retiredProblems = stateProblems(of: retired)
        guard retiredProblems.isEmpty else {
            _ = rename(retired, out)
            throw Refusal(diagnostics: retiredProblems)
        }
        guard rename(staging, out) == 0 else {
            let code = errno
            // The old site goes back to its place; if even that fails, the next build
            // finds it at the retired name and puts it back before anything else.
            _ = rename(retired, out)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
        Self.removeTree(retired)
    }

    /// Removes a folder coursegen wrote or swapped out, making its folders writable first
    /// where needed (an old site made read-only still goes).
    static func removeTree(_ path: String) {
        let fm = FileManager.default
        if (try? fm.removeItem(atPath: path)) != nil || !exists(path) { return }
        chmod(path, 0o755)
        if let walker = fm.enumerator(atPath: path) {
            while let item = walker.nextObject() as? String {
                let full = path + "/" + item
                var info = stat()
                if lstat(full, &info) == 0, info.st_mode & S_IFMT == S_IFDIR { chmod(full, 0o755) }
            }
        }
        try? fm.removeItem(atPath: path)
    }

    /// Whether anything, a dangling symbolic link included, is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Linux's `renameat2`, looked up at run time because Swift's Glibc module does not
    /// declare GNU extensions.
    private static let renameat2: RenameAt2? = {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "renameat2") else { return nil }
        return unsafeBitCast(symbol, to: RenameAt2.self)
        #else
        return nil
        #endif
    }()

    /// `renameat2(…, RENAME_EXCHANGE)`: false where unavailable.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        guard let renameat2 else { return false }
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, 1 << 1) == 0
    }

    private enum RenameOutcome { case done, failed(Int32), unsupported }

    /// `renameat2(…, RENAME_NOREPLACE)`: fails with `EEXIST` when something is at `b`.
    private static func renameNoReplace(_ a: String, _ b: String) -> RenameOutcome {
        guard let renameat2 else { return .unsupported }
        if renameat2(AT_FDCWD, a, AT_FDCWD, b, 1 << 0) == 0 { return .done }
        let code = errno
        return code == EINVAL || code == ENOSYS ? .unsupported : .failed(code)
    }

    /// An absolute path with `.`/`..` and symbolic links resolved; for a path that
    /// does not exist yet, its nearest existing ancestor is resolved.
    static func resolved(_ path: String) -> String {
        var url = URL(fileURLWithPath: path).standardizedFileURL
        var missing: [String] = []
        while !FileManager.default.fileExists(atPath: url.path), url.path != "/" {
            missing.insert(url.lastPathComponent, at: 0)
            url.deleteLastPathComponent()
        }
        var resolved = url.resolvingSymlinksInPath().path
        for component in missing { resolved += (resolved.hasSuffix("/") ? "" : "/") + component }
        return resolved
    }
}

/// POSIX `write`, out of reach inside `SiteWriter`, whose own `write` methods hide it.
private func writeBytes(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
