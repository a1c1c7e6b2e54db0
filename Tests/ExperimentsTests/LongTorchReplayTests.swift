import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Experiments
import Foundation
import Testing

/// Long torch.optim runs (300 to 1000 steps; scripts/reference/long_runs.py) of twelve optimizers
/// on every objective of generate.py, replayed through the directive language and the runner.
///
/// Every point must match to 1e-9 relative or 1e-12 absolute. Where nothing can round apart,
/// every point must match exactly: the closure computes generate.py's gradient to the last bit
/// (everything but Beale, whose closure writes `x * y * y * y` for Python's `x * y ** 3`, and the
/// trigonometric objective, whose sin, cos and exp torch takes from its own vector math library),
/// and the method takes no square root (torch's float64 `sqrt` on this CPU is not IEEE's
/// correctly rounded one in about 1% of last bits, which Adam-like methods then carry).
@Suite struct LongTorchReplayTests {
    struct File: Decodable {
        struct Case: Decodable {
            let objectiveName: String
            let objective: String
            let start: [Double]
            let steps: Int
            let optimizer: String
            let trajectory: [[Double]]
        }
        let cases: [Case]
    }

    struct LongCase: Sendable, CustomTestStringConvertible {
        let objectiveName: String
        let replay: ReplayCase

        var testDescription: String { "\(replay.optimizer) on \(objectiveName), \(replay.steps) steps" }
    }

    static let cases: [LongCase] = {
        let url = ReplayFixtures.directory.appendingPathComponent("torch-long-trajectories.json")
        // JSONDecoder reads every double exactly; JSONSerialization on Linux does not.
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.cases.map {
            LongCase(objectiveName: $0.objectiveName, replay: ReplayCase(
                objective: $0.objective, start: $0.start, steps: $0.steps, optimizer: $0.optimizer, trajectory: $0.trajectory))
        }
    }()

    /// The objectives whose closures round their gradients exactly as generate.py's Python does.
    static let exactObjectives: Set = ["bowl", "d2l", "rosenbrock", "himmelblau", "saddle"]
    /// The methods whose steps use no square root.
    static let methodsWithoutSquareRoots: Set = ["SGD", "Momentum", "Nesterov", "Adamax"]

    static func isBitExact(_ long: LongCase) -> Bool {
        let method = String(long.replay.optimizer.prefix { $0 != "(" })
        return exactObjectives.contains(long.objectiveName) && methodsWithoutSquareRoots.contains(method)
    }

    @Test func fixtureHasEveryObjectiveAndOptimizer() {
        #expect(Self.cases.count == 84)
        #expect(Set(Self.cases.map(\.objectiveName)).count == 7)
        #expect(Self.cases.filter { $0.objectiveName == "rosenbrock" }.allSatisfy { $0.replay.steps == 1000 })
        #expect(Self.cases.filter(Self.isBitExact).count == 20)
    }

    @Test(arguments: cases)
    func directiveRunMatchesTorch(_ long: LongCase) throws {
        let replay = long.replay
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(
            replay.directive, origin: SourceOrigin(file: "replay.md", line: 1), diagnostics: &diagnostics)
        guard case .experiment(let experiment)? = directive else {
            Issue.record("does not check: \(diagnostics.map(\.description))")
            return
        }
        let trajectory = ExperimentRunner.run(experiment).trajectories[0][0]
        #expect(trajectory.pointCount == replay.trajectory.count)
        let exact = Self.isBitExact(long)
        for (k, (point, expected)) in zip(trajectory.points, replay.trajectory).enumerated() {
            let close = isClose(point, expected, relative: 1e-9, absolute: 1e-12)
            if !close {
                Issue.record("point \(k): \(point) against torch's \(expected)")
                break
            }
            if exact, !zip(point, expected).allSatisfy({ $0.bitPattern == $1.bitPattern }) {
                Issue.record("point \(k): \(point) is not torch's \(expected) bit for bit")
                break
            }
        }
    }
}
