#if os(Linux)
import Foundation
import Glibc

/// Linux's inotify over a folder tree: one watch per folder (inotify is not recursive), added
/// for folders as they appear, and the changed paths relative to the root.
/// Unchecked: it is made on one thread and then used only by the watcher's thread.
final class Inotify: @unchecked Sendable {
    private let descriptor: Int32
    private let root: String
    private let filter: WatchFilter
    /// Each watch's folder, relative to the root ("" for the root).
    private var folders: [Int32: String] = [:]

    private static let mask = UInt32(IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO
        | IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF) | UInt32(IN_ONLYDIR)

    /// `nil` when inotify cannot be had (or the root cannot be watched): the caller polls instead.
    init?(root: String, filter: WatchFilter) {
        descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.root = root
        self.filter = filter
        guard addTree("") else {
            Glibc.close(descriptor)
            return nil
        }
    }

    func close() { Glibc.close(descriptor) }

    /// Watches `relative` and every folder below it that is not ignored; `false` when the folder
    /// itself cannot be watched.
    @discardableResult
    private func addTree(_ relative: String) -> Bool {
        let path = relative.isEmpty ? root : root + "/" + relative
        let watch = inotify_add_watch(descriptor, path, Self.mask)
        guard watch >= 0 else { return false }
        folders[watch] = relative
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return true }
        for name in names {
            let child = relative.isEmpty ? name : relative + "/" + name
            guard !filter.ignores(child) else { continue }
            var info = stat()
            if lstat(root + "/" + child, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR { addTree(child) }
        }
        return true
    }

    /// Waits up to `seconds` for events and returns the paths they name (not ignored ones).
    func wait(seconds: Double) -> [String] {
        var pending = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&pending, 1, Int32(seconds * 1000)) > 0 else { return [] }
        var changed: [String] = []
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            buffer.withUnsafeBytes { bytes in
                var offset = 0
                while offset + 16 <= count {
                    let watch = bytes.loadUnaligned(fromByteOffset: offset, as: Int32.self)
                    let mask = bytes.loadUnaligned(fromByteOffset: offset + 4, as: UInt32.self)
                    let length = Int(bytes.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
                    let nameBytes = bytes[(offset + 16)..<min(count, offset + 16 + length)].prefix { $0 != 0 }
                    let name = String(decoding: nameBytes, as: UTF8.self)
                    offset += 16 + length
                    if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                        // Events were lost: rebuild, and watch any folder that appeared meanwhile.
                        changed.append("")
                        addTree("")
                        continue
                    }
                    if mask & UInt32(IN_IGNORED) != 0 {
                        folders[watch] = nil
                        continue
                    }
                    guard let folder = folders[watch] else { continue }
                    let path = name.isEmpty ? folder : (folder.isEmpty ? name : folder + "/" + name)
                    if !path.isEmpty, filter.ignores(path) { continue }
                    changed.append(path)
                    if mask & UInt32(IN_ISDIR) != 0, mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                        // A new folder: watch it and whatever was written into it before the watch.
                        addTree(path)
                    }
                }
            }
        }
        return changed
    }
}
#endif
