import CourseDiagnostics
@testable import CourseSite
import CourseTestSupport
import ExperimentLanguage
import ExperimentPages
import Experiments
import Foundation
import Testing

/// The build's stages: every fence is checked once and run once, before any page renders;
/// progress counts the trainings that were collected; `coursegen run` shares the stages.
@Suite struct PipelineStageTests {
    /// A handler that counts how often a build checks and renders its fences.
    final class CountingDirective: DirectiveHandler, @unchecked Sendable {
        let name = "count"
        private let lock = NSLock()
        private var checks = 0
        private var renders = 0
        var counts: (checks: Int, renders: Int) { lock.withLock { (checks, renders) } }

        func check(_ block: DirectiveBlock, diagnostics: inout [Diagnostic]) -> Directive? {
            lock.withLock { checks += 1 }
            return nil
        }

        func render(_ block: DirectiveBlock, run: DirectiveRun?, figure: FigureNumber?) -> String {
            lock.withLock { renders += 1 }
            return "<p>counted \(block.idPrefix)</p>"
        }
    }

    @Test func aBuildChecksAndRendersEachFenceOnce() {
        let folder = TemporaryFolder("stages")
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\n```count\none\n```\n\n> ```count\n> two\n> ```\n\n- ```count\n  three\n  ```\n")
        folder.write("chapters/02-b.md", "# B\n\n```count\nfour\n```\n")
        let handler = CountingDirective()
        var options = testOptions()
        options.directives = DirectiveRegistry([handler])
        let result = SiteBuilder(chaptersFolder: folder.path + "/chapters", options: options).build()
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        // Each fence renders once, for its chapter's page and print.html, from the one run.
        #expect(handler.counts.checks == 4 && handler.counts.renders == 4)
        #expect(page(result, "a.html").contains("<p>counted d3-</p>"))
        #expect(page(result, "print.html").contains("<p>counted c1-d3-</p>"))
    }

    @Test func collectingFindsEveryFenceWithItsPlace() throws {
        let folder = TemporaryFolder("stages-collect")
        defer { folder.remove() }
        let path = folder.write("c.md", "Text\n\n```experiment\nFormulas(.sgd)\n```\n\n```swift\nlet x = 1\n```\n\n```experiment\nFormulas(\n```\n")
        var diagnostics: [Diagnostic] = []
        let page = try #require(DirectiveFile.page(path: path, diagnostics: &diagnostics))
        let collected = CollectDirectives(directives: StandardBuild.directives).run([page])
        let fences = collected.fences
        #expect(fences.map(\.id) == [FenceID(page: 0, index: 0), FenceID(page: 0, index: 1)])
        #expect(fences.map(\.block.location.description) == [path + ":3:1", path + ":11:1"])
        #expect(fences.map(\.block.idPrefix) == ["d1-", "d2-"])
        #expect(fences[0].directive != nil && fences[0].diagnostics.isEmpty)
        #expect(fences[1].directive == nil && fences[1].diagnostics.first?.severity == .error)
        let results = RunDirectives(cache: nil).run(collected)
        #expect(results.outputs(page: 0).count == 1)
        #expect(results[fences[1].id] == nil)
    }

    @Test func progressCountsTheCollectedTrainingsNotTheirText() throws {
        let folder = TemporaryFolder("stages-progress")
        defer { folder.remove() }
        let training = """
            Training("Moons") {
                Dataset(.moons(samples: 40, noise: 0.15), test: 0.25)
                Network(hidden: [4], activation: .tanh, initialization: .xavierNormal)
                BatchSize(10)
                Iterations(5)
                SGD(lr: 0.1)
            }
            """
        // A draft is not built, so its training is not counted.
        folder.write("course/chapters/01-a.md", "# A\n\n```experiment\n\(training)\n```\n")
        folder.write("course/chapters/02-draft.md", "---\ndraft: true\n---\n# Draft\n\n```experiment\n\(training)\n```\n")
        let lines = TrainingCacheSiteTests.Lines()
        let chapters = folder.path + "/course/chapters"
        let options = StandardBuild.options(chaptersFolder: chapters, useCache: false, storesResults: false,
                                            progress: { lines.append($0) })
        let result = SiteBuilder(chaptersFolder: chapters, options: options).build()
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        #expect(lines.all == ["[1/1] training \"Moons\""])
    }

    @Test func runSkipsAFenceOverBudgetAndRunsTheOthers() {
        let folder = TemporaryFolder("stages-run")
        defer { folder.remove() }
        let path = folder.write("c.md", """
            # C

            ```experiment
            Experiment("Big") {
                Objective(.bowl)
                Steps(100000)
                SGD(lr: 0.1)
            }
            ```

            ```experiment
            Formulas(.sgd)
            ```
            """)
        let (outputs, diagnostics) = DirectiveFile.run(path: path, budget: CostBudget(operationsPerFence: 1000))
        #expect(outputs.count == 1)
        guard outputs.first is FormulaTable else {
            Issue.record("the formulas fence runs")
            return
        }
        // Said at the fence's body, as `coursegen run` always has.
        #expect(diagnostics.map { $0.location?.description } == [path + ":4:1"])
        #expect(diagnostics.first?.severity == .error)
    }

    @Test func runWarnsAboutAChapterWithoutFences() {
        let folder = TemporaryFolder("stages-empty")
        defer { folder.remove() }
        let path = folder.write("c.md", "# C\n\nNo fences.\n")
        let (outputs, diagnostics) = DirectiveFile.run(path: path)
        #expect(outputs.isEmpty)
        #expect(diagnostics.map(\.message) == ["'\(path)' has no experiment fences"])
    }
}
