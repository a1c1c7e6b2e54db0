extension StatementSpec {
    /// The statements inside `Training { … }`, besides optimizer calls.
    public static let training: [StatementSpec] = [
        StatementSpec(name: "Dataset", signature: "Dataset(_ source: .dataset, test: Double = 0.2, validation: Double = 0, trainingSamples: Int? = nil)", isRepeatable: false,
                      summary: "The data: .digits, .spirals(…), .moons(…), .blobs(…) or .mnist(path:); the test fraction; the validation fraction (of the whole dataset, 0 = none); optionally a smaller training set. Required."),
        StatementSpec(name: "Network", signature: "Network(hidden: [Int], activation: .relu, initialization: .kaimingNormal, biasInitialization: .zeros, dropout: 0)", isRepeatable: false,
                      summary: "Dense hidden layers of the given widths, their activation, how weights and biases start, and dropout after each hidden layer. Required."),
        StatementSpec(name: "BatchSize", signature: "BatchSize(_ size: Int)", isRepeatable: false,
                      summary: "Samples per mini-batch; 128 by default."),
        StatementSpec(name: "Iterations", signature: "Iterations(_ count: Int)", isRepeatable: false,
                      summary: "Optimizer steps per run, 1 to 100,000; 2,000 by default."),
        StatementSpec(name: "Seed", signature: "Seed(_ seed: UInt64)", isRepeatable: false,
                      summary: "Seed of the split, the initial weights, the batches and dropout; 0 by default."),
        StatementSpec(name: "L2", signature: "L2(_ lambda: Double)", isRepeatable: false,
                      summary: "Adds (λ/2)‖W‖² over the weights (not the biases) to the loss; 0 by default."),
        StatementSpec(name: "Sampling", signature: "Sampling(.withReplacement | .shuffledEpochs)", isRepeatable: false,
                      summary: "Batches of independent draws (the default, as Deep Learning from Scratch), or a fresh permutation each epoch."),
        StatementSpec(name: "EvaluationInterval", signature: "EvaluationInterval(_ iterations: Int)", isRepeatable: false,
                      summary: "Accuracy is measured every this many iterations; a fortieth of the run by default."),
        StatementSpec(name: "Expect", signature: "Expect(_ label: String, testAccuracy: Double) and other claims", isRepeatable: true,
                      summary: "A claim about a run's final figures, checked after training; a false claim fails the build."),
    ]

    /// The statements inside `Activations { … }`.
    public static let activations: [StatementSpec] = [
        StatementSpec(name: "Network", signature: "Network(layers: Int = 5, units: Int = 100, activation: .sigmoid)", isRepeatable: false,
                      summary: "The stack of dense layers without biases; five of 100 sigmoid units by default."),
        StatementSpec(name: "Weights", signature: "Weights(_ initialization: .initializer)", isRepeatable: true,
                      summary: "One row of histograms: the layers' weights drawn with this initialisation. Takes .label(\"…\")."),
        StatementSpec(name: "Inputs", signature: "Inputs(_ count: Int)", isRepeatable: false,
                      summary: "How many standard-normal input vectors to feed; 1,000 by default."),
        StatementSpec(name: "Histogram", signature: "Histogram(bins: Int = 30, range: ClosedRange? = nil)", isRepeatable: false,
                      summary: "Bins and range of every histogram; the activation's own range by default ([0, 3] for ReLU)."),
        StatementSpec(name: "Seed", signature: "Seed(_ seed: UInt64)", isRepeatable: false,
                      summary: "Seed of the inputs and the weights; 0 by default."),
        StatementSpec(name: "Expect", signature: "Expect(_ label: String, layer: Int, stdAbove: Double) and other claims", isRepeatable: true,
                      summary: "A claim about one layer's activations under one row's weights."),
    ]
}
