import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

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
}
