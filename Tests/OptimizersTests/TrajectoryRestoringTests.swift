import Optimizers
import Testing

/// `Trajectory(restoringDimension:…)`, used by the result cache: every trajectory a run
/// records restores to itself, and numbers no run of those steps records are refused.
@Suite struct TrajectoryRestoringTests {
    static func restore(_ t: Trajectory, steps: Int, edit: (inout Parts) -> Void = { _ in }) -> Trajectory? {
        var parts = Parts(t)
        edit(&parts)
        return Trajectory(
            restoringDimension: parts.dimension, steps: steps, coordinates: parts.coordinates, losses: parts.losses,
            learningRates: parts.learningRates, divergedAt: parts.divergedAt, switchedAt: parts.switchedAt,
            syncSteps: parts.syncSteps, halt: parts.halt, gradientEvaluations: parts.gradientEvaluations)
    }

    struct Parts {
        var dimension: Int, coordinates: [Double], losses: [Double], learningRates: [Double]
        var divergedAt: Int?, switchedAt: Int?, syncSteps: [Int], halt: Trajectory.Halt?, gradientEvaluations: Int

        init(_ t: Trajectory) {
            (dimension, coordinates, losses, learningRates) = (t.dimension, t.coordinates, t.losses, t.learningRates)
            (divergedAt, switchedAt, syncSteps, halt, gradientEvaluations) = (t.divergedAt, t.switchedAt, t.syncSteps, t.halt, t.gradientEvaluations)
        }
    }

    /// Runs with every ending: all steps, divergence, a bad start, both Newton halts, an
    /// invalid configuration, Lookahead's syncs and SWATS's switch.
    static let runs: [(String, Int, Trajectory)] = {
        let flat = PlaneFunction(name: "flat", f: { x, _ in x }, grad: { _, _ in (1, 0) }, hess: { _, _ in (0, 0, 0) })
        func run(_ f: PlaneFunction, _ start: [Double], _ steps: Int, _ name: String, _ arguments: [String: HyperValue] = [:]) -> Trajectory {
            RunLoop.run(f, settings: RunSettings(start: start, steps: steps, optimizer: OptimizerConfig(callName: name, arguments: arguments)))
        }
        return [
            ("all steps", 30, run(PlaneFunctions.rosenbrock, [-1.5, 2], 30, "Adam", ["lr": .real(0.05)])),
            ("divergence", 500, run(PlaneFunctions.d2l, [1, 1], 500, "SGD", ["lr": .real(0.6)])),
            ("a bad start", 5, run(PlaneFunctions.bowl, [2e8, 0], 5, "Adam")),
            ("no Hessian", 3, run(PlaneFunctions.beale, [1, 1], 3, "Newton")),
            ("a singular Hessian", 3, run(flat, [0, 0], 3, "Newton")),
            ("an invalid configuration", 3, run(PlaneFunctions.bowl, [1, 1], 3, "SGD", ["lr": .real(-1)])),
            ("Lookahead", 40, run(PlaneFunctions.rosenbrock, [-1.5, 2], 40, "Lookahead", [
                "": .optimizer(OptimizerConfig(callName: "Adam", arguments: ["lr": .real(0.05)])), "k": .integer(5),
            ])),
            ("SWATS", 200, run(PlaneFunctions.rosenbrock, [-1.5, 2], 200, "SWATS")),
        ]
    }()

    @Test(arguments: 0..<runs.count)
    func whatARunRecordsRestoresToItself(_ index: Int) {
        let (_, steps, trajectory) = Self.runs[index]
        #expect(Self.restore(trajectory, steps: steps) == trajectory)
        #expect(Self.restore(trajectory, steps: steps + 1) == nil || trajectory.divergedAt != nil || trajectory.halt != nil,
                "a run that took every step cannot have had more")
    }

    @Test func theRunsCoverEveryEnding() {
        let t = Self.runs.map(\.2)
        #expect(t[0].divergedAt == nil && t[0].halt == nil)
        #expect((t[1].divergedAt ?? 0) > 0 && t[2].divergedAt == 0)
        #expect(t[3].halt == .hessianUnavailable(step: 1) && t[4].halt == .singularHessian(step: 1))
        if case .invalidConfiguration = t[5].halt {} else { Issue.record("the configuration is valid: \(String(describing: t[5].halt))") }
        #expect(!t[6].syncSteps.isEmpty)
    }

    static let refusals: [(String, Int, Int, @Sendable (inout Parts) -> Void)] = [
        ("a NaN loss", 0, 30, { $0.losses[4] = .nan }),
        ("a coordinate past 1e8", 0, 30, { $0.coordinates[3] = -1.5e8 }),
        ("an infinite rate", 0, 30, { $0.learningRates[2] = .infinity }),
        ("a point too few", 0, 30, { p in p.coordinates.removeLast(2); p.losses.removeLast(); p.learningRates.removeLast() }),
        ("a coordinate too many", 0, 30, { $0.coordinates.append(0) }),
        ("a rate too many", 0, 30, { $0.learningRates.append(0.1) }),
        ("a dimension of 0", 0, 30, { $0.dimension = 0 }),
        ("a huge dimension", 0, 30, { $0.dimension = Int.max }),
        ("negative steps", 0, -1, { _ in }),
        ("divergence at a step that is not the last point", 1, 500, { $0.divergedAt! += 1 }),
        ("divergence past the steps", 1, 20, { _ in }),
        ("a halt past the steps", 3, 0, { _ in }),
        ("a halt and a divergence", 3, 3, { $0.divergedAt = 1 }),
        ("a halt at step 0", 4, 3, { $0.halt = .singularHessian(step: 0) }),
        ("points after an invalid configuration", 5, 3, { p in p.losses = [1]; p.coordinates = [0, 0] }),
        ("evaluations before a bad start", 2, 5, { $0.gradientEvaluations = 1 }),
        ("a sync step past the last point", 6, 40, { $0.syncSteps.append(41) }),
        ("sync steps out of order", 6, 40, { $0.syncSteps.reverse() }),
        ("a switch at step 0", 0, 30, { $0.switchedAt = 0 }),
        ("negative evaluations", 0, 30, { $0.gradientEvaluations = -1 }),
    ]

    @Test(arguments: 0..<refusals.count)
    func numbersNoRunRecordsAreRefused(_ index: Int) {
        let (_, run, steps, edit) = Self.refusals[index]
        #expect(Self.restore(Self.runs[run].2, steps: steps, edit: edit) == nil)
    }
}
