/// A dataset's training, validation and test sets, disjoint.
///
/// `validation` is empty when the experiment holds no validation set out.
public struct DatasetSplit: Hashable, Sendable {
    public var train: LabeledData
    public var validation: LabeledData
    public var test: LabeledData

    public init(train: LabeledData, validation: LabeledData? = nil, test: LabeledData) {
        self.train = train
        self.validation = validation ?? train.subset([Int]())
        self.test = test
    }
}
