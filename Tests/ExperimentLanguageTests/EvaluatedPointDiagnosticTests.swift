import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// `point:` on an `Expect` and on `=Result(…)`: every kind of bad use at the marked place.
struct EvaluatedPointDiagnosticTests {
    static let cases: [DiagnosticTests.Case] = [
        .init(source: """
        Experiment("t") {
            Objective { x, y in x * x + y * y }
            Minimum(0, 0)
            SGD(lr: 0.1)
            Adam(lr: 0.1)
            ScheduleFreeSGD(lr: 0.1)
            Expect("SGD", loss: .below(1), 1️⃣point: .evaluated)
            Expect("SGD", lowerLossThan: "Adam", 2️⃣point: .evaluated)
            Expect("Adam", effectiveLearningRate: .below(1), 3️⃣point: .evaluated)
            Expect("Schedule-Free SGD", loss: .below(1), point: 4️⃣.average)
            Expect("Schedule-Free SGD", loss: .below(1), point: 5️⃣.evaluated(1))
            Expect("Schedule-Free SGD", loss: .below(1), point: 6️⃣"x")
        }
        """, expected: [
            ("1️⃣", "'SGD' runs SGD, evaluated where it steps: there is no other point than the iterate"),
            ("2️⃣", "'SGD' runs SGD and 'Adam' runs Adam, evaluated where they step"),
            ("3️⃣", "an effective learning rate belongs to a step, not to a point"),
            ("4️⃣", "unknown point '.average'"),
            ("5️⃣", "'.evaluated' takes no arguments"),
            ("6️⃣", "the point must be one of .iterate, .evaluated"),
        ]),
        // The shape's choices are listed once each, with one dot ("..increasing" before).
        .init(source: """
        Experiment("t") {
            Objective { x, y in x * x + y * y }
            SGD(lr: 0.1)
            Expect("SGD", loss: 1️⃣"up")
        }
        """, expected: [
            ("1️⃣", "must be one of .increasing, .decreasing, .below(x), .above(x)"),
        ]),
    ]

    @Test(arguments: cases)
    func reportsAtMarkers(_ testCase: DiagnosticTests.Case) {
        DiagnosticTests().reportsAtMarkers(testCase)
    }

    /// Both points of a schedule-free run, and the iterate of any run, check cleanly; a comparison
    /// needs only one of its runs to have an evaluated point.
    @Test func validUsesCheck() throws {
        var diagnostics: [Diagnostic] = []
        let text = """
        Experiment("t") {
            Objective { x, y in x * x + y * y }
            SGD(lr: 0.1)
            ScheduleFreeSGD(lr: 0.1)
            Expect("Schedule-Free SGD", loss: .below(100), point: .evaluated)
            Expect("Schedule-Free SGD", loss: .below(100), point: .iterate)
            Expect("SGD", loss: .below(100), point: .iterate)
            Expect("SGD", lowerLossThan: "Schedule-Free SGD", point: .evaluated)
        }
        """
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "x.md", line: 1), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.message))")
        guard case .experiment(let experiment)? = directive else { Issue.record("not an experiment"); return }
        #expect(experiment.expectations.map(\.point) == [.evaluated, .iterate, .iterate, .evaluated])
    }

    @Test func printedWithCaretAndHint() {
        var diagnostics: [Diagnostic] = []
        let text = "Experiment(\"t\") {\n    Objective(.rosenbrock)\n    AdamW(lr: 0.01)\n    Expect(\"AdamW\", loss: .below(1), point: .evaluated)\n}"
        _ = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapters/07-sf.md", line: 12), diagnostics: &diagnostics)
        let chapter = String(repeating: "\n", count: 11) + text
        let printed = DiagnosticPrinter(sources: { _ in chapter }).render(diagnostics)
        #expect(printed.hasPrefix("""
        chapters/07-sf.md:15:38: error: 'AdamW' runs AdamW, evaluated where it steps: there is no other point than the iterate
                Expect("AdamW", loss: .below(1), point: .evaluated)
                                                 ^~~~~~~~~~~~~~~~~
        hint: 'point: .evaluated' reads the average x of ScheduleFreeAdamW and ScheduleFreeSGD; drop 'point:' to claim about the iterate
        """), "\(printed)")
    }

    @Test func resultReferenceReadsThePoint() {
        var diagnostics: [Diagnostic] = []
        let origin = SourceOrigin(file: "c.md", line: 1)
        let reference = ResultReference.parse("=Result(\"SF\", .finalLoss, significant: 3, point: .evaluated)", origin: origin, diagnostics: &diagnostics)
        #expect(reference?.point == .evaluated)
        #expect(ResultReference.parse("=Result(\"SF\", .finalLoss, significant: 3)", origin: origin, diagnostics: &diagnostics)?.point == nil)
        #expect(diagnostics.isEmpty)
        #expect(ResultReference.parse("=Result(\"SF\", .finalLoss, significant: 3, point: .x)", origin: origin, diagnostics: &diagnostics) == nil)
        #expect(diagnostics.map(\.message) == ["unknown point '.x'"])
        #expect(diagnostics.first?.location?.column == 50)
    }
}
