import CourseTestSupport
import Foundation
import Testing

/// The compute budget through the real binary: an enormous directive is refused before it
/// runs, quickly and in bounded memory, and `--max-cost` is the explicit way to raise it.
@Suite(.serialized) struct CostBudgetTests {
    @Test func anEnormousDatasetIsRefusedBeforeAnythingIsGenerated() throws {
        let folder = TemporaryFolder("coursegen-cost")
        defer { folder.remove() }
        folder.write("chapters/01-a.md", """
            # A

            ```experiment
            Training("huge") {
                Dataset(.spirals(samplesPerClass: 100000, classes: 100000))
                Network(hidden: [10])
                SGD(lr: 0.1)
            }
            ```

            """)
        let start = Date()
        let outcome = try CoursegenBinary.run(["check", "chapters"], in: folder.path)
        #expect(Date().timeIntervalSince(start) < 10, "the dataset must not be generated to be checked")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.hasPrefix("chapters/01-a.md:3:1: error: this directive would hold about "), "\(outcome.stderr)")
    }

    @Test func maxCostRaisesTheOperationsBudgetAndIsValidated() throws {
        let folder = TemporaryFolder("coursegen-cost")
        defer { folder.remove() }
        folder.write("chapters/01-a.md", "# A\n\n```experiment\nExperiment(\"e\") {\n    Objective(.rosenbrock)\n    Steps(2000)\n    SGD(lr: 0.001)\n}\n```\n")
        let refused = try CoursegenBinary.run(["check", "chapters", "--max-cost", "1000"], in: folder.path)
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("operations, over the budget of 1000 for one fence"), "\(refused.stderr)")
        #expect(refused.stderr.contains("hint: use fewer runs, steps, iterations or samples, or raise the budget with --max-cost "))
        #expect(try CoursegenBinary.run(["check", "chapters"], in: folder.path).status == 0)
        let invalid = try CoursegenBinary.run(["check", "chapters", "--max-cost", "-5"], in: folder.path)
        #expect(invalid.status == 64)
    }
}
