import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// Rebuilds in one process through a ``BuildMemo`` (what `coursegen serve` does after each edit):
/// after every kind of edit the memo's build writes the bytes and diagnostics of a fresh build,
/// a prose edit re-renders one page, and the memo keeps only what the latest build used.
@Suite struct BuildMemoTests {
    static let experiment = """
        Experiment("Two paths") {
            Objective(.rosenbrock(a: 1, b: 100))
            Start(-1.5, 2)
            Steps(30)
            SGD(lr: 0.001).label("slow")
            Adam(lr: 0.05).label("adam")
        }
        """

    static func course() -> TemporaryFolder {
        let folder = TemporaryFolder("build-memo")
        folder.write("chapters/index.md", "---\ntitle: Memo course\n---\nStart with [the basics](01-basics.md).\n")
        folder.write("chapters/01-basics.md", """
            # Basics

            Gradient descent takes steps [@cauchy1847].

            ## Steps

            $$
            x_{t+1} = x_t - \\eta \\nabla f(x_t) \\label{eq:step}
            $$

            ```experiment
            \(experiment)
            ```

            Adam ends at `=Result("adam", .finalLoss, significant: 3)`.

            Closing prose of the first chapter.
            """)
        folder.write("chapters/02-more.md", """
            # More

            Back to [](01-basics.md#steps) and the update [](01-basics.md#eq:step).

            Prose of the second chapter.
            """)
        folder.write("chapters/references.bib", """
            @article{cauchy1847,
              author = {Cauchy, Augustin},
              title = {Méthode générale pour la résolution des systèmes d'équations simultanées},
              journal = {Comptes rendus},
              year = {1847}
            }
            """)
        return folder
    }

    struct Build: Equatable {
        var files: [String: [UInt8]]
        var diagnostics: [String]
    }

    static func build(_ folder: TemporaryFolder, memo: BuildMemo?) -> Build {
        let chapters = folder.path + "/chapters"
        var options = StandardBuild.options(chaptersFolder: chapters)
        options.memo = memo
        let result = SiteBuilder(chaptersFolder: chapters, options: options).build()
        var files: [String: [UInt8]] = [:]
        for file in result.files { files[file.path] = file.bytes }
        return Build(files: files, diagnostics: result.diagnostics.map { "\($0.location.map(\.description) ?? ""): \($0.message)" })
    }

    static func edit(_ folder: TemporaryFolder, _ file: String, _ old: String, _ new: String) {
        let text = folder.read("chapters/" + file) ?? ""
        #expect(text.contains(old), "the edit finds '\(old)' in \(file)")
        folder.write("chapters/" + file, text.replacingOccurrences(of: old, with: new))
    }

    static func move(_ folder: TemporaryFolder, _ from: String, _ to: String) throws {
        try FileManager.default.moveItem(atPath: folder.path + "/chapters/" + from, toPath: folder.path + "/chapters/" + to)
    }

    /// Every kind of edit an author makes, each followed by a memo build and a fresh one.
    static let edits: [(String, @Sendable (TemporaryFolder) throws -> Void)] = [
        ("prose edit", { edit($0, "02-more.md", "Prose of the second", "Edited prose of the second") }),
        ("prose edit above a fence", { edit($0, "01-basics.md", "takes steps", "takes\nsmall steps") }),
        ("heading renamed, linked from another chapter", { edit($0, "01-basics.md", "## Steps", "## Descent steps {#steps}") }),
        ("heading's id renamed: the link breaks", { edit($0, "01-basics.md", "{#steps}", "{#descent}") }),
        ("the link follows", { edit($0, "02-more.md", "#steps", "#descent") }),
        ("equation label renamed: the reference breaks", { edit($0, "01-basics.md", "eq:step", "eq:update") }),
        ("the reference follows", { edit($0, "02-more.md", "eq:step", "eq:update") }),
        ("experiment edited", { edit($0, "01-basics.md", "Adam(lr: 0.05)", "Adam(lr: 0.08)") }),
        ("run label edited", { edit($0, "01-basics.md", "label(\"slow\")", "label(\"careful\")") }),
        ("chapter added", { $0.write("chapters/03-new.md", "# New\n\nSee [](01-basics.md#eq:update), a new chapter.\n") }),
        ("chapters renamed, numbers swapped", { folder in
            try move(folder, "02-more.md", "04-more.md")
            try move(folder, "03-new.md", "02-new.md")
        }),
        ("chapter deleted", { try FileManager.default.removeItem(atPath: $0.path + "/chapters/02-new.md") }),
        ("theme template", { $0.write("chapters/theme/pager.mustache", "<nav class=\"pager\">{{#next}}<a href=\"{{href}}\">{{title}}</a>{{/next}}</nav>\n") }),
        ("theme template edited", { edit($0, "theme/pager.mustache", "<nav class=\"pager\">", "<nav class=\"pager pager-edited\">") }),
        ("strings.yml", { $0.write("chapters/theme/strings.yml", "page.next: \"Onward\"\n") }),
        ("strings.yml edited", { edit($0, "theme/strings.yml", "Onward", "Further on") }),
        ("references.bib edited", { edit($0, "references.bib", "Comptes rendus", "Comptes rendus de l'Académie") }),
        ("a linked image missing", { edit($0, "04-more.md", "Edited prose", "![A plot](plot.svg) Edited prose") }),
        ("the image added", { $0.write("chapters/plot.svg", "<svg xmlns=\"http://www.w3.org/2000/svg\"/>\n") }),
        ("a build error", { edit($0, "01-basics.md", "Steps(30)", "Steps(30") }),
        ("the error fixed", { edit($0, "01-basics.md", "Steps(30", "Steps(30)") }),
        ("a chapter that fails to check", { edit($0, "04-more.md", "Edited prose", "```experiment\nExperiment(\"x\") { Steps(3) }\n```\n\nEdited prose") }),
        ("fixed by deleting the fence", { edit($0, "04-more.md", "```experiment\nExperiment(\"x\") { Steps(3) }\n```\n\n", "") }),
    ]

    @Test func afterEveryEditTheMemosBuildIsAFreshBuild() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let memo = BuildMemo()
        let first = Self.build(folder, memo: memo)
        #expect(first.diagnostics.isEmpty, "\(first.diagnostics)")
        #expect(first == Self.build(folder, memo: nil))
        for (name, change) in Self.edits {
            try change(folder)
            let rebuilt = Self.build(folder, memo: memo)
            let fresh = Self.build(folder, memo: nil)
            #expect(rebuilt.diagnostics == fresh.diagnostics, "\(name)")
            #expect(rebuilt.files.keys.sorted() == fresh.files.keys.sorted(), "\(name)")
            for (path, bytes) in fresh.files where rebuilt.files[path] != bytes {
                Issue.record("\(name): \(path) differs from a fresh build's")
            }
        }
        // The edits that should break the build did, so their diagnostics were compared.
        folder.write("chapters/01-basics.md", (folder.read("chapters/01-basics.md") ?? "") + "\n[](#eq:missing)\n")
        let broken = Self.build(folder, memo: memo)
        #expect(broken.diagnostics.contains { $0.contains("eq:missing") })
        #expect(broken == Self.build(folder, memo: nil))
    }

    @Test func aProseEditReRendersOnePage() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let memo = BuildMemo()
        _ = Self.build(folder, memo: memo)
        #expect(memo.lastBuild.renders == 3 && memo.lastBuild.printBodies == 0, "three pages, each chapter once for its page and print.html")
        let unchanged = Self.build(folder, memo: memo)
        #expect(memo.lastBuild == BuildMemo.Work(), "a build with no edit re-does nothing")
        Self.edit(folder, "01-basics.md", "Closing prose", "Edited closing prose")
        let edited = Self.build(folder, memo: memo)
        let work = memo.lastBuild
        #expect(work.loads == 1)
        #expect(work.checks == 0 && work.runs == 0, "the fence above the edit neither checks nor runs again")
        #expect(work.renders == 1 && work.printBodies == 0, "the chapter's body, once for its page and print.html")
        #expect(work.layouts == 1, "its page; search.html's term index does not change")
        #expect(work.searchPages == 1)
        let changed = edited.files.keys.sorted().filter { edited.files[$0] != unchanged.files[$0] }
        #expect(changed == ["assets/search-index.js", "basics.html", "print.html"])
    }

    @Test func aHeadingRenameReRendersThePagesThatLinkIt() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let memo = BuildMemo()
        _ = Self.build(folder, memo: memo)
        Self.edit(folder, "01-basics.md", "Closing prose", "## A new section\n\nClosing prose")
        _ = Self.build(folder, memo: memo)
        // The course's context changed (a new heading id): every page renders again, and is
        // laid out again only where its page changed (its body, or the sidebar).
        #expect(memo.lastBuild.loads == 1)
        #expect(memo.lastBuild.renders == 3 && memo.lastBuild.printBodies == 0)
    }

    @Test func theMemoHoldsOnlyTheLatestBuildsEntries() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let memo = BuildMemo()
        _ = Self.build(folder, memo: memo)
        for round in 0..<8 {
            Self.edit(folder, "02-more.md", "second chapter", "second chapter, round \(round)")
            Self.edit(folder, "01-basics.md", "Adam(lr: 0.0\(5 + round % 3))", "Adam(lr: 0.0\(5 + (round + 1) % 3))")
            _ = Self.build(folder, memo: memo)
        }
        let fresh = BuildMemo()
        _ = Self.build(folder, memo: fresh)
        #expect(memo.entryCount == fresh.entryCount)
        for stage in BuildMemo.Stage.allCases {
            #expect(memo.entryCount(stage) == fresh.entryCount(stage), "\(stage)")
        }
    }

    @Test func aFailedBuildKeepsTheLaterStagesForItsFix() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let memo = BuildMemo()
        _ = Self.build(folder, memo: memo)
        Self.edit(folder, "02-more.md", "eq:step", "eq:nowhere")
        let broken = Self.build(folder, memo: memo)
        #expect(broken.files.isEmpty && !broken.diagnostics.isEmpty)
        Self.edit(folder, "02-more.md", "eq:nowhere", "eq:step")
        _ = Self.build(folder, memo: memo)
        #expect(memo.lastBuild.layouts == 0, "the fix lays out nothing: every page is as before the error")
    }
}
