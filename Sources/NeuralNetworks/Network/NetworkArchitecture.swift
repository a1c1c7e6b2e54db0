/// A fully connected classifier: dense layers with an activation between them, logits out.
///
/// Parameters live in ONE flat `[Double]` so every optimizer in the catalog steps them
/// unchanged. Layer by layer, in PyTorch's `nn.Sequential(...).parameters()` order:
/// the weight matrix W (outputs × inputs, row-major, as `nn.Linear.weight`), then the
/// bias b (outputs) when the layer has one, then, for a batch-normalised hidden layer, its
/// scale γ and shift β (outputs each, as `nn.BatchNorm1d.weight` and `.bias`). A layer
/// computes z = W·a + b; with batch normalisation a hidden layer computes z = W·a and then
/// γ ⊙ (z − μ)/√(σ² + ε) + β, before its activation, as Ioffe & Szegedy (2015) and Deep
/// Learning from Scratch (6.3) place it; its bias is left out, since subtracting the batch
/// mean μ cancels it and β takes its place (Ioffe & Szegedy, §3.2). Every hidden layer then
/// applies `activation` and, in training, inverted dropout with probability `dropout` (kept
/// units scaled by 1/(1 − p), as `nn.Dropout`); the last layer's z are the class logits.
public struct NetworkArchitecture: Hashable, Sendable {
    /// Where one dense layer's parameters sit in the flat vector.
    public struct Layer: Hashable, Sendable {
        public let inputs: Int
        public let outputs: Int
        /// The offset of W (outputs × inputs, row-major).
        public let weightOffset: Int
        /// The offset of b, nil when the network has no biases or the layer is batch-normalised.
        public let biasOffset: Int?
        /// The layer's batch normalisation, nil for the output layer and without `batchNorm`.
        public let normalization: Normalization?

        /// W's slice of the flat parameter vector.
        public var weightRange: Range<Int> { weightOffset..<weightOffset + inputs * outputs }
        /// b's slice of the flat parameter vector, nil without biases.
        public var biasRange: Range<Int>? { biasOffset.map { $0..<$0 + outputs } }

        /// fan_in and fan_out as `torch.nn.init` computes them for W.
        public var fanIn: Int { inputs }
        public var fanOut: Int { outputs }
    }

    /// Where a batch-normalised layer's γ and β sit in the flat vector, and its running
    /// statistics in a ``RunningStatistics``.
    public struct Normalization: Hashable, Sendable {
        /// The offset of γ (outputs), which starts at 1.
        public let scaleOffset: Int
        /// The offset of β (outputs), which starts at 0.
        public let shiftOffset: Int
        /// The offset of this layer's running mean and variance in ``RunningStatistics``.
        public let statisticsOffset: Int
    }

    /// `nn.BatchNorm1d`'s ε, added to the variance under the square root.
    public static let batchNormEpsilon = 1e-5
    /// `nn.BatchNorm1d`'s momentum: running ← (1 − m)·running + m·batch statistic.
    public static let batchNormMomentum = 0.1

    public let inputSize: Int
    public let hidden: [Int]
    public let outputSize: Int
    public let activation: Activation
    /// The probability of zeroing a hidden unit in training, in [0, 1).
    public let dropout: Double
    public let hasBias: Bool
    /// Whether every hidden layer is batch-normalised before its activation.
    public let batchNorm: Bool
    /// The dense layers, input to output.
    public let layers: [Layer]
    /// The length of the flat parameter vector.
    public let parameterCount: Int
    /// The length of each of the running mean and variance: the hidden widths' sum with
    /// batch normalisation, else 0.
    public let statisticsCount: Int

    /// Lays out a network; sizes must be positive and `dropout` in [0, 1).
    public init(
        inputSize: Int, hidden: [Int], outputSize: Int, activation: Activation, dropout: Double = 0, bias: Bool = true,
        batchNorm: Bool = false
    ) {
        precondition(inputSize > 0 && outputSize > 0 && hidden.allSatisfy { $0 > 0 }, "layer sizes must be positive")
        precondition(dropout >= 0 && dropout < 1, "dropout must lie in [0, 1)")
        self.inputSize = inputSize
        self.hidden = hidden
        self.outputSize = outputSize
        self.activation = activation
        self.dropout = dropout
        self.hasBias = bias
        self.batchNorm = batchNorm
        let sizes = [inputSize] + hidden + [outputSize]
        var layers = [Layer]()
        var offset = 0, statistics = 0
        for (index, (inputs, outputs)) in zip(sizes, sizes.dropFirst()).enumerated() {
            let normalized = batchNorm && index < hidden.count
            let weightOffset = offset
            offset += inputs * outputs
            let biasOffset = bias && !normalized ? offset : nil
            if biasOffset != nil { offset += outputs }
            var normalization: Normalization?
            if normalized {
                normalization = Normalization(scaleOffset: offset, shiftOffset: offset + outputs, statisticsOffset: statistics)
                offset += 2 * outputs
                statistics += outputs
            }
            layers.append(Layer(
                inputs: inputs, outputs: outputs, weightOffset: weightOffset, biasOffset: biasOffset, normalization: normalization))
        }
        self.layers = layers
        self.parameterCount = offset
        self.statisticsCount = statistics
    }

    /// The widest layer, for sizing buffers.
    var maxWidth: Int { ([inputSize, outputSize] + hidden).max()! }
}
