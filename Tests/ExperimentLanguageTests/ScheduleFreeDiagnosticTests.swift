import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// Every kind of bad hyperparameter of the schedule-free methods, worded as torch (or the
/// `schedulefree` package, for SGD's momentum) words it, at the marked value.
struct ScheduleFreeDiagnosticTests {
    static let cases: [DiagnosticTests.Case] = [
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            ScheduleFreeAdamW(lr: 1️⃣-0.1)
            ScheduleFreeAdamW(betas: 2️⃣(1.5, 0.999))
            ScheduleFreeAdamW(betas: 3️⃣(0.9, 1))
            ScheduleFreeAdamW(eps: 4️⃣-1e-8)
            ScheduleFreeAdamW(weightDecay: 5️⃣-0.01)
        }
        """, expected: [
            ("1️⃣", "Invalid learning rate: -0.1"), ("2️⃣", "Invalid beta parameter at index 0: 1.5"),
            ("3️⃣", "Invalid beta parameter at index 1: 1"), ("4️⃣", "Invalid epsilon value: -1e-08"),
            ("5️⃣", "Invalid weight_decay value: -0.01"),
        ]),
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            ScheduleFreeAdamW(warmupSteps: 1️⃣-1)
            ScheduleFreeAdamW(warmupSteps: 2️⃣2.5)
            ScheduleFreeAdamW(r: 3️⃣-1)
            ScheduleFreeAdamW(weightLrPower: 4️⃣-2)
            ScheduleFreeAdamW(decayAtZ: 5️⃣1)
            ScheduleFreeAdamW(6️⃣momentum: 0.9)
        }
        """, expected: [
            ("1️⃣", "Invalid warmup_steps value: -1 (warmupSteps must be ≥ 0)"), ("2️⃣", "'warmupSteps' must be an integer, not 2.5"),
            ("3️⃣", "Invalid r value: -1.0 (r must be ≥ 0)"),
            ("4️⃣", "Invalid weight_lr_power value: -2.0 (weightLrPower must be ≥ 0)"), ("5️⃣", "'decayAtZ' must be true or false"),
            ("6️⃣", "'ScheduleFreeAdamW' has no argument 'momentum'"),
        ]),
        .init(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            ScheduleFreeSGD(momentum: 1️⃣1)
            ScheduleFreeSGD(momentum: 2️⃣0)
            ScheduleFreeSGD(momentum: 3️⃣-0.5)
            ScheduleFreeSGD(lr: 4️⃣-1)
            ScheduleFreeSGD(weightDecay: 5️⃣-0.5)
            ScheduleFreeSGD(warmupSteps: 6️⃣-3, r: 7️⃣-0.5)
            ScheduleFreeSGD(8️⃣betas: (0.9, 0.999))
        }
        """, expected: [
            ("1️⃣", "Momentum must be between 0 and 1 exclusive: 1.0 (momentum must be in (0, 1))"),
            ("2️⃣", "Momentum must be between 0 and 1 exclusive: 0.0"), ("3️⃣", "Momentum must be between 0 and 1 exclusive: -0.5"),
            ("4️⃣", "Invalid learning rate: -1.0"), ("5️⃣", "Invalid weight_decay value: -0.5"),
            ("6️⃣", "Invalid warmup_steps value: -3"), ("7️⃣", "Invalid r value: -0.5"),
            ("8️⃣", "'ScheduleFreeSGD' has no argument 'betas'"),
        ]),
        .init(source: """
        Training("t") {
            Dataset(.moons(samples: 200, noise: 0.1))
            Network(hidden: [8])
            Iterations(10)
            BatchSize(32)
            ScheduleFreeSGD(lr: 0.5, momentum: 1️⃣1.0)
            ScheduleFreeAdamW(betas: 2️⃣(0.9, -0.1))
        }
        """, expected: [
            ("1️⃣", "Momentum must be between 0 and 1 exclusive: 1.0"), ("2️⃣", "Invalid beta parameter at index 1: -0.1"),
        ]),
    ]

    @Test(arguments: cases)
    func reportsAtMarkers(_ testCase: DiagnosticTests.Case) {
        DiagnosticTests().reportsAtMarkers(testCase)
    }

    @Test
    func printedWithCaret() {
        var diagnostics: [Diagnostic] = []
        let text = "Experiment(\"t\") {\n    Objective(.rosenbrock)\n    ScheduleFreeAdamW(betas: (1.5, 0.999))\n}"
        _ = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapters/07-sf.md", line: 12), diagnostics: &diagnostics)
        let chapter = String(repeating: "\n", count: 11) + text
        let printed = DiagnosticPrinter(sources: { _ in chapter }).render(diagnostics)
        #expect(printed.hasPrefix("""
        chapters/07-sf.md:14:30: error: Invalid beta parameter at index 0: 1.5 (betas must each be in [0, 1))
                ScheduleFreeAdamW(betas: (1.5, 0.999))
                                         ^
        """), "\(printed)")
    }

    /// Valid calls check cleanly, in experiments and in trainings.
    @Test
    func validCallsCheck() {
        var diagnostics: [Diagnostic] = []
        let text = """
        Training("t") {
            Dataset(.moons(samples: 200, noise: 0.1))
            Network(hidden: [8])
            Iterations(10)
            BatchSize(32)
            ScheduleFreeAdamW(lr: 0.01, weightDecay: 0.01, warmupSteps: 5, decayAtZ: true)
            ScheduleFreeSGD(lr: 0.5, momentum: 0.9, r: 1, weightLrPower: 2)
        }
        """
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "x.md", line: 1), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        #expect(directive != nil)
    }
}
