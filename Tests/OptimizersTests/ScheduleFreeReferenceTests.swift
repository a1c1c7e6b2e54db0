import CourseTestSupport
import Foundation
import Optimizers
import Testing

/// Schedule-free AdamW and SGD against the authors' package (`schedulefree`'s reference classes,
/// `scripts/reference/schedulefree.py`): both sequences of every run, y where the gradients are
/// taken and the average x that `optimizer.eval()` evaluates, every point to 1e-9 relative or
/// 1e-12 absolute, with the losses at both.
@Suite struct ScheduleFreeReferenceTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let reference: ReferenceCase
        let averageTrajectory: [[Double]]
        let averageLosses: [Double]
        var testDescription: String { reference.testDescription }
    }

    struct FileJSON: Decodable {
        let generator: String
        let cases: [CaseJSON]
    }

    struct CaseJSON: Decodable {
        let objectiveName: String
        let objective: String
        let start: [Double]
        let steps: Int
        let optimizer: String
        let call: ReferenceFixtures.CallJSON
        let schedule: ReferenceFixtures.ScheduleJSON?
        let trajectory: [[Double]]
        let lossBeforeEachStep: [Double]
        let learningRates: [Double]
        let averageTrajectory: [[Double]]
        let averageLosses: [Double]
    }

    /// The fixture's generator line and its cases, or nil when it does not parse.
    static let fixture: (generator: String, cases: [Case])? = {
        guard let data = try? Data(contentsOf: ReferenceFixtures.directory.appendingPathComponent("schedulefree-trajectories.json")),
              let file = try? JSONDecoder().decode(FileJSON.self, from: data)
        else { return nil }
        let cases: [Case] = file.cases.compactMap { c in
            guard let config = ReferenceFixtures.decodeCall(c.call) else { return nil }
            let reference = ReferenceCase(
                objectiveName: c.objectiveName, objective: c.objective, start: c.start, steps: c.steps, optimizer: c.optimizer,
                config: config, schedule: c.schedule.flatMap(ReferenceFixtures.decodeSchedule), trajectory: c.trajectory,
                lossBeforeEachStep: c.lossBeforeEachStep, learningRates: c.learningRates)
            return Case(reference: reference, averageTrajectory: c.averageTrajectory, averageLosses: c.averageLosses)
        }
        return (file.generator, cases)
    }()

    static let cases: [Case] = fixture?.cases ?? []

    @Test func fixtureLoads() throws {
        // A parse failure would silently test nothing.
        #expect(Self.cases.count == 14)
        let generator = try #require(Self.fixture?.generator)
        #expect(generator.hasPrefix("torch 2.15") && generator.contains("schedulefree"))
        let methods = Set(Self.cases.map(\.reference.config.callName))
        #expect(methods == ["ScheduleFreeAdamW", "ScheduleFreeSGD"])
        // Warm-up and weight decay are among the flags the fixture exercises, for both methods.
        for method in methods {
            let flags = Set(Self.cases.filter { $0.reference.config.callName == method }.flatMap(\.reference.config.values.keys))
            #expect(flags.isSuperset(of: ["lr", "weightDecay", "warmupSteps", "r", "weightLrPower"]), "\(method): \(flags)")
        }
    }

    @Test(arguments: cases)
    func bothSequencesMatchThePackage(_ c: Case) throws {
        let reference = c.reference
        let function = try #require(PlaneFunctions.named(reference.objectiveName))
        #expect(OptimizerCatalog.problems(in: reference.config).isEmpty)
        let trajectory = RunLoop.run(
            function,
            settings: RunSettings(
                start: reference.start, steps: reference.steps, optimizer: reference.config, schedule: reference.schedule))
        #expect(trajectory.divergedAt == nil)
        let y = firstMismatch(trajectory.points, reference.trajectory)
        #expect(y == nil, "y of \(c.testDescription): \(y ?? "")")
        let x = firstMismatch(trajectory.atEvaluationPoints.points, c.averageTrajectory)
        #expect(x == nil, "x of \(c.testDescription): \(x ?? "")")
        for (k, loss) in reference.lossBeforeEachStep.enumerated() {
            #expect(isClose(trajectory.losses[k], loss, relative: 1e-9, absolute: 1e-12), "f(y) at point \(k)")
        }
        #expect(trajectory.evaluationLosses.count == c.averageLosses.count)
        for (k, loss) in c.averageLosses.enumerated() where k < trajectory.evaluationLosses.count {
            #expect(isClose(trajectory.evaluationLosses[k], loss, relative: 1e-9, absolute: 1e-12), "f(x) at point \(k)")
        }
        for (k, rate) in reference.learningRates!.enumerated() where k < trajectory.learningRates.count {
            #expect(isClose(trajectory.learningRates[k], rate, relative: 1e-12, absolute: 1e-15), "rate of step \(k + 1)")
        }
    }

    /// The package's `optimizer.eval()` before any step, and every other method: the evaluated point is the iterate.
    @Test func evaluationPointIsTheIterateWithoutAnAverage() throws {
        let x: [Double] = [1, -2]
        for config in [
            OptimizerConfig(callName: "ScheduleFreeSGD", arguments: [:]), OptimizerConfig(callName: "Adam", arguments: [:]),
        ] {
            let optimizer = try #require(Optimizer(config, dimension: 2))
            var point = [Double](repeating: .nan, count: 2)
            x.withUnsafeBufferPointer { xp in point.withUnsafeMutableBufferPointer { optimizer.evaluationPoint(of: xp, into: $0) } }
            #expect(point == x)
        }
        let adam = RunLoop.run(
            try #require(PlaneFunctions.named("bowl")),
            settings: RunSettings(start: [-7, 2], steps: 5, optimizer: OptimizerConfig(callName: "Adam", arguments: [:])))
        #expect(!adam.hasEvaluationPoints && adam.atEvaluationPoints == adam)
    }

    /// With η = 0 every weight is 0 and the package catches the division by their zero sum: nothing moves.
    @Test func zeroLearningRateKeepsEveryPoint() throws {
        let trajectory = RunLoop.run(
            try #require(PlaneFunctions.named("bowl")),
            settings: RunSettings(
                start: [-7, 2], steps: 3,
                optimizer: OptimizerConfig(callName: "ScheduleFreeAdamW", arguments: ["lr": .real(0)])))
        #expect(trajectory.points == Array(repeating: [-7, 2], count: 4))
        #expect(trajectory.atEvaluationPoints.points == Array(repeating: [-7, 2], count: 4))
    }
}
