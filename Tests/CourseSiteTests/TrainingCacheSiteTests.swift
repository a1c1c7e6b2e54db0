import CourseDiagnostics
import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// Whole builds with the standard directives: a cached build writes the same site as a
/// cold one, a damaged cache entry is retrained and rewritten, and `useCache: false`
/// (the command's `--no-cache`) trains again.
@Suite struct TrainingCacheSiteTests {
    /// Lines a build reports as progress, collected across the build's threads.
    final class Lines: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [String] = []
        func append(_ line: String) { lock.withLock { stored.append(line) } }
        var all: [String] { lock.withLock { stored } }
    }

    static func course() -> TemporaryFolder {
        let folder = TemporaryFolder("cache-site")
        folder.write("course/chapters/index.md", "---\ntitle: Cached course\n---\nSee [training](01-training.md).\n")
        folder.write("course/chapters/01-training.md", """
            # Training

            ```experiment
            Training("Moons") {
                Dataset(.moons(samples: 80, noise: 0.15), test: 0.25)
                Network(hidden: [8, 8], activation: .tanh, initialization: .xavierNormal)
                BatchSize(16)
                Iterations(80)
                SGD(lr: 0.1)
                Adam(lr: 0.02)
                Expect("Adam", diverges: false)
            }
            ```

            Some prose.

            ```experiment
            Activations("Two layers") {
                Network(layers: 2, units: 10, activation: .tanh)
                Inputs(50)
                Weights(.xavierNormal)
            }
            ```
            """)
        return folder
    }

    static func build(_ folder: TemporaryFolder, useCache: Bool = true) -> (files: [String: [UInt8]], trained: [String]) {
        let lines = Lines()
        let chapters = folder.path + "/course/chapters"
        let options = StandardBuild.options(chaptersFolder: chapters, useCache: useCache, progress: { lines.append($0) })
        let result = SiteBuilder(chaptersFolder: chapters, options: options).build()
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        var files: [String: [UInt8]] = [:]
        for file in result.files { files[file.path] = file.bytes }
        return (files, lines.all)
    }

    /// The training entries (the activations study has its own).
    static func entries(_ folder: TemporaryFolder) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: folder.path + "/course/chapters/.coursegen-cache").sorted()
            .filter { $0.hasPrefix("training-") }
    }

    @Test func aCachedBuildWritesTheColdBuildsSite() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let cold = Self.build(folder)
        #expect(cold.trained == ["[1/1] training \"Moons\""])
        let entries = try Self.entries(folder)
        #expect(entries.count == 1 && entries[0].hasPrefix("training-"), "\(entries)")
        let cached = Self.build(folder)
        #expect(cached.trained.isEmpty, "nothing trains when every entry is valid")
        #expect(cached.files == cold.files)
        let page = try #require(cold.files["training.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("cg-training") && page.contains("cg-activations"))
    }

    /// Issue 16: a label edit never retrains; the page shows the new label with the cached numbers.
    @Test func aLabelEditDoesNotRetrainAndThePageShowsTheNewLabel() throws {
        let folder = Self.course()
        defer { folder.remove() }
        _ = Self.build(folder)
        let entries = try Self.entries(folder)
        let chapter = try #require(folder.read("course/chapters/01-training.md"))
        folder.write("course/chapters/01-training.md", chapter
            .replacingOccurrences(of: "    Adam(lr: 0.02)\n", with: "    Adam(lr: 0.02).label(\"Adam, η = 0.02\").color(.green)\n")
            .replacingOccurrences(of: "Expect(\"Adam\"", with: "Expect(\"Adam, η = 0.02\"")
            .replacingOccurrences(of: "Training(\"Moons\")", with: "Training(\"Two moons\")"))
        let edited = Self.build(folder)
        #expect(edited.trained.isEmpty, "no progress line: nothing trained")
        #expect(try Self.entries(folder) == entries)
        let page = try #require(edited.files["training.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("Adam, η = 0.02") && page.contains("Two moons"))
        // The cached numbers are the ones a fresh training of the edited chapter gives.
        let forced = Self.build(folder, useCache: false)
        #expect(forced.trained.count == 1)
        #expect(forced.files == edited.files)
        // An edit to what training computes does train.
        folder.write("course/chapters/01-training.md", chapter.replacingOccurrences(of: "Iterations(80)", with: "Iterations(60)"))
        #expect(Self.build(folder).trained == ["[1/1] training \"Moons\""])
    }

    @Test func aDamagedEntryIsRetrainedAndRewritten() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let cold = Self.build(folder)
        let path = folder.path + "/course/chapters/.coursegen-cache/" + (try Self.entries(folder))[0]
        let good = try #require(FileManager.default.contents(atPath: path))
        var damaged = good
        damaged[damaged.count / 2] ^= 0x01
        FileManager.default.createFile(atPath: path, contents: damaged)
        let rebuilt = Self.build(folder)
        #expect(rebuilt.trained.count == 1)
        #expect(rebuilt.files == cold.files)
        #expect(FileManager.default.contents(atPath: path) == good)
    }

    @Test func withoutTheCacheEveryTrainingRunsAgain() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let cold = Self.build(folder)
        let forced = Self.build(folder, useCache: false)
        #expect(forced.trained.count == 1)
        #expect(forced.files == cold.files)
    }

    @Test func editingTheDirectiveRetrainsAndEditingProseDoesNot() throws {
        let folder = Self.course()
        defer { folder.remove() }
        _ = Self.build(folder)
        let chapter = "course/chapters/01-training.md"
        let text = try #require(folder.read(chapter))
        folder.write(chapter, text.replacingOccurrences(of: "Some prose.", with: "Other prose."))
        #expect(Self.build(folder).trained.isEmpty)
        folder.write(chapter, text.replacingOccurrences(of: "Iterations(80)", with: "Iterations(81)"))
        #expect(Self.build(folder).trained.count == 1)
        #expect(try Self.entries(folder).count == 2, "the old entry stays until someone deletes the folder")
    }
}
