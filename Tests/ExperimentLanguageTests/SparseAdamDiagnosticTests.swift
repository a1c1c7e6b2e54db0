import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// Bad hyperparameters of SparseAdam are reported at the value, by file:line:col, in torch's words.
struct SparseAdamDiagnosticTests {
    @Test(arguments: [
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective { x, y in x * x + max(0, y) }
            SparseAdam(lr: 1️⃣0, betas: 2️⃣(1.5, 0.999))
            SparseAdam(betas: 3️⃣(0.9, 1), eps: 4️⃣-1e-8)
            SparseAdam(eps: 5️⃣0)
        SparseAdam(maximize: 6️⃣1)
        }
        """, expected: [
            ("1️⃣", "Invalid learning rate: 0"), ("2️⃣", "Invalid beta parameter at index 0: 1.5"),
            ("3️⃣", "Invalid beta parameter at index 1: 1.0"), ("4️⃣", "Invalid epsilon value: -1e-08"),
            ("5️⃣", "Invalid epsilon value: 0"), ("6️⃣", "'maximize' must be true or false"),
        ]),
    ])
    func reportsAtMarkers(_ testCase: DiagnosticTests.Case) {
        DiagnosticTests().reportsAtMarkers(testCase)
    }

    @Test func printedWithCaret() {
        var diagnostics: [Diagnostic] = []
        let text = "Experiment(\"t\") {\n    Objective(.rosenbrock)\n    SparseAdam(lr: 0.01, eps: 0)\n}"
        _ = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapters/05-lazy.md", line: 12), diagnostics: &diagnostics)
        let chapter = String(repeating: "\n", count: 11) + text
        let printed = DiagnosticPrinter(sources: { _ in chapter }).render(diagnostics)
        #expect(printed.hasPrefix("""
        chapters/05-lazy.md:14:31: error: Invalid epsilon value: 0.0 (eps must be > 0)
                SparseAdam(lr: 0.01, eps: 0)
                                          ^
        """), "\(printed)")
    }
}
