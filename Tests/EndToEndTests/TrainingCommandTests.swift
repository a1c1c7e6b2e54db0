import CourseTestSupport
import Foundation
import Testing

/// The binary with a training chapter: the cache beside the chapters, `--no-cache`, `--jobs`,
/// and plain progress lines, without a bar or escape codes, when standard error is not a terminal.
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

    @Test func buildCachesBesideTheChaptersAndPrintsPlainLinesInPipes() throws {
        let folder = course()
        defer { folder.remove() }
        let cold = try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path)
        #expect(cold.status == 0, "\(cold.stderr)")
        #expect(cold.stderr == "[1/1] training \"Moons\"\nwrote 3 pages to site\n", "a plain line, no bar, outside a terminal")
        let cached = try CoursegenBinary.run(["build", "chapters", "-o", "site"], in: folder.path)
        #expect(cached.stderr == "wrote 3 pages to site\n", "nothing trains from the cache")
        let entries = try FileManager.default.contentsOfDirectory(atPath: folder.path + "/.coursegen-cache")
        #expect(entries.count == 1)
        let page = folder.read("site/moons.html")
        let again = try CoursegenBinary.run(["build", "chapters", "-o", "site", "--no-cache", "--jobs", "1"], in: folder.path)
        #expect(again.status == 0, "\(again.stderr)")
        #expect(folder.read("site/moons.html") == page, "the serial build writes the parallel build's page")
        #expect(try CoursegenBinary.run(["check", "chapters", "--no-cache"], in: folder.path).status == 0)
    }

    @Test(arguments: [["build", "chapters", "--jobs", "0"], ["check", "chapters", "-j", "0"], ["run", "x.md", "--jobs", "0"]])
    func jobsBelowOneIsAUsageError(arguments: [String]) throws {
        let folder = course()
        defer { folder.remove() }
        let outcome = try CoursegenBinary.run(arguments, in: folder.path)
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.contains("--jobs must be at least 1, such as --jobs 1 for a serial build"), "\(outcome.stderr)")
        #expect(!folder.exists("site") && !folder.exists(".coursegen-cache"))
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
