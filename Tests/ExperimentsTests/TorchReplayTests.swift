import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Experiments
import Foundation
import Optimizers
import Testing

/// Every torch.optim reference case, written as a directive, parsed and checked by the
/// directive language, run by the runner on the language's compiled objective: every
/// point must match PyTorch's to 1e-9 relative or 1e-12 absolute.
struct ReplayCase: Sendable, CustomTestStringConvertible {
    let objective: String
    let start: [Double]
    let steps: Int
    let optimizer: String
    let trajectory: [[Double]]

    var testDescription: String { optimizer + " on " + objective }

    /// The case as a chapter would write it.
    var directive: String {
        """
        Experiment("replay") {
            Objective \(objective)
            Start(\(start.map { "\($0)" }.joined(separator: ", ")))
            Steps(\(steps))
            \(optimizer)
        }
        """
    }
}

enum ReplayFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("OptimizersTests/Fixtures")

    struct File: Decodable {
        struct Case: Decodable {
            let objective: String
            let start: [Double]
            let steps: Int
            let optimizer: String
            let trajectory: [[Double]]
        }
        let cases: [Case]
    }

    static func load(_ name: String) -> [ReplayCase] {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(name)),
              let file = try? JSONDecoder().decode(File.self, from: data)
        else { return [] }
        return file.cases.map {
            ReplayCase(objective: $0.objective, start: $0.start, steps: $0.steps, optimizer: $0.optimizer, trajectory: $0.trajectory)
        }
    }

    static let all = load("torch-trajectories.json") + load("torch-extra-trajectories.json")
        + load("torch-errata-trajectories.json")
}

@Suite struct TorchReplayTests {
    @Test func everyFixtureLoads() {
        #expect(ReplayFixtures.all.count == 58)
    }

    @Test(arguments: ReplayFixtures.all)
    func directiveRunMatchesTorch(_ replay: ReplayCase) throws {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(
            replay.directive, origin: SourceOrigin(file: "replay.md", line: 1), diagnostics: &diagnostics)
        guard case .experiment(let experiment)? = directive else {
            Issue.record("does not check: \(diagnostics.map(\.description))")
            return
        }
        let trajectory = ExperimentRunner.run(experiment).trajectories[0][0]
        #expect(trajectory.pointCount == replay.trajectory.count)
        for (k, (point, expected)) in zip(trajectory.points, replay.trajectory).enumerated() {
            let close = isClose(point, expected, relative: 1e-9, absolute: 1e-12)
            if !close {
                Issue.record("point \(k): \(point) against torch's \(expected)")
                break
            }
        }
    }
}
