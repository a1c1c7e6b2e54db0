import CourseDiagnostics
import CourseTestSupport
import Optimizers
import Testing
@testable import ExperimentLanguage

/// Adafactor's and Muon's bad values and bad `others` combinations, at the marked positions
/// (1️⃣ …) with torch's words; and both methods accepted where they run.
struct MatrixMethodDiagnosticTests {
    static let cases: [DiagnosticTests.Case] = [
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Adafactor(beta2Decay: 1️⃣0.5)
            Adafactor(eps: 2️⃣(-1, 0.001))
            Adafactor(eps: 3️⃣(1e-30, -0.1))
            Adafactor(d: 4️⃣0.5)
        }
        """, expected: [
            ("1️⃣", "beta2_decay should be <= 0 but is: 0.5"), ("2️⃣", "epsilon1 should be >= 0 but is: -1.0"),
            ("3️⃣", "epsilon2 should be >= 0 but is: -0.1"), ("4️⃣", "Clipping threshold d should be >= 1 but is: 0.5"),
        ]),
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Muon(lr: 1️⃣-0.02)
            Muon(momentum: 2️⃣-0.5, nsSteps: 3️⃣100)
            Muon(adjustLR: 4️⃣.matchRMS)
            Muon(others: 5️⃣Muon(lr: 0.1))
            Muon(others: 6️⃣LBFGS(lr: 1))
            Muon(others: 7️⃣0.1)
            Muon(others: AdamW(betas: 8️⃣(0.9, 1.5)))
        }
        """, expected: [
            ("1️⃣", "Invalid learning rate: -0.02"), ("2️⃣", "Invalid momentum value: -0.5"),
            ("3️⃣", "Number of steps must be less than 100"), ("4️⃣", "matchRMS"),
            ("5️⃣", "others of Muon must be a method for any tensor"), ("6️⃣", "LBFGS evaluates the objective itself"),
            ("7️⃣", "'others' must be an optimizer call"), ("8️⃣", "Invalid beta parameter at index 1: 1.5"),
        ]),
    ]

    @Test(arguments: cases)
    func reportsAtMarkers(_ testCase: DiagnosticTests.Case) {
        DiagnosticTests().reportsAtMarkers(testCase)
    }

    @Test func bothRunInExperimentsAndTrainings() {
        for source in [
            """
            Experiment("t") {
                Objective(.rosenbrock)
                Adafactor(lr: 0.1, eps: (1e-30, 0.001), maximize: false)
                Muon(lr: 0.02, nesterov: false, nsSteps: 3, adjustLR: .matchRMSAdamW)
            }
            """,
            """
            Training("t") {
                Dataset(.digits)
                Network(hidden: [16, 16])
                Muon(lr: 0.02, others: AdamW(lr: 3e-4), matrices: .all)
                Adafactor()
            }
            """,
        ] {
            var diagnostics: [Diagnostic] = []
            let directive = DirectiveParser.parse(source, origin: SourceOrigin(file: "x.md", line: 1), diagnostics: &diagnostics)
            #expect(directive != nil && diagnostics.filter { $0.severity == .error }.isEmpty, "\(diagnostics.map(\.message))")
        }
    }
}
