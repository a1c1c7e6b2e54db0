import Optimizers
import Testing

@testable import NeuralNetworks

/// A schedule-free training steps the parameters y and is evaluated at the average x, as the
/// package's `optimizer.eval()` sets them: the report's accuracies and final loss are x's.
@Suite struct ScheduleFreeTrainingTests {
    static let configuration = TrainingConfiguration(
        title: "schedule-free", dataset: .spirals(samplesPerClass: 60), hidden: [16, 16], activation: .tanh,
        initialization: .xavierUniform(), dropout: 0, l2: 0, batchSize: 32, iterations: 40,
        sampling: .shuffledEpochs, seed: 7,
        runs: [TrainingRun(label: "SF", optimizer: OptimizerConfig(callName: "ScheduleFreeSGD", arguments: ["lr": .real(0.5)]))])

    /// The same steps as the trainer, replayed here: the final y and x.
    static func replay() throws -> (y: [Double], x: [Double], evaluator: NetworkEvaluator, split: DatasetSplit) {
        let c = configuration
        let split = try Trainer.loadData(c)
        let architecture = NetworkArchitecture(
            inputSize: split.train.featureCount, hidden: c.hidden, outputSize: max(split.train.classCount, split.test.classCount),
            activation: c.activation, dropout: c.dropout)
        let initial = architecture.initialParameters(weights: c.initialization, biases: c.biasInitialization, seed: c.seed)
        let kernel = MatrixKernel.preferred
        let objective = NetworkObjective(
            architecture: architecture, data: split.train, l2: c.l2, batchCapacity: c.batchSize, kernel: kernel, dropoutSeed: c.seed)
        let oracle = GradientOracle(objective, seed: c.seed)
        var sampler = BatchSampler(sampling: c.sampling, sampleCount: split.train.count, batchSize: c.batchSize, seed: c.seed)
        let optimizer = try #require(Optimizer(c.runs[0].optimizer, dimension: architecture.parameterCount))
        var y = initial
        for t in 0..<c.iterations {
            sampler.next()
            objective.useBatch(sampler.batch)
            oracle.beginStep(t)
            y.withUnsafeMutableBufferPointer { _ = optimizer.step($0, oracle: oracle) }
        }
        var x = y
        y.withUnsafeBufferPointer { yp in x.withUnsafeMutableBufferPointer { optimizer.evaluationPoint(of: yp, into: $0) } }
        return (y, x, NetworkEvaluator(architecture: architecture, kernel: kernel), split)
    }

    @Test func accuraciesAndFinalLossAreTheAverageX() throws {
        let report = try Trainer.run(Self.configuration, maxConcurrentRuns: 1)
        let result = try #require(report.results.first)
        #expect(result.halt == nil && result.divergedAt == nil)
        let (y, x, evaluator, split) = try Self.replay()
        // x and y differ enough here that the figures tell which one was evaluated.
        #expect(evaluator.meanLoss(parameters: x, on: split.train) != evaluator.meanLoss(parameters: y, on: split.train))
        #expect(x != y)
        #expect(result.finalTrainLoss == evaluator.meanLoss(parameters: x, on: split.train))
        #expect(result.trainAccuracy == evaluator.accuracy(parameters: x, on: split.train))
        #expect(result.testAccuracy == evaluator.accuracy(parameters: x, on: split.test))
    }
}
