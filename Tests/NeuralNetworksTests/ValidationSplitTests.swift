import Foundation
import Optimizers
import Testing
@testable import NeuralNetworks

/// `split(testFraction:validationFraction:seed:)`: three disjoint sets from one seeded
/// permutation, and exactly the old split when no validation set is held out.
@Suite struct ValidationSplitTests {
    /// Each sample of the digits as text, so sets can be compared as sets of samples.
    static func samples(_ data: LabeledData) -> [String] {
        (0..<data.count).map { i in data.sample(i).map { String($0.bitPattern) }.joined(separator: ",") + ":\(data.labels[i])" }
    }

    @Test func theThreeSetsAreDisjointAndCoverTheData() throws {
        let split = try DatasetSource.digits.split(testFraction: 0.2, validationFraction: 0.25, seed: 4)
        #expect(split.test.count == 360 && split.validation.count == 450 && split.train.count == 1797 - 360 - 450)
        let train = Set(Self.samples(split.train)), validation = Set(Self.samples(split.validation)), test = Set(Self.samples(split.test))
        let all = Self.samples(DigitsDataset.data)
        // The digits hold a few duplicate images; compare as multisets through counts.
        #expect(Self.samples(split.train).count + Self.samples(split.validation).count + Self.samples(split.test).count == all.count)
        #expect(Set(all) == train.union(validation).union(test))
        let duplicated = Set(Dictionary(grouping: all, by: { $0 }).filter { $0.value.count > 1 }.keys)
        #expect(train.intersection(validation).subtracting(duplicated).isEmpty)
        #expect(train.intersection(test).subtracting(duplicated).isEmpty)
        #expect(validation.intersection(test).subtracting(duplicated).isEmpty)
    }

    @Test(arguments: [DatasetSource.digits, .spirals(), .moons(samples: 101), .blobs()])
    func seededAndDeterministic(_ source: DatasetSource) throws {
        let a = try source.split(testFraction: 0.3, validationFraction: 0.2, seed: 7)
        #expect(a == (try source.split(testFraction: 0.3, validationFraction: 0.2, seed: 7)))
        #expect(a != (try source.split(testFraction: 0.3, validationFraction: 0.2, seed: 8)))
        let n = try #require(source.sampleCount)
        #expect(a.test.count == Int((Double(n) * 0.3).rounded(.up)) && a.validation.count == Int((Double(n) * 0.2).rounded(.up)))
        #expect(a.train.count + a.validation.count + a.test.count == n)
    }

    @Test(arguments: [DatasetSource.digits, .spirals(samplesPerClass: 100, classes: 3, noise: 0.3)])
    func noValidationSetIsTheOldSplit(_ source: DatasetSource) throws {
        let old = try source.split(testFraction: 0.2, seed: 3)
        let new = try source.split(testFraction: 0.2, validationFraction: 0, seed: 3)
        #expect(old == new && new.validation.count == 0)
        // The test set does not depend on the validation fraction: only the training set gives.
        let withValidation = try source.split(testFraction: 0.2, validationFraction: 0.3, seed: 3)
        #expect(withValidation.test == old.test)
        #expect(Array(Self.samples(old.train).suffix(withValidation.train.count)) == Self.samples(withValidation.train))
    }

    @Test(arguments: [(0.5, 0.5), (0.2, 1.0), (0.2, -0.1), (0.6, 0.4), (0.2, .nan)])
    func fractionsThatLeaveNothingToTrainOnThrow(_ test: Double, _ validation: Double) {
        #expect(throws: DatasetError.self) {
            try DatasetSource.moons(samples: 10).split(testFraction: test, validationFraction: validation, seed: 0)
        }
    }

    @Test func roundingUpCanLeaveNoTrainingSample() {
        // ⌈5 · 0.5⌉ + ⌈5 · 0.45⌉ = 3 + 3 > 5, although 0.5 + 0.45 < 1.
        #expect(throws: DatasetError.self) {
            try DatasetSource.moons(samples: 5).split(testFraction: 0.5, validationFraction: 0.45, seed: 0)
        }
    }

    @Test func mnistTakesItsValidationSetFromItsTrainingImages() throws {
        let path = try MNISTTests.folder("validation", files: MNISTTests.valid)
        let split = try DatasetSource.mnist(path: path).split(testFraction: 0.5, validationFraction: 0.2, seed: 0)
        // ⌈(3 + 2) · 0.2⌉ = 1 of the 3 training images; the official test set stays whole.
        #expect(split.validation.count == 1 && split.train.count == 2 && split.test.count == 2)
        #expect((split.train.labels + split.validation.labels).sorted() == [0, 7, 9])
        #expect(split == (try DatasetSource.mnist(path: path).split(testFraction: 0.5, validationFraction: 0.2, seed: 0)))
    }

    @Test func theConfigurationRejectsFractionsThatLeaveNothing() {
        var configuration = TrainingConfiguration(title: "t", testFraction: 0.5, validationFraction: 0.5, runs: [])
        #expect(configuration.validationErrors.contains { $0.contains("together must be below 1") })
        configuration.validationFraction = -0.1
        #expect(configuration.validationErrors.contains { $0.contains("validation fraction must lie in [0, 1)") })
    }

    @Test func aTrainingMeasuresValidationAccuracyAtEveryCheckpoint() throws {
        let configuration = TrainingConfiguration(
            title: "moons", dataset: .moons(samples: 80, noise: 0.1), testFraction: 0.25, validationFraction: 0.25,
            trainingSamples: 20, hidden: [6], batchSize: 8, iterations: 20, seed: 1, evaluationInterval: 5,
            runs: [TrainingRun(label: "SGD", optimizer: OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.1)]))])
        let report = try Trainer.run(configuration, kernel: .portable, maxConcurrentRuns: 1)
        #expect(report.trainCount == 20 && report.validationCount == 20 && report.testCount == 20)
        let run = report.results[0]
        #expect(run.checkpoints.count == 5 && run.checkpoints.allSatisfy { $0.validationAccuracy != nil })
        #expect(run.validationAccuracy == run.checkpoints.last!.validationAccuracy)
        // Without a validation set there is no validation accuracy, and the other numbers are those of the old split.
        var plain = configuration
        plain.validationFraction = 0
        let old = try Trainer.run(plain, kernel: .portable, maxConcurrentRuns: 1)
        #expect(old.validationCount == 0 && old.results[0].validationAccuracy == nil)
        #expect(old.results[0].checkpoints.allSatisfy { $0.validationAccuracy == nil })
    }
}
