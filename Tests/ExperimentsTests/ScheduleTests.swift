import CourseDiagnostics
import ExperimentLanguage
import Experiments
import Foundation
import Objectives
import Optimizers
import Testing

private func study(_ text: String) throws -> ScheduleStudy {
    var diagnostics: [Diagnostic] = []
    let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 10), diagnostics: &diagnostics)
    guard case .schedule(let study)? = directive else {
        Issue.record("did not parse: \(diagnostics)")
        throw CancellationError()
    }
    return study
}

/// The `Schedule` builder's rates are the run loop's, and its claims are checked.
@Suite struct ScheduleTests {
    static let five = """
        Schedule("Five schedules") {
            Steps(200)
            SGD(lr: 0.1).label("constant")
            SGD(lr: 0.1).schedule(.step(every: 50, gamma: 0.3)).label("step")
            SGD(lr: 0.1).schedule(.exponential(gamma: 0.98)).label("exponential")
            SGD(lr: 0.1).schedule(.cosine(steps: 200)).label("cosine")
            SGD(lr: 0.1).schedule(.warmup(steps: 20, startFactor: 0.01), then: .cosine(steps: 180)).label("warm-up")
        %@
        }
        """

    @Test func ratesMatchTheFormulas() throws {
        let result = ScheduleRunner.run(try study(Self.five.replacingOccurrences(of: "%@", with: "")))
        #expect(result.learningRates.count == 5 && result.learningRates.allSatisfy { $0.count == 200 })
        #expect(result.rates("constant")?.allSatisfy { $0 == 0.1 } == true)
        let step = try #require(result.rates("step"))
        #expect(step[49] == 0.1 && abs(step[50] - 0.03) <= 1e-15 && abs(step[199] - 0.1 * pow(0.3, 3)) <= 1e-15)
        let exponential = try #require(result.rates("exponential"))
        #expect(abs(exponential[100] - 0.1 * pow(0.98, 100)) <= 1e-14 * 0.1)
        // Cosine: η_t = η (1 + cos(πt/T)) / 2, half at t = T/2.
        let cosine = try #require(result.rates("cosine"))
        for t in [0, 37, 100, 150, 199] {
            #expect(abs(cosine[t] - 0.05 * (1 + cos(Double.pi * Double(t) / 200))) <= 1e-12)
        }
        // Warm-up from 0.01 η to η over 20 steps, then a cosine over 180 restarted at t = 20.
        let warm = try #require(result.rates("warm-up"))
        #expect(abs(warm[0] - 0.001) <= 1e-15 && abs(warm[10] - 0.1 * (0.01 + 0.99 * 10 / 20)) <= 1e-12)
        #expect(abs(warm[20] - 0.1) <= 1e-15 && abs(warm[110] - 0.05) <= 1e-12)
    }

    @Test func ratesAreTheRunLoops() throws {
        let s = try study(Self.five.replacingOccurrences(of: "%@", with: ""))
        let result = ScheduleRunner.run(s)
        let bowl = try #require(BuiltinObjective.named("bowl")?.objective(parameterValues: [], call: ".bowl"))
        for (index, run) in s.runs.enumerated() {
            let trajectory = RunLoop.run(bowl.function, settings: RunSettings(
                start: [-7, 2], steps: s.steps, optimizer: run.optimizer, schedule: run.schedule, noise: nil, batchSize: nil, seed: 42))
            if let divergedAt = trajectory.divergedAt {
                #expect(Array(result.learningRates[index].prefix(divergedAt - 1)) == trajectory.learningRates)
            } else {
                #expect(result.learningRates[index] == trajectory.learningRates, "\(run.label)")
            }
        }
    }

    @Test func rateClaimsHoldWithinTheirToleranceAndFalseOnesSayWhere() throws {
        let s = try study(Self.five.replacingOccurrences(of: "%@", with: """
                Expect("step", learningRate: 0.03, atStep: 50)
                Expect("cosine", learningRate: 0.05, atStep: 100)
                Expect("warm-up", learningRate: 0.001, atStep: 0)
                Expect("warm-up", learningRate: 0.1, atStep: 20)
                Expect("step", learningRate: 0.03, atStep: 49)
            """))
        let diagnostics = ScheduleRunner.check(ScheduleRunner.run(s))
        #expect(diagnostics.count == 1)
        let false_ = try #require(diagnostics.first)
        #expect(false_.location == SourceLocation(file: "c.md", line: 21, column: 5))
        #expect(false_.message == "claim is false: the learning rate of 'step' at step 49 is 0.1, not 0.03; it is 0.03 first at step 50")
    }

    @Test func anObjectiveRunsTheCallsAndChecksTheExperimentsClaims() throws {
        let s = try study("""
            Schedule("On the bowl") {
                Objective(.bowl)
                Start(-7, 2)
                Steps(50)
                SGD(lr: 0.9).label("constant")
                SGD(lr: 0.9).schedule(.cosine(steps: 50)).label("cosine")
                Expect("constant", closerThan: "cosine")
                Expect("cosine", learningRate: 0.45, atStep: 25)
            }
            """)
        let problem = try #require(s.problem)
        #expect(problem.runs.map(\.label) == ["constant", "cosine"] && s.runs.count == 2)
        #expect(s.expectations.count == 1 && problem.expectations.count == 1)
        let result = ScheduleRunner.run(s)
        let trajectories = try #require(result.problem?.trajectories)
        #expect(trajectories[1][0].learningRates == result.learningRates[1])
        #expect(ScheduleRunner.check(result).isEmpty)
    }
}

extension ScheduleTests {
    @Test func claimsOfBothKindsAreReportedOnceInSourceOrder() throws {
        let s = try study("""
            Schedule("On the bowl") {
                Objective(.bowl)
                Steps(50)
                SGD(lr: 0.9).label("constant")
                SGD(lr: 0.9).schedule(.cosine(steps: 50)).label("cosine")
                Expect("cosine", closerThan: "constant")
                Expect("cosine", learningRate: 0.5, atStep: 25)
            }
            """)
        let diagnostics = ScheduleRunner.check(ScheduleRunner.run(s))
        #expect(diagnostics.map { $0.location?.line } == [15, 16])
        #expect(diagnostics.last?.message == "claim is false: the learning rate of 'cosine' at step 25 is 0.45, not 0.5")
    }
}
