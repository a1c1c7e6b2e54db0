/// A fully connected classifier: dense layers with an activation between them, logits out.
///
/// Parameters live in ONE flat `[Double]` so every optimizer in the catalog steps them
/// unchanged. Layer by layer, in PyTorch's `nn.Sequential(...).parameters()` order:
/// the weight matrix W (outputs × inputs, row-major, as `nn.Linear.weight`), then the
/// bias b (outputs) when the network has biases. A layer computes z = W·a + b; every
/// hidden layer then applies `activation` and, in training, inverted dropout with
/// probability `dropout` (kept units scaled by 1/(1 − p), as `nn.Dropout`); the last
/// layer's z are the class logits.
public struct NetworkArchitecture: Hashable, Sendable {
    /// Where one dense layer's parameters sit in the flat vector.
    public struct Layer: Hashable, Sendable {
        public let inputs: Int
        public let outputs: Int
        /// The offset of W (outputs × inputs, row-major).
        public let weightOffset: Int
        /// The offset of b, nil when the network has no biases.
        public let biasOffset: Int?

        /// W's slice of the flat parameter vector.
        public var weightRange: Range<Int> { weightOffset..<weightOffset + inputs * outputs }
        /// b's slice of the flat parameter vector, nil without biases.
        public var biasRange: Range<Int>? { biasOffset.map { $0..<$0 + outputs } }

        /// fan_in and fan_out as `torch.nn.init` computes them for W.
        public var fanIn: Int { inputs }
        public var fanOut: Int { outputs }
    }

    public let inputSize: Int
    public let hidden: [Int]
    public let outputSize: Int
    public let activation: Activation
    /// The probability of zeroing a hidden unit in training, in [0, 1).
    public let dropout: Double
    public let hasBias: Bool
    /// The dense layers, input to output.
    public let layers: [Layer]
    /// The length of the flat parameter vector.
    public let parameterCount: Int

    /// Lays out a network; sizes must be positive and `dropout` in [0, 1).
    public init(inputSize: Int, hidden: [Int], outputSize: Int, activation: Activation, dropout: Double = 0, bias: Bool = true) {
        precondition(inputSize > 0 && outputSize > 0 && hidden.allSatisfy { $0 > 0 }, "layer sizes must be positive")
        precondition(dropout >= 0 && dropout < 1, "dropout must lie in [0, 1)")
        self.inputSize = inputSize
        self.hidden = hidden
        self.outputSize = outputSize
        self.activation = activation
        self.dropout = dropout
        self.hasBias = bias
        let sizes = [inputSize] + hidden + [outputSize]
        var layers = [Layer]()
        var offset = 0
        for (inputs, outputs) in zip(sizes, sizes.dropFirst()) {
            let weightOffset = offset
            offset += inputs * outputs
            let biasOffset = bias ? offset : nil
            if bias { offset += outputs }
            layers.append(Layer(inputs: inputs, outputs: outputs, weightOffset: weightOffset, biasOffset: biasOffset))
        }
        self.layers = layers
        self.parameterCount = offset
    }

    /// The widest layer, for sizing buffers.
    var maxWidth: Int { ([inputSize, outputSize] + hidden).max()! }
}
