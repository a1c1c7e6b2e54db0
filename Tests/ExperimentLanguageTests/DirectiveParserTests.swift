import CourseDiagnostics
import Objectives
import Optimizers
import Testing
@testable import ExperimentLanguage

/// The checker end to end: the issue's example, defaults, lets, modifiers and Formulas.
struct DirectiveParserTests {
    static let origin = SourceOrigin(file: "chapters/03-adam.md", line: 40)

    static func check(_ text: String) -> (Directive?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(text, origin: origin, diagnostics: &diagnostics)
        return (directive, diagnostics)
    }

    static func experiment(_ text: String) throws -> Experiment {
        let (directive, diagnostics) = check(text)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .experiment(let experiment)? = directive else {
            Issue.record("not an experiment")
            throw CancellationError()
        }
        return experiment
    }

    @Test
    func issueExample() throws {
        let e = try Self.experiment("""
        // Deep Learning from Scratch, ch. 6: four optimizers on an elongated bowl
        Experiment("Four optimizers on an elongated bowl") {
            Objective { x, y in x * x / 20 + y * y }   // or Objective(.rosenbrock), Objective(.beale), ...
            Start(-7, 2)                               // repeatable: one path per start and optimizer
            Steps(30)
            Domain(x: -10...10, y: -5...5)             // plot window; derived from the paths when absent
            Layout(.grid)                              // small multiples, one panel per optimizer; .overlay by default
            Seed(42)                                   // for anything stochastic; a fixed default otherwise

            SGD(lr: 0.95)
            Momentum(lr: 0.1)
            AdaGrad(lr: 1.5)
            Adam(lr: 0.3).color(.purple)

            Expect("Adam", closerThan: "SGD")          // checked claims, evaluated after the runs
        }
        """)
        #expect(e.title == "Four optimizers on an elongated bowl")
        #expect(e.starts == [[-7, 2]])
        #expect(e.steps == 30)
        #expect(e.domain == Domain(x: -10...10, y: -5...5))
        #expect(e.layout == .grid)
        #expect(e.seed == 42)
        #expect(e.runs.map(\.label) == ["SGD", "Momentum", "AdaGrad", "Adam"])
        #expect(e.runs[3].call == "Adam(lr: 0.3).color(.purple)")
        #expect(e.runs[3].color == "purple")
        #expect(e.runs[0].optimizer.values["lr"] == .real(0.95))
        #expect(e.runs[3].optimizer.values["betas"] == .pair(0.9, 0.999))
        #expect(e.expectations.map(\.kind) == [.closerThan(label: "Adam", other: "SGD")])
        #expect(e.objective.latex == "\\frac{x^{2}}{20} + y^{2}")
        #expect(e.objective.gradientLatex == ["\\frac{x}{10}", "2 y"])
        #expect(e.location == SourceLocation(file: "chapters/03-adam.md", line: 41, column: 1))
        #expect(e.runs[1].location == SourceLocation(file: "chapters/03-adam.md", line: 50, column: 5))
    }

    @Test
    func defaultsLetsModifiersAndWrappedOptimizers() throws {
        let e = try Self.experiment("""
        let lr = 0.1
        Experiment("Schedules") {
            let fast = 3 * lr
            Objective(.rosenbrock(b: 10))
            Adam(lr: fast, betas: (0.8, 0.99))
                .label("fast Adam")
                .schedule(.warmup(steps: 10, startFactor: 0.01), then: .cosine(steps: 140))
                .gradientNoise(eta: 0.3)
            Lookahead(SGD(lr: lr), k: 5, alpha: 0.5)
            LBFGS(lr: 1, historySize: 10, lineSearch: .strongWolfe)
            Expect("fast Adam", reaches: 1e-3, within: 90)
        }
        """)
        #expect(e.steps == Experiment.defaultSteps)
        #expect(e.seed == Experiment.defaultSeed)
        #expect(e.starts == [[-1.2, 1]])
        #expect(e.objective.minima == [[1, 1]])
        #expect(e.runs[0].label == "fast Adam")
        #expect(e.runs[0].optimizer.values["lr"]?.real.map { abs($0 - 0.3) < 1e-15 } == true)
        #expect(e.runs[0].schedule == .sequential(.warmup(steps: 10, startFactor: 0.01), then: .cosine(steps: 140, minLR: 0)))
        #expect(e.runs[0].noise == GradientNoise(eta: 0.3, gamma: 0.55))
        #expect(e.runs[1].optimizer.values[""]?.optimizer?.callName == "SGD")
        #expect(e.runs[2].optimizer.values["lineSearch"] == .choice("strongWolfe"))
        #expect(e.expectations.first?.kind == .reaches(label: "fast Adam", tolerance: 1e-3, within: 90))
    }

    @Test
    func oneDimensionalClosureWithMinimum() throws {
        let e = try Self.experiment("""
        Experiment("A double well") {
            Objective { x in
                let s = x * x - 1
                return s * s
            }
            Start(2)
            Minimum(1)
            Domain(x: -2...2)
            SGD(lr: 0.01)
            Expect("SGD", reaches: 1e-6)
        }
        """)
        #expect(e.objective.dimension == 1)
        #expect(e.objective.minimumValue == 0)
        #expect(e.domain == Domain(x: -2...2, y: nil))
        #expect(e.objective.symbolic?.gradient(at: [2]).gradient == [24])
    }

    @Test
    func formulas() throws {
        let (directive, diagnostics) = Self.check("Formulas(.sgd, .momentum, .adamW)")
        #expect(diagnostics.isEmpty)
        guard case .formulas(let table)? = directive else {
            Issue.record("not a formula table")
            return
        }
        #expect(table.ids == ["sgd", "momentum", "adamW"])
    }

    @Test
    func regressionObjectiveAndBatchSize() throws {
        let e = try Self.experiment("""
        Experiment("Mini-batches") {
            Objective(.linearRegression(samples: 100, noise: 0.5))
            BatchSize(10)
            Seed(7)
            SGD(lr: 0.05)
        }
        """)
        #expect(e.batchSize == 10)
        #expect(e.objective.sampleCount == 100)
        #expect(e.objective.minima.count == 1)
    }
}
