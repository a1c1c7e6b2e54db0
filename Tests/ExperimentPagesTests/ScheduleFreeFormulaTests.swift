import CourseTestSupport
import ExperimentLanguage
import Testing
@testable import ExperimentPages

/// `Formulas(.scheduleFreeAdamW, .scheduleFreeSGD)`: both methods' rules render to MathML with
/// no LaTeX left unconverted, with their hyperparameters' defaults and the paper.
@Suite struct ScheduleFreeFormulaTests {
    @Test func scheduleFreeFormulasRender() throws {
        guard case .formulas(let table) = try Fixtures.parse("Formulas(.scheduleFreeAdamW, .scheduleFreeSGD)") else {
            Issue.record("not a formula table")
            return
        }
        let html = ExperimentPage.html(table, idPrefix: "f")
        #expect(html.components(separatedBy: "<math display=\"block\" alttext=").count - 1 == 2)
        // Every part of the rules parsed: a LaTeX command MathML does not know would show as <merror>.
        let broken = html.components(separatedBy: "<merror>").dropFirst().map { String($0.prefix(120)) }
        #expect(broken.isEmpty, "\(broken)")
        #expect(html.contains("Schedule-Free AdamW") && html.contains("Schedule-Free SGD"))
        #expect(html.contains("Defazio et al. 2024"))
        #expect(html.contains("<dt>η</dt><dd>learning rate, default 0.0025"))
        #expect(html.contains("warm-up steps, default 0"))
        #expect(html.contains("interpolation momentum, default 0.9"))
    }
}
