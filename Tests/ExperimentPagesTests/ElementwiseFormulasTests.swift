import CourseTestSupport
import ExperimentLanguage
import Testing

@testable import ExperimentPages

/// `Formulas(.asgd, .rprop, .lion, .yogi)` renders each method's rule as MathML, with its
/// hyperparameters' symbols and defaults.
@Suite struct ElementwiseFormulasTests {
    @Test func formulasRender() throws {
        guard case .formulas(let table) = try Fixtures.parse("Formulas(.asgd, .rprop, .lion, .yogi)") else {
            Issue.record("not a formula table")
            return
        }
        let html = ExperimentPage.html(table, idPrefix: "f")
        #expect(html.components(separatedBy: "<math display=\"block\" alttext=").count - 1 == 4)
        for name in ["ASGD", "Rprop", "Lion", "Yogi"] {
            #expect(html.contains(name), "\(name)")
        }
        #expect(html.contains("<dt>η₋, η₊</dt>"))
        #expect(html.contains("<dt>κ</dt>"))
        // Every line converted to MathML (the TeX stays only in each block's annotation): the sign
        // operator, Rprop's cases and ASGD's average are elements, and nothing failed to parse.
        #expect(!html.contains("merror"))
        #expect(html.components(separatedBy: "<mi>sign</mi>").count - 1 == 4, "Rprop twice, Lion and Yogi once")
        #expect(html.contains("<mo stretchy=\"false\">¯</mo>"), "θ̄ of ASGD")
    }
}

/// `Formulas(.sparseAdam)` renders SparseAdam's lazy rule: the present set, the moments and the
/// step, with its four hyperparameters and torch's defaults.
@Suite struct SparseAdamFormulasTests {
    @Test func formulasRender() throws {
        guard case .formulas(let table) = try Fixtures.parse("Formulas(.sparseAdam)") else {
            Issue.record("not a formula table")
            return
        }
        let html = ExperimentPage.html(table, idPrefix: "f")
        #expect(html.components(separatedBy: "<math display=\"block\" alttext=").count - 1 == 1)
        #expect(html.contains("SparseAdam"))
        #expect(!html.contains("merror"))
        // The set of present coordinates and the untouched ones: ∉ and ≠ are operators of the rule.
        #expect(html.contains("<mo>∉</mo>") && html.contains("<mo>≠</mo>"), "\(html)")
        #expect(html.contains("<dt>β₁, β₂</dt>") && html.contains("<dt>ε</dt>"))
        // No run sets maximize in a reference of the method: the switch and its condition are left out.
        #expect(!html.contains("maximize"))
        #expect(html.contains("0.999") && html.contains("0.001"))
    }
}
