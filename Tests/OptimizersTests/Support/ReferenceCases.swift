import Foundation
import CourseTestSupport
import Optimizers
import Testing

/// A trajectory computed by torch.optim, read from a fixture file.
struct ReferenceCase: Sendable, CustomTestStringConvertible {
    let objectiveName: String
    let objective: String
    let start: [Double]
    let steps: Int
    /// The directive text: the call and its modifiers.
    let optimizer: String
    let config: OptimizerConfig
    let schedule: LearningRateSchedule?
    let trajectory: [[Double]]
    let lossBeforeEachStep: [Double]
    let learningRates: [Double]?

    var testDescription: String { "\(optimizer) on \(objectiveName)" }
}

enum ReferenceFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")

    /// The shared file: its calls are directive text only, so they are mapped here.
    static let sharedCalls: [String: OptimizerConfig] = [
        "SGD(lr: 0.95)": config("SGD", ["lr": .real(0.95)]),
        "SGD(lr: 0.1, momentum: 0.9)": config("SGD", ["lr": .real(0.1), "momentum": .real(0.9)]),
        "SGD(lr: 0.1, momentum: 0.9, nesterov: true)":
            config("SGD", ["lr": .real(0.1), "momentum": .real(0.9), "nesterov": .bool(true)]),
        "AdaGrad(lr: 1.5)": config("AdaGrad", ["lr": .real(1.5)]),
        "RMSProp(lr: 0.1)": config("RMSProp", ["lr": .real(0.1)]),
        "Adam(lr: 0.3)": config("Adam", ["lr": .real(0.3)]),
        "Adam(lr: 0.05)": config("Adam", ["lr": .real(0.05)]),
        "AdamW(lr: 0.05, weightDecay: 0.01)": config("AdamW", ["lr": .real(0.05), "weightDecay": .real(0.01)]),
        "NAdam(lr: 0.05)": config("NAdam", ["lr": .real(0.05)]),
        "RAdam(lr: 0.3)": config("RAdam", ["lr": .real(0.3)]),
        "Adam(lr: 0.05, amsgrad: true)": config("Adam", ["lr": .real(0.05), "amsgrad": .bool(true)]),
        "Adadelta(lr: 1.0)": config("Adadelta", ["lr": .real(1.0)]),
        "Adamax(lr: 0.05)": config("Adamax", ["lr": .real(0.05)]),
        "SGD(lr: 0.001, momentum: 0.9)": config("SGD", ["lr": .real(0.001), "momentum": .real(0.9)]),
        "SGD(lr: 0.4)": config("SGD", ["lr": .real(0.4)]),
        "SGD(lr: 0.4, weightDecay: 0.1)": config("SGD", ["lr": .real(0.4), "weightDecay": .real(0.1)]),
    ]

    static func config(_ name: String, _ arguments: [String: HyperValue]) -> OptimizerConfig {
        OptimizerConfig(callName: name, arguments: arguments)
    }

    static let shared: [ReferenceCase] = load("torch-trajectories.json")
    static let extra: [ReferenceCase] = load("torch-extra-trajectories.json")
    /// SGD with every flag in torch's order, and L-BFGS's line-search budget
    /// (`tools/torch-reference/generate.py`).
    static let errata: [ReferenceCase] = load("torch-errata-trajectories.json")

    /// Decoded with JSONDecoder: on Linux, JSONSerialization rounds some doubles wrongly
    /// (it reads -0.5419999999999999 as -0.5419999999999997), which a 1e-9 test would amplify.
    static func load(_ file: String) -> [ReferenceCase] {
        guard let data = try? Data(contentsOf: directory.appendingPathComponent(file)),
              let root = try? JSONDecoder().decode(FileJSON.self, from: data)
        else { return [] }
        return root.cases.compactMap { c in
            guard let config = c.call.flatMap(decodeCall) ?? sharedCalls[c.optimizer] else { return nil }
            return ReferenceCase(
                objectiveName: c.objectiveName, objective: c.objective, start: c.start, steps: c.steps,
                optimizer: c.optimizer, config: config, schedule: c.schedule.flatMap(decodeSchedule),
                trajectory: c.trajectory, lossBeforeEachStep: c.lossBeforeEachStep, learningRates: c.learningRates)
        }
    }

    struct FileJSON: Decodable {
        let cases: [CaseJSON]
    }

    struct CaseJSON: Decodable {
        let objectiveName: String
        let objective: String
        let start: [Double]
        let steps: Int
        let optimizer: String
        let call: CallJSON?
        let schedule: ScheduleJSON?
        let trajectory: [[Double]]
        let lossBeforeEachStep: [Double]
        let learningRates: [Double]?
    }

    struct CallJSON: Decodable {
        let name: String
        let arguments: [[ValueJSON]]
    }

    /// An argument label or value: a string, number, Boolean, pair or `{"choice": name}`.
    enum ValueJSON: Decodable {
        case string(String), number(Double), bool(Bool), pair([Double]), choice(String)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let value = try? container.decode(Bool.self) {
                self = .bool(value)
            } else if let value = try? container.decode(Double.self) {
                self = .number(value)
            } else if let value = try? container.decode(String.self) {
                self = .string(value)
            } else if let value = try? container.decode([Double].self) {
                self = .pair(value)
            } else {
                self = .choice(try container.decode([String: String].self)["choice"] ?? "")
            }
        }
    }

    final class ScheduleJSON: Decodable {
        let kind: String
        let every: Int?, steps: Int?
        let gamma: Double?, minLR: Double?, startFactor: Double?, endFactor: Double?
        let first: ScheduleJSON?, then: ScheduleJSON?
    }

    static func decodeCall(_ call: CallJSON) -> OptimizerConfig? {
        guard let spec = OptimizerCatalog.spec(callName: call.name) else { return nil }
        var values: [String: HyperValue] = [:]
        for argument in call.arguments {
            guard argument.count == 2, case .string(let label) = argument[0] else { return nil }
            switch (spec.parameter(label)?.kind, argument[1]) {
            case (.integer?, .number(let n)): values[label] = .integer(Int(n))
            case (_, .number(let n)): values[label] = .real(n)
            case (_, .bool(let b)): values[label] = .bool(b)
            case (_, .pair(let p)) where p.count == 2: values[label] = .pair(p[0], p[1])
            case (_, .choice(let name)): values[label] = .choice(name)
            default: return nil
            }
        }
        return OptimizerConfig(callName: call.name, arguments: values)
    }

    static func decodeSchedule(_ s: ScheduleJSON) -> LearningRateSchedule? {
        switch s.kind {
        case "step": return .step(every: s.every ?? 0, gamma: s.gamma ?? 0)
        case "exponential": return .exponential(gamma: s.gamma ?? 0)
        case "cosine": return .cosine(steps: s.steps ?? 0, minLR: s.minLR ?? 0)
        case "linear": return .linear(startFactor: s.startFactor ?? 0, endFactor: s.endFactor ?? 0, steps: s.steps ?? 0)
        case "warmup": return .warmup(steps: s.steps ?? 0, startFactor: s.startFactor ?? 0)
        case "sequential":
            guard let first = s.first.flatMap(decodeSchedule), let then = s.then.flatMap(decodeSchedule) else { return nil }
            return .sequential(first, then: then)
        default: return nil
        }
    }
}

extension ReferenceCase {
    /// The case run as coursegen runs it and held to its reference: every point and the loss
    /// before each step to 1e-9 relative (1e-12 absolute), and each step's learning rate to 1e-12
    /// where the reference records rates (which `requireRates` demands). Returns the run, for a
    /// suite's own checks beside these.
    @discardableResult
    func expectReproduced(requireRates: Bool = false, sourceLocation: SourceLocation = #_sourceLocation) throws -> Trajectory {
        let function = try #require(PlaneFunctions.named(objectiveName), sourceLocation: sourceLocation)
        #expect(OptimizerCatalog.problems(in: config).isEmpty, sourceLocation: sourceLocation)
        let run = RunLoop.run(
            function, settings: RunSettings(start: start, steps: steps, optimizer: config, schedule: schedule))
        #expect(run.divergedAt == nil, sourceLocation: sourceLocation)
        let mismatch = firstMismatch(run.points, trajectory)
        #expect(mismatch == nil, "\(testDescription): \(mismatch ?? "")", sourceLocation: sourceLocation)
        for (k, loss) in lossBeforeEachStep.enumerated() where k < run.losses.count {
            #expect(isClose(run.losses[k], loss, relative: 1e-9, absolute: 1e-12), "loss at point \(k)", sourceLocation: sourceLocation)
        }
        if requireRates { _ = try #require(learningRates, sourceLocation: sourceLocation) }
        if let rates = learningRates {
            #expect(run.learningRates.count == rates.count, sourceLocation: sourceLocation)
            for (k, rate) in rates.enumerated() where k < run.learningRates.count {
                #expect(isClose(run.learningRates[k], rate, relative: 1e-12, absolute: 1e-15), "rate of step \(k + 1)",
                        sourceLocation: sourceLocation)
            }
        }
        return run
    }
}
