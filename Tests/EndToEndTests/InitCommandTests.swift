import CourseTestSupport
import Foundation
import Testing

/// `coursegen init`: a starter course that builds and passes `check` at once, and a folder that
/// already holds something is never touched.
@Suite(.serialized) struct InitCommandTests {
    /// The files every starter course has, in the order `init` writes and lists them.
    static let starterFiles = ["index.md", "01-gradient-descent.md", "references.bib", "theme/README.md", ".gitignore"]

    @Test(arguments: ["en", "zh-CN", "zh-Hans"])
    func aStarterCourseBuildsAndPassesCheck(language: String) throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        // Missing parents are created.
        let outcome = try CoursegenBinary.run(["init", "courses/my-course", "--language", language], in: folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr == "")
        #expect(outcome.stdout.hasPrefix("wrote a starter course in courses/my-course:\n"
            + Self.starterFiles.map { "  courses/my-course/\($0)\n" }.joined() + "\nnext:\n  coursegen build courses/my-course -o site/  "))
        #expect(outcome.stdout.contains("  coursegen check courses/my-course  "))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/courses/my-course").sorted()
            == [".gitignore", "01-gradient-descent.md", "index.md", "references.bib", "theme"])
        #expect(folder.read("courses/my-course/index.md")?.contains("\nlanguage: \(language)\n") == true)
        let ignored = folder.read("courses/my-course/.gitignore")?.split(separator: "\n").filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(ignored == [".coursegen-cache/"], "the cache is inside the course; the site never is")

        let check = try CoursegenBinary.run(["check", "courses/my-course"], in: folder.path)
        #expect(check.status == 0)
        #expect(check.stderr == "3 pages, no errors\n", "no warning either")
        #expect(folder.exists("courses/my-course/.coursegen-cache"), "check keeps the experiment's results inside the course")
        #expect(!folder.exists("courses/.coursegen-cache"))
        let build = try CoursegenBinary.run(["build", "courses/my-course", "-o", "site/"], in: folder.path)
        #expect(build.status == 0)
        #expect(build.stderr == "wrote 3 pages to site/\n")
        let chapter = try #require(folder.read("site/gradient-descent.html"))
        let chinese = language != "en"
        // The experiment ran, its claims held, the equation is numbered and referred to, the
        // exercise has its solution and the citation reached the page's references.
        #expect(chapter.contains("<svg"))
        #expect(chapter.contains("<span class=\"equation-number\">(1.1)</span>"))
        #expect(chapter.contains(chinese ? "<a href=\"#eq:update\">式 (1.1)</a>" : "<a href=\"#eq:update\">Eq. (1.1)</a>"))
        #expect(chapter.contains("<details class=\"solution\""))
        #expect(chapter.contains("#ref-cauchy1847"))
        #expect(chapter.contains(chinese ? "练习 1.1" : "Exercise 1.1"))
        #expect(folder.read("site/index.html")?.contains(chinese ? "我的课程" : "My course") == true)
    }

    @Test func withoutAFolderItWritesTheChaptersFolderThatBuildReadsByDefault() throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        let outcome = try CoursegenBinary.run(["init"], in: folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(Self.starterFiles.allSatisfy { folder.exists("chapters/" + $0) })
        let build = try CoursegenBinary.run(["build"], in: folder.path)
        #expect(build.status == 0, "\(build.stderr)")
        #expect(folder.exists("site/gradient-descent.html"))
    }

    @Test func initInTheCurrentFolderSuggestsASiteOutsideIt() throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        folder.write("course/.keep", "")
        try FileManager.default.removeItem(atPath: folder.path + "/course/.keep")
        let outcome = try CoursegenBinary.run(["init", "."], in: folder.path + "/course")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("  coursegen build . -o ../site/  "))
        let build = try CoursegenBinary.run(["build", ".", "-o", "../site/"], in: folder.path + "/course")
        #expect(build.status == 0, "\(build.stderr)")
    }

    /// The starter `.gitignore` really ignores the cache, which lives inside the course.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/git")))
    func gitIgnoresTheCacheOfTheStarterCourse() throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        #expect(try CoursegenBinary.run(["init", "my-course"], in: folder.path).status == 0)
        #expect(try CoursegenBinary.run(["check", "my-course"], in: folder.path).status == 0)
        #expect(folder.exists("my-course/.coursegen-cache"))
        let git = { (arguments: [String]) throws -> String in
            let process = Process()
            let pipe = Pipe()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/git")
            process.arguments = arguments
            process.currentDirectoryURL = URL(fileURLWithPath: folder.path + "/my-course")
            process.standardOutput = pipe
            process.standardError = FileHandle.nullDevice
            try process.run()
            let output = pipe.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return String(decoding: output, as: UTF8.self)
        }
        _ = try git(["init", "-q"])
        let untracked = try git(["status", "--porcelain", "--untracked-files=all"])
        #expect(untracked.contains("?? index.md"), "\(untracked)")
        #expect(!untracked.contains("coursegen-cache"), "\(untracked)")
    }

    @Test func theStarterFilesAreTheSameOnEveryRun() throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        for name in ["one", "two"] {
            #expect(try CoursegenBinary.run(["init", name, "--language", "zh-CN"], in: folder.path).status == 0)
        }
        let one = folder.snapshot("one"), two = folder.snapshot("two")
        #expect(Set(one.keys) == Set(Self.starterFiles))
        #expect(one == two)
        // zh-CN and zh-Hans differ only in the tag the front matter declares.
        #expect(try CoursegenBinary.run(["init", "three", "--language", "zh-Hans"], in: folder.path).status == 0)
        let three = folder.snapshot("three")
        for file in Self.starterFiles where file != "index.md" { #expect(three[file] == one[file], "\(file)") }
        #expect(folder.read("three/index.md") == folder.read("one/index.md")?.replacing("language: zh-CN", with: "language: zh-Hans"))
    }

    @Test func aFolderThatIsNotEmptyIsRefusedAndUntouched() throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        folder.write("course/notes.md", "# Mine\n")
        folder.write("course/theme/README.md", "keep me")
        let before = folder.snapshot("course")
        let outcome = try CoursegenBinary.run(["init", "course"], in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stdout == "")
        #expect(outcome.stderr == """
            error: refusing to write into 'course': it is not empty (it holds 'notes.md', 'theme')
            hint: coursegen init starts a course in a new or empty folder, e.g. coursegen init my-course

            """)
        #expect(folder.snapshot("course") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/course").sorted() == ["notes.md", "theme"])
    }

    @Test func aHiddenFileMakesAFolderNotEmpty() throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        folder.write("course/.gitignore", "secret\n")
        let outcome = try CoursegenBinary.run(["init", "course"], in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: refusing to write into 'course': it is not empty (it holds '.gitignore')\n"))
        #expect(folder.read("course/.gitignore") == "secret\n")
    }

    @Test func anEmptyFolderIsAccepted() throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/course", withIntermediateDirectories: false)
        let outcome = try CoursegenBinary.run(["init", "course"], in: folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(folder.exists("course/01-gradient-descent.md"))
    }

    @Test func aSymbolicLinkIsNeverFollowed() throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        let elsewhere = TemporaryFolder("coursegen-init-elsewhere")
        defer { elsewhere.remove() }
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/course", withDestinationPath: elsewhere.path)
        for name in ["course", "course/"] {
            let outcome = try CoursegenBinary.run(["init", name], in: folder.path)
            #expect(outcome.status == 1)
            #expect(outcome.stderr.hasPrefix("error: refusing to write into '\(name)': it is a symbolic link\n"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: elsewhere.path) == [])
    }

    @Test func aFileInThePathIsAClearError() throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        folder.write("notes.txt", "mine")
        let onFile = try CoursegenBinary.run(["init", "notes.txt"], in: folder.path)
        #expect(onFile.status == 1)
        #expect(onFile.stderr == """
            error: refusing to write into 'notes.txt': it is a file, not a folder
            hint: name a new folder, e.g. coursegen init my-course

            """)
        let below = try CoursegenBinary.run(["init", "notes.txt/course"], in: folder.path)
        #expect(below.status == 1)
        #expect(below.stderr.hasPrefix("error: cannot create the folder 'notes.txt/course': part of its path is a file, not a folder\n"))
        #expect(folder.read("notes.txt") == "mine")
    }

    /// Root ignores file modes, so as root init runs as `nobody`.
    @Test(.enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aFolderItMayNotWriteLeavesNothingBehind() throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/locked", withIntermediateDirectories: false)
        try FileManager.default.setAttributes([.posixPermissions: 0o555], ofItemAtPath: folder.path + "/locked")
        try FileManager.default.setAttributes([.posixPermissions: 0o777], ofItemAtPath: folder.path)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: folder.path + "/locked") }
        let wrapper = getuid() == 0 ? ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] : []
        let outcome = try CoursegenBinary.run(["init", "locked"], in: folder.path, through: wrapper)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: cannot write 'locked/index.md': Permission denied\n"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("hint: nothing was written"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/locked") == [])
    }

    @Test func anUnknownLanguageIsAUsageErrorListingTheSupportedOnes() throws {
        let folder = TemporaryFolder("coursegen-init")
        defer { folder.remove() }
        let outcome = try CoursegenBinary.run(["init", "course", "--language", "fr"], in: folder.path)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("The value 'fr' is invalid for '--language <language>'. Please provide one of 'en', 'zh-CN' or 'zh-Hans'."))
        #expect(!folder.exists("course"))
    }
}
