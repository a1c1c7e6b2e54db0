import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Experiments
import Plotting
import Testing
@testable import ExperimentPages

/// A phase diagram: a heat map whose cells are the sweep's one group of radio buttons, each
/// cell's number that of its variant's run, and theory's convergence region drawn where the
/// runs converge.
@Suite struct PhaseDiagramPageTests {
    static let small = """
        Experiment("Momentum on a quadratic") {
            Objective(.quadratic(a: 1, b: 10))
            Start(-2, 1)
            Steps(60)
            Momentum(lr: Sweep(0.01, 0.1, 0.3, default: 0.1), momentum: Sweep(0, 0.5, 0.9))
            PhaseDiagram(.stepsTo(loss: 1e-4))
        }
        """

    static func run(_ text: String) throws -> (html: String, result: SweepResult) {
        let run = DirectiveRunner.run(.experiment(try SweepPageTests.experiment(text)))
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        let result = try #require(run.output as? SweepResult)
        return (result.html(idPrefix: "p", figure: FigureNumber(id: "fig:phase", label: "Figure 2.1")), result)
    }

    @Test func threeByThreeMatchesGolden() throws {
        let (html, _) = try Self.run(Self.small)
        try GoldenFile.check(html, named: "phase.html")
        #expect(!html.contains("<script"))
        // One group of nine buttons, the default variant's checked, and no row of buttons per axis.
        #expect(html.components(separatedBy: "type=\"radio\" class=\"cg-phase-radio\" name=\"p-c\"").count - 1 == 9)
        #expect(!html.contains("cg-sweep-radio"))
        #expect(html.contains("id=\"p-c3\" checked><label for=\"p-c3\""))
        // Each cell's accessible name gives both values; a rule per cell shows its variant.
        #expect(html.contains("<span class=\"visually-hidden\">lr = 0.1, momentum = 0: "))
        #expect(html.contains(":root:has(#p-c4:checked) .p-v:not(.p-c4){display:none}"))
        // The heat map takes the figure's number; the variants' figures take none.
        #expect(html.components(separatedBy: "Figure 2.1").count - 1 == 1)
        #expect(html.contains("<figure class=\"cg-figure cg-phase\" id=\"fig:phase\">"))
        #expect(html.contains("class=\"cg-phase-theory\""))
    }

    @Test func eachCellIsItsVariantsRun() throws {
        let (html, result) = try Self.run(Self.small)
        let map = PhaseMap(result)
        let sweep = result.sweep
        for variant in sweep.variants.indices {
            let values = sweep.values(of: variant)
            let written = Self.small
                .replacingOccurrences(of: "Sweep(0.01, 0.1, 0.3, default: 0.1)", with: NumberTextForTests.format(values[0]))
                .replacingOccurrences(of: "Sweep(0, 0.5, 0.9)", with: NumberTextForTests.format(values[1]))
                .replacingOccurrences(of: "    PhaseDiagram(.stepsTo(loss: 1e-4))\n", with: "")
            let alone = DirectiveRunner.run(.experiment(try SweepPageTests.experiment(written)))
            let single = try #require(alone.output as? ExperimentResult)
            let losses = single.trajectories[0][0].losses
            let expected: PhaseMap.Cell = losses.firstIndex { $0 < 1e-4 }.map { .value(Double($0)) }
                ?? single.trajectories[0][0].divergedAt.map { .diverged(at: $0) } ?? .notReached
            #expect(map.cells[variant] == expected, "\(sweep.name(of: variant))")
            if case .value(let step) = expected {
                #expect(html.contains("\(sweep.name(of: variant)): f − f* below 0.0001 at step \(Int(step))</span>"))
            }
        }
    }

    /// On f = (x² + 10 y²)/2, heavy ball converges iff 0 < 10α < 2(1 + μ): the line drawn must
    /// have every cell clearly on its inside converge and every cell clearly outside diverge.
    @Test func cellsInsideTheDrawnBoundaryConvergeAndCellsOutsideDiverge() throws {
        let grid = """
            Experiment("Momentum's region") {
                Objective(.quadratic(a: 1, b: 10))
                Start(-2, 1)
                Steps(1000)
                Momentum(lr: Sweep(from: 0.02, to: 0.6, count: 10, scale: .log), momentum: Sweep(from: 0, to: 0.9, count: 10))
                PhaseDiagram(.finalLoss)
            }
            """
        let (html, result) = try Self.run(grid)
        let map = PhaseMap(result)
        let theory = try #require(map.theory)
        #expect(theory.eigenvalues == [1, 10])
        #expect(theory.learningRateAxis == 0 && theory.momentumAxis == 1)
        let d = try SweepPageTests.slice(html, from: "<path class=\"cg-phase-line\" d=\"", to: "\"")
        let points = d.dropFirst("<path class=\"cg-phase-line\" d=\"".count).dropLast()
            .split(whereSeparator: { $0 == "M" || $0 == "L" }).map { pair -> (x: Double, y: Double) in
                let numbers = pair.split(separator: " ").map { Double($0)! / Double(PhaseBoundary.unit) }
                return (numbers[0], numbers[1])
            }
        let sweep = result.sweep
        for row in 0..<10 {
            // The drawn line's x where it crosses the middle of this row (rows counted from the top).
            let y = 10 - (Double(row) + 0.5)
            let crossing = try #require(zip(points, points.dropFirst()).first { ($0.y - y) * ($1.y - y) <= 0 && $0.y != $1.y })
            let x = crossing.0.x + (crossing.1.x - crossing.0.x) * (y - crossing.0.y) / (crossing.1.y - crossing.0.y)
            // The line is where 10 α = 2 (1 + μ).
            let μ = sweep.axes[1].values[row]
            #expect(abs(x - AxisPosition.position(of: 0.2 * (1 + μ), on: sweep.axes[0])) < 0.01, "row μ = \(μ)")
            for column in 0..<10 {
                let variant = sweep.variant([column, row])
                let centre = Double(column) + 0.5
                if centre < x - 0.3 {
                    guard case .value(let loss) = map.cells[variant] else {
                        Issue.record("\(sweep.name(of: variant)) is inside the line but \(map.cells[variant])")
                        continue
                    }
                    #expect(loss < 1e-3, "\(sweep.name(of: variant)) is inside the line but ends at f − f* = \(loss)")
                } else if centre > x + 0.3 {
                    guard case .diverged = map.cells[variant] else {
                        Issue.record("\(sweep.name(of: variant)) is outside the line but \(map.cells[variant])")
                        continue
                    }
                }
            }
        }
        // The fastest α and μ: η* = (2/(1 + √10))², μ* = ((√10 − 1)/(√10 + 1))².
        let optimum = try #require(theory.optimum)
        #expect(abs(optimum.learningRate - 0.2309) < 1e-4 && abs(optimum.momentum - 0.2699) < 1e-4)
        #expect(html.contains("class=\"cg-phase-optimum\""))
    }

    @Test(arguments: [
        // Adam's convergence is not heavy ball's.
        (".quadratic(a: 1, b: 10)", "Adam(lr: Sweep(0.01, 0.1), betas: (Sweep(0.5, 0.9), 0.999))"),
        // Rosenbrock is no quadratic.
        (".rosenbrock", "SGD(lr: Sweep(0.01, 0.1), momentum: Sweep(0, 0.9))"),
        // Nesterov's region differs.
        (".quadratic(a: 1, b: 10)", "SGD(lr: Sweep(0.01, 0.1), momentum: Sweep(0.5, 0.9), nesterov: true)"),
    ])
    func noLineWhereTheTheoryDoesNotApply(_ objective: String, _ call: String) throws {
        let (html, result) = try Self.run("""
            Experiment("t") {
                Objective(\(objective))
                Steps(20)
                \(call)
                PhaseDiagram(.diverged)
            }
            """)
        #expect(PhaseMap(result).theory == nil)
        #expect(!html.contains("cg-phase-theory"))
        #expect(!html.contains("cg-phase-optimum"))
    }

    /// Plain gradient descent swept over its learning rate and the start: the line is αλ_max = 2.
    @Test func gradientDescentsLineIsTwoOverTheLargestEigenvalue() throws {
        let (_, result) = try Self.run("""
            Experiment("t") {
                Objective(.quadratic(a: 1, b: 4))
                Steps(20)
                Start(Sweep(-2, -1, 1), 1)
                SGD(lr: Sweep(0.1, 0.3, 0.45, 0.55, 0.7))
                PhaseDiagram(.diverged)
            }
            """)
        let theory = try #require(PhaseMap(result).theory)
        #expect(theory.learningRateAxis == 1 && theory.momentumAxis == nil && theory.optimum == nil)
        #expect(theory.rate(at: [0, 0.49]) < 1 && theory.rate(at: [0, 0.51]) > 1)
        #expect(theory.margin(at: [0, 0.49]) < 0 && theory.margin(at: [0, 0.51]) > 0)
    }

    /// Issue 18 asks for a 10 × 10 phase diagram with its variants in 400 KB. The heat map
    /// itself is light (about 35 KB); the 100 variants' figures, each drawn wide and for a phone
    /// (issue 20), weigh what a 10 × 10 sweep's do, about 1.7 MB.
    @Test func aTenByTenPhaseDiagramIsLight() throws {
        let (html, _) = try Self.run("""
            Experiment("Momentum's step size and coefficient") {
                Objective(.quadratic(a: 1, b: 10))
                Start(-4, 1)
                Steps(60)
                Domain(x: -5...5, y: -2...2)
                Momentum(lr: Sweep(from: 0.01, to: 0.19, count: 10), momentum: Sweep(from: 0, to: 0.9, count: 10))
                PhaseDiagram(.stepsTo(loss: 1e-6))
            }
            """)
        let figure = try SweepPageTests.slice(html, from: "<figure class=\"cg-figure cg-phase\"", to: "</figure>")
        #expect(figure.utf8.count <= 40_000, "the heat map weighs \(figure.utf8.count) bytes")
        #expect(html.utf8.count <= 1_750_000, "the 10 × 10 phase diagram with its variants weighs \(html.utf8.count) bytes")
        print("10 × 10 phase diagram: heat map \(figure.utf8.count) bytes, with its variants \(html.utf8.count) bytes")
    }
}

/// A value as a directive writes it, for rewriting a sweep as its variant.
enum NumberTextForTests {
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : "\(value)"
    }
}
