import Foundation
import Optimizers
import Testing

@testable import NeuralNetworks

@Suite struct TrainingTests {
    static func adam(_ label: String = "Adam", lr: Double = 0.001) -> TrainingRun {
        TrainingRun(label: label, optimizer: OptimizerConfig(callName: "Adam", arguments: ["lr": .real(lr)]))
    }

    /// The Deep Learning from Scratch ch. 6 network on digits: 4×100 ReLU, He init, batch 128, 2,000 Adam steps.
    @Test func adamLearnsDigitsAndRepeatsItsBits() throws {
        let configuration = TrainingConfiguration(
            title: "Adam on digits", dataset: .digits, testFraction: 0.2, hidden: [100, 100, 100, 100],
            activation: .relu, initialization: .kaimingNormal(), batchSize: 128, iterations: 2000, seed: 0,
            runs: [Self.adam(), Self.adam("Adam, second copy")])
        // The two identical runs train on two threads at once: any shared state or
        // thread-dependent arithmetic would make them differ.
        let report = try Trainer.run(configuration, maxConcurrentRuns: 2)
        #expect(report.trainCount == 1437 && report.testCount == 360)
        let result = report.results[0]
        #expect(result.testAccuracy >= 0.95, "test accuracy \(result.testAccuracy)")
        #expect(result.trainingLoss.count == 2000)
        #expect(result.checkpoints.map(\.iteration) == Array(stride(from: 0, through: 2000, by: 50)))
        #expect(result.trainingLoss.last! < result.trainingLoss.first! / 10)
        let copy = report.results[1]
        #expect(copy.trainingLoss.map(\.bitPattern) == result.trainingLoss.map(\.bitPattern))
        #expect(copy.finalTrainLoss.bitPattern == result.finalTrainLoss.bitPattern)
        #expect(copy.checkpoints == result.checkpoints)
        try Self.compareWithGolden(result, kernel: report.kernel)
    }

    /// Across processes and machines with the same kernel: the run's bits, recorded per kernel in
    /// Fixtures/adam-digits-golden.txt (refresh with SNAPSHOTS=overwrite).
    static func compareWithGolden(_ result: TrainingResult, kernel: String, filePath: String = #filePath) throws {
        let path = URL(fileURLWithPath: filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/adam-digits-golden.txt").path
        let lossBits = result.trainingLoss.reduce(UInt64(0)) { ($0 &* 31) ^ $1.bitPattern }
        let line = "\(kernel): final train loss 0x\(String(result.finalTrainLoss.bitPattern, radix: 16)), "
            + "loss-curve hash 0x\(String(lossBits, radix: 16)), test accuracy \(result.testAccuracy)"
        let existing = (try? String(contentsOfFile: path, encoding: .utf8))?.split(separator: "\n").map(String.init) ?? []
        if ProcessInfo.processInfo.environment["SNAPSHOTS"] == "overwrite" {
            let kept = existing.filter { !$0.hasPrefix(kernel + ":") }
            try ((kept + [line]).sorted().joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
            return
        }
        let recorded = try #require(existing.first { $0.hasPrefix(kernel + ":") }, "no golden line for \(kernel)")
        #expect(recorded == line)
    }

    static let small = TrainingConfiguration(
        title: "small", dataset: .spirals(samplesPerClass: 60), hidden: [16, 16], activation: .tanh,
        initialization: .xavierUniform(), dropout: 0.1, l2: 1e-4, batchSize: 32, iterations: 150,
        sampling: .shuffledEpochs, seed: 3,
        runs: [
            TrainingRun(label: "SGD", optimizer: OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.1)])),
            TrainingRun(
                label: "Momentum", optimizer: OptimizerConfig(callName: "Momentum", arguments: ["lr": .real(0.05)]),
                schedule: .cosine(steps: 150, minLR: 0), noise: GradientNoise(eta: 0.01)),
            adam(lr: 0.01),
            TrainingRun(
                label: "Lookahead",
                optimizer: OptimizerConfig(
                    callName: "Lookahead",
                    arguments: ["": .optimizer(OptimizerConfig(callName: "Adam", arguments: ["lr": .real(0.01)]))])),
        ])

    @Test func resultsDoNotDependOnTheThreadCount() throws {
        let serial = try Trainer.run(Self.small, maxConcurrentRuns: 1)
        let parallel = try Trainer.run(Self.small, maxConcurrentRuns: 4)
        #expect(serial == parallel)
        #expect(serial.results.map(\.label) == ["SGD", "Momentum", "Adam", "Lookahead"])
        #expect(serial.results[1].learningRates.first == 0.05 && serial.results[1].learningRates.last! < 0.001)
        #expect(!serial.results[3].syncSteps.isEmpty)
    }

    @Test func twoDimensionalDataGetsADecisionBoundary() throws {
        let report = try Trainer.run(Self.small)
        let boundary = try #require(report.results[2].decisionBoundary)
        #expect(boundary.predictions.count == boundary.rows * boundary.columns)
        #expect(Set(boundary.predictions) == [0, 1, 2], "all three spiral arms claim some area")
        #expect(boundary.trainPoints.count == 2 * report.trainCount)
    }

    @Test func divergenceStopsTheRunAndSaysWhen() throws {
        var configuration = Self.small
        configuration.runs = [TrainingRun(label: "too fast", optimizer: OptimizerConfig(callName: "SGD", arguments: ["lr": .real(1e6)]))]
        let result = try Trainer.run(configuration).results[0]
        let step = try #require(result.divergedAt)
        #expect(step < 150 && result.trainingLoss.count == step)
        #expect(result.finalTrainLoss.isFinite, "final figures come from the last finite parameters")
    }

    @Test func newtonHaltsBecauseNetworksHaveNoHessian() throws {
        var configuration = Self.small
        configuration.runs = [TrainingRun(label: "Newton", optimizer: OptimizerConfig(callName: "Newton", arguments: [:]))]
        let result = try Trainer.run(configuration).results[0]
        #expect(result.halt == .hessianUnavailable)
        #expect(result.trainingLoss.isEmpty)
    }

    @Test func invalidConfigurationsAreReportedTogether() {
        var configuration = Self.small
        configuration.dropout = 1
        configuration.batchSize = 0
        configuration.runs.append(Self.adam(lr: 0.01))
        #expect(throws: TrainingError.invalidConfiguration([
            "dropout must lie in [0, 1), not 1.0",
            "the batch size must be at least 1, not 0",
            "two runs are labelled 'Adam'",
        ])) { try Trainer.run(configuration) }
    }

    @Test func missingMNISTIsAnErrorValue() {
        var configuration = Self.small
        configuration.dataset = .mnist(path: "/nonexistent-coursegen-mnist")
        #expect(throws: TrainingError.self) { try Trainer.run(configuration) }
    }

    @Test(arguments: BatchSampling.allCases)
    func samplerDrawsValidIndices(_ sampling: BatchSampling) {
        var sampler = BatchSampler(sampling: sampling, sampleCount: 10, batchSize: 4, seed: 1)
        var seen = [Int]()
        for _ in 0..<2 {
            sampler.next()
            #expect(sampler.batch.count == 4 && sampler.batch.allSatisfy { (0..<10).contains($0) })
            seen += sampler.batch
        }
        if sampling == .shuffledEpochs {
            #expect(Set(seen).count == 8, "no repeats within an epoch")
        }
    }
}
