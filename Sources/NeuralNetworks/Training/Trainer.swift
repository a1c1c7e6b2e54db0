import Foundation
import Optimizers
import Scheduling

/// Trains a `TrainingConfiguration`'s network once per run, with the optimizer engine's steppers.
///
/// Each run: the same initial parameters, the same batches and dropout masks; before
/// every step the sampler picks a batch, the `GradientOracle` sets the step's gradient
/// noise, and `Optimizer.step` asks it (and through it the `NetworkObjective`) for
/// gradients, so schedules, weight-decay variants, Lookahead, L-BFGS and gradient noise
/// work exactly as on the 2-D objectives. Runs execute in parallel across cores; each
/// depends only on the configuration, so the results are the same bits for any thread
/// count.
public enum Trainer {
    /// Side of the decision-boundary grid for 2-D datasets.
    static let boundaryResolution = 60

    /// Loads the data, trains every run, and reports.
    ///
    /// - Parameter maxConcurrentRuns: how many runs train at once; 1 runs serially, the default uses every core.
    public static func run(
        _ configuration: TrainingConfiguration, kernel: MatrixKernel = .preferred,
        maxConcurrentRuns: Int = WorkerPool.processorCount
    ) throws(TrainingError) -> TrainingReport {
        try run(configuration, kernel: kernel, pool: WorkerPool(workers: min(maxConcurrentRuns, configuration.runs.count)))
    }

    /// Loads the data, trains every run as a subtask of `pool`, and reports: inside a build's
    /// pool, the runs of one training share the cores with the other fences. With `shared`,
    /// a run another training of the build trained (or is training) is taken from it, not trained again.
    public static func run(
        _ configuration: TrainingConfiguration, kernel: MatrixKernel = .preferred, pool: WorkerPool,
        shared: SharedTrainingRuns? = nil
    ) throws(TrainingError) -> TrainingReport {
        precondition(shared.map { $0.keys.count == configuration.runs.count } ?? true, "one shared key per run")
        let problems = configuration.validationErrors
        guard problems.isEmpty else { throw .invalidConfiguration(problems) }
        let split = try loadData(configuration)
        let architecture = NetworkArchitecture(
            inputSize: split.train.featureCount, hidden: configuration.hidden,
            outputSize: max(split.train.classCount, split.test.classCount), activation: configuration.activation,
            dropout: configuration.dropout, batchNorm: configuration.batchNorm)
        // The sampler's batches are never larger than the training set, and one sample has no variance.
        if configuration.batchNorm, configuration.sampling == .shuffledEpochs, split.train.count < 2 {
            throw .invalidConfiguration([TrainingConfiguration.batchNormNeedsTwoSamples + ", and the training set holds \(split.train.count)"])
        }
        let initial = architecture.initialParameters(
            weights: configuration.initialization, biases: configuration.biasInitialization, seed: configuration.seed)

        let runs = configuration.runs
        let results = ResultSlots(count: runs.count)
        // Each run depends only on the configuration: which thread trains it never changes its numbers.
        pool.forEach(runs.count) { index in
            let trainRun = {
                train(runs[index], configuration: configuration, architecture: architecture, split: split, initial: initial, kernel: kernel)
            }
            guard let shared else { return results[index] = trainRun() }
            var result = shared.memo.value(for: shared.keys[index], in: pool, compute: trainRun)
            // The same computation as another fence's run, or another run of this fence: its numbers, this run's names.
            result.label = runs[index].label
            result.optimizer = runs[index].optimizer
            results[index] = result
        }
        return TrainingReport(
            configuration: configuration, trainCount: split.train.count, validationCount: split.validation.count, testCount: split.test.count,
            featureCount: split.train.featureCount, classCount: architecture.outputSize,
            parameterCount: architecture.parameterCount, datasetCitation: configuration.dataset.citation,
            kernel: kernel.description, results: results.values)
    }

    /// The configuration's training, validation and test sets, the training set cut to `trainingSamples`.
    static func loadData(_ configuration: TrainingConfiguration) throws(TrainingError) -> DatasetSplit {
        var split: DatasetSplit
        do {
            split = try configuration.dataset.split(
                testFraction: configuration.testFraction, validationFraction: configuration.validationFraction, seed: configuration.seed)
        } catch {
            throw .dataset(error)
        }
        if let limit = configuration.trainingSamples, limit < split.train.count {
            split.train = split.train.subset(0..<limit)
        }
        return split
    }

    /// One run, start to finish. A schedule-free method takes its gradients (and the training
    /// loss per iteration) at y, the parameters it steps, and is evaluated at its average x, as
    /// the package's `optimizer.eval()` would set the parameters: every accuracy, the final
    /// training loss and the decision regions are x's.
    ///
    /// With batch normalisation, the running statistics are those the training passes left
    /// (at y, for a schedule-free method), and every evaluation normalises with them.
    static func train(
        _ run: TrainingRun, configuration: TrainingConfiguration, architecture: NetworkArchitecture,
        split: DatasetSplit, initial: [Double], kernel: MatrixKernel
    ) -> TrainingResult {
        let evaluator = NetworkEvaluator(architecture: architecture, kernel: kernel)
        func checkpoint(_ iteration: Int, _ parameters: [Double], _ statistics: RunningStatistics? = nil) -> TrainingCheckpoint {
            TrainingCheckpoint(
                iteration: iteration, trainAccuracy: evaluator.accuracy(parameters: parameters, statistics: statistics, on: split.train),
                validationAccuracy: configuration.hasValidation
                    ? evaluator.accuracy(parameters: parameters, statistics: statistics, on: split.validation) : nil,
                testAccuracy: evaluator.accuracy(parameters: parameters, statistics: statistics, on: split.test))
        }
        guard let optimizer = Optimizer(run.optimizer, layout: architecture.parameterLayout) else {
            let first = checkpoint(0, initial)
            return TrainingResult(
                label: run.label, optimizer: run.optimizer, trainingLoss: [], learningRates: [], checkpoints: [first],
                finalTrainLoss: evaluator.meanLoss(parameters: initial, on: split.train),
                trainAccuracy: first.trainAccuracy, validationAccuracy: first.validationAccuracy, testAccuracy: first.testAccuracy,
                halt: .invalidConfiguration(OptimizerCatalog.problems(in: run.optimizer).map(\.message)))
        }
        let iterations = configuration.iterations
        let objective = NetworkObjective(
            architecture: architecture, data: split.train, l2: configuration.l2, clipping: configuration.clipping,
            batchCapacity: configuration.batchSize, kernel: kernel, dropoutSeed: configuration.seed)
        let oracle = GradientOracle(objective, noise: run.noise, seed: configuration.seed)
        var schedule = run.schedule.map { ScheduleStepper($0, base: optimizer.baseLearningRate) }
        var sampler = BatchSampler(
            sampling: configuration.sampling, sampleCount: split.train.count, batchSize: configuration.batchSize,
            seed: configuration.seed)

        var parameters = initial
        // The point evaluated: the schedule-free average x, or the parameters themselves (no copy).
        var average = optimizer.evaluatesAverage ? initial : []
        // The last parameters known finite, so a diverged run still reports sensible final figures.
        var lastHealthy = initial
        var lastHealthyStatistics = objective.runningStatistics
        var losses = [Double](), learningRates = [Double](), gradientNorms = [Double]()
        losses.reserveCapacity(iterations)
        learningRates.reserveCapacity(iterations)
        gradientNorms.reserveCapacity(iterations)
        var checkpoints = [checkpoint(0, initial)]
        var divergedAt: Int?
        var halt: TrainingResult.Halt?
        for t in 0..<iterations {
            sampler.next()
            objective.useBatch(sampler.batch)
            oracle.beginStep(t)
            let rate = schedule?.learningRate ?? optimizer.baseLearningRate
            let momentum = schedule?.momentum
            let status = parameters.withUnsafeMutableBufferPointer {
                optimizer.step($0, oracle: oracle, learningRate: rate, momentum: momentum)
            }
            if status != .moved {
                halt = .hessianUnavailable
                break
            }
            let loss = objective.firstValueOnBatch ?? .nan
            // The mini-batch loss the step's gradient was taken with, which a plateau schedule watches.
            schedule?.advance(loss: loss)
            losses.append(loss)
            learningRates.append(rate)
            gradientNorms.append(objective.gradientNormOnBatch ?? .nan)
            if !average.isEmpty {
                parameters.withUnsafeBufferPointer { y in
                    average.withUnsafeMutableBufferPointer { optimizer.evaluationPoint(of: y, into: $0) }
                }
            }
            guard loss.isFinite, allFinite(parameters), allFinite(average) else {
                divergedAt = t + 1
                break
            }
            if (t + 1) % configuration.evaluationInterval == 0 || t + 1 == iterations {
                let evaluated = average.isEmpty ? parameters : average
                checkpoints.append(checkpoint(t + 1, evaluated, objective.runningStatistics))
                lastHealthy = evaluated
                lastHealthyStatistics = objective.runningStatistics
            }
        }
        let healthy = divergedAt == nil && halt == nil
        let final = healthy ? (average.isEmpty ? parameters : average) : lastHealthy
        let finalStatistics = healthy ? objective.runningStatistics : lastHealthyStatistics
        let last = checkpoints.last!
        return TrainingResult(
            label: run.label, optimizer: run.optimizer, trainingLoss: losses, learningRates: learningRates, gradientNorms: gradientNorms,
            checkpoints: checkpoints, finalTrainLoss: evaluator.meanLoss(parameters: final, statistics: finalStatistics, on: split.train),
            trainAccuracy: last.trainAccuracy, validationAccuracy: last.validationAccuracy, testAccuracy: last.testAccuracy,
            divergedAt: divergedAt, halt: halt,
            decisionBoundary: architecture.inputSize == 2
                ? decisionBoundary(final, statistics: finalStatistics, evaluator: evaluator, split: split) : nil,
            syncSteps: optimizer.events.syncSteps, switchedAt: optimizer.events.switchedAt)
    }

    /// Whether every value is finite: x·0 is NaN exactly for infinities and NaNs, so one sum tells.
    static func allFinite(_ values: [Double]) -> Bool {
        values.withUnsafeBufferPointer { p in
            var accumulator = SIMD8<Double>()
            var i = 0
            while i + 8 <= p.count {
                accumulator += UnsafeRawPointer(p.baseAddress! + i).loadUnaligned(as: SIMD8<Double>.self) * 0
                i += 8
            }
            var rest = 0.0
            while i < p.count {
                rest += p[i] * 0
                i += 1
            }
            return (accumulator.sum() + rest) == 0
        }
    }

    static func decisionBoundary(
        _ parameters: [Double], statistics: RunningStatistics?, evaluator: NetworkEvaluator, split: DatasetSplit
    ) -> DecisionBoundary {
        let all = split.train.features + split.test.features
        let xs = stride(from: 0, to: all.count, by: 2).map { all[$0] }
        let ys = stride(from: 1, to: all.count, by: 2).map { all[$0] }
        func widened(_ values: [Double]) -> ClosedRange<Double> {
            let low = values.min() ?? -1, high = values.max() ?? 1
            let margin = max((high - low) * 0.1, 1e-3)
            return (low - margin)...(high + margin)
        }
        let xRange = widened(xs), yRange = widened(ys)
        let n = boundaryResolution
        var grid = [Double]()
        grid.reserveCapacity(2 * n * n)
        for row in 0..<n {
            let y = yRange.lowerBound + (Double(row) + 0.5) / Double(n) * (yRange.upperBound - yRange.lowerBound)
            for column in 0..<n {
                grid.append(xRange.lowerBound + (Double(column) + 0.5) / Double(n) * (xRange.upperBound - xRange.lowerBound))
                grid.append(y)
            }
        }
        let cells = LabeledData(features: grid, featureCount: 2, labels: [Int](repeating: 0, count: n * n), classCount: 1)
        return DecisionBoundary(
            xRange: xRange, yRange: yRange, columns: n, rows: n,
            predictions: evaluator.predictions(parameters: parameters, statistics: statistics, on: cells),
            trainPoints: split.train.features, trainLabels: split.train.labels,
            testPoints: split.test.features, testLabels: split.test.labels)
    }
}

/// One slot per run, written by exactly one worker each.
private final class ResultSlots: @unchecked Sendable {
    private var slots: [TrainingResult?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> TrainingResult? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }

    var values: [TrainingResult] { lock.withLock { slots.map { $0! } } }
}
