/// Samples with class labels: a row-major feature matrix and one label per row.
public struct LabeledData: Hashable, Sendable {
    /// `count × featureCount` values, row-major.
    public var features: [Double]
    public var featureCount: Int
    /// One class index in `0..<classCount` per sample.
    public var labels: [Int]
    public var classCount: Int

    public init(features: [Double], featureCount: Int, labels: [Int], classCount: Int) {
        precondition(features.count == labels.count * featureCount, "features and labels disagree in count")
        self.features = features
        self.featureCount = featureCount
        self.labels = labels
        self.classCount = classCount
    }

    /// The number of samples.
    public var count: Int { labels.count }

    /// The features of sample `index`.
    public func sample(_ index: Int) -> ArraySlice<Double> {
        features[index * featureCount..<(index + 1) * featureCount]
    }

    /// The samples at `indices`, in that order.
    public func subset(_ indices: some Collection<Int>) -> LabeledData {
        var newFeatures = [Double]()
        newFeatures.reserveCapacity(indices.count * featureCount)
        for index in indices { newFeatures.append(contentsOf: sample(index)) }
        return LabeledData(
            features: newFeatures, featureCount: featureCount, labels: indices.map { labels[$0] }, classCount: classCount)
    }
}
