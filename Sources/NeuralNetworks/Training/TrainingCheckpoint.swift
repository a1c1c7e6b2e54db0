/// Accuracy measured during training, before the step of iteration `iteration` (0 = the initial network).
public struct TrainingCheckpoint: Hashable, Sendable {
    public var iteration: Int
    /// Fraction of the (possibly subset) training set classified correctly, without dropout.
    public var trainAccuracy: Double
    /// Fraction of the test set classified correctly, without dropout.
    public var testAccuracy: Double

    public init(iteration: Int, trainAccuracy: Double, testAccuracy: Double) {
        self.iteration = iteration
        self.trainAccuracy = trainAccuracy
        self.testAccuracy = testAccuracy
    }
}
