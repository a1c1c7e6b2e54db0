/// What `ActivationHistograms.run` takes for an `Activations { … }` study: standard-normal inputs through a stack of equal dense layers, once per initialisation.
///
/// The Deep Learning from Scratch ch. 6 experiment: 1,000 inputs of 100 features
/// through five layers of 100 units without biases, histogramming each layer's
/// activations, to show sigmoid saturating with N(0, 1) weights, collapsing to 0.5 with
/// N(0, 0.01²), and staying spread with Xavier; and ReLU staying spread with He.
public struct ActivationHistogramsConfiguration: Hashable, Sendable {
    /// One row of the figure: an initialisation and its label.
    public struct Row: Hashable, Sendable {
        public var label: String
        public var initialization: Initialization

        public init(label: String, initialization: Initialization) {
            self.label = label
            self.initialization = initialization
        }
    }

    public var title: String
    /// The number of dense layers.
    public var layers: Int
    /// Units per layer, and features per input.
    public var units: Int
    public var activation: Activation
    public var rows: [Row]
    /// How many standard-normal input vectors to feed.
    public var inputSamples: Int
    /// Histogram bins over `range`.
    public var bins: Int
    /// The histogram range; nil takes the activation's own bounds ([0, 1] sigmoid, [−1, 1] tanh) or [0, 3] for ReLU.
    public var range: ClosedRange<Double>?
    public var seed: UInt64

    public init(
        title: String, layers: Int = 5, units: Int = 100, activation: Activation = .sigmoid, rows: [Row],
        inputSamples: Int = 1000, bins: Int = 30, range: ClosedRange<Double>? = nil, seed: UInt64 = 0
    ) {
        self.title = title
        self.layers = layers
        self.units = units
        self.activation = activation
        self.rows = rows
        self.inputSamples = inputSamples
        self.bins = bins
        self.range = range
        self.seed = seed
    }

    /// The range histograms are taken over.
    public var histogramRange: ClosedRange<Double> { range ?? activation.bounds ?? 0...3 }

    /// What is wrong with the configuration, one message per problem; empty when it can run.
    public var validationErrors: [String] {
        var errors = [String]()
        if layers < 1 { errors.append("an activation study needs at least 1 layer, not \(layers)") }
        if units < 1 { errors.append("layers need at least 1 unit, not \(units)") }
        if inputSamples < 1 { errors.append("inputSamples must be at least 1, not \(inputSamples)") }
        if bins < 1 { errors.append("bins must be at least 1, not \(bins)") }
        if let range, !(range.lowerBound < range.upperBound && range.lowerBound.isFinite && range.upperBound.isFinite) {
            errors.append("the histogram range must be finite and not empty")
        }
        if rows.isEmpty { errors.append("an activation study needs at least one initialisation") }
        errors += rows.compactMap { row in row.initialization.validationError.map { "\(row.label): \($0)" } }
        return errors
    }
}
