import CourseDiagnostics
import CourseSite
import CourseTestSupport
import ExperimentLanguage
@testable import Experiments
import Foundation
import Optimizers
import Testing

/// Whole builds of every builder that computes, through the result cache (issue 11): the
/// second build reads every entry and writes the cold build's bytes; an entry's numbers are
/// what the page shows; a build that stores nothing writes no entry; without the cache every
/// fence runs again. The cache lives in the chapters folder and is never part of the course,
/// and a label edit reads the entry and shows the new label (issue 16).
@Suite struct ResultCacheSiteTests {
    static let experiment = """
        Experiment("Four paths") {
            Objective(.rosenbrock(a: 1, b: 100))
            Start(-1.5, 2)
            Steps(80)
            SGD(lr: 0.001).label("slow")
            Adam(lr: 0.05).label("adam")
            Lookahead(Adam(lr: 0.1), k: 5, alpha: 0.5).label("lookahead")
            SGD(lr: 0.4).label("too fast")
        }
        """

    static func course() -> TemporaryFolder {
        let folder = TemporaryFolder("kinds-site")
        folder.write("course/chapters/index.md", "---\ntitle: Cached course\n---\nSee [runs](01-runs.md).\n")
        folder.write("course/chapters/01-runs.md", """
            # Runs

            ```experiment
            \(experiment)
            ```

            ```experiment
            Schedule("Decay on least squares") {
                Objective(.linearRegression(samples: 50, noise: 0.5))
                BatchSize(1)
                Steps(40)
                SGD(lr: 0.1).label("constant")
                SGD(lr: 0.1).schedule(.cosine(steps: 40)).label("cosine")
            }
            ```

            ```experiment
            Average("Bias correction") {
                Series(.constant(10, noise: 1), samples: 50)
                ExponentialAverage(beta: 0.9).label("raw")
                ExponentialAverage(beta: 0.9, biasCorrection: true).label("corrected")
            }
            ```

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

    static func build(_ folder: TemporaryFolder, useCache: Bool = true, storesResults: Bool = true) -> [String: [UInt8]] {
        let chapters = folder.path + "/course/chapters"
        let options = StandardBuild.options(chaptersFolder: chapters, useCache: useCache, storesResults: storesResults)
        let result = SiteBuilder(chaptersFolder: chapters, options: options).build()
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        var files: [String: [UInt8]] = [:]
        for file in result.files { files[file.path] = file.bytes }
        return files
    }

    static func entries(_ folder: TemporaryFolder) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/course/chapters/.coursegen-cache")) ?? []).sorted()
    }

    static func cache(_ folder: TemporaryFolder) -> ResultCache {
        ResultCache.inside(folder: folder.path + "/course/chapters", version: CoursegenVersion.string)
    }

    static func checkedExperiment() throws -> Experiment {
        var diagnostics: [Diagnostic] = []
        // The fence's body, as the build hands it over: its last line ends with a line break.
        guard case .experiment(let e)? = DirectiveParser.parse(experiment + "\n", origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics) else {
            throw CancellationError()
        }
        return e
    }

    @Test func aBuildFromTheCacheWritesTheColdBuildsBytes() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let cold = Self.build(folder)
        #expect(Self.entries(folder).map { $0.prefix { $0 != "-" } } == ["activations", "average", "experiment", "schedule"])
        let stamps = try Self.entries(folder).map {
            try FileManager.default.attributesOfItem(atPath: folder.path + "/course/chapters/.coursegen-cache/" + $0)[.modificationDate] as? Date
        }
        let identical = Self.build(folder) == cold
        #expect(identical)
        #expect(cold["runs.html"] != nil)
        let after = try Self.entries(folder).map {
            try FileManager.default.attributesOfItem(atPath: folder.path + "/course/chapters/.coursegen-cache/" + $0)[.modificationDate] as? Date
        }
        #expect(after == stamps, "a build from the cache writes no entry")
    }

    @Test func thePageShowsTheEntrysNumbers() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let cold = Self.build(folder)
        // A valid entry with other numbers, as a forger could write: the page is made from it, so it was read.
        let experiment = try Self.checkedExperiment()
        var result = ExperimentRunner.run(experiment)
        let t = result.trajectories[1][0]
        let edited = try #require(Trajectory(
            restoringDimension: t.dimension, steps: experiment.steps, coordinates: t.coordinates,
            losses: Array(t.losses.dropLast()) + [123_456.5], learningRates: t.learningRates, divergedAt: t.divergedAt,
            switchedAt: t.switchedAt, syncSteps: t.syncSteps, halt: t.halt, gradientEvaluations: t.gradientEvaluations))
        result.trajectories[1][0] = edited
        let cache = Self.cache(folder)
        #expect(Self.entries(folder).contains(cache.key(experiment).fileName), "the build's own entry")
        #expect(cache.store(result, as: ExperimentResultCoding.self, for: cache.key(experiment)))
        let read = Self.build(folder)
        let changed = read["runs.html"] != cold["runs.html"]
        #expect(changed)
        // Without the cache the fence runs again and its entry is refreshed.
        let forced = Self.build(folder, useCache: false) == cold
        #expect(forced)
        let again = Self.build(folder) == cold
        #expect(again)
    }

    @Test func aBuildThatStoresNothingWritesNoEntry() {
        let folder = Self.course()
        defer { folder.remove() }
        _ = Self.build(folder, storesResults: false)
        #expect(!folder.exists("course/chapters/.coursegen-cache"))
    }

    /// The files of the cache folder and their modification dates.
    static func stamps(_ folder: TemporaryFolder) throws -> [String: Date] {
        var stamps: [String: Date] = [:]
        for entry in entries(folder) {
            stamps[entry] = try FileManager.default.attributesOfItem(
                atPath: folder.path + "/course/chapters/.coursegen-cache/" + entry)[.modificationDate] as? Date
        }
        return stamps
    }

    @Test func editingLabelsTitlesAndColoursReadsTheEntriesAndShowsTheEdit() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let cold = Self.build(folder)
        let stamps = try Self.stamps(folder)
        let page = try #require(folder.read("course/chapters/01-runs.md"))
        folder.write("course/chapters/01-runs.md", page
            .replacingOccurrences(of: ".label(\"too fast\")", with: ".label(\"much too fast\").color(.red)")
            .replacingOccurrences(of: "Four paths", with: "Four paths on Rosenbrock")
            .replacingOccurrences(of: ".label(\"cosine\")", with: ".label(\"cosine decay\")")
            .replacingOccurrences(of: ".label(\"corrected\")", with: ".label(\"bias-corrected\")")
            .replacingOccurrences(of: "    Inputs(50)\n", with: "    // fifty inputs\n    Inputs( 50 )\n"))
        let warm = Self.build(folder)
        #expect(try Self.stamps(folder) == stamps, "no entry written, none added: nothing ran again")
        let html = String(decoding: try #require(warm["runs.html"]), as: UTF8.self)
        for shown in ["much too fast", "Four paths on Rosenbrock", "cosine decay", "bias-corrected"] {
            #expect(html.contains(shown), "the page shows '\(shown)'")
        }
        #expect(!html.contains("&quot;too fast&quot;") && !html.contains(">too fast<"))
        // The numbers are the entry's: the page is the one a cold build of the edited chapter writes.
        let forced = Self.build(folder, useCache: false)
        #expect(forced["runs.html"] == warm["runs.html"])
        #expect(cold["runs.html"] != warm["runs.html"])
    }

    @Test func theCacheFolderIsNoPartOfTheCourse() throws {
        let folder = Self.course()
        defer { folder.remove() }
        _ = Self.build(folder)
        // Whatever sits in the cache folder, the loader reads none of it.
        folder.write("course/chapters/.coursegen-cache/02-stray.md", "# Stray\n")
        folder.write("course/chapters/.coursegen-cache/part/03-deep.md", "# Deep\n")
        let files = Self.build(folder)
        #expect(files.keys.allSatisfy { !$0.contains("stray") && !$0.contains("deep") && !$0.contains("coursegen-cache") })
        #expect(files["stray.html"] == nil)

        // And no chapter links into it, as a page or as a file to copy.
        let entry = try #require(Self.entries(folder).first { $0.hasPrefix("experiment-") })
        for link in [".coursegen-cache/" + entry, "./.coursegen-cache/02-stray.md", ".coursegen-cache/"] {
            folder.write("course/chapters/index.md", "---\ntitle: Cached course\n---\nSee [runs](01-runs.md) and [the numbers](\(link)).\n")
            let chapters = folder.path + "/course/chapters"
            let options = StandardBuild.options(chaptersFolder: chapters)
            let result = SiteBuilder(chaptersFolder: chapters, options: options).build()
            let errors = result.diagnostics.filter { $0.severity == .error }
            #expect(errors.count == 1, "\(result.diagnostics)")
            #expect(errors.first?.message == "link '\(link)' leads into the result cache '.coursegen-cache/', which is not part of the course")
            #expect(errors.first?.location?.line == 4)
            #expect(errors.first?.hint?.contains("link a file of the course instead") == true)
        }
    }

    /// `coursegen run <file>` uses the cache of the file's folder; a part's chapter the course's.
    @Test func runUsesTheCacheOfTheFilesFolderOrItsCourse() throws {
        let folder = TemporaryFolder("run-cache")
        defer { folder.remove() }
        let root = URL(fileURLWithPath: folder.path).standardizedFileURL.path
        folder.write("course/chapters/01-a.md", "# A\n")
        folder.write("course/chapters/02-part/03-b.md", "# B\n")
        #expect(DirectiveFile.cache(forFile: folder.path + "/course/chapters/01-a.md").folder == root + "/course/chapters/.coursegen-cache")
        #expect(DirectiveFile.cache(forFile: folder.path + "/course/chapters/02-part/03-b.md").folder
                == root + "/course/chapters/02-part/.coursegen-cache", "no course cache yet: the file's folder")
        folder.write("course/chapters/.coursegen-cache/.keep", "")
        #expect(DirectiveFile.cache(forFile: folder.path + "/course/chapters/02-part/03-b.md").folder
                == root + "/course/chapters/.coursegen-cache", "a part's chapter reads the course's cache")
        #expect(!DirectiveFile.cache(forFile: folder.path + "/course/chapters/01-a.md", readsEntries: false).readsEntries)
    }
}
