/// Accuracy measured during training, before the step of iteration `iteration` (0 = the initial network).
public struct TrainingCheckpoint: Hashable, Sendable {
    public var iteration: Int
    /// Fraction of the (possibly subset) training set classified correctly, without dropout.
    public var trainAccuracy: Double
    /// Fraction of the validation set classified correctly, without dropout; nil when the
    /// experiment holds no validation set out.
    public var validationAccuracy: Double?
    /// Fraction of the test set classified correctly, without dropout.
    public var testAccuracy: Double

    public init(iteration: Int, trainAccuracy: Double, validationAccuracy: Double? = nil, testAccuracy: Double) {
        self.iteration = iteration
        self.trainAccuracy = trainAccuracy
        self.validationAccuracy = validationAccuracy
        self.testAccuracy = testAccuracy
    }
}
