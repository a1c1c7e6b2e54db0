import CourseTestSupport
import Foundation
import Testing

/// Issue 11 ("Trust") with the real binary: host files stay out of the site, sites are
/// never lost, `check` writes nothing.
@Suite(.serialized) struct TrustTests {
    private func course() -> TemporaryFolder {
        let folder = TemporaryFolder("coursegen-trust")
        folder.write("chapters/index.md", "---\ntitle: Test course\n---\nHello.\n")
        folder.write("chapters/01-first.md", "# First\n\n## Part\n\nSee [second](02-second.md#more).\n")
        folder.write("chapters/02-second.md", "# Second\n\n## More\n")
        return folder
    }

    private func link(_ folder: TemporaryFolder, _ path: String, to target: String) throws {
        let full = folder.path + "/" + path
        try FileManager.default.createDirectory(atPath: (full as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: full, withDestinationPath: target)
    }

    @Test func symbolicLinksOutOfTheChaptersFolderPublishNothing() throws {
        let folder = TemporaryFolder("coursegen-trust")
        defer { folder.remove() }
        // The issue's commands: ln -s /etc ch/etc; ln -s /etc/passwd ch/02-p.md; printf '# A\n\n[x](etc/shadow)\n' > ch/01-a.md
        try link(folder, "ch/etc", to: "/etc")
        try link(folder, "ch/02-p.md", to: "/etc/passwd")
        folder.write("ch/01-a.md", "# A\n\n[x](etc/shadow)\n")
        let outcome = try CoursegenBinary.run(["build", "ch", "-o", "site"], in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == """
            ch/01-a.md:3:1: error: link 'etc/shadow' leads outside 'ch' through a symbolic link
                [x](etc/shadow)
                ^
            hint: a symbolic link in the chapters folder may point only to files inside it; copy the file in instead
            ch/02-p.md: error: cannot read 'ch/02-p.md': it leads outside 'ch' through a symbolic link
            hint: a symbolic link in the chapters folder may point only to a file inside it; copy the file in instead
            2 errors; build failed; 'site' is unchanged

            """)
        #expect(!folder.exists("site"))
        #expect(!outcome.stderr.contains("root:"), "not a line of /etc/passwd, not even in the error")
    }

    @Test func linkedFilesThroughLinksOutOfTheFolderAreRefused() throws {
        let folder = TemporaryFolder("coursegen-trust")
        defer { folder.remove() }
        try link(folder, "ch/img/secret.png", to: "/etc/passwd")
        try link(folder, "ch/home", to: "/root")
        try link(folder, "ch/sz", to: "/")
        folder.write("ch/01-a.md", "# A\n\n![s](img/secret.png)\n\n[h](home/.bashrc)\n\n[z](sz/dev/zero)\n")
        let outcome = try CoursegenBinary.run(["build", "ch", "-o", "site"], in: folder.path)
        #expect(outcome.status == 1)
        let headers = outcome.stderr.split(separator: "\n").filter { $0.contains(": error: ") }
        #expect(headers == [
            "ch/01-a.md:3:1: error: link 'img/secret.png' leads outside 'ch' through a symbolic link",
            "ch/01-a.md:5:1: error: link 'home/.bashrc' leads outside 'ch' through a symbolic link",
            "ch/01-a.md:7:1: error: link 'sz/dev/zero' leads outside 'ch' through a symbolic link",
        ])
        #expect(!folder.exists("site"))
    }

    @Test func aTwentyGigabyteSparseChapterIsRefusedAtOnce() throws {
        let folder = course()
        defer { folder.remove() }
        #expect(truncate(folder.write("chapters/03-big.md", ""), 20 << 30) == 0)
        let started = Date()
        let outcome = try CoursegenBinary.run(["check", "chapters"], in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("chapters/03-big.md: error: chapter is 21474836480 bytes; the limit is 4194304\n"))
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// `run` reads the file it is given as a build reads a chapter: a device is refused, not read forever.
    @Test func runRefusesADevice() throws {
        let started = Date()
        let outcome = try CoursegenBinary.run(["run", "/dev/zero"], in: NSTemporaryDirectory())
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("/dev/zero: error: cannot read '/dev/zero': it is not a regular file but a device\n"),
                "\(outcome.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// Issue 11, item 12: an IDX file claiming one 65536×65536 image (a 4 GiB sparse file) is
    /// refused before it is read, at the Training's line, instead of aborting the build.
    @Test func aHugeMNISTImageFileIsAnErrorAtTheTraining() throws {
        let folder = TemporaryFolder("coursegen-trust")
        defer { folder.remove() }
        folder.write("chapters/01-mnist.md", """
            # MNIST

            ```experiment
            Training("MNIST") {
                Dataset(.mnist(path: "data/mnist"))
                Network(hidden: [10])
                Adam(lr: 0.001)
            }
            ```
            """)
        let header: [UInt8] = [0, 0, 8, 3, 0, 0, 0, 1, 0, 1, 0, 0, 0, 1, 0, 0]
        let images = folder.write("data/mnist/train-images-idx3-ubyte", bytes: header)
        #expect(truncate(images, off_t(16 + (1 << 32))) == 0)
        let started = Date()
        let outcome = try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix(
            "chapters/01-mnist.md:4:1: error: cannot load the dataset of 'MNIST': 'data/mnist/train-images-idx3-ubyte' is 4294967312 bytes; the limit is 50331648\n"),
            "\(outcome.stderr)")
        #expect(Date().timeIntervalSince(started) < 10)
    }

    /// Issue 11, item 3: `-o .` from inside an existing site replaces it and keeps it.
    @Test func buildingIntoDotFromInsideTheSiteKeepsIt() throws {
        let folder = course()
        defer { folder.remove() }
        #expect(try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path).status == 0)
        for round in 1...3 {
            folder.write("chapters/02-second.md", "# Second\n\n## More\n\nRound \(round).\n")
            let outcome = try CoursegenBinary.run(["build", "../chapters", "-o", "."], in: folder.path + "/site")
            #expect(outcome.status == 0, "\(outcome.stderr)")
            #expect(outcome.stderr == "wrote 4 pages to .\n")
            #expect(folder.read("site/second.html")?.contains("Round \(round).") == true)
            #expect(folder.exists("site/first.html"))
            #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["chapters", "site"])
        }
    }

    /// Issue 11, item 2: two builds at once into one output give one build's site, whole.
    @Test(.timeLimit(.minutes(3)))
    func twoConcurrentBuildsIntoOneOutputLeaveAWholeSite() throws {
        let folder = course()
        defer { folder.remove() }
        #expect(try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path).status == 0)
        let expected = folder.snapshot("site")
        #expect(expected.count == 9)
        let started = Date()
        let rounds = 100
        for round in 0..<rounds {
            let outcomes = Outcomes()
            DispatchQueue.concurrentPerform(iterations: 2) { k in
                outcomes.set(k, try? CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path))
            }
            for outcome in outcomes.all {
                #expect(outcome?.status == 0, "round \(round): \(outcome?.stderr ?? "did not run")")
            }
            #expect(folder.snapshot("site") == expected, "round \(round)")
            let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
            #expect(beside == ["chapters", "site"], "round \(round): no staging folder or lock file left")
            if folder.snapshot("site") != expected { break }
        }
        let seconds = Date().timeIntervalSince(started)
        print("\(rounds) rounds of two concurrent builds: \(String(format: "%.1f", seconds)) s")
    }

    /// Issue 11, item 15: `check` writes nothing, not even the result cache.
    @Test func checkCreatesNoCache() throws {
        let folder = TemporaryFolder("coursegen-trust")
        defer { folder.remove() }
        folder.write("chapters/01-moons.md", """
            # Moons

            ```experiment
            Training("Moons") {
                Dataset(.moons(samples: 40, noise: 0.15), test: 0.25)
                Network(hidden: [4], activation: .tanh, initialization: .xavierNormal)
                BatchSize(8)
                Iterations(10)
                Adam(lr: 0.02)
            }
            ```
            """)
        let outcome = try CoursegenBinary.run(["check", "chapters"], in: folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["chapters"])
    }

    /// Issue 11, item 15: an old site whose folders are read-only is still replaced, and no
    /// staging folder stays behind. Root ignores file modes, so as root the builds run as `nobody`.
    @Test(.enabled(if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")))
    func aReadOnlyOldSiteLeavesNoStagingFolder() throws {
        let folder = course()
        defer {
            _ = chmodTree(folder.path)
            folder.remove()
        }
        #expect(chmod(folder.path, 0o777) == 0)
        func build() throws -> CoursegenBinary.Outcome {
            if getuid() != 0 { return try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path) }
            return try CoursegenBinary.run(
                ["build", "chapters", "-o", "site"], in: folder.path,
                through: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"])
        }
        #expect(try build().status == 0)
        #expect(chmodTree(folder.path + "/site", files: 0o444, folders: 0o555))
        let outcome = try build()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["chapters", "site"])
    }
}

/// Sets the modes of every file and folder below `path` (and of `path`).
@discardableResult
private func chmodTree(_ path: String, files: mode_t = 0o644, folders: mode_t = 0o755) -> Bool {
    var ok = true
    var paths = [path]
    if let walker = FileManager.default.enumerator(atPath: path) {
        while let item = walker.nextObject() as? String { paths.append(path + "/" + item) }
    }
    // Deepest first, so that a folder loses its write bit after its contents changed.
    for item in paths.reversed() {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: item, isDirectory: &isDirectory) else { continue }
        ok = chmod(item, isDirectory.boolValue ? folders : files) == 0 && ok
    }
    return ok
}

private final class Outcomes: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [CoursegenBinary.Outcome?] = [nil, nil]
    func set(_ k: Int, _ outcome: CoursegenBinary.Outcome?) { lock.withLock { values[k] = outcome } }
    var all: [CoursegenBinary.Outcome?] { lock.withLock { values } }
}
