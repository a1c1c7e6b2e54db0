import CourseDiagnostics
import CourseTestSupport
import Foundation
import Testing
@testable import CourseSite

@Suite struct SiteWriterTests {
    private func files(_ pairs: [(String, String)]) -> [(path: String, bytes: [UInt8])] {
        pairs.map { ($0.0, Array($0.1.utf8)) }
    }

    @Test func writesAndReplacesItsOwnSite() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let writer = SiteWriter(output: folder.path + "/site")
        try writer.write(files([("index.html", "one"), ("assets/style.css", "css")]))
        #expect(folder.read("site/index.html") == "one")
        #expect(folder.read("site/\(SiteWriter.markerName)") == SiteWriter.markerContent)
        try writer.write(files([("index.html", "two")]))
        #expect(folder.read("site/index.html") == "two")
        #expect(!folder.exists("site/assets/style.css"), "the old site is replaced as a whole")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(leftovers == ["site"], "no staging or retired folder is left behind")
    }

    @Test func refusesFoldersItDidNotWrite() {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n")
        folder.write("mine/notes.txt", "precious")
        let problems = SiteWriter(output: folder.path + "/mine").check(chaptersFolder: folder.path + "/chapters")
        #expect(problems.map(\.message) == ["refusing to replace '\(folder.path)/mine': it is not empty and coursegen did not write it"])
        folder.write("empty/.keep", "")
        try? FileManager.default.removeItem(atPath: folder.path + "/empty/.keep")
        #expect(SiteWriter(output: folder.path + "/empty").check(chaptersFolder: folder.path + "/chapters").isEmpty)
    }

    @Test(arguments: [
        ("chapters", "the output folder '%/chapters' is the chapters folder"),
        ("chapters/site", "the output folder '%/chapters/site' is inside the chapters folder '%/chapters'"),
        ("", "the output folder '%/' contains the chapters folder '%/chapters'"),
    ])
    func refusesOutputsThatOverlapTheChapters(output: String, expected: String) {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n")
        let problems = SiteWriter(output: folder.path + "/" + output).check(chaptersFolder: folder.path + "/chapters")
        #expect(problems.first?.message == expected.replacingOccurrences(of: "%", with: folder.path))
    }

    @Test func aStaleStagingFolderFromACrashIsRemoved() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write(".site.coursegen-staging/half-written.html", "partial")
        try SiteWriter(output: folder.path + "/site").write(files([("index.html", "ok")]))
        #expect(!folder.exists(".site.coursegen-staging"))
        #expect(folder.read("site/index.html") == "ok")
    }

    @Test func stagingFoldersAreNamedPerProcessAndAllLeftoversGo() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write(".site.coursegen-staging-1-abc/half.html", "partial")
        folder.write(".site.coursegen-retired/index.html", "old")
        folder.write(".site.coursegen-retired/\(SiteWriter.markerName)", SiteWriter.markerContent)
        folder.write("site/\(SiteWriter.markerName)", SiteWriter.markerContent)
        try SiteWriter(output: folder.path + "/site").write(files([("index.html", "ok")]))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
    }

    /// Issue 11, item 4: a folder that appears at the output while a build runs is kept.
    @Test func aFolderCreatedAtTheOutputDuringTheBuildIsNotReplaced() throws {
        for atomic in [true, false] {
            let folder = TemporaryFolder()
            defer { folder.remove() }
            folder.write("chapters/01-a.md", "# A\n")
            var writer = SiteWriter(output: folder.path + "/site")
            writer.usesAtomicExchange = atomic
            #expect(writer.check(chaptersFolder: folder.path + "/chapters").isEmpty)
            let lock = try writer.lock()
            // The build runs; meanwhile someone puts their files where the site would go.
            folder.write("site/notes.txt", "precious")
            #expect(throws: SiteWriter.Refusal.self) { try writer.write(files([("index.html", "site")]), holding: lock) }
            lock.release()
            #expect(folder.read("site/notes.txt") == "precious")
            #expect(!folder.exists("site/index.html"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["chapters", "site"])
        }
    }

    @Test func aSiteReplacedByAnotherFolderDuringTheBuildIsNotReplaced() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let writer = SiteWriter(output: folder.path + "/site")
        try writer.write(files([("index.html", "one")]))
        let lock = try writer.lock()
        try FileManager.default.removeItem(atPath: folder.path + "/site")
        folder.write("site/notes.txt", "precious")
        #expect(throws: SiteWriter.Refusal.self) { try writer.write(files([("index.html", "two")]), holding: lock) }
        lock.release()
        #expect(folder.read("site/notes.txt") == "precious")
    }

    /// The swap where the kernel has no atomic exchange: the old site goes aside and comes back on failure.
    @Test func theFallbackSwapReplacesTheSiteAndRecoversACrashedOne() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        var writer = SiteWriter(output: folder.path + "/site")
        writer.usesAtomicExchange = false
        try writer.write(files([("index.html", "one")]))
        try writer.write(files([("index.html", "two")]))
        #expect(folder.read("site/index.html") == "two")
        // A crash between the fallback's two renames leaves the old site only at the retired name:
        // the next build puts it back before anything else, and a failed build leaves it there.
        try FileManager.default.moveItem(atPath: folder.path + "/site", toPath: folder.path + "/.site.coursegen-retired")
        let lock = try writer.lock()
        #expect(throws: (any Error).self) {
            // A file where a folder must go: the write fails half-way.
            try writer.write(files([("index.html", "three"), ("index.html/x", "")]), holding: lock)
        }
        lock.release()
        #expect(folder.read("site/index.html") == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
        // A folder coursegen did not write, found at the retired name beside a site, is not deleted.
        folder.write(".site.coursegen-retired/notes.txt", "precious")
        #expect(throws: (any Error).self, "the fallback cannot park the old site there") {
            try writer.write(files([("index.html", "four")]))
        }
        #expect(folder.read("site/index.html") == "two")
        try SiteWriter(output: folder.path + "/site").write(files([("index.html", "four")]))
        #expect(folder.read("site/index.html") == "four")
        #expect(folder.read(".site.coursegen-retired/notes.txt") == "precious")
    }

    /// Issue 11, item 3: the output named as `.` from inside the site.
    @Test func anOutputNamedRelativelyIsSwappedByItsAbsolutePath() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let writer = SiteWriter(output: folder.path + "/site/.")
        try writer.write(files([("index.html", "one")]))
        try writer.write(files([("index.html", "two")]))
        #expect(folder.read("site/index.html") == "two")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["site"])
    }

    @Test func theLockIsExclusiveAndLeavesNoFile() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let writer = SiteWriter(output: folder.path + "/site")
        let held = try writer.lock()
        #expect(folder.exists(".site.coursegen-lock"))
        let waited = Flag()
        let other = Thread {
            let second = try? writer.lock(whileWaiting: { waited.set() })
            second?.release()
        }
        other.start()
        while !waited.isSet { usleep(1000) }
        held.release()
        while !other.isFinished { usleep(1000) }
        #expect(!folder.exists(".site.coursegen-lock"))
    }
}

private final class Flag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.withLock { value = true } }
    var isSet: Bool { lock.withLock { value } }
}
