import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// Directives are priced before they run: the product of their arguments, not each argument
/// alone, is held to a budget, and the course itself fits well inside it.
@Suite struct DirectiveCostTests {
    private func cost(_ text: String) throws -> DirectiveCost {
        var diagnostics: [Diagnostic] = []
        let directive = try #require(DirectiveParser.parse(text, origin: SourceOrigin(file: "t.swift", line: 1), diagnostics: &diagnostics),
                                     "\(diagnostics.map(\.message))")
        return DirectiveCost.of(directive)
    }

    @Test func everyFenceOfTheCourseFitsItsBudgetWithRoomToSpare() throws {
        var total = 0.0
        for fence in try ChapterFences.all() {
            var diagnostics: [Diagnostic] = []
            let origin = SourceOrigin(file: fence.file, line: fence.line, columnOffset: fence.indent)
            guard let directive = DirectiveParser.parse(fence.text, origin: origin, diagnostics: &diagnostics) else { continue }
            let cost = DirectiveCost.of(directive)
            #expect(cost.operations < CostBudget.standard.operationsPerFence / 4, "\(fence): \(cost)")
            #expect(cost.bytes < CostBudget.standard.bytesPerFence / 4, "\(fence): \(cost)")
            total += cost.operations
        }
        #expect(total < CostBudget.standard.operationsPerBuild / 4)
    }

    /// The inputs: each argument within its own limit, their product enormous.
    @Test(arguments: [
        "Training(\"t\") { Dataset(.spirals(samplesPerClass: 100000, classes: 100000)); Network(hidden: [10]); SGD(lr: 0.1) }",
        "Training(\"t\") { Dataset(.digits); Network(hidden: [4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096, 4096]); BatchSize(65536); SGD(lr: 0.1) }",
    ])
    func hugeProductsAreOverBudget(_ text: String) throws {
        let cost = try cost(text)
        let problem = try #require(CostMessages.overFenceBudget(cost, .standard, at: SourceLocation(file: "t.md", line: 3, column: 1)))
        #expect(problem.severity == .error && problem.location?.line == 3)
        #expect(problem.message.contains("this directive would hold about"))
    }

    @Test func manyLongRunsAreCountedAndAnExplicitBudgetAdmitsThem() throws {
        let runs = (1...64).map { "SGD(lr: 0.00\($0 % 9 + 1)).label(\"r\($0)\")" }.joined(separator: "\n")
        let cost = try cost("Experiment(\"e\") {\nObjective(.rosenbrock)\nSteps(100000)\n\(runs)\n}")
        #expect(cost.operations > 64 * 100_000 * 10)
        let tight = CostBudget(operationsPerFence: cost.operations / 2)
        let problem = try #require(CostMessages.overFenceBudget(cost, tight, at: SourceLocation(file: "t.md", line: 1, column: 1)))
        #expect(problem.message.contains("operations, over the budget of"))
        #expect(problem.hint?.contains("--max-cost") == true)
        #expect(CostMessages.overFenceBudget(cost, CostBudget(operationsPerFence: cost.operations * 2), at: SourceLocation(file: "t.md", line: 1, column: 1)) == nil)
    }

    @Test func aBuildOverItsBudgetNamesItsCostliestFences() {
        let fences = (1...5).map { (DirectiveCost(operations: Double($0) * 1e12, bytes: 0), SourceLocation(file: "c.md", line: $0, column: 1)) }
        let errors = CostMessages.overBuildBudget(fences, CostBudget(operationsPerFence: 1e12))
        #expect(errors.map { $0.location?.line } == [5, 4, 3])
        #expect(CostMessages.overBuildBudget(fences, CostBudget(operationsPerFence: 1e13)).isEmpty)
    }
}
