import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// Bad hyperparameters of ASGD, Rprop, Lion and Yogi are reported at the value, by file:line:col.
struct ElementwiseDiagnosticTests {
    @Test(arguments: [
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            ASGD(lambd: 1️⃣-1, alpha: 2️⃣-0.5, weightDecay: 3️⃣-0.1)
            Rprop(etas: 4️⃣(1.5, 2), stepSizes: 5️⃣(1, 0.5))
            Lion(lr: 6️⃣0, betas: 7️⃣(0.9, 1.5))
            Yogi(initialAccumulator: 8️⃣-1, eps: 9️⃣-0.001)
        }
        """, expected: [
            ("1️⃣", "Invalid lambd value: -1"), ("2️⃣", "Invalid alpha value: -0.5"),
            ("3️⃣", "Invalid weight_decay value: -0.1"), ("4️⃣", "Invalid eta values: 1.5, 2.0"),
            ("5️⃣", "Invalid step_sizes values: 1.0, 0.5"), ("6️⃣", "Invalid learning rate: 0"),
            ("7️⃣", "Invalid beta parameter at index 1: 1.5"), ("8️⃣", "Invalid initial_accumulator value: -1"),
            ("9️⃣", "Invalid epsilon value: -0.001"),
        ]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Yogi(fixedDecay: 1️⃣0.5, maximize: true)
            ASGD(t0: 2️⃣true)
        }
        """, expected: [("1️⃣", "'fixedDecay' must be true or false"), ("2️⃣", "'t0' must be a number")]),
    ])
    func reportsAtMarkers(_ testCase: DiagnosticTests.Case) {
        DiagnosticTests().reportsAtMarkers(testCase)
    }

    @Test func printedWithCaret() {
        var diagnostics: [Diagnostic] = []
        let text = "Experiment(\"t\") {\n    Objective(.rosenbrock)\n    Rprop(etas: (0.5, 0.9))\n}"
        _ = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapters/05-sign.md", line: 12), diagnostics: &diagnostics)
        let chapter = String(repeating: "\n", count: 11) + text
        let printed = DiagnosticPrinter(sources: { _ in chapter }).render(diagnostics)
        #expect(printed.hasPrefix("""
        chapters/05-sign.md:14:17: error: Invalid eta values: 0.5, 0.9 (etas must satisfy 0 < η₋ < 1 < η₊)
                Rprop(etas: (0.5, 0.9))
                            ^
        """), "\(printed)")
    }
}
