import Optimizers

/// Where a training experiment's data comes from.
///
/// `.digits` is compiled in (see `DigitsDataset` for its citation and licence); the
/// 2-D datasets are generated from the experiment's seed; `.mnist` reads IDX files
/// from a local folder and keeps MNIST's own train/test split.
public enum DatasetSource: Hashable, Sendable {
    /// The UCI 8×8 handwritten digits: 1,797 images, 64 features in [0, 1], 10 classes.
    case digits
    /// Interleaved spirals, one arm per class (CS231n), in the unit disc.
    case spirals(samplesPerClass: Int = 100, classes: Int = 3, noise: Double = 0.2)
    /// Two interleaving half moons (scikit-learn's `make_moons`).
    case moons(samples: Int = 300, noise: Double = 0.1)
    /// Isotropic Gaussian clusters with centres in [−10, 10)² (scikit-learn's `make_blobs`).
    case blobs(samples: Int = 300, centers: Int = 3, std: Double = 1)
    /// MNIST-layout IDX files in a local folder (see `MNISTDataset`): uncompressed, official split.
    case mnist(path: String)

    /// The name a directive writes: "digits", "spirals", "moons", "blobs", "mnist".
    public var name: String {
        switch self {
        case .digits: "digits"
        case .spirals: "spirals"
        case .moons: "moons"
        case .blobs: "blobs"
        case .mnist: "mnist"
        }
    }

    /// The citation to print beside results, for datasets that need one.
    public var citation: String? {
        switch self {
        case .digits:
            "Alpaydin, E. & Kaynak, C. (1998). Optical Recognition of Handwritten Digits. UCI Machine Learning Repository. https://doi.org/10.24432/C50P49 (CC BY 4.0)"
        case .mnist: "LeCun, Y., Cortes, C. & Burges, C. J. C. The MNIST database of handwritten digits."
        case .spirals, .moons, .blobs: nil
        }
    }

    /// What is wrong with a generated dataset's arguments, in the generators' words, found
    /// without generating anything (a checker must not build a dataset of 10¹⁰ samples to
    /// learn that its arguments are fine); `nil` when they are fine or the data is read.
    public var parameterProblem: DatasetError? {
        switch self {
        case .digits, .mnist: return nil
        case .spirals(let samplesPerClass, let classes, let noise):
            guard samplesPerClass >= 2, classes >= 2 else {
                return .invalidParameter("spirals need at least 2 classes of at least 2 samples each")
            }
            guard noise >= 0, noise.isFinite else { return .invalidParameter("noise must be ≥ 0, not \(noise)") }
        case .moons(let samples, let noise):
            guard samples >= 4 else { return .invalidParameter("moons need at least 4 samples, not \(samples)") }
            guard noise >= 0, noise.isFinite else { return .invalidParameter("noise must be ≥ 0, not \(noise)") }
        case .blobs(let samples, let centers, let std):
            guard centers >= 2, samples >= 2 * centers else {
                return .invalidParameter("blobs need at least 2 centers and 2 samples per center")
            }
            guard std >= 0, std.isFinite else { return .invalidParameter("std must be ≥ 0, not \(std)") }
        }
        return nil
    }

    /// Loads the data and splits it into training and test sets.
    public func split(testFraction: Double, seed: UInt64) throws(DatasetError) -> DatasetSplit {
        try split(testFraction: testFraction, validationFraction: 0, seed: seed)
    }

    /// Loads the data and splits it into training, validation and test sets.
    ///
    /// Both fractions are of the whole dataset. For every source but `.mnist`, one seeded
    /// permutation of the n samples puts its first ⌈n · testFraction⌉ in the test set (as
    /// scikit-learn's `train_test_split`), the next ⌈n · validationFraction⌉ in the
    /// validation set, and the rest, in the permutation's order, in the training set; with
    /// no validation set the training and test sets are exactly those of a plain split.
    /// `.mnist` keeps its own test set and ignores `testFraction`; its validation set is
    /// ⌈n · validationFraction⌉ of the official training images, the first of a seeded
    /// permutation of them. Generated datasets draw from `seed` too.
    public func split(testFraction: Double, validationFraction: Double, seed: UInt64) throws(DatasetError) -> DatasetSplit {
        guard testFraction > 0, testFraction < 1 else {
            throw .invalidParameter("the test fraction must lie strictly between 0 and 1, not \(testFraction)")
        }
        guard validationFraction >= 0, validationFraction < 1 else {
            throw .invalidParameter("the validation fraction must lie in [0, 1), not \(validationFraction)")
        }
        if let problem = parameterProblem { throw problem }
        let all: LabeledData
        var generator = RandomStream.datasetGeneration.generator(seed: seed)
        switch self {
        case .digits:
            all = DigitsDataset.data
        case .spirals(let samplesPerClass, let classes, let noise):
            all = SyntheticDatasets.spirals(samplesPerClass: samplesPerClass, classes: classes, noise: noise, rng: &generator)
        case .moons(let samples, let noise):
            all = SyntheticDatasets.moons(samples: samples, noise: noise, rng: &generator)
        case .blobs(let samples, let centers, let std):
            all = SyntheticDatasets.blobs(samples: samples, centers: centers, std: std, rng: &generator)
        case .mnist(let path):
            let (train, test) = try MNISTDataset.load(folder: path)
            guard validationFraction > 0 else { return DatasetSplit(train: train, test: test) }
            let validationCount = Self.count(validationFraction, of: train.count + test.count)
            guard validationCount < train.count else {
                throw .invalidParameter(
                    "a validation fraction of \(validationFraction) leaves no training samples out of \(train.count + test.count)")
            }
            var order = Array(0..<train.count)
            var splitGenerator = RandomStream.trainTestSplit.generator(seed: seed)
            splitGenerator.shuffle(&order)
            return DatasetSplit(
                train: train.subset(order[validationCount...]), validation: train.subset(order[..<validationCount]), test: test)
        }
        let testCount = Self.count(testFraction, of: all.count)
        let validationCount = Self.count(validationFraction, of: all.count)
        guard testCount + validationCount < all.count else {
            if validationFraction == 0 {
                throw .invalidParameter("a test fraction of \(testFraction) leaves no training samples out of \(all.count)")
            }
            throw .invalidParameter(
                "a test fraction of \(testFraction) and a validation fraction of \(validationFraction) leave no training samples out of \(all.count)")
        }
        var order = Array(0..<all.count)
        var splitGenerator = RandomStream.trainTestSplit.generator(seed: seed)
        splitGenerator.shuffle(&order)
        let trainStart = testCount + validationCount
        return DatasetSplit(
            train: all.subset(order[trainStart...]), validation: all.subset(order[testCount..<trainStart]),
            test: all.subset(order[..<testCount]))
    }

    /// How many of `total` samples a fraction holds out: ⌈total · fraction⌉.
    public static func count(_ fraction: Double, of total: Int) -> Int {
        Int((Double(total) * fraction).rounded(.up))
    }

    /// The number of samples a source holds before any split, when it is known without
    /// reading a file (`.mnist` is read only when it runs): what the checker uses to tell
    /// that fractions leave no training samples.
    public var sampleCount: Int? {
        switch self {
        case .digits: return DigitsDataset.imageCount
        case .spirals(let samplesPerClass, let classes, _):
            let (n, overflow) = samplesPerClass.multipliedReportingOverflow(by: classes)
            return overflow ? nil : n
        case .moons(let samples, _): return samples
        case .blobs(let samples, _, _): return samples
        case .mnist: return nil
        }
    }
}
