@testable import CourseServer
import CourseTestSupport
import Foundation
import Synchronization
import Testing

/// The watcher's rules (which paths count, how bursts coalesce) as values, then the real watcher
/// on a folder: no timing is asserted, only what arrives within a generous wait.
@Suite struct WatcherTests {
    @Test(arguments: [
        ("01-intro.md", false), ("theme/page.mustache", false), ("figures/plot.svg", false), ("references.bib", false),
        ("data/points.csv", false), ("index.md", false),
        (".coursegen-cache/ab12.json", true), (".coursegen-cache", true), (".git/index", true), (".DS_Store", true),
        (".01-intro.md.swp", true), (".#01-intro.md", true), ("#01-intro.md#", true), ("01-intro.md~", true),
        ("4913", true), ("01-intro.md.tmp", true), ("figures/.hidden/x.svg", true), ("01-intro.md___jb_tmp___", true),
        ("sedWSO24e", true), ("sed.md", false), ("sediment.md", false),
        ("site/index.html", true), ("site", true), ("sites/index.md", false),
    ])
    func filterIgnoresHiddenScratchAndOutputPaths(path: String, ignored: Bool) {
        let filter = WatchFilter(excludedFolders: ["site/"])
        #expect(filter.ignores(path) == ignored, "\(path)")
    }

    @Test func aBurstIsTakenOnceItIsQuiet() {
        var debounce = Debounce(quiet: 0.05, longest: 1)
        #expect(debounce.deadline == nil)
        #expect(debounce.take(at: 100) == nil)
        // An editor's save: write a temporary file, rename it over the chapter.
        debounce.record("01-intro.md", at: 10.00)
        debounce.record("01-intro.md", at: 10.01)
        debounce.record("02-next.md", at: 10.02)
        #expect(debounce.deadline == 10.07)
        #expect(debounce.take(at: 10.06) == nil)
        #expect(debounce.take(at: 10.07) == ["01-intro.md", "02-next.md"])
        #expect(debounce.deadline == nil)
        #expect(debounce.take(at: 11) == nil)
    }

    @Test func aLongBurstIsTakenAtTheLongestWait() {
        var debounce = Debounce(quiet: 0.05, longest: 0.3)
        var time = 0.0
        while time < 0.5 {
            debounce.record("checkout-\(Int(time * 100)).md", at: time)
            time += 0.04
        }
        // Changes every 40 ms never go quiet for 50 ms; the burst is due 0.3 s after its first.
        #expect(debounce.deadline == 0.3)
        #expect(debounce.take(at: 0.3)?.count == 13)
    }

    /// What a watcher reported, gathered across its thread.
    final class Reports: Sendable {
        let paths = Mutex<[Set<String>]>([])
        func add(_ set: Set<String>) { paths.withLock { $0.append(set) } }
        var all: Set<String> { paths.withLock { $0.reduce(into: Set<String>()) { $0.formUnion($1) } } }
        /// Waits up to a minute for `path` to be reported.
        func waitFor(_ path: String) -> Bool {
            for _ in 0..<600 {
                if all.contains(path) { return true }
                usleep(100_000)
            }
            return false
        }
    }

    @Test(arguments: [false, true])
    func theWatcherSeesChaptersNewFoldersAndRenamesButNotTheCache(polling: Bool) throws {
        let folder = TemporaryFolder("coursegen-watch")
        defer { folder.remove() }
        folder.write("chapters/01-intro.md", "# Intro\n")
        let reports = Reports()
        let watcher = FolderWatcher(folder: folder.path + "/chapters", filter: WatchFilter(excludedFolders: ["site"])) { reports.add($0) }
        watcher.start(preferPolling: polling)
        defer { watcher.stop() }
        #if os(Linux)
        #expect(watcher.mechanism == (polling ? .polling : .inotify))
        #endif
        // Polling compares against its first scan; let it take one before changing anything.
        usleep(600_000)
        folder.write("chapters/.coursegen-cache/entry.json", "{}")
        folder.write("chapters/site/index.html", "<p>")
        folder.write("chapters/.01-intro.md.swp", "x")
        folder.write("chapters/01-intro.md", "# Intro, edited\n")
        #expect(reports.waitFor("01-intro.md"))
        // A folder created while watching, then a file in it.
        folder.write("chapters/figures/plot.svg", "<svg/>")
        #expect(reports.waitFor("figures/plot.svg") || reports.all.contains("figures"))
        usleep(400_000)
        folder.write("chapters/figures/second.svg", "<svg/>")
        #expect(reports.waitFor("figures/second.svg"))
        // An editor's save: a temporary file renamed over the chapter.
        folder.write("chapters/02-next.md.tmp", "# Next\n")
        try FileManager.default.moveItem(atPath: folder.path + "/chapters/02-next.md.tmp", toPath: folder.path + "/chapters/02-next.md")
        #expect(reports.waitFor("02-next.md"))
        let all = reports.all
        #expect(!all.contains { $0.hasPrefix(".coursegen-cache") || $0.hasPrefix("site") || $0.hasSuffix(".swp") || $0.hasSuffix(".tmp") },
                "\(all.sorted())")
    }
}
