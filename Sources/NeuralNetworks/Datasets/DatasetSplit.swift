/// A dataset's training and test sets.
public struct DatasetSplit: Hashable, Sendable {
    public var train: LabeledData
    public var test: LabeledData

    public init(train: LabeledData, test: LabeledData) {
        self.train = train
        self.test = test
    }
}
