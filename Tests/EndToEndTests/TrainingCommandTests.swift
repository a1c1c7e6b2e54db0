import CourseTestSupport
import Foundation
import Testing

/// The binary with a training chapter: the cache inside the chapters folder, shared by `build`,
/// `check` and `run`, `--no-cache`, `--jobs`, and plain progress lines, without a bar or escape
/// codes, when standard error is not a terminal.
@Suite(.serialized) struct TrainingCommandTests {
    private func course() -> TemporaryFolder {
        let folder = TemporaryFolder("coursegen-train")
        folder.write("chapters/01-moons.md", """
            # Moons

            ```experiment
            Training("Moons") {
                Dataset(.moons(samples: 60, noise: 0.15), test: 0.25)
                Network(hidden: [6], activation: .tanh, initialization: .xavierNormal)
                BatchSize(16)
                Iterations(40)
                Adam(lr: 0.02)
                Expect("Adam", diverges: false)
            }
            ```
            """)
        return folder
    }

    @Test func buildCachesInTheChaptersFolderAndPrintsPlainLinesInPipes() throws {
        let folder = course()
        defer { folder.remove() }
        let cold = try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path)
        #expect(cold.status == 0, "\(cold.stderr)")
        #expect(cold.stderr == "[1/1] training \"Moons\"\nwrote 3 pages to site\n", "a plain line, no bar, outside a terminal")
        let cached = try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path)
        #expect(cached.stderr == "wrote 3 pages to site\n", "nothing trains from the cache")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/chapters/.coursegen-cache")
        #expect(entries.count == 1)
        #expect(!folder.exists(".coursegen-cache"), "nothing beside the chapters folder")
        let page = folder.read("site/moons.html")
        let again = try CoursegenBinary.run(["build", "chapters", "-o", "site", "--no-cache", "--jobs", "1"], in: folder.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(folder.read("site/moons.html") == page, "the serial build writes the parallel build's page")
        #expect(try CoursegenBinary.run(["check", "chapters", "--no-cache"], in: folder.path).status == 0)
    }

    /// The entries of the chapters folder's cache, with their modification dates.
    private func entries(_ folder: TemporaryFolder) -> [String: Date] {
        let path = folder.path + "/chapters/.coursegen-cache"
        var stamps: [String: Date] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] {
            stamps[name] = (try? FileManager.default.attributesOfItem(atPath: path + "/" + name))?[.modificationDate] as? Date
        }
        return stamps
    }

    @Test func checkWritesTheEntriesThatBuildAndRunRead() throws {
        let folder = course()
        defer { folder.remove() }
        let check = try CoursegenBinary.run(["check", "chapters"], in: folder.path)
        #expect(check.status == 0, "\(check.stderr)")
        let written = entries(folder)
        #expect(written.count == 1 && written.keys.allSatisfy { $0.hasPrefix("training-") }, "\(written)")
        #expect(try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path).status == 0)
        #expect(try CoursegenBinary.run(["run", "chapters/01-moons.md"], in: folder.path).status == 0)
        #expect(entries(folder) == written, "build and run read check's entry and write none")
        #expect(!folder.exists(".coursegen-cache"))
    }

    @Test func runTwiceReadsTheCacheOfTheFilesFolder() throws {
        let folder = course()
        defer { folder.remove() }
        let first = try CoursegenBinary.run(["run", "chapters/01-moons.md", "--json"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let written = entries(folder)
        #expect(written.count == 1)
        let second = try CoursegenBinary.run(["run", "chapters/01-moons.md", "--json"], in: folder.path)
        #expect(second.status == 0)
        #expect(second.stdout == first.stdout)
        #expect(entries(folder) == written, "the second run reads the entry")
        // A build of the course reads it too.
        #expect(try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path).status == 0)
        #expect(entries(folder) == written)
        // --no-cache runs again and rewrites the entry, with the same numbers.
        Thread.sleep(forTimeInterval: 0.01)
        let forced = try CoursegenBinary.run(["run", "chapters/01-moons.md", "--json", "--no-cache"], in: folder.path)
        #expect(forced.stdout == first.stdout)
        let rewritten = entries(folder)
        #expect(rewritten.keys == written.keys && rewritten != written, "the entry was written again")
    }

    @Test func runOfABareDirectiveFileCachesInItsFolder() throws {
        let folder = TemporaryFolder("coursegen-run-bare")
        defer { folder.remove() }
        folder.write("work/bowl.swift", """
            Experiment("Bowl") {
                Objective { x, y in x * x + y * y }
                Steps(20)
                SGD(lr: 0.1)
            }
            """)
        let first = try CoursegenBinary.run(["run", "work/bowl.swift"], in: folder.path)
        #expect(first.status == 0, "\(first.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/work/.coursegen-cache")
        #expect(names.count == 1 && names[0].hasPrefix("experiment-"), "\(names)")
        #expect(try CoursegenBinary.run(["run", "work/bowl.swift"], in: folder.path).stdout == first.stdout)
    }

    @Test(arguments: [["build", "chapters", "--jobs", "0"], ["check", "chapters", "-j", "0"], ["run", "x.md", "--jobs", "0"]])
    func jobsBelowOneIsAUsageError(arguments: [String]) throws {
        let folder = course()
        defer { folder.remove() }
        let outcome = try CoursegenBinary.run(arguments, in: folder.path)
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("--jobs must be at least 1, such as --jobs 1 for a serial build"), "\(outcome.stderr)")
        #expect(!folder.exists("site") && !folder.exists("chapters/.coursegen-cache"))
    }

    @Test func aMissingMNISTFolderFailsTheBuildWithAClearError() throws {
        let folder = TemporaryFolder("coursegen-mnist")
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
        let outcome = try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("chapters/01-mnist.md:4:1: error: cannot load the dataset of 'MNIST': cannot find 'data/mnist/train-images-idx3-ubyte'"),
                "\(outcome.stderr)")
        #expect(!folder.exists("site"))
    }
}
