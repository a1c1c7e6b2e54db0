/// An activation study's histograms: one row per initialisation, one histogram per layer.
public struct ActivationHistogramsResult: Hashable, Sendable {
    public struct Row: Hashable, Sendable {
        public var label: String
        public var initialization: Initialization
        public var layers: [LayerHistogram]

        public init(label: String, initialization: Initialization, layers: [LayerHistogram]) {
            self.label = label
            self.initialization = initialization
            self.layers = layers
        }
    }

    public var configuration: ActivationHistogramsConfiguration
    public var rows: [Row]

    public init(configuration: ActivationHistogramsConfiguration, rows: [Row]) {
        self.configuration = configuration
        self.rows = rows
    }
}
