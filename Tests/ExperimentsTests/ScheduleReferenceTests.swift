import CourseDiagnostics
import CourseTestSupport
import Experiments
import Foundation
import Optimizers
import Testing
@testable import ExperimentLanguage

/// One run of `scripts/reference/schedules.py`: an optimizer call with a schedule, as a chapter
/// writes it, and PyTorch's run of the same optimizer and `torch.optim.lr_scheduler` class.
struct ScheduleReferenceCase: Sendable, Decodable, CustomTestStringConvertible {
    let objective: String
    let objectiveName: String
    let start: [Double]
    let steps: Int
    let optimizer: String
    let trajectory: [[Double]]
    /// The learning rate each step used.
    let learningRates: [Double]
    /// The momentum (μ, or β₁) each step used, for a schedule that cycles it.
    let momenta: [Double]?

    var testDescription: String { optimizer + " on " + objectiveName }

    var directive: String {
        """
        Experiment("schedule reference") {
            Objective \(objective)
            Start(\(start.map { "\($0)" }.joined(separator: ", ")))
            Steps(\(steps))
            \(optimizer)
        }
        """
    }

    /// Whether the schedule has a closure: its values are the compiled tape's, which rounds as
    /// torch's tensor operations do where Python's floats may round otherwise.
    var hasClosure: Bool { optimizer.contains("{") }
}

enum ScheduleReference {
    struct File: Decodable {
        let generator: String
        /// Every scheduler class of torch 2.15's `torch.optim.lr_scheduler`.
        let schedulers: [String]
        let cases: [ScheduleReferenceCase]
    }

    static let file: File? = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("OptimizersTests/Fixtures/schedules-trajectories.json")
        guard let data = try? Data(contentsOf: url) else { return nil }
        return try? JSONDecoder().decode(File.self, from: data)
    }()

    static var cases: [ScheduleReferenceCase] { file?.cases ?? [] }

    /// Each torch scheduler class and how the language writes it.
    static let spellings: [String: String] = [
        "StepLR": "step", "MultiStepLR": "multiStep", "ConstantLR": "constant", "LinearLR": "linear",
        "ExponentialLR": "exponential", "SequentialLR": "then:", "PolynomialLR": "polynomial", "CosineAnnealingLR": "cosine",
        "ChainedScheduler": "chained", "ReduceLROnPlateau": "plateau", "CyclicLR": "cyclic",
        "CosineAnnealingWarmRestarts": "cosineRestarts", "OneCycleLR": "oneCycle", "LambdaLR": "lambda",
        "MultiplicativeLR": "multiplicative",
    ]

    /// How many units in the last place apart two doubles are.
    static func ulps(_ a: Double, _ b: Double) -> Double {
        a == b ? 0 : abs(a - b) / max(a.ulp, b.ulp)
    }
}

/// The schedules against PyTorch 2.15: every point of every run within 1e-9 relative (1e-12
/// absolute near zero), and every learning rate and cycled momentum exact or 1 ulp apart (a
/// closure's within 1e-12 relative, as the tape's arithmetic and Python's may round apart).
@Suite struct ScheduleReferenceTests {
    @Test func fixtureIsTorch215sAndComplete() throws {
        let file = try #require(ScheduleReference.file)
        #expect(file.generator.hasPrefix("torch 2.15"))
        #expect(file.cases.count == 32)
        // Every scheduler class of torch.optim.lr_scheduler has its spelling in the language.
        #expect(Set(file.schedulers) == Set(ScheduleReference.spellings.keys))
        let names = Set(OptimizerCallChecker.schedules.map(\.name))
        for (torch, name) in ScheduleReference.spellings where name != "then:" {
            #expect(names.contains(name), "\(torch) has no schedule '.\(name)'")
        }
        // …and a reference run of its own (the first five are in torch-extra-trajectories.json).
        for name in ["multiStep", "constant", "polynomial", "cosineRestarts", "cyclic", "oneCycle", "plateau", "chained", "lambda", "multiplicative"] {
            #expect(file.cases.contains { $0.optimizer.contains(".\(name)") }, "no reference run for .\(name)")
        }
    }

    @Test(arguments: ScheduleReference.cases)
    func runMatchesTorch(_ reference: ScheduleReferenceCase) throws {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(
            reference.directive, origin: SourceOrigin(file: "schedules.md", line: 1), diagnostics: &diagnostics)
        guard case .experiment(let experiment)? = directive else {
            Issue.record("does not check: \(diagnostics.map(\.description))")
            return
        }
        let trajectory = ExperimentRunner.run(experiment).trajectories[0][0]
        #expect(trajectory.pointCount == reference.trajectory.count)
        for (k, (point, expected)) in zip(trajectory.points, reference.trajectory).enumerated()
        where !isClose(point, expected, relative: 1e-9, absolute: 1e-12) {
            Issue.record("point \(k): \(point) against torch's \(expected)")
            break
        }
        #expect(trajectory.learningRates.count == reference.learningRates.count)
        for (t, (rate, expected)) in zip(trajectory.learningRates, reference.learningRates).enumerated() {
            let close = reference.hasClosure
                ? isClose(rate, expected, relative: 1e-12, absolute: 0) : ScheduleReference.ulps(rate, expected) <= 1
            if !close {
                Issue.record("learning rate of step \(t): \(rate) against torch's \(expected)")
                break
            }
        }
        let run = try #require(experiment.runs.first)
        let schedule = try #require(run.schedule)
        #expect(schedule.cyclesMomentum == (reference.momenta != nil))
        if let expected = reference.momenta {
            let base = try #require(Optimizer(run.optimizer, dimension: 1)).baseLearningRate
            let momenta = try #require(schedule.momenta(base: base, count: reference.steps))
            for (t, (momentum, torch)) in zip(momenta, expected).enumerated() where ScheduleReference.ulps(momentum, torch) > 1 {
                Issue.record("momentum of step \(t): \(momentum) against torch's \(torch)")
                break
            }
        }
    }

    /// The rates the `Schedule` builder plots are the run's, except a plateau's, which need the run.
    @Test(arguments: ScheduleReference.cases.filter { !$0.optimizer.contains(".plateau") })
    func plottedRatesAreTheRunsRates(_ reference: ScheduleReferenceCase) throws {
        var diagnostics: [Diagnostic] = []
        let source = """
            Schedule("rates") {
                Steps(\(reference.steps))
                \(reference.optimizer)
            }
            """
        guard case .schedule(let study)? = DirectiveParser.parse(source, origin: SourceOrigin(file: "s.md", line: 1), diagnostics: &diagnostics)
        else {
            Issue.record("does not check: \(diagnostics.map(\.description))")
            return
        }
        let rates = ScheduleRunner.run(study).learningRates[0]
        for (t, (rate, expected)) in zip(rates, reference.learningRates).enumerated()
        where !isClose(rate, expected, relative: 1e-12, absolute: 0) {
            Issue.record("plotted rate of step \(t): \(rate) against torch's \(expected)")
            break
        }
    }
}
