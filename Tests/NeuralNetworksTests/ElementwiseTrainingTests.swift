import Optimizers
import Testing

@testable import NeuralNetworks

/// ASGD, Rprop, Lion and Yogi train a network: a spiral classifier with hundreds of
/// parameters, so that their compiled loops run, a few dozen mini-batch steps each.
@Suite struct ElementwiseTrainingTests {
    static func run(_ label: String, _ call: String, _ arguments: [String: HyperValue]) -> TrainingRun {
        TrainingRun(label: label, optimizer: OptimizerConfig(callName: call, arguments: arguments))
    }

    static let configuration = TrainingConfiguration(
        title: "elementwise", dataset: .spirals(samplesPerClass: 60), hidden: [16, 16], activation: .tanh,
        initialization: .xavierUniform(), dropout: 0, l2: 0, batchSize: 32, iterations: 60,
        sampling: .shuffledEpochs, seed: 5,
        runs: [
            run("ASGD", "ASGD", ["lr": .real(0.1), "t0": .real(20), "weightDecay": .real(1e-4)]),
            run("Rprop", "Rprop", ["lr": .real(0.01)]),
            run("Lion", "Lion", ["lr": .real(0.003), "weightDecay": .real(0.01)]),
            run("Yogi", "Yogi", ["lr": .real(0.02)]),
        ])

    @Test func eachTrainsATinyNetwork() throws {
        let report = try Trainer.run(Self.configuration, maxConcurrentRuns: 2)
        #expect(report.results.map(\.label) == ["ASGD", "Rprop", "Lion", "Yogi"])
        for result in report.results {
            #expect(result.halt == nil && result.divergedAt == nil, "\(result.label)")
            #expect(result.trainingLoss.count == 60, "\(result.label)")
            let first = result.trainingLoss.prefix(5).reduce(0, +) / 5
            let last = result.trainingLoss.suffix(10).reduce(0, +) / 10
            #expect(last < first, "\(result.label): mean loss \(first) → \(last)")
        }
        // The same runs again give the same bits.
        #expect(try Trainer.run(Self.configuration, maxConcurrentRuns: 1) == report)
    }
}
