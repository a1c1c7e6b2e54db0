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
/// what the page shows; `check` writes no entry; without the cache every fence runs again.
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
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.path + "/course/.coursegen-cache")) ?? []).sorted()
    }

    static func cache(_ folder: TemporaryFolder) -> ResultCache {
        ResultCache.beside(chaptersFolder: folder.path + "/course/chapters", version: CoursegenVersion.string)
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
            try FileManager.default.attributesOfItem(atPath: folder.path + "/course/.coursegen-cache/" + $0)[.modificationDate] as? Date
        }
        let identical = Self.build(folder) == cold
        #expect(identical)
        #expect(cold["runs.html"] != nil)
        let after = try Self.entries(folder).map {
            try FileManager.default.attributesOfItem(atPath: folder.path + "/course/.coursegen-cache/" + $0)[.modificationDate] as? Date
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

    @Test func checkWritesNoEntry() {
        let folder = Self.course()
        defer { folder.remove() }
        _ = Self.build(folder, storesResults: false)
        #expect(!folder.exists("course/.coursegen-cache"))
    }
}
