import NeuralNetworks

/// What running a checked directive will take, estimated before it runs: arithmetic
/// operations and the bytes its data and results hold at once.
///
/// Every per-item limit of the language can hold while their product is enormous (64 runs
/// of 100,000 steps, a dataset of 100,000 × 100,000 samples, sixteen layers of 4,096 units
/// on batches of 65,536), so a build checks the product against a ``CostBudget`` first.
/// Estimates err high and count what dominates: objective evaluations and optimizer
/// updates, matrix products of forward and backward passes, evaluation sweeps, contour grids.
public struct DirectiveCost: Hashable, Sendable {
    /// Floating-point operations, roughly.
    public var operations: Double
    /// Bytes held at the peak: datasets, activations, parameters and optimizer state, recorded paths.
    public var bytes: Double

    public static let zero = DirectiveCost(operations: 0, bytes: 0)

    /// The estimate for `directive`.
    public static func of(_ directive: Directive) -> DirectiveCost { directive.checked.cost }

    static func of(_ experiment: Experiment) -> DirectiveCost {
        let dimension = Double(experiment.objective.dimension)
        // One evaluation of f and its gradient: the tape's steps forward and back; a finite
        // sum evaluates its mini-batch (or every sample).
        var evaluation = experiment.objective.symbolic.map { 3 * Double($0.tape.stepCount + $0.graph.nodes.count) } ?? 200
        if let samples = experiment.objective.sampleCount {
            evaluation *= Double(experiment.batchSize ?? samples)
        }
        let paths = Double(experiment.runs.count) * Double(max(1, experiment.starts.count))
        // A run whose effective learning rate a claim is about keeps one more number per coordinate and step.
        let recording = Set(experiment.expectations.compactMap(\.effectiveLearningRateLabel))
        let recordingPaths = Double(recording.count) * Double(max(1, experiment.starts.count))
        let steps = Double(experiment.steps)
        // Newton and L-BFGS take a Hessian or up to 25 evaluations per step; count every step as if they might.
        let perStep = evaluation * (1 + dimension * dimension) + 60 * dimension
        let landscape = (dimension >= 2 ? 240.0 * 240.0 : 600.0) * evaluation
        // Operations are counted in matrix-product flops, the trainings' unit; an interpreted
        // scalar step costs about ten of them (measured: 2.5 × 10¹¹ training flops and
        // 3.6 × 10⁹ scalar operations of 2-D runs each take seconds on one core).
        return DirectiveCost(operations: scalarWeight * (paths * steps * perStep + landscape),
                             bytes: (paths * (dimension + 3) + recordingPaths * dimension) * (steps + 1) * 8 + 240 * 240 * 8)
    }

    /// Matrix-product flops that one interpreted scalar operation costs as much time as.
    static let scalarWeight = 10.0

    static func of(_ configuration: TrainingConfiguration) -> DirectiveCost {
        let shape = DatasetShape(configuration.dataset)
        let widths = [Double(shape.features)] + configuration.hidden.map(Double.init) + [Double(shape.classes)]
        let weights = zip(widths, widths.dropFirst()).reduce(0) { $0 + $1.0 * $1.1 }
        let units = widths.reduce(0, +)
        let widestLayer = widths.dropFirst().max() ?? 1
        let batch = Double(configuration.batchSize)
        let iterations = Double(configuration.iterations)
        let evaluations = iterations / Double(max(1, configuration.evaluationInterval)) + 2
        let perRun = iterations * batch * 6 * weights            // forward, backward, gradient products
            + evaluations * shape.samples * 2 * weights          // accuracy on the training and test sets
            + (shape.features == 2 ? 200 * 200 * 2 * weights : 0)  // decision regions
        let runs = Double(max(1, configuration.runs.count))
        let bytes = shape.samples * Double(shape.features + 1) * 8 // the dataset
            + weights * 8 * 5                                      // weights, gradients, optimizer state
            + batch * units * 8 * 3                                // a batch's activations and their gradients
            + shape.samples * widestLayer * 8 * 2                  // an evaluation sweep: two layers' outputs at a time
            + runs * (iterations + evaluations) * 8 * 3            // the recorded curves
        return DirectiveCost(operations: runs * perRun + shape.samples * Double(shape.features) * 20, bytes: bytes)
    }

    static func of(_ configuration: ActivationHistogramsConfiguration) -> DirectiveCost {
        let samples = Double(configuration.inputSamples)
        let units = Double(configuration.units)
        let layers = Double(configuration.layers)
        let rows = Double(max(1, configuration.rows.count))
        return DirectiveCost(operations: rows * samples * layers * units * units * 2,
                             bytes: samples * units * 8 * (layers + 1) * rows + layers * units * units * 8)
    }

    public static func + (a: DirectiveCost, b: DirectiveCost) -> DirectiveCost {
        DirectiveCost(operations: a.operations + b.operations, bytes: a.bytes + b.bytes)
    }
}

/// The size of a dataset from its arguments alone, before anything is generated or read:
/// the product of the arguments, as a `Double` so that no product can overflow.
struct DatasetShape {
    var samples: Double
    var features: Int
    var classes: Int

    init(_ source: DatasetSource) {
        switch source {
        case .digits: (samples, features, classes) = (1797, 64, 10)
        case .spirals(let perClass, let classCount, _): (samples, features, classes) = (Double(perClass) * Double(classCount), 2, classCount)
        case .moons(let count, _): (samples, features, classes) = (Double(count), 2, 2)
        case .blobs(let count, let centers, _): (samples, features, classes) = (Double(count), 2, centers)
        // MNIST's own files: 70,000 images of 28 × 28; larger files are refused when read.
        case .mnist: (samples, features, classes) = (70_000, 784, 10)
        }
    }
}

/// How much one fence and one whole build may cost before they run.
///
/// The defaults let the course's heaviest training (four runs of a 64-100-100-100-100-10
/// network, 2,000 iterations of 128 digits: about 2.5 × 10¹¹ operations, a few seconds on
/// one core) through with room to spare, and stop a fence that would take more than a
/// minute or two or more than 1 GiB. `--max-cost` raises the operations budget.
public struct CostBudget: Hashable, Sendable {
    /// Operations one fence may take.
    public var operationsPerFence: Double
    /// Operations all fences of a build may take together.
    public var operationsPerBuild: Double
    /// Bytes one fence may hold.
    public var bytesPerFence: Double

    public init(operationsPerFence: Double = 2e12, operationsPerBuild: Double? = nil, bytesPerFence: Double = 1_073_741_824) {
        self.operationsPerFence = operationsPerFence
        self.operationsPerBuild = operationsPerBuild ?? operationsPerFence * 8
        self.bytesPerFence = bytesPerFence
    }

    public static let standard = CostBudget()
}
