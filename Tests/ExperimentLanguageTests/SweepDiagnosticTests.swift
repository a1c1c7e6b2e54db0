import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// `Sweep(…)`: its values and variants, and every kind of bad sweep reported at its place.
struct SweepDiagnosticTests {
    @Test(arguments: [
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: 1️⃣Sweep())
        }
        """, expected: [("1️⃣", "a sweep needs values")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: 1️⃣Sweep(0.1))
        }
        """, expected: [("1️⃣", "a sweep of one value sweeps nothing")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 1️⃣"fast"))
        }
        """, expected: [("1️⃣", "a swept value must be a number, not a string")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.5, 1️⃣0.1))
        }
        """, expected: [("1️⃣", "the value 0.1 is swept twice")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(from: 1️⃣0, to: 1, count: 5, scale: .log))
        }
        """, expected: [("1️⃣", "a log scale runs through positive values only, and 'from' is 0")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            Steps(1️⃣Sweep(10, 20))
            SGD(lr: 0.1)
        }
        """, expected: [("1️⃣", "the number of steps cannot be swept")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.5, default: 1️⃣0.3))
        }
        """, expected: [("1️⃣", "the default 0.3 is not one of the swept values")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            Start(Sweep(-4, 4), Sweep(-2, 2))
            SGD(lr: 1️⃣Sweep(0.1, 0.5))
        }
        """, expected: [("1️⃣", "an experiment sweeps at most 2 values (a grid)")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(from: 0.01, to: 1, count: 20))
            Momentum(momentum: 1️⃣Sweep(from: 0, to: 0.9, count: 10))
        }
        """, expected: [("1️⃣", "the sweeps make 20 × 10 = 200 variants; at most 100 are allowed")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.5))
            Adam(lr: 1️⃣Sweep(0.1, 0.5))
        }
        """, expected: [("1️⃣", "two sweeps are named 'lr'")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: 0.1)
            Expect("SGD", diverges: false, 1️⃣variants: .none)
        }
        """, expected: [("1️⃣", "'variants:' is for an experiment that sweeps a value")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.5))
            Expect("SGD", diverges: false, variants: .exactlyWhen(1️⃣lr))
        }
        """, expected: [("1️⃣", "a condition compares swept values, as in 'lr > 1'")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 1️⃣-0.5))
        }
        """, expected: [("1️⃣", "Invalid learning rate: -0.5")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: 2 * 1️⃣Sweep(0.1, 0.2))
        }
        """, expected: [("1️⃣", "a 'Sweep' is a whole value, not part of arithmetic")]),
        DiagnosticTests.Case(source: """
        let rate = Sweep(0.1, 0.2)
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: 1️⃣rate)
        }
        """, expected: [("1️⃣", "'lr' cannot be swept")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(0.1, 0.2, 1️⃣scale: .log))
        }
        """, expected: [("1️⃣", "'Sweep' has no argument 'scale'")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: 1️⃣Sweep(from: 0.1, to: 1))
        }
        """, expected: [("1️⃣", "'count:' is missing")]),
        DiagnosticTests.Case(source: """
        Schedule("t") {
            SGD(lr: 1️⃣Sweep(0.1, 0.5)).schedule(.cosine(steps: 10))
        }
        """, expected: [("1️⃣", "cannot be swept")]),
    ])
    func reportsAtMarkers(_ testCase: DiagnosticTests.Case) {
        DiagnosticTests().reportsAtMarkers(testCase)
    }

    @Test func printedWithCaretAndHint() {
        var diagnostics: [Diagnostic] = []
        let text = "Experiment(\"t\") {\n    Objective(.bowl)\n    SGD(lr: Sweep(0.1, 0.5, default: 0.3))\n}"
        _ = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapters/01-bowl.md", line: 7), diagnostics: &diagnostics)
        let chapter = String(repeating: "\n", count: 6) + text
        let printed = DiagnosticPrinter(sources: { _ in chapter }).render(diagnostics)
        #expect(printed.hasPrefix("""
        chapters/01-bowl.md:9:38: error: the default 0.3 is not one of the swept values
                SGD(lr: Sweep(0.1, 0.5, default: 0.3))
                                                 ^~~
        hint: the values are 0.1, 0.5
        """), "\(printed)")
    }

    private func experiment(_ text: String) throws -> Experiment {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "x.md", line: 1), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .experiment(let experiment)? = directive else { throw Failure() }
        return experiment
    }

    struct Failure: Error {}

    @Test func variantsAreTheExperimentsThatWriteTheirValues() throws {
        let swept = try experiment("""
        Experiment("t") {
            Objective(.quadratic(a: 1, b: Sweep(2, 10)))
            SGD(lr: Sweep(0.01, 1e-1, default: 1e-1)).label("plain")
        }
        """)
        let sweep = try #require(swept.sweep)
        #expect(sweep.axes.map(\.name) == ["b", "lr"])
        #expect(sweep.axes[1].symbol == "η")
        #expect(sweep.variants.count == 4)
        #expect(sweep.defaultVariant == 1)
        #expect(sweep.name(of: 2) == "b = 10, lr = 0.01")
        let written = try experiment("""
        Experiment("t") {
            Objective(.quadratic(a: 1, b: 10))
            SGD(lr: 0.01).label("plain")
        }
        """)
        let variant = sweep.variants[2]
        #expect(variant.objective.call == written.objective.call)
        #expect(variant.runs.map(\.optimizer) == written.runs.map(\.optimizer))
        #expect(variant.sweep == nil)
        // The default variant stands for the experiment where no variant is chosen.
        #expect(swept.runs.map(\.optimizer) == sweep.variants[1].runs.map(\.optimizer))
    }

    @Test func rangesOnLinearAndLogScales() throws {
        let log = try experiment("""
        Experiment("t") {
            Objective(.bowl)
            SGD(lr: Sweep(from: 1e-4, to: 1, count: 9, scale: .log))
        }
        """)
        #expect(log.sweep?.axes[0].values == [1e-4, 3.16e-4, 1e-3, 3.16e-3, 0.01, 0.0316, 0.1, 0.316, 1])
        let linear = try experiment("""
        Experiment("t") {
            Objective(.bowl)
            Momentum(lr: 0.1, momentum: Sweep(from: 0, to: 0.9, count: 4, default: 0.6))
        }
        """)
        #expect(linear.sweep?.axes[0].values == [0, 0.3, 0.6, 0.9])
        #expect(linear.sweep?.axes[0].name == "momentum")
        #expect(linear.sweep?.defaultVariant == 2)
    }

    @Test func conditionsDecideWhereAClaimMustHold() throws {
        let swept = try experiment("""
        Experiment("t") {
            Objective(.bowl)
            Start(Sweep(-4, 4), 1)
            SGD(lr: Sweep(0.5, 1.5))
            Expect("SGD", diverges: true, variants: .exactlyWhen(lr > 1 && x < 0))
            Expect("SGD", diverges: false, variants: .when(lr < 1))
            Expect("SGD", diverges: true, variants: .none)
        }
        """)
        let sweep = try #require(swept.sweep)
        let expected = sweep.variants.map { $0.expectations.map(\.expected) }
        // Variants: (x −4, lr 0.5), (x −4, lr 1.5), (x 4, lr 0.5), (x 4, lr 1.5).
        #expect(expected == [[false, true, false], [true, nil, false], [false, true, false], [false, nil, false]])
        #expect(swept.expectations[0].variants == .exactlyWhen("lr > 1 && x < 0"))
    }
}
