import CourseDiagnostics
import NeuralNetworks
import Optimizers

/// A checked `Training` builder: a network trained on a dataset once per optimizer call.
///
/// ``configuration`` is what `Trainer.run` takes (every run starts from the same weights
/// and sees the same batches); ``runs`` keeps each call as written, with its label and
/// colour, in the same order as `configuration.runs`.
public struct TrainingStudy: Sendable {
    public var title: String
    public var configuration: TrainingConfiguration
    /// One per optimizer call, in order; `runs[i]` is `configuration.runs[i]`.
    public var runs: [RunDescription]
    public var expectations: [TrainingExpectation]
    /// The fence's text, for a "source" disclosure beside the figures and for cache keys.
    public var source: String
    /// The builder's name in the chapter.
    public var location: SourceLocation

    /// Optimizer steps when `Iterations` is not written: Deep Learning from Scratch's ch. 6 comparison.
    public static let defaultIterations = 2000
    /// Seed when `Seed` is not written.
    public static let defaultSeed: UInt64 = 0
}

/// A claim about a training run's final figures, checked after training.
///
/// Accuracies are fractions in [0, 1] of the test (training, or validation) set classified
/// correctly by the final network, without dropout; losses are the mean cross-entropy
/// over the whole training set at the end. A diverged run's figures are those of its
/// last finite checkpoint, and a diverged run never satisfies a claim that it did well.
public struct TrainingExpectation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `testAccuracy: a`: the final test accuracy is at least a.
        case testAccuracy(label: String, atLeast: Double)
        /// `trainAccuracy: a`: the final training accuracy is at least a.
        case trainAccuracy(label: String, atLeast: Double)
        /// `testAccuracyBelow: a`: the final test accuracy is below a (a network that cannot learn).
        case testAccuracyBelow(label: String, Double)
        /// `trainLossBelow: l`: the final training loss is below l.
        case trainLossBelow(label: String, Double)
        /// `lowerTrainLossThan: "B"`: the final training loss is lower than B's.
        case lowerTrainLossThan(label: String, other: String)
        /// `higherTestAccuracyThan: "B"`: the final test accuracy is higher than B's.
        case higherTestAccuracyThan(label: String, other: String)
        /// `testAccuracyWithin: d, of: "B"`: the final test accuracies differ by at most d.
        case testAccuracyWithin(label: String, tolerance: Double, other: String)
        /// `validationAccuracy: a`: the final validation accuracy is at least a.
        case validationAccuracy(label: String, atLeast: Double)
        /// `validationAccuracyBelow: a`: the final validation accuracy is below a.
        case validationAccuracyBelow(label: String, Double)
        /// `higherValidationAccuracyThan: "B"`: the final validation accuracy is higher than B's:
        /// the claim that chooses between methods or settings, leaving the test set for the estimate.
        case higherValidationAccuracyThan(label: String, other: String)
        /// `validationAccuracyWithin: d, of: "B"`: the final validation accuracies differ by at most d.
        case validationAccuracyWithin(label: String, tolerance: Double, other: String)
        /// `gapAbove: g`: training accuracy exceeds test accuracy by more than g (overfitting).
        case gapAbove(label: String, Double)
        /// `gapBelow: g`: training accuracy exceeds test accuracy by less than g (a regularised network).
        case gapBelow(label: String, Double)
        /// `smallerGapThan: "B"`: the train–test accuracy gap is smaller than B's.
        case smallerGapThan(label: String, other: String)
        /// `diverges: true | false`: the run's loss or parameters stop being finite, or never do.
        case diverges(label: String, Bool)
    }

    public var kind: Kind
    /// The `Expect` call as written, whitespace normalised.
    public var call: String
    public var location: SourceLocation

    /// The labels of the runs the claim is about, the claimed one first.
    public var labels: [String] {
        switch kind {
        case .testAccuracy(let label, _), .trainAccuracy(let label, _), .testAccuracyBelow(let label, _),
             .trainLossBelow(let label, _), .gapAbove(let label, _), .gapBelow(let label, _), .diverges(let label, _),
             .validationAccuracy(let label, _), .validationAccuracyBelow(let label, _):
            return [label]
        case .lowerTrainLossThan(let label, let other), .higherTestAccuracyThan(let label, let other),
             .testAccuracyWithin(let label, _, let other), .smallerGapThan(let label, let other),
             .higherValidationAccuracyThan(let label, let other), .validationAccuracyWithin(let label, _, let other):
            return [label, other]
        }
    }
}

extension TrainingStudy: CheckedDirective {
    public var figureTitle: String? { title }

    public var cost: DirectiveCost { DirectiveCost.of(configuration) }
}
