import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// `PhaseDiagram(…)`: its summaries, and every kind of bad diagram reported at its place.
struct PhaseDiagramDiagnosticTests {
    @Test(arguments: [
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.5))
            1️⃣PhaseDiagram(.finalLoss)
        }
        """, expected: [("1️⃣", "a phase diagram needs two sweeps, one per axis of its grid, and this experiment has 1")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: 0.1)
            1️⃣PhaseDiagram(.finalLoss)
        }
        """, expected: [("1️⃣", "a phase diagram needs two sweeps, one per axis of its grid, and this experiment has 0")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.quadratic(a: 1, b: Sweep(4, 10)))
            SGD(lr: Sweep(0.1, 0.5), momentum: Sweep(0, 0.9))
            1️⃣PhaseDiagram(.finalLoss)
        }
        """, expected: [("1️⃣", "a phase diagram needs two sweeps, one per axis of its grid, and this experiment has 3")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.5), momentum: Sweep(0, 0.9))
            PhaseDiagram(1️⃣.finalLos)
        }
        """, expected: [("1️⃣", "unknown summary '.finalLos'; did you mean '.finalLoss'?")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.5), momentum: Sweep(0, 0.9))
            PhaseDiagram(.stepsTo(loss: 1️⃣-1e-6))
        }
        """, expected: [("1️⃣", "the loss to reach must be a number above 0, not -1e-06")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.5), momentum: Sweep(0, 0.9))
            PhaseDiagram(.stepsTo(loss: 1️⃣"small"))
        }
        """, expected: [("1️⃣", "the loss to reach must be a number")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.5), momentum: Sweep(0, 0.9))
            PhaseDiagram(1️⃣.stepsTo(1e-6))
        }
        """, expected: [("1️⃣", "'.stepsTo' takes the loss to reach, as in '.stepsTo(loss: 1e-6)'")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective { x, y in x * x + y * y }
            SGD(lr: Sweep(0.1, 0.5), momentum: Sweep(0, 0.9))
            PhaseDiagram(1️⃣.stepsTo(loss: 1e-6))
        }
        """, expected: [("1️⃣", "'.stepsTo' needs the objective's minimum value, which is not known")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.5), momentum: Sweep(0, 0.9))
            Adam(lr: 0.1)
            1️⃣PhaseDiagram(.diverged)
        }
        """, expected: [("1️⃣", "a phase diagram colours each cell by one run, and this experiment has 2")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.5), momentum: Sweep(0, 0.9))
            Adam(lr: 0.1)
            PhaseDiagram(.diverged, run: 1️⃣"SDG")
        }
        """, expected: [("1️⃣", "no run is labeled 'SDG'; did you mean 'SGD'?")]),
        DiagnosticTests.Case(source: """
        Schedule("t") {
            SGD(lr: 0.1).schedule(.cosine(steps: 10))
            1️⃣PhaseDiagram(.diverged)
        }
        """, expected: [("1️⃣", "PhaseDiagram")]),
    ])
    func reportsAtMarkers(_ testCase: DiagnosticTests.Case) {
        DiagnosticTests().reportsAtMarkers(testCase)
    }

    @Test func printedWithCaretAndHint() {
        var diagnostics: [Diagnostic] = []
        let text = "Experiment(\"t\") {\n    Objective(.bowl)\n    SGD(lr: Sweep(0.1, 0.5))\n    PhaseDiagram(.finalLoss)\n}"
        _ = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapters/02-momentum.md", line: 3), diagnostics: &diagnostics)
        let chapter = String(repeating: "\n", count: 2) + text
        let printed = DiagnosticPrinter(sources: { _ in chapter }).render(diagnostics)
        #expect(printed.hasPrefix("""
        chapters/02-momentum.md:6:5: error: a phase diagram needs two sweeps, one per axis of its grid, and this experiment has 1
                PhaseDiagram(.finalLoss)
                ^~~~~~~~~~~~
        hint: sweep a second value, as in
        """), "\(printed)")
    }

    @Test(arguments: [
        ("PhaseDiagram(.stepsTo(loss: 1e-6), run: \"Momentum\")", PhaseDiagram.Summary.stepsTo(loss: 1e-6), 0),
        ("PhaseDiagram(.finalLoss, run: \"Momentum\")", .finalLoss, 0),
        ("PhaseDiagram(.diverged, run: \"plain\")", .diverged, 1),
    ])
    func readsEachSummary(_ statement: String, _ summary: PhaseDiagram.Summary, _ run: Int) throws {
        var diagnostics: [Diagnostic] = []
        let text = """
        Experiment("t") {
            Objective(.quadratic(a: 1, b: 10))
            Momentum(lr: Sweep(from: 0.01, to: 1, count: 3, scale: .log), momentum: Sweep(0, 0.5, 0.9))
            SGD(lr: 0.1).label("plain")
            \(statement)
        }
        """
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "x.md", line: 1), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .experiment(let experiment)? = directive, let sweep = experiment.sweep else { throw Failure() }
        #expect(sweep.phaseDiagram?.summary == summary)
        #expect(sweep.phaseDiagram?.runIndex == run)
        #expect(sweep.phaseDiagram?.location.line == 5)
        #expect(sweep.axes[0].isLogarithmic && !sweep.axes[1].isLogarithmic)
        // The variants are the experiments that write their values, with no diagram of their own.
        #expect(sweep.variants.allSatisfy { $0.sweep == nil })
    }

    @Test func listedValuesSpacedByAFactorReadAsALogAxis() {
        #expect(SweepChecker.looksLogarithmic([0.01, 0.03, 0.1, 0.3, 1]))
        #expect(!SweepChecker.looksLogarithmic([0.1, 0.2, 0.3, 0.4]))
        #expect(!SweepChecker.looksLogarithmic([0, 0.5, 0.9]))
    }

    struct Failure: Error {}
}
