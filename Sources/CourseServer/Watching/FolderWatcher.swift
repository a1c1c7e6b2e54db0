import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Watches a folder and everything below it, and calls `onChange` with the relative paths of a
/// burst of changes (``Debounce``) that the ``WatchFilter`` does not ignore. On Linux it uses
/// inotify, adding folders as they appear; elsewhere, or when inotify cannot be had (its watch
/// limit, `COURSEGEN_WATCH=poll`), it compares the files' modification times and sizes four
/// times a second. It runs on its own thread until ``stop()``.
public final class FolderWatcher: @unchecked Sendable {
    public enum Mechanism: String, Sendable {
        case inotify
        case polling
    }

    public let folder: String
    public let filter: WatchFilter
    /// How it watches; fixed by ``start()``.
    public private(set) var mechanism: Mechanism = .polling
    private let onChange: @Sendable (Set<String>) -> Void
    private let stopped = NSCondition()
    private var isStopped = false
    private var thread: Thread?
    private var debounce: Debounce

    /// The interval of the polling fallback, in seconds.
    static let pollInterval = 0.25

    public init(folder: String, filter: WatchFilter, debounce: Debounce = Debounce(),
                onChange: @escaping @Sendable (Set<String>) -> Void) {
        self.folder = URL(fileURLWithPath: folder).standardizedFileURL.path
        self.filter = filter
        self.debounce = debounce
        self.onChange = onChange
    }

    /// Starts watching; `preferPolling` (or `COURSEGEN_WATCH=poll`) skips inotify.
    public func start(preferPolling: Bool = false) {
        let forcePolling = preferPolling || ProcessInfo.processInfo.environment["COURSEGEN_WATCH"] == "poll"
        #if os(Linux)
        if !forcePolling, let inotify = Inotify(root: folder, filter: filter) {
            mechanism = .inotify
            thread = Thread { [self] in run(inotify) }
            thread?.name = "coursegen watcher"
            thread?.start()
            return
        }
        #endif
        mechanism = .polling
        thread = Thread { [self] in runPolling() }
        thread?.name = "coursegen watcher"
        thread?.start()
    }

    /// Stops watching; no `onChange` call starts after it returns.
    public func stop() {
        stopped.lock()
        isStopped = true
        stopped.broadcast()
        stopped.unlock()
    }

    private var shouldStop: Bool {
        stopped.lock()
        defer { stopped.unlock() }
        return isStopped
    }

    /// Hands a due burst to `onChange`.
    private func deliver(at now: Double) {
        if let paths = debounce.take(at: now), !paths.isEmpty, !shouldStop { onChange(paths) }
    }

    static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    #if os(Linux)
    private func run(_ inotify: Inotify) {
        defer { inotify.close() }
        while !shouldStop {
            // Wake for the burst's deadline, or every 100 ms to notice stop().
            let wait = debounce.deadline.map { max(0, $0 - Self.now()) } ?? 0.1
            let changed = inotify.wait(seconds: min(wait, 0.1))
            let now = Self.now()
            for path in changed { debounce.record(path, at: now) }
            deliver(at: now)
        }
    }
    #endif

    private func runPolling() {
        var previous = Self.scan(folder, filter: filter)
        while !shouldStop {
            let wait = min(debounce.deadline.map { max(0, $0 - Self.now()) } ?? Self.pollInterval, Self.pollInterval)
            stopped.lock()
            if !isStopped { _ = stopped.wait(until: Date(timeIntervalSinceNow: wait)) }
            stopped.unlock()
            let current = Self.scan(folder, filter: filter)
            let now = Self.now()
            for (path, stamp) in current where previous[path] != stamp { debounce.record(path, at: now) }
            for path in previous.keys where current[path] == nil { debounce.record(path, at: now) }
            previous = current
            deliver(at: now)
        }
    }

    /// A file's modification time (nanoseconds) and size, and whether it is a folder.
    struct Stamp: Equatable {
        var modified: Int64
        var size: Int64
    }

    /// Every file and folder below `root` that the filter does not ignore, with its stamp.
    static func scan(_ root: String, filter: WatchFilter) -> [String: Stamp] {
        var found: [String: Stamp] = [:]
        var folders = [""]
        while let relative = folders.popLast() {
            let path = relative.isEmpty ? root : root + "/" + relative
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { continue }
            for name in names {
                let child = relative.isEmpty ? name : relative + "/" + name
                guard !filter.ignores(child) else { continue }
                var info = stat()
                guard lstat(root + "/" + child, &info) == 0 else { continue }
                #if canImport(Darwin)
                let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
                #else
                let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
                #endif
                let isFolder = (info.st_mode & S_IFMT) == S_IFDIR
                found[child] = Stamp(modified: isFolder ? 0 : modified, size: isFolder ? -1 : Int64(info.st_size))
                if isFolder { folders.append(child) }
            }
        }
        return found
    }
}
