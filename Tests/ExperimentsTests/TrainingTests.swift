import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Foundation
import NeuralNetworks
import Optimizers
import Testing
@testable import Experiments

private func training(_ text: String) throws -> TrainingStudy {
    var diagnostics: [Diagnostic] = []
    let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 10), diagnostics: &diagnostics)
    guard case .training(let study)? = directive else {
        Issue.record("did not parse: \(diagnostics)")
        throw CancellationError()
    }
    return study
}

/// A small 2-D training: milliseconds even in a debug build.
private let moons = """
    Training("Moons") {
        Dataset(.moons(samples: 120, noise: 0.1), test: 0.25)
        Network(hidden: [12, 12], activation: .tanh, initialization: .xavierNormal)
        BatchSize(16)
        Iterations(150)
        Seed(3)
        SGD(lr: 0.05)
        Adam(lr: 0.02)
    %@
    }
    """

private func moonsStudy(_ claims: String = "") throws -> TrainingStudy {
    try training(moons.replacingOccurrences(of: "%@", with: claims))
}

/// The result cache: a hit gives back the cold run's bits, and a bad entry is never trusted.
@Suite struct TrainingCacheTests {
    @Test func anEntryReadsBackBitForBit() throws {
        let folder = TemporaryFolder("cache")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path + "/.coursegen-cache", version: "test")
        let study = try moonsStudy()
        var trained = 0
        let cold = TrainingRunner.run(study, cache: cache, willTrain: { trained += 1 })
        let warm = TrainingRunner.run(study, cache: cache, willTrain: { trained += 1 })
        #expect(trained == 1, "the second run reads the entry")
        let a = try #require(cold.result?.report), b = try #require(warm.result?.report)
        #expect(a == b)
        #expect(a.results[1].trainingLoss.map(\.bitPattern) == b.results[1].trainingLoss.map(\.bitPattern))
        #expect(b.results[0].decisionBoundary != nil, "2-D data keeps its decision regions")
    }

    static let damages: [(String, @Sendable ([UInt8]) -> [UInt8])] = [
        ("a flipped data byte", { bytes in
            var copy = bytes
            let data = Array("\ndata ".utf8)
            let start = (0..<(copy.count - data.count)).first { Array(copy[$0..<$0 + data.count]) == data }!
            copy[start + 40] = copy[start + 40] == UInt8(ascii: "a") ? UInt8(ascii: "b") : UInt8(ascii: "a")
            return copy
        }),
        ("truncation", { Array($0.prefix($0.count / 2)) }),
        ("an empty file", { _ in [] }),
        ("another format's header", { bytes in Array("coursegen result cache 0".utf8) + bytes.drop { $0 != UInt8(ascii: "\n") } }),
        ("random bytes", { bytes in (0..<bytes.count).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 7) } }),
    ]

    @Test(arguments: 0..<damages.count)
    func aDamagedEntryIsIgnoredAndRewritten(_ index: Int) throws {
        let (_, damage) = Self.damages[index]
        let folder = TemporaryFolder("cache")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path + "/c", version: "test")
        let study = try moonsStudy()
        let cold = try #require(TrainingRunner.run(study, cache: cache).result?.report)
        let key = try cache.key(study, kernel: .preferred)
        let good = try #require(FileManager.default.contents(atPath: cache.path(of: key)))
        FileManager.default.createFile(atPath: cache.path(of: key), contents: Data(damage(Array(good))))
        #expect(cache.result(TrainingReportCoding.self, for: key, of: study) == nil)
        var trained = false
        let again = try #require(TrainingRunner.run(study, cache: cache, willTrain: { trained = true }).result?.report)
        #expect(trained)
        #expect(again == cold)
        #expect(FileManager.default.contents(atPath: cache.path(of: key)) == good, "the entry is rewritten whole")
    }

    @Test func anEntryForAnotherDirectiveIsNotTrusted() throws {
        let folder = TemporaryFolder("cache")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path, version: "test")
        let study = try moonsStudy()
        let other = try training(moons.replacingOccurrences(of: "%@", with: "").replacingOccurrences(of: "Seed(3)", with: "Seed(4)"))
        _ = TrainingRunner.run(other, cache: cache)
        let key = try cache.key(study, kernel: .preferred), otherKey = try cache.key(other, kernel: .preferred)
        #expect(key != otherKey)
        // The other directive's entry under this one's name: its key inside does not match.
        try FileManager.default.copyItem(atPath: cache.path(of: otherKey), toPath: cache.path(of: key))
        #expect(cache.result(TrainingReportCoding.self, for: key, of: study) == nil)
        #expect(cache.result(TrainingReportCoding.self, for: otherKey, of: other) != nil)
        // A new coursegen version does not read the old version's entries.
        let newer = ResultCache(folder: folder.path, version: "test 2")
        #expect(try newer.key(other, kernel: .preferred) != otherKey)
        // Nor entries computed under another meaning of the same text (changed defaults).
        #expect(otherKey.text.contains("\nsemantics: \(ResultCache.semantics)\n"))
    }

    @Test func withoutReadingEntriesEveryTrainingRunsAndRefreshesItsEntry() throws {
        let folder = TemporaryFolder("cache")
        defer { folder.remove() }
        let study = try moonsStudy()
        let reading = ResultCache(folder: folder.path, version: "test")
        let first = TrainingRunner.run(study, cache: reading).result?.report
        var trained = 0
        let fresh = ResultCache(folder: folder.path, version: "test", readsEntries: false)
        let forced = TrainingRunner.run(study, cache: fresh, willTrain: { trained += 1 }).result?.report
        #expect(trained == 1)
        #expect(forced == first)
        #expect(reading.result(TrainingReportCoding.self, for: try reading.key(study, kernel: .preferred), of: study) == first)
    }

    @Test func aMissingMNISTFolderIsAnErrorAtTheBuilder() throws {
        let study = try training("""
            Training("MNIST") {
                Dataset(.mnist(path: "/nonexistent/mnist"))
                Network(hidden: [10])
                Adam(lr: 0.001)
            }
            """)
        let folder = TemporaryFolder("cache")
        defer { folder.remove() }
        for cache in [nil, ResultCache(folder: folder.path, version: "test")] {
            let (result, diagnostics) = TrainingRunner.run(study, cache: cache)
            #expect(result == nil)
            let error = try #require(diagnostics.first)
            #expect(error.message.hasPrefix("cannot load the dataset of 'MNIST': cannot find '/nonexistent/mnist/train-images-idx3-ubyte'"))
            #expect(error.location == SourceOrigin(file: "c.md", line: 10).location(line: 1, column: 1))
        }
    }
}

/// Training claims hold or fail with the numbers that contradict them, at the `Expect`.
@Suite struct TrainingClaimTests {
    @Test func trueClaimsPassAndFalseOnesSayWhy() throws {
        let study = try moonsStudy("""
                Expect("Adam", trainAccuracy: 0.8)
                Expect("Adam", testAccuracyBelow: 0.5)
                Expect("Adam", lowerTrainLossThan: "SGD")
                Expect("SGD", lowerTrainLossThan: "Adam")
                Expect("Adam", diverges: false)
                Expect("Adam", testAccuracyWithin: 1, of: "SGD")
                Expect("Adam", gapAbove: 0.9)
            """)
        let result = try #require(TrainingRunner.run(study).result)
        let adam = try #require(result.result("Adam")), sgd = try #require(result.result("SGD"))
        #expect(adam.finalTrainLoss < sgd.finalTrainLoss, "the premise of the claims below")
        let failures = TrainingRunner.check(result)
        #expect(failures.map(\.location?.line) == [19, 21, 24], "\(failures.map(\.message))")
        #expect(failures.allSatisfy { $0.message.hasPrefix("claim is false: ") && $0.severity == .error })
        #expect(failures[0].message.contains("'Adam' ends with a test accuracy of") && failures[0].message.contains("not below 50 %"))
        #expect(failures[1].message.contains("'SGD' ends with a training loss of"))
        #expect(failures[2].message.contains("a gap of") && failures[2].message.contains("not above 90 %"))
    }

    @Test func aDivergedRunNeverDidWell() throws {
        let study = try training("""
            Training("Too fast") {
                Dataset(.moons(samples: 60), test: 0.25)
                Network(hidden: [8])
                Iterations(50)
                SGD(lr: 1e12)
                Expect("SGD", diverges: true)
                Expect("SGD", testAccuracy: 0)
            }
            """)
        let result = try #require(TrainingRunner.run(study).result)
        let failures = TrainingRunner.check(result)
        #expect(failures.count == 1)
        #expect(failures.first?.message.contains("it diverges at iteration") == true)
    }
}

/// Activation-study claims read the histograms' spreads and saturation.
@Suite struct ActivationsClaimTests {
    @Test func theSigmoidStudyOfDeepLearningFromScratch() throws {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse("""
            Activations("Sigmoid") {
                Weights(.normal(std: 1)).label("std 1")
                Weights(.normal(std: 0.01)).label("std 0.01")
                Weights(.xavierNormal).label("Xavier")
                Expect("std 1", layer: 5, saturatedAbove: 0.5)
                Expect("std 0.01", layer: 5, stdBelow: 0.02)
                Expect("Xavier", layer: 5, widerThan: "std 0.01")
                Expect("std 0.01", layer: 1, stdAbove: 0.1)
            }
            """, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics)
        guard case .activations(let study)? = directive else {
            Issue.record("did not parse: \(diagnostics)")
            return
        }
        let result = try #require(ActivationsRunner.run(study).result)
        let failures = ActivationsRunner.check(result)
        #expect(failures.count == 1 && failures.first?.location?.line == 8, "\(failures.map(\.message))")
        #expect(failures.first?.message.contains("'std 0.01' at layer 1 has activations of standard deviation") == true)
        let saturated = try #require(result.histogram("std 1", layer: 5))
        #expect(ActivationsStudyResult.saturatedShare(saturated) > 0.5)
    }
}

/// The schedules that need the run work in a training: a plateau on the mini-batch loss, the momentum cycled.
@Suite struct TrainingScheduleTests {
    private func report(_ calls: String) throws -> TrainingReport {
        let text = moons.replacingOccurrences(of: "%@", with: "")
            .replacingOccurrences(of: "SGD(lr: 0.05)\n    Adam(lr: 0.02)", with: calls)
        let study = try training(text)
        return try #require(TrainingRunner.run(study, cache: nil).result?.report)
    }

    @Test func plateauFollowsTheTrainingLoss() throws {
        let result = try report("SGD(lr: 0.5).schedule(.plateau(factor: 0.5, patience: 3))").results[0]
        // Replayed on the losses the training recorded, the schedule gives the rates it used.
        var stepper = ScheduleStepper(.plateau(PlateauSchedule(factor: 0.5, patience: 3)), base: 0.5)
        var expected: [Double] = []
        for loss in result.trainingLoss {
            expected.append(stepper.learningRate)
            stepper.advance(loss: loss)
        }
        #expect(result.learningRates == expected)
        #expect(Set(result.learningRates).count > 1, "the noisy mini-batch loss plateaus in 150 steps")
    }

    @Test func oneCycleCyclesTheMomentum() throws {
        let results = try report("""
            SGD(lr: 0.1, momentum: 0.9).schedule(.oneCycle(steps: 150)).label("cycled")
                SGD(lr: 0.1, momentum: 0.9).schedule(.oneCycle(steps: 150, cycleMomentum: false)).label("fixed")
                Adam(lr: 0.02).schedule(.cyclic(maxLR: 0.05, stepsUp: 20)).label("Adam")
            """).results
        let rates = LearningRateSchedule.oneCycle(OneCycleSchedule(steps: 150)).learningRates(base: 0.1, count: 150)
        #expect(results[0].learningRates == rates && results[1].learningRates == rates)
        #expect(results[0].trainingLoss != results[1].trainingLoss, "the cycled momentum changes the run")
        #expect(!results[2].trainingLoss.contains { !$0.isFinite })
    }
}
