import CourseTestSupport
import Foundation
import Testing

/// `coursegen pdf` run for real: Chromium prints print.html, and `pdftotext` and `pdfinfo`
/// (poppler-utils) read the PDF back. Without Chromium or poppler these tests are skipped on a
/// workstation; in CI (`CI` set) they run and fail, so a missing package cannot pass unseen.
@Suite(.serialized) struct PDFCommandTests {
    /// A program on `PATH`, or `nil`.
    static func program(_ name: String) -> String? {
        for folder in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            let path = "\(folder)/\(name)"
            if FileManager.default.isExecutableFile(atPath: path) { return path }
        }
        return nil
    }

    static let browser: String? = {
        let environment = ProcessInfo.processInfo.environment
        if let set = environment["CHROMIUM"] ?? environment["CHROME"], !set.isEmpty { return set }
        return ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap(program).first
    }()

    /// Whether the tests that print can run here, or must run anyway (CI).
    static let canPrint = (browser != nil && program("pdftotext") != nil && program("pdfinfo") != nil)
        || ProcessInfo.processInfo.environment["CI"] != nil

    /// The text of the PDF at `path`, with runs of white space as one space (a long title wraps).
    static func text(ofPDF path: String) throws -> String {
        let pdftotext = try #require(program("pdftotext"), "pdftotext is missing: apt-get install poppler-utils")
        let output = try run(pdftotext, ["-enc", "UTF-8", path, "-"])
        return output.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ")
    }

    static func pageCount(ofPDF path: String) throws -> Int {
        let pdfinfo = try #require(program("pdfinfo"), "pdfinfo is missing: apt-get install poppler-utils")
        let info = try run(pdfinfo, [path])
        let line = try #require(info.split(separator: "\n").first { $0.hasPrefix("Pages:") }, "\(info)")
        return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? 0
    }

    static func run(_ program: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// Each chapter's title as the PDF shows it: the front matter's `title:`, else its first `#` heading.
    static func titles(of folder: URL) throws -> [String] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".md") && $0 != "index.md" }.sorted()
        return try names.map { name in
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            let lines = text.split(separator: "\n")
            if let title = lines.first(where: { $0.hasPrefix("title:") }) {
                return title.dropFirst("title:".count).trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
            }
            let heading = try #require(lines.first { $0.hasPrefix("# ") }, "\(name) has no title")
            return String(heading.dropFirst(2))
        }
    }

    /// `source`'s Markdown chapters in a fresh folder's `chapters/`, with their result cache
    /// (`chapters/.coursegen-cache/`) when there is one, so the course's trainings need not run again.
    static func copy(_ source: URL) throws -> TemporaryFolder {
        let folder = TemporaryFolder("coursegen-pdf")
        try FileManager.default.copyItem(at: source, to: URL(fileURLWithPath: folder.path + "/chapters"))
        return folder
    }

    /// Prints `chapters/` of `folder` and checks that the PDF has every chapter's title and at
    /// least a page per chapter, and that `expected` text is in it.
    static func printAndRead(_ folder: TemporaryFolder, titles: [String], expected: [String] = []) throws {
        let outcome = try CoursegenBinary.run(["pdf", "chapters", "-o", "out/course.pdf"], in: folder.path, timeout: 1800)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let pdf = folder.path + "/out/course.pdf"
        let text = try text(ofPDF: pdf)
        for title in titles + expected {
            #expect(text.contains(title), "'\(title)' is not in the PDF")
        }
        #expect(try pageCount(ofPDF: pdf) >= titles.count + 2, "a cover and contents, then a page or more per chapter")
        // Nothing is left beside the PDF.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path + "/out") == ["course.pdf"])
    }

    /// Builds `chapters/` of `folder` (from the cache the print filled) and checks that no id of
    /// its print.html is defined twice and every same-document reference finds its id: whatever
    /// a chapter of the real course defines, headings, callouts, footnotes, figures, formulas,
    /// must take its chapter's prefix there.
    static func checkPrintIDs(_ folder: TemporaryFolder) throws {
        let outcome = try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path, timeout: 1800)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let html = try #require(folder.read("site/print.html"))
        func values(_ attribute: String) -> [String] {
            html.ranges(of: " \(attribute)=\"").map { range in
                let rest = html[range.upperBound...]
                return String(rest[..<(rest.firstIndex(of: "\"") ?? rest.endIndex)])
            }
        }
        let ids = values("id")
        let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
        #expect(repeated.isEmpty, "ids defined more than once in print.html: \(repeated.prefix(20))")
        let defined = Set(ids)
        var references = values("href").filter { $0.hasPrefix("#") }.map { String($0.dropFirst()).removingPercentEncoding ?? "" }
        for attribute in ["aria-labelledby", "aria-describedby", "headers", "for"] {
            references += values(attribute).flatMap { $0.split(separator: " ").map(String.init) }
        }
        let missing = Set(references.filter { !defined.contains($0) }).sorted()
        #expect(missing.isEmpty, "references to no id of print.html: \(missing.prefix(20))")
        #expect(!html.lowercased().contains("<script"))
    }

    static func fixture() -> TemporaryFolder {
        let folder = TemporaryFolder("coursegen-pdf")
        folder.write("chapters/index.md", "---\ntitle: A small course\n---\nHello.\n")
        folder.write("chapters/01-first.md", "# Descent downhill\n\n## Steps\n\nSee [the second](02-second.md#more).\n")
        folder.write("chapters/02-second.md", "---\ntitle: Momentum uphill\n---\n## More\n\n$$\\theta_t = \\theta_{t-1} - \\eta g_t$$\n")
        folder.write("chapters/03-third.md", "# Adaptive rates\n\n> [!EXERCISE]\n> Try a rate.\n\n> [!SOLUTION]\n> The rate halves.\n")
        return folder
    }

    @Test(.enabled(if: canPrint)) func printsAFixtureCourseWithEveryChapterAndItsSolutions() throws {
        let folder = Self.fixture()
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
        try Self.printAndRead(folder, titles: ["Descent downhill", "Momentum uphill", "Adaptive rates"],
                              expected: ["A small course", "Exercise 3.1", "The rate halves."])
    }

    @Test(.enabled(if: canPrint)) func printsTheCourse() throws {
        let folder = try Self.copy(ChapterFences.folder)
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
        try Self.printAndRead(folder, titles: try Self.titles(of: ChapterFences.folder))
        try Self.checkPrintIDs(folder)
    }

    @Test(.enabled(if: canPrint)) func printsTheChineseExampleInChinese() throws {
        let source = ChapterFences.repository.appendingPathComponent("examples/zh")
        let folder = try Self.copy(source)
        defer { folder.remove() }
        try FileManager.default.createDirectory(atPath: folder.path + "/out", withIntermediateDirectories: true)
        // CJK text comes through as text (fonts embedded, not boxes): the titles and the generated words.
        try Self.printAndRead(folder, titles: try Self.titles(of: source), expected: ["目录", "第 1 章"])
        try Self.checkPrintIDs(folder)
    }

    // MARK: - Failures leave no PDF, and never a broken one in place of a good one

    @Test func withoutChromiumItSaysWhichPackageToInstall() throws {
        let folder = Self.fixture()
        defer { folder.remove() }
        let empty = TemporaryFolder("empty-path")
        defer { empty.remove() }
        folder.write("course.pdf", "the good PDF of yesterday")
        let outcome = try CoursegenBinary.run(["pdf", "chapters", "-o", "course.pdf"], in: folder.path,
                                              environment: ["PATH": empty.path, "CHROMIUM": "", "CHROME": ""])
        #expect(outcome.status == 1)
        #expect(outcome.stderr == """
            error: Chromium was not found: 'coursegen pdf' prints the course through headless Chromium
            hint: install it (on Debian and Ubuntu: apt-get install chromium), or set CHROMIUM to its executable

            """)
        #expect(folder.read("course.pdf") == "the good PDF of yesterday")
    }

    @Test func aChromiumVariableNamingNoProgramIsAnError() throws {
        let folder = Self.fixture()
        defer { folder.remove() }
        let outcome = try CoursegenBinary.run(["pdf", "chapters"], in: folder.path, environment: ["CHROMIUM": folder.path + "/no-such-chromium"])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: CHROMIUM names '\(folder.path)/no-such-chromium', which is not an executable file\n"), "\(outcome.stderr)")
        #expect(!folder.exists("course.pdf"))
    }

    /// A fake browser (a shell script) that fails, writes half a PDF, or hangs.
    @Test(arguments: [
        ("echo 'crashed: no display' >&2; exit 3", "error: Chromium failed (exit status 3):\n  crashed: no display\n"),
        ("for a; do case $a in --print-to-pdf=*) printf '%%PDF-1.4 half' > \"${a#--print-to-pdf=}\";; esac; done",
         "error: Chromium did not write a PDF: the file it wrote ends before the PDF's end marker %%EOF\n"),
        ("exit 0", "error: Chromium did not write a PDF: the file it was to print to is empty\n"),
        ("exec sleep 30", "error: Chromium did not finish printing within 1 s and was stopped\n"),
    ])
    func aBrokenPrintKeepsTheGoodPDF(script: String, message: String) throws {
        let folder = Self.fixture()
        defer { folder.remove() }
        let browser = folder.write("fake-chromium", "#!/bin/sh\n\(script)\n")
        chmod(browser, 0o755)
        folder.write("course.pdf", "the good PDF of yesterday")
        let outcome = try CoursegenBinary.run(["pdf", "chapters", "-o", "course.pdf", "--timeout", "1"], in: folder.path,
                                              timeout: 60, environment: ["CHROMIUM": browser])
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(folder.read("course.pdf") == "the good PDF of yesterday")
        // No partial file is left beside it.
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["chapters", "course.pdf", "fake-chromium"].filter { folder.exists($0) })
    }

    @Test func aTimeoutThatIsNotPositiveIsAUsageError() throws {
        let folder = Self.fixture()
        defer { folder.remove() }
        let outcome = try CoursegenBinary.run(["pdf", "chapters", "--timeout", "0"], in: folder.path)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("--timeout must be a positive number of seconds"))
    }
}
