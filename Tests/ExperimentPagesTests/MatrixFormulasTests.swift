import CourseTestSupport
import Testing
@testable import ExperimentPages
@testable import ExperimentLanguage

/// `Formulas(.muon, .adafactor)` renders both methods' rules, defaults and conditions as MathML.
@Suite struct MatrixFormulasTests {
    @Test func muonAndAdafactorRender() throws {
        guard case .formulas(let table) = try Fixtures.parse("Formulas(.muon, .adafactor)") else {
            Issue.record("not a formula table")
            return
        }
        let html = ExperimentPage.html(table, idPrefix: "f")
        // One display equation per method, its rule lines aligned inside.
        #expect(html.components(separatedBy: "<math display=\"block\" alttext=").count - 1 == 2)
        #expect(html.contains("Muon") && html.contains("Adafactor"))
        #expect(html.contains("others") && html.contains("AdamW(lr: 0.0003"), "Muon's default others is listed")
        #expect(html.contains("1 \\times 2") || html.contains("<mn>1</mn><mo>×</mo><mn>2</mn>"), "the 2-D meaning is stated")
        #expect(!html.contains("merror"), "every formula parses")
    }
}
