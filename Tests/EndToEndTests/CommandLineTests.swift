import CourseTestSupport
import Foundation
import Testing

/// The real binary on fixture folders: exit codes, stderr, files.
@Suite(.serialized) struct CommandLineTests {
    private func course() -> TemporaryFolder {
        let folder = TemporaryFolder("coursegen-e2e")
        folder.write("chapters/index.md", "---\ntitle: Test course\n---\nHello.\n")
        folder.write("chapters/01-first.md", "# First\n\n## Part\n\nSee [second](02-second.md#more).\n")
        folder.write("chapters/02-second.md", "# Second\n\n## More\n")
        return folder
    }

    @Test func buildWritesTheSiteWithDefaultArguments() throws {
        let folder = course()
        defer { folder.remove() }
        let outcome = try CoursegenBinary.run(["build"], in: folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr == "wrote 4 pages to site\n")
        #expect(folder.read("site/first.html")?.contains("<a href=\"second.html#more\">second</a>") == true)
        #expect(folder.exists("site/assets/style.css"))
    }

    @Test func aFailedBuildLeavesThePreviousSiteExactlyAsItWas() throws {
        let folder = course()
        defer { folder.remove() }
        #expect(try CoursegenBinary.run(["build", "chapters/", "-o", "site/"], in: folder.path).status == 0)
        let before = folder.snapshot("site")
        folder.write("chapters/03-broken.md", "# Broken\n\n[x](04-missing.md)\n")
        let outcome = try CoursegenBinary.run(["build", "chapters/", "-o", "site/"], in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr == """
            chapters/03-broken.md:3:1: error: link to a missing chapter '04-missing.md'
                [x](04-missing.md)
                ^
            hint: chapters link each other by file name, e.g. [momentum](02-momentum.md#nesterov)
            1 error; build failed; 'site/' is unchanged

            """)
        #expect(folder.snapshot("site") == before)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["chapters", "site"])
    }

    @Test func checkWritesNothing() throws {
        let folder = course()
        defer { folder.remove() }
        let outcome = try CoursegenBinary.run(["check", "chapters"], in: folder.path)
        #expect(outcome.status == 0)
        #expect(outcome.stderr == "4 pages, no errors\n")
        #expect(!folder.exists("site"))
    }

    @Test func refusesToReplaceAFolderItDidNotWrite() throws {
        let folder = course()
        defer { folder.remove() }
        folder.write("site/mine.txt", "keep me")
        let outcome = try CoursegenBinary.run(["build"], in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: refusing to replace 'site': it is not empty and coursegen did not write it\n"))
        #expect(folder.read("site/mine.txt") == "keep me")
    }

    @Test func usageErrorsExitWith64() throws {
        let outcome = try CoursegenBinary.run(["build", "--no-such-flag"], in: NSTemporaryDirectory())
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("Unknown option '--no-such-flag'"))
    }

    @Test func versionAndHelpWithExamples() throws {
        let version = try CoursegenBinary.run(["--version"], in: NSTemporaryDirectory())
        #expect(version.status == 0)
        #expect(version.stdout.hasPrefix("0."))
        let help = try CoursegenBinary.run(["--help"], in: NSTemporaryDirectory())
        #expect(help.status == 0)
        #expect(help.stdout.contains("coursegen build chapters/ -o site/"))
    }

    @Test func missingChaptersFolderIsAContentError() throws {
        let folder = TemporaryFolder("coursegen-e2e")
        defer { folder.remove() }
        let outcome = try CoursegenBinary.run(["build", "nowhere"], in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("error: chapters folder 'nowhere' does not exist\n"))
    }

    @Test func runPrintsTheNumbersOfAChaptersExperimentsAsJSON() throws {
        let folder = TemporaryFolder("coursegen-e2e")
        defer { folder.remove() }
        folder.write("05-adam.md", """
            # Adam

            ```experiment
            Experiment("Bowl") {
                Objective(.bowl)
                Start(-7, 2)
                Steps(3)
                SGD(lr: 0.95)
            }
            ```
            """)
        let outcome = try CoursegenBinary.run(["run", "05-adam.md", "--json"], in: folder.path)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any]
        let experiments = object?["experiments"] as? [[String: Any]]
        #expect(experiments?.count == 1)
        let run = (experiments?.first?["runs"] as? [[String: Any]])?.first
        #expect(run?["label"] as? String == "SGD")
        #expect((run?["trajectory"] as? [[Double]])?.count == 4)
        #expect((run?["trajectory"] as? [[Double]])?.first == [-7, 2])
        let table = try CoursegenBinary.run(["run", "05-adam.md"], in: folder.path)
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("Bowl\nrun  start    final f"))
    }

    @Test func runReportsDirectiveErrorsAtTheirChapterPosition() throws {
        let folder = TemporaryFolder("coursegen-e2e")
        defer { folder.remove() }
        folder.write("bowl.swift", "Experiment(\"x\") {\n    Objective(.bowl)\n    Adma(lr: 0.3)\n}\n")
        let outcome = try CoursegenBinary.run(["run", "bowl.swift", "--json"], in: folder.path)
        #expect(outcome.status == 1)
        #expect(outcome.stdout.isEmpty)
        #expect(outcome.stderr.hasPrefix("bowl.swift:3:5: error: unknown optimizer 'Adma'; did you mean 'Adam'?\n        Adma(lr: 0.3)\n        ^~~~\n"))
    }
}
