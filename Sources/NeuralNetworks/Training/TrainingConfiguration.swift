import Optimizers

/// A `Training { … }` experiment: the data, the network, the loop, and one run per optimizer.
///
/// Every run starts from the same initial parameters and sees the same sequence of
/// mini-batches and dropout masks (each from its own stream of `seed`), so runs differ
/// only in their optimizer. `validationErrors` lists what is out of range.
public struct TrainingConfiguration: Hashable, Sendable {
    public var title: String
    public var dataset: DatasetSource
    /// The fraction of samples held out for testing (ignored by `.mnist`, which has its own split).
    public var testFraction: Double
    /// The fraction of all samples held out for validation, disjoint from the training and
    /// test sets (for `.mnist`, taken from its training images); 0, the default, holds none.
    /// Methods and settings are chosen on validation accuracy, so that the test accuracy
    /// of the chosen one stays an honest estimate.
    public var validationFraction: Double
    /// When set, only the first this-many training samples are used: a small training
    /// set to overfit on. The validation and test sets stay whole.
    public var trainingSamples: Int?
    /// Widths of the hidden layers, input side first.
    public var hidden: [Int]
    public var activation: Activation
    /// How weights start; biases follow `biasInitialization`.
    public var initialization: Initialization
    public var biasInitialization: BiasInitialization
    /// Dropout probability after each hidden layer in training, in [0, 1).
    public var dropout: Double
    /// Whether every hidden layer is batch-normalised before its activation (`nn.BatchNorm1d`,
    /// the layer's bias left out); evaluation uses the running statistics.
    public var batchNorm: Bool
    /// λ of the (λ/2)‖W‖² penalty added to the loss.
    public var l2: Double
    /// How each step's gradient is clipped before the optimizer sees it; nil, the default, not at all.
    public var clipping: GradientClipping?
    public var batchSize: Int
    /// Optimizer steps per run.
    public var iterations: Int
    public var sampling: BatchSampling
    public var seed: UInt64
    /// Test (training, and validation) accuracy is measured every this-many iterations, and at the start and end.
    public var evaluationInterval: Int
    public var runs: [TrainingRun]

    public init(
        title: String, dataset: DatasetSource = .digits, testFraction: Double = 0.2, validationFraction: Double = 0,
        trainingSamples: Int? = nil,
        hidden: [Int] = [100, 100, 100, 100], activation: Activation = .relu,
        initialization: Initialization = .kaimingNormal(), biasInitialization: BiasInitialization = .zeros,
        dropout: Double = 0, batchNorm: Bool = false, l2: Double = 0, clipping: GradientClipping? = nil, batchSize: Int = 128, iterations: Int = 2000,
        sampling: BatchSampling = .withReplacement, seed: UInt64 = 0, evaluationInterval: Int? = nil,
        runs: [TrainingRun] = []
    ) {
        self.title = title
        self.dataset = dataset
        self.testFraction = testFraction
        self.validationFraction = validationFraction
        self.trainingSamples = trainingSamples
        self.hidden = hidden
        self.activation = activation
        self.initialization = initialization
        self.biasInitialization = biasInitialization
        self.dropout = dropout
        self.batchNorm = batchNorm
        self.l2 = l2
        self.clipping = clipping
        self.batchSize = batchSize
        self.iterations = iterations
        self.sampling = sampling
        self.seed = seed
        // About 40 checkpoints by default: enough for a smooth accuracy curve, cheap to compute.
        self.evaluationInterval = evaluationInterval ?? max(1, iterations / 40)
        self.runs = runs
    }

    /// What is wrong with the configuration, one message per problem; empty when it can run.
    ///
    /// Dataset files (`.mnist`) are only checked when the experiment runs.
    /// Whether a validation set is held out.
    public var hasValidation: Bool { validationFraction > 0 }

    /// Batch normalisation sits between a hidden layer and its activation.
    public static let batchNormWithoutHiddenLayers = "batch normalisation follows hidden layers, and this network has none"
    /// One sample has no variance to normalise by (torch refuses it in training).
    public static let batchNormNeedsTwoSamples = "batch normalisation needs at least 2 samples per batch to estimate a variance"

    public var validationErrors: [String] {
        var errors = [String]()
        if !(testFraction > 0 && testFraction < 1) { errors.append("the test fraction must lie strictly between 0 and 1, not \(testFraction)") }
        if !(validationFraction >= 0 && validationFraction < 1) {
            errors.append("the validation fraction must lie in [0, 1), not \(validationFraction)")
        } else if testFraction > 0, testFraction + validationFraction >= 1 {
            errors.append("the test and validation fractions together must be below 1, not \(testFraction + validationFraction)")
        }
        if let trainingSamples, trainingSamples < 1 { errors.append("trainingSamples must be at least 1, not \(trainingSamples)") }
        if let bad = hidden.first(where: { $0 < 1 }) { errors.append("hidden layers need at least 1 unit, not \(bad)") }
        if let message = initialization.validationError { errors.append(message) }
        if !(dropout >= 0 && dropout < 1) { errors.append("dropout must lie in [0, 1), not \(dropout)") }
        if !(l2 >= 0 && l2.isFinite) { errors.append("the L2 coefficient must be ≥ 0, not \(l2)") }
        if let message = clipping?.validationError { errors.append(message) }
        if batchSize < 1 { errors.append("the batch size must be at least 1, not \(batchSize)") }
        if batchNorm, hidden.isEmpty { errors.append(Self.batchNormWithoutHiddenLayers) }
        if batchNorm, batchSize == 1 { errors.append(Self.batchNormNeedsTwoSamples) }
        if iterations < 1 { errors.append("iterations must be at least 1, not \(iterations)") }
        if evaluationInterval < 1 { errors.append("the evaluation interval must be at least 1, not \(evaluationInterval)") }
        if runs.isEmpty { errors.append("a training experiment needs at least one optimizer") }
        for run in runs {
            errors += OptimizerCatalog.problems(in: run.optimizer).map { "\(run.label): \($0.message)" }
            errors += (run.schedule?.problems ?? []).map { "\(run.label): \($0)" }
        }
        var seen = Set<String>()
        for run in runs where !seen.insert(run.label).inserted { errors.append("two runs are labelled '\(run.label)'") }
        return errors
    }
}
