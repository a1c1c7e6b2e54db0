/// A whole `Training` experiment's outcome: what was trained on, and one `TrainingResult` per run in the configuration's order.
public struct TrainingReport: Hashable, Sendable {
    public var configuration: TrainingConfiguration
    public var trainCount: Int
    /// Samples in the validation set; 0 when none is held out.
    public var validationCount: Int
    public var testCount: Int
    public var featureCount: Int
    public var classCount: Int
    /// Length of the flat parameter vector.
    public var parameterCount: Int
    /// The dataset's citation, when it has one.
    public var datasetCitation: String?
    /// The matrix kernel that computed the numbers ("OpenBLAS 0.3.21 Haswell"): part of a result cache's key.
    public var kernel: String
    public var results: [TrainingResult]

    public init(
        configuration: TrainingConfiguration, trainCount: Int, validationCount: Int = 0, testCount: Int, featureCount: Int, classCount: Int,
        parameterCount: Int, datasetCitation: String?, kernel: String, results: [TrainingResult]
    ) {
        self.configuration = configuration
        self.trainCount = trainCount
        self.validationCount = validationCount
        self.testCount = testCount
        self.featureCount = featureCount
        self.classCount = classCount
        self.parameterCount = parameterCount
        self.datasetCitation = datasetCitation
        self.kernel = kernel
        self.results = results
    }
}
