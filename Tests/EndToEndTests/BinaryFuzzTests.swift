import CourseTestSupport
import Foundation
import Testing

/// The pipeline's fuzz suite through the real binary (issue 11): generated courses and a
/// corpus of past crashes. Properties: the exit code is 0 or 1, never a signal and never a
/// hang; every error has a `path:line:col`; a built site holds no script, no script URL,
/// no repeated id, and nothing from outside the chapters folder.
///
/// Seeded (`FUZZ_SEED` replaces the base seed) and bounded in time; each test prints its
/// rounds and time for CI's log.
@Suite(.serialized) struct BinaryFuzzTests {
    static let corpus = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static var baseSeed: UInt64 { ProcessInfo.processInfo.environment["FUZZ_SEED"].flatMap { UInt64($0) } ?? 0xC0_5E11 }

    /// Builds the course in `folder` with the binary and returns what is wrong with the run.
    static func problems(in folder: TemporaryFolder, timeout: Double) throws -> [String] {
        let outcome = try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path, timeout: timeout)
        var problems: [String] = []
        if outcome.timedOut { problems.append("still running after \(timeout) s") }
        if outcome.signalled { problems.append("ended by signal \(outcome.status)") }
        if !outcome.timedOut, !outcome.signalled, outcome.status != 0, outcome.status != 1 {
            problems.append("exit status \(outcome.status)")
        }
        problems += CourseFuzz.unlocatedErrors(outcome.stderr).map { "error without a location: \($0)" }
        if outcome.status == 0, !outcome.signalled {
            let files = folder.snapshot("site").map { (path: $0.key, bytes: Array($0.value)) }
            problems += CourseFuzz.outputProblems(files)
            if files.isEmpty { problems.append("exit 0 without a site") }
        }
        return problems
    }

    /// Generated courses: front matter, every Markdown construct, hostile URLs, colliding
    /// headings and mutated `experiment` fences.
    @Test func generatedCoursesThroughTheBinary() throws {
        let base = Self.baseSeed
        let run = try CourseFuzz.timed(rounds: 120, seconds: 25) { round in
            let seed = base &+ 1_000_003 &* UInt64(round)
            let folder = TemporaryFolder("coursegen-fuzz")
            defer { folder.remove() }
            CourseFuzz.write(CourseFuzz.course(seed: seed), into: folder)
            let problems = try Self.problems(in: folder, timeout: 30)
            #expect(problems == [], "round \(round), seed \(seed) (CourseFuzz.course(seed: \(seed))): \(problems)")
        }
        print("fuzz: binary, generated courses: \(run.rounds) rounds in \(String(format: "%.1f", run.seconds)) s (base seed \(base))")
        #expect(run.rounds >= 5)
    }

    static func corpusFiles(_ folder: String) -> [String] {
        let path = corpus.appendingPathComponent(folder).path
        return ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).filter { $0.hasSuffix(".md") && $0 != "README.md" }.sorted()
            .map { folder.isEmpty ? $0 : folder + "/" + $0 }
    }

    static func corpusCourse(_ name: String) throws -> TemporaryFolder {
        let folder = TemporaryFolder("coursegen-corpus")
        let text = try String(contentsOf: corpus.appendingPathComponent(name), encoding: .utf8)
        folder.write("chapters/01-a.md", text)
        folder.write("chapters/02-b.md", "# B\n\n## Part\n")
        folder.write("chapters/img/a.png", "PNG\n")
        folder.write("secret.txt", CourseFuzz.secret + "\n")
        return folder
    }

    /// Every past crash, each as a chapter: exit 0 or 1 with located errors, in bounded time.
    @Test(arguments: corpusFiles(""))
    func corpusOfPastCrashes(name: String) throws {
        let folder = try Self.corpusCourse(name)
        defer { folder.remove() }
        let start = DispatchTime.now().uptimeNanoseconds
        let problems = try Self.problems(in: folder, timeout: 30)
        #expect(problems == [], "\(name): \(problems)")
        print("fuzz: corpus \(name) in \(String(format: "%.2f", Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) s")
    }

    /// Symbolic links out of the chapters folder (a chapter, an image, a folder) publish
    /// nothing from outside it.
    @Test func symlinksOutOfTheChaptersFolderPublishNothing() throws {
        let folder = TemporaryFolder("coursegen-symlinks")
        defer { folder.remove() }
        folder.write("secret.txt", CourseFuzz.secret + "\n")
        folder.write("outside/inner.txt", CourseFuzz.secret + "\n")
        folder.write("chapters/01-a.md", "# A\n\n[s](img/s.png) [o](out/inner.txt) [p](02-p.md)\n")
        let fm = FileManager.default
        try fm.createDirectory(atPath: folder.path + "/chapters/img", withIntermediateDirectories: true)
        try fm.createSymbolicLink(atPath: folder.path + "/chapters/img/s.png", withDestinationPath: folder.path + "/secret.txt")
        try fm.createSymbolicLink(atPath: folder.path + "/chapters/out", withDestinationPath: folder.path + "/outside")
        try fm.createSymbolicLink(atPath: folder.path + "/chapters/02-p.md", withDestinationPath: "../secret.txt")
        let outcome = try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path, timeout: 30)
        #expect(!outcome.signalled && !outcome.timedOut && (outcome.status == 0 || outcome.status == 1), "\(outcome)")
        let published = folder.snapshot("site").filter { CourseFuzz.contains(Array($0.value), Array(CourseFuzz.secret.utf8)) }.keys.sorted()
        #expect(published == [], "the site publishes the outside file as \(published)")
    }

    /// Files the binary opens, resolved through symbolic links, that lie in the course
    /// folder but outside the chapters folder and coursegen's own (the site, its staging
    /// folder, the cache), or that are bait such as `/etc/passwd`. Traced with strace;
    /// `nil` where strace is not installed.
    static func outsideReads(in folder: TemporaryFolder) throws -> [String]? {
        guard let strace = ["/usr/bin/strace", "/bin/strace"].first(where: { FileManager.default.isExecutableFile(atPath: $0) }) else { return nil }
        let trace = folder.path + "/../" + URL(fileURLWithPath: folder.path).lastPathComponent + ".trace"
        defer { try? FileManager.default.removeItem(atPath: trace) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: strace)
        process.arguments = ["-f", "-qq", "-e", "trace=open,openat,openat2,creat", "-o", trace,
                             CoursegenBinary.url.path, "build", "chapters", "-o", "site"]
        process.currentDirectoryURL = URL(fileURLWithPath: folder.path)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard let text = try? String(contentsOfFile: trace, encoding: .utf8) else { return nil }
        let root = URL(fileURLWithPath: folder.path).resolvingSymlinksInPath().path
        let allowed = ["/chapters/", "/site/", "/site"].map { root + $0 }
        var found: Set<String> = []
        for line in text.split(separator: "\n") {
            // openat(AT_FDCWD, "path", O_RDONLY…) = 3
            guard let open = line.range(of: "\""), let close = line[open.upperBound...].range(of: "\""),
                  !line.hasSuffix("ENOENT (No such file or directory)") else { continue }
            let raw = String(line[open.upperBound..<close.lowerBound])
            let absolute = raw.hasPrefix("/") ? raw : folder.path + "/" + raw
            let resolved = URL(fileURLWithPath: absolute).resolvingSymlinksInPath().path
            let inCourse = resolved.hasPrefix(root + "/")
            let ours = allowed.contains { resolved.hasPrefix($0) } || resolved == root + "/chapters" || resolved.hasPrefix(root + "/.site")
            if inCourse && !ours || ["/etc/passwd", "/etc/shadow"].contains(resolved) { found.insert(raw + " → " + resolved) }
        }
        return found.sorted()
    }

    /// No file outside the chapters folder is opened, however chapters link out of it
    /// (`../secret.txt`, `img/../../secret.txt`, `/etc/passwd`, percent-escapes).
    @Test func nothingOutsideTheChaptersFolderIsOpened() throws {
        var traced = 0
        let run = try CourseFuzz.timed(rounds: 40, seconds: 15) { round in
            let seed = Self.baseSeed &+ 7_919 &* UInt64(round)
            let folder = TemporaryFolder("coursegen-trace")
            defer { folder.remove() }
            var course = CourseFuzz.course(seed: seed)
            // Every round links out of the folder in every way the generator knows.
            let escapes = ["../secret.txt", "../../secret.txt", "img/../../secret.txt", "%2e%2e/secret.txt", "/etc/passwd",
                           "chapters/../secret.txt", "..%2Fsecret.txt", "img/%2E%2E/%2E%2E/secret.txt"]
            course.files.append(("chapters/04-out.md", "# Out\n\n" + escapes.map { "[x](\($0)) ![y](\($0))\n" }.joined()))
            CourseFuzz.write(course, into: folder)
            guard let reads = try Self.outsideReads(in: folder) else { return }
            traced += 1
            #expect(reads == [], "seed \(seed): \(reads)")
        }
        print("fuzz: traced file reads: \(traced) of \(run.rounds) rounds in \(String(format: "%.1f", run.seconds)) s" + (traced == 0 ? " (no strace here)" : ""))
    }

    /// The same through symbolic links: nothing outside the chapters folder is opened.
    @Test func nothingOutsideIsOpenedThroughSymlinks() throws {
        let folder = TemporaryFolder("coursegen-trace")
        defer { folder.remove() }
        folder.write("secret.txt", CourseFuzz.secret + "\n")
        folder.write("chapters/01-a.md", "# A\n\n[s](img/s.png)\n")
        try FileManager.default.createDirectory(atPath: folder.path + "/chapters/img", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: folder.path + "/chapters/img/s.png", withDestinationPath: folder.path + "/secret.txt")
        guard let reads = try Self.outsideReads(in: folder) else { return }
        #expect(reads == [], "\(reads)")
    }
}
