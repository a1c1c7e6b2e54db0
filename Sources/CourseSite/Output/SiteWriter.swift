import CourseDiagnostics
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes a site so that nothing is lost: into a temporary sibling folder first,
/// swapped in only when the whole site is written. A failed build leaves the
/// previous site as it was; a crashed one leaves only the temporary folder, which
/// the next build recognises by name and removes.
///
/// coursegen replaces only folders it wrote: every site carries ``markerName``
/// with fixed content, and a non-empty folder without it is refused.
public struct SiteWriter: Sendable {
    public static let markerName = ".coursegen-site"
    public static let markerContent = """
        This folder is written by coursegen (`coursegen build`), which replaces it as a whole.
        Edit the chapters instead; changes made here are lost at the next build.

        """

    /// The site folder, as the user named it.
    public var output: String

    public init(output: String) { self.output = output }

    /// The temporary and retired sibling folders of the output.
    var siblings: (staging: String, retired: String) {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        return ("\(parent)/.\(name).coursegen-staging", "\(parent)/.\(name).coursegen-retired")
    }

    /// Checks that the output may be written: it is not a file, and it is empty,
    /// missing, or a site coursegen wrote. Also refuses an output that is, is inside,
    /// or contains the chapters folder.
    public func check(chaptersFolder: String) -> [Diagnostic] {
        var problems: [Diagnostic] = []
        let fm = FileManager.default
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
        var isDirectory: ObjCBool = false
        if fm.fileExists(atPath: output, isDirectory: &isDirectory) {
            if !isDirectory.boolValue {
                problems.append(.error("the output '\(output)' is a file, not a folder",
                                       hint: "name a folder for the site, e.g. -o site/"))
            } else if let entries = try? fm.contentsOfDirectory(atPath: output), !entries.isEmpty,
                      !entries.contains(Self.markerName) {
                problems.append(.error("refusing to replace '\(output)': it is not empty and coursegen did not write it",
                                       hint: "choose another output folder, or empty this one yourself"))
            }
        }
        return problems
    }

    /// Writes `files` (site-relative path → bytes) and swaps them in for the old site.
    public func write(_ files: [(path: String, bytes: [UInt8])]) throws {
        let fm = FileManager.default
        let (staging, retired) = siblings
        try? fm.removeItem(atPath: staging)
        try? fm.removeItem(atPath: retired)
        try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        do {
            for file in files.sorted(by: { $0.path < $1.path }) {
                let url = URL(fileURLWithPath: staging).appendingPathComponent(file.path)
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
                try Data(file.bytes).write(to: url)
            }
            try Data(Self.markerContent.utf8).write(to: URL(fileURLWithPath: staging).appendingPathComponent(Self.markerName))
            try swapIn(staging: staging, retired: retired)
        } catch {
            try? fm.removeItem(atPath: staging)
            throw error
        }
    }

    private func swapIn(staging: String, retired: String) throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: output) else {
            try fm.moveItem(atPath: staging, toPath: output)
            return
        }
        // One atomic exchange where the kernel offers it: at no moment is there no site.
        if Self.exchange(staging, output) {
            try? fm.removeItem(atPath: staging)
            return
        }
        try fm.moveItem(atPath: output, toPath: retired)
        try fm.moveItem(atPath: staging, toPath: output)
        try? fm.removeItem(atPath: retired)
    }

    private typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// Linux's `renameat2(…, RENAME_EXCHANGE)`, looked up at run time because Swift's
    /// Glibc module does not declare GNU extensions. False where unavailable.
    private static func exchange(_ a: String, _ b: String) -> Bool {
        #if canImport(Glibc)
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameat2 = unsafeBitCast(symbol, to: RenameAt2.self)
        let renameExchange: UInt32 = 1 << 1
        return renameat2(AT_FDCWD, a, AT_FDCWD, b, renameExchange) == 0
        #else
        return false
        #endif
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
