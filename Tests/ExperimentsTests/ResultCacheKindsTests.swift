import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Foundation
import NeuralNetworks
import Testing
@testable import Experiments
@testable import Optimizers

/// The result cache for every builder that computes, not only trainings (issue 11): an entry
/// reads back bit for bit and spares the run, and a forged entry with a valid checksum is
/// refused, the directive computed again.
@Suite struct ResultCacheKindsTests {
    static let experiment = """
        Experiment("Two paths") {
            Objective(.rosenbrock(a: 1, b: 100))
            Start(-1.5, 2)
            Start(1, -1)
            Steps(60)
            SGD(lr: 0.001).label("slow")
            Adam(lr: 0.05).label("adam")
            Lookahead(Adam(lr: 0.1), k: 5, alpha: 0.5).label("lookahead")
            SGD(lr: 0.4).label("too fast")
            Expect("adam", effectiveLearningRate: .above(0))
        }
        """
    static let schedule = """
        Schedule("Decay on least squares") {
            Objective(.linearRegression(samples: 50, noise: 0.5))
            BatchSize(1)
            Steps(40)
            SGD(lr: 0.1).label("constant")
            SGD(lr: 0.1).schedule(.cosine(steps: 40)).label("cosine")
        }
        """
    static let scheduleAlone = """
        Schedule("Rates only") {
            Steps(30)
            SGD(lr: 0.1).schedule(.step(every: 10, gamma: 0.3)).label("step")
            SGD(lr: 0.1).schedule(.warmup(steps: 5, startFactor: 0.01), then: .cosine(steps: 25)).label("warm-up")
        }
        """
    static let average = """
        Average("Bias correction") {
            Series(.noisySine(period: 20, amplitude: 2, noise: 0.5), samples: 60)
            Seed(3)
            ExponentialAverage(beta: 0.9).label("raw")
            ExponentialAverage(beta: 0.9, biasCorrection: true).label("corrected")
            MovingAverage(window: 5)
            WeightedAverage(weights: [4, 3, 2, 1])
        }
        """
    static let activations = """
        Activations("Two layers") {
            Network(layers: 3, units: 10, activation: .tanh)
            Inputs(40)
            Weights(.xavierNormal).label("Xavier")
            Weights(.normal(std: 1)).label("N(0, 1)")
        }
        """
    static let fences = [experiment, schedule, scheduleAlone, average, activations]

    static func directive(_ text: String) throws -> Directive {
        var diagnostics: [Diagnostic] = []
        guard let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics),
              !diagnostics.containsErrors
        else {
            Issue.record("did not parse: \(diagnostics)")
            throw CancellationError()
        }
        return directive
    }

    final class Counter: @unchecked Sendable {
        var runs = 0
    }

    /// Runs `directive` through `cache`, counting the runs that compute; returns the result's
    /// data section, whose bytes hold every number's bit pattern.
    static func run(_ directive: Directive, cache: ResultCache?, counter: Counter) -> [UInt8] {
        let count = { counter.runs += 1 }
        switch directive {
        case .experiment(let e): return ExperimentResultCoding.encode(ExperimentRunner.run(e, cache: cache, willRun: count))
        case .schedule(let s): return ScheduleResultCoding.encode(ScheduleRunner.run(s, cache: cache, willRun: count))
        case .average(let a): return AverageResultCoding.encode(AverageRunner.run(a, cache: cache, willRun: count))
        case .activations(let a):
            return ActivationsResultCoding.encode(ActivationsRunner.run(a, cache: cache, willRun: count).result!)
        case .training, .formulas: preconditionFailure("not a kind of these tests")
        }
    }

    static func key(_ directive: Directive, _ cache: ResultCache) -> ResultCache.Key {
        switch directive {
        case .experiment(let e): return cache.key(e)
        case .schedule(let s): return cache.key(s)
        case .average(let a): return cache.key(a)
        case .activations(let a): return cache.key(a, kernel: .preferred)
        case .training, .formulas: preconditionFailure("not a kind of these tests")
        }
    }

    /// Whether the cache gives back a result for `directive` (without computing).
    static func reads(_ directive: Directive, _ cache: ResultCache) -> Bool {
        let key = key(directive, cache)
        switch directive {
        case .experiment(let e): return cache.result(ExperimentResultCoding.self, for: key, of: e) != nil
        case .schedule(let s): return cache.result(ScheduleResultCoding.self, for: key, of: s) != nil
        case .average(let a): return cache.result(AverageResultCoding.self, for: key, of: a) != nil
        case .activations(let a): return cache.result(ActivationsResultCoding.self, for: key, of: a) != nil
        case .training, .formulas: preconditionFailure("not a kind of these tests")
        }
    }

    @Test(arguments: 0..<fences.count)
    func anEntryReadsBackBitForBitWithoutComputing(_ index: Int) throws {
        let folder = TemporaryFolder("kinds")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path + "/.coursegen-cache", version: "test")
        let directive = try Self.directive(Self.fences[index])
        let counter = Counter()
        let fresh = Self.run(directive, cache: nil, counter: counter)
        let cold = Self.run(directive, cache: cache, counter: counter)
        let warm = Self.run(directive, cache: cache, counter: counter)
        #expect(counter.runs == 2, "the third run reads the entry")
        #expect(cold == fresh && warm == fresh)
        let entry = try #require(FileManager.default.contents(atPath: cache.path(of: Self.key(directive, cache))))
        let kind = ["experiment", "schedule", "schedule", "average", "activations"][index]
        #expect(Self.key(directive, cache).fileName.hasPrefix(kind + "-"))
        #expect(String(decoding: entry.prefix(200), as: UTF8.self).contains("kind: \(kind)\ncoursegen: test\nsemantics: \(ResultCache.semantics)\n"))
    }

    /// Only the run an effectiveLearningRate claim is about records the rates, and they come back from the entry.
    @Test func effectiveLearningRatesRoundTrip() throws {
        let folder = TemporaryFolder("rates")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path + "/.coursegen-cache", version: "test")
        guard case .experiment(let experiment) = try Self.directive(Self.experiment) else { throw CancellationError() }
        let fresh = ExperimentRunner.run(experiment, cache: cache)
        var ran = false
        let warm = ExperimentRunner.run(experiment, cache: cache, willRun: { ran = true })
        #expect(!ran)
        #expect(fresh.trajectories[1].map(\.effectiveLearningRates.count) == [120, 120])
        #expect(fresh.trajectories[0][0].effectiveLearningRates.isEmpty && fresh.trajectories[2][0].effectiveLearningRates.isEmpty)
        #expect(warm.trajectories == fresh.trajectories)
        #expect(ExperimentRunner.check(warm).isEmpty)
    }

    /// A schedule-free run stores its averages x beside y and reads both back; a run of another
    /// method, and a run that diverged at its start, store none, so entries without averages read as before.
    @Test func scheduleFreeAveragesRoundTrip() throws {
        let folder = TemporaryFolder("averages")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path + "/.coursegen-cache", version: "test")
        guard case .experiment(let experiment) = try Self.directive("""
            Experiment("Averages") {
                Objective(.rosenbrock(a: 1, b: 100))
                Start(-1.5, 2)
                Start(1, -1)
                Steps(40)
                ScheduleFreeAdamW(lr: 0.05, warmupSteps: 5)
                ScheduleFreeSGD(lr: 0.0005, weightDecay: 0.01)
                Adam(lr: 0.05)
            }
            """) else { throw CancellationError() }
        let fresh = ExperimentRunner.run(experiment, cache: cache)
        var ran = false
        let warm = ExperimentRunner.run(experiment, cache: cache, willRun: { ran = true })
        #expect(!ran)
        #expect(fresh.trajectories[0].map(\.evaluationLosses.count) == [41, 41])
        #expect(fresh.trajectories[1].map(\.evaluationCoordinates.count) == [82, 82])
        #expect(fresh.trajectories[2].allSatisfy { !$0.hasEvaluationPoints })
        // The average is not the iterate: x and y part after the first step.
        #expect(fresh.trajectories[0][0].atEvaluationPoints.finalPoint != fresh.trajectories[0][0].finalPoint)
        #expect(warm.trajectories == fresh.trajectories)
    }

    @Test func keysNameTheKindVersionKernelAndMeaning() throws {
        let cache = ResultCache(folder: "/nonexistent", version: "9.9")
        guard case .activations(let study) = try Self.directive(Self.activations),
              case .experiment(let experiment) = try Self.directive(Self.experiment)
        else { throw CancellationError() }
        #expect(cache.key(study, kernel: .preferred).text == "kind: activations\ncoursegen: 9.9\nsemantics: \(ResultCache.semantics)\nkernel: \(MatrixKernel.preferred.description)\nmeaning:\n" + study.cacheMeaning.text)
        #expect(cache.key(experiment).text == "kind: experiment\ncoursegen: 9.9\nsemantics: \(ResultCache.semantics)\nmeaning:\n" + experiment.cacheMeaning.text)
        let edited = try Self.directive(Self.experiment.replacingOccurrences(of: "Steps(60)", with: "Steps(61)"))
        guard case .experiment(let other) = edited else { throw CancellationError() }
        #expect(cache.key(other) != cache.key(experiment))
    }

    /// Kinds and what a forger changes in a genuine result's numbers.
    enum Forgery: Sendable {
        case trajectory(@Sendable (inout [[Trajectory]]) -> Void)
        case scheduleRates(@Sendable (inout [[Double]]) -> Void)
        case average(@Sendable (inout AverageResult) -> Void)
        case histograms(@Sendable (inout ActivationHistogramsResult) -> Void)
        /// The data section's bytes.
        case data(fence: String, @Sendable (inout [UInt8]) -> Void)
    }

    static let forgeries: [(String, Forgery)] = [
        ("a NaN loss", .trajectory { $0[1][0].losses[3] = .nan }),
        ("an infinite learning rate", .trajectory { $0[1][1].learningRates[0] = .infinity }),
        ("a coordinate past the divergence bound", .trajectory { $0[0][0].coordinates[5] = 2e8 }),
        ("one point too many", .trajectory { t in
            t[0][1].coordinates += [0, 0]
            t[0][1].losses.append(1)
            t[0][1].learningRates.append(0.001)
        }),
        ("a missing start", .trajectory { $0[2].removeLast() }),
        ("a missing run", .trajectory { $0.removeLast() }),
        ("a short run that neither diverged nor halted", .trajectory { t in
            t[1][0].coordinates.removeLast(2)
            t[1][0].losses.removeLast()
            t[1][0].learningRates.removeLast()
        }),
        ("a divergence step that is not the last point", .trajectory { $0[1][0].divergedAt = 7 }),
        ("a halt at a negative step", .trajectory { t in
            t[0][0].coordinates = []
            t[0][0].losses = []
            t[0][0].learningRates = []
            t[0][0].halt = .singularHessian(step: -3)
        }),
        ("a sync step after the last step", .trajectory { $0[2][0].syncSteps.append(1 << 40) }),
        ("sync steps out of order", .trajectory { $0[2][0].syncSteps.swapAt(0, 1) }),
        ("a negative count of gradient evaluations", .trajectory { $0[0][0].gradientEvaluations = -1 }),
        ("a NaN effective learning rate", .trajectory { $0[1][0].effectiveLearningRates[3] = .nan }),
        ("a negative effective learning rate", .trajectory { $0[1][1].effectiveLearningRates[0] = -0.1 }),
        ("an effective learning rate missing", .trajectory { $0[1][0].effectiveLearningRates.removeLast() }),
        ("a NaN learning rate in a schedule", .scheduleRates { $0[1][7] = .nan }),
        ("a schedule rate missing", .scheduleRates { $0[0].removeLast() }),
        ("an average with a NaN", .average { $0.averages[2][10] = .nan }),
        ("an infinite observation", .average { $0.observations[0] = -.infinity }),
        ("a signal that is not the study's", .average { $0.signal[4] += 1e-9 }),
        ("an average too short", .average { $0.averages[0].removeLast() }),
        ("histogram counts that do not add up", .histograms { $0.rows[0].layers[1].counts[3] += 1 }),
        ("a negative histogram count whose total still adds up", .histograms { r in
            let first = r.rows[1].layers[0].counts[0]
            r.rows[1].layers[0].counts[0] = -1
            r.rows[1].layers[0].counts[1] += first + 1
        }),
        ("a NaN standard deviation", .histograms { $0.rows[0].layers[2].standardDeviation = .nan }),
        ("a negative standard deviation", .histograms { $0.rows[0].layers[2].standardDeviation = -1 }),
        ("layers out of order", .histograms { $0.rows[0].layers.swapAt(0, 1) }),
        ("a bin too many", .histograms { r in
            r.rows[0].layers[0].counts.append(0)
        }),
        ("a huge count of runs", .data(fence: experiment) { $0.replaceSubrange(0..<8, with: withUnsafeBytes(of: Int64.max.littleEndian, Array.init)) }),
        ("a huge count of coordinates", .data(fence: experiment) { $0.replaceSubrange(24..<32, with: withUnsafeBytes(of: Int64(1 << 60).littleEndian, Array.init)) }),
        ("a negative count of coordinates", .data(fence: experiment) { $0.replaceSubrange(24..<32, with: withUnsafeBytes(of: Int64(-1).littleEndian, Array.init)) }),
        ("a huge count of rates", .data(fence: scheduleAlone) { $0.replaceSubrange(8..<16, with: withUnsafeBytes(of: Int64.max.littleEndian, Array.init)) }),
        ("runs on a schedule without an objective", .data(fence: scheduleAlone) { $0.replaceSubrange(($0.count - 8)..., with: withUnsafeBytes(of: Int64(1).littleEndian, Array.init)) }),
        ("a huge signal", .data(fence: average) { $0.replaceSubrange(0..<8, with: withUnsafeBytes(of: Int64(1 << 62).littleEndian, Array.init)) }),
        ("a huge count of bins", .data(fence: activations) { $0.replaceSubrange(24..<32, with: withUnsafeBytes(of: Int64.max.littleEndian, Array.init)) }),
        ("trailing bytes", .data(fence: average) { $0 += [0, 0, 0, 0, 0, 0, 0, 0] }),
        ("a truncated section", .data(fence: experiment) { $0.removeLast(3) }),
    ]

    /// The fence and the forged data section of a forgery, from a genuine cold result.
    static func forge(_ forgery: Forgery) throws -> (fence: String, data: [UInt8]) {
        switch forgery {
        case .trajectory(let edit):
            guard case .experiment(let e) = try directive(experiment) else { throw CancellationError() }
            var result = ExperimentRunner.run(e)
            edit(&result.trajectories)
            return (experiment, ExperimentResultCoding.encode(result))
        case .scheduleRates(let edit):
            guard case .schedule(let s) = try directive(schedule) else { throw CancellationError() }
            var result = ScheduleRunner.run(s)
            edit(&result.learningRates)
            return (schedule, ScheduleResultCoding.encode(result))
        case .average(let edit):
            guard case .average(let a) = try directive(average) else { throw CancellationError() }
            var result = AverageRunner.run(a)
            edit(&result)
            return (average, AverageResultCoding.encode(result))
        case .histograms(let edit):
            guard case .activations(let a) = try directive(activations) else { throw CancellationError() }
            var result = try #require(ActivationsRunner.run(a).result)
            edit(&result.result)
            return (activations, ActivationsResultCoding.encode(result))
        case .data(let fence, let edit):
            var data = run(try directive(fence), cache: nil, counter: Counter())
            edit(&data)
            return (fence, data)
        }
    }

    @Test(arguments: 0..<forgeries.count)
    func aForgedEntryWithAValidChecksumIsRefusedAndComputedAgain(_ index: Int) throws {
        let folder = TemporaryFolder("kinds-forged")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path, version: "test")
        let (fence, forged) = try Self.forge(Self.forgeries[index].1)
        let directive = try Self.directive(fence)
        let counter = Counter()
        let cold = Self.run(directive, cache: cache, counter: counter)
        #expect(forged != cold, "the forgery changes the numbers")
        let key = Self.key(directive, cache)
        FileManager.default.createFile(atPath: cache.path(of: key), contents: Data(CacheEntry.encode(key: key.text, data: forged)))
        #expect(!Self.reads(directive, cache))
        #expect(Self.run(directive, cache: cache, counter: counter) == cold)
        #expect(counter.runs == 2, "computed again")
        #expect(Self.reads(directive, cache), "and the entry rewritten")
    }

    @Test func theForgerWritesEntriesTheCacheReads() throws {
        let folder = TemporaryFolder("kinds-forged")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path, version: "test")
        for fence in Self.fences {
            let directive = try Self.directive(fence)
            let data = Self.run(directive, cache: nil, counter: Counter())
            let key = Self.key(directive, cache)
            FileManager.default.createFile(atPath: cache.path(of: key), contents: Data(CacheEntry.encode(key: key.text, data: data)))
            #expect(Self.reads(directive, cache))
        }
    }

    @Test func aValidButDifferentEntryIsWhatTheRunnerReturns() throws {
        let folder = TemporaryFolder("kinds")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path, version: "test")
        guard case .experiment(let e) = try Self.directive(Self.experiment) else { throw CancellationError() }
        var result = ExperimentRunner.run(e)
        result.trajectories[0][0].losses[60] = 42
        #expect(cache.store(result, as: ExperimentResultCoding.self, for: cache.key(e)))
        let counter = Counter()
        let read = ExperimentRunner.run(e, cache: cache, willRun: { counter.runs += 1 })
        #expect(counter.runs == 0)
        #expect(read.trajectories[0][0].losses[60] == 42)
    }

    @Test func aCacheThatDoesNotWriteLeavesNoFolderAndNoReadingRefreshes() throws {
        let folder = TemporaryFolder("kinds")
        defer { folder.remove() }
        let directive = try Self.directive(Self.average)
        let counter = Counter()
        let checking = ResultCache(folder: folder.path + "/.coursegen-cache", version: "test", writesEntries: false)
        _ = Self.run(directive, cache: checking, counter: counter)
        #expect(!folder.exists(".coursegen-cache"))
        let reading = ResultCache(folder: folder.path + "/.coursegen-cache", version: "test")
        let cold = Self.run(directive, cache: reading, counter: counter)
        let path = reading.path(of: Self.key(directive, reading))
        FileManager.default.createFile(atPath: path, contents: Data("damaged".utf8))
        let fresh = ResultCache(folder: folder.path + "/.coursegen-cache", version: "test", readsEntries: false)
        #expect(Self.run(directive, cache: fresh, counter: counter) == cold)
        #expect(counter.runs == 3)
        #expect(Self.reads(directive, reading), "a run that does not read still refreshes the entry")
    }
}
