import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Foundation
import NeuralNetworks
import Testing
@testable import Experiments

/// Entries with a valid checksum whose numbers no training produces: refused while decoding,
/// never a trap and never a page with NaN accuracies or class ids out of range (issue 11, item 14).
@Suite struct ForgedCacheEntryTests {
    private static let moons = """
        Training("Moons") {
            Dataset(.moons(samples: 120, noise: 0.1), test: 0.25)
            Network(hidden: [12, 12], activation: .tanh, initialization: .xavierNormal)
            BatchSize(16)
            Iterations(150)
            Seed(3)
            SGD(lr: 0.05)
            Adam(lr: 0.02)
        }
        """

    private static func study() throws -> TrainingStudy {
        var diagnostics: [Diagnostic] = []
        guard case .training(let study)? = DirectiveParser.parse(moons, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics) else {
            Issue.record("did not parse: \(diagnostics)")
            throw CancellationError()
        }
        return study
    }

    /// An entry holding `data` under `key`, with a valid checksum: what a forger writes.
    private static func entry(key: String, data: String) -> [UInt8] {
        let text = CacheEntry.header + "\nkey \(key.utf8.count)\n" + key + "\ndata \(data.utf8.count)\n" + data + "\n"
        let bytes = Array(text.utf8)
        return bytes + Array("checksum \(CacheEntry.hex(CacheEntry.fnv1a(bytes)))\n".utf8)
    }

    static let forgeries: [(String, @Sendable (TrainingReport) -> TrainingReport?, @Sendable (String) -> String)] = [
        ("a NaN accuracy", { r in
            var r = r
            r.results[0].checkpoints[r.results[0].checkpoints.count - 1].testAccuracy = .nan
            r.results[0].testAccuracy = .nan
            return r
        }, { $0 }),
        ("an accuracy above 1", { r in
            var r = r
            r.results[1].checkpoints[0].trainAccuracy = 1.5
            return r
        }, { $0 }),
        ("a predicted class out of range", { r in
            var r = r
            r.results[0].decisionBoundary!.predictions[0] = r.classCount
            return r
        }, { $0 }),
        ("a negative label", { r in
            var r = r
            r.results[0].decisionBoundary!.trainLabels[0] = -1
            return r
        }, { $0 }),
        ("a grid size whose product overflows", { r in
            var r = r
            r.results[0].decisionBoundary!.columns = 1 << 62
            r.results[0].decisionBoundary!.rows = 4
            return r
        }, { $0 }),
        ("a training count whose double overflows", { r in
            var r = r
            r.trainCount = Int.max
            return r
        }, { $0 }),
        ("a negative count of messages", { r in
            var r = r
            r.results[0].halt = .invalidConfiguration(["x"])
            r.results[0].trainingLoss = []
            r.results[0].learningRates = []
            r.results[0].gradientNorms = []
            return r
        }, { $0.replacingOccurrences(of: " 2 1 s78 ", with: " 2 -9223372036854775808 s78 ") }),
        ("more losses than iterations", { r in
            var r = r
            r.results[0].trainingLoss += [1, 2]
            r.results[0].learningRates += [1, 2]
            r.results[0].gradientNorms += [1, 2]
            return r
        }, { $0 }),
        ("a gradient norm missing", { r in
            var r = r
            r.results[0].gradientNorms.removeLast()
            return r
        }, { $0 }),
        ("a negative gradient norm", { r in
            var r = r
            r.results[0].gradientNorms[0] = -1
            return r
        }, { $0 }),
        ("a checkpoint after the last iteration", { r in
            var r = r
            r.results[0].checkpoints.append(TrainingCheckpoint(iteration: 1 << 40, trainAccuracy: 0.5, testAccuracy: 0.5))
            r.results[0].trainAccuracy = 0.5
            r.results[0].testAccuracy = 0.5
            return r
        }, { $0 }),
        ("a huge class count", { r in
            var r = r
            r.classCount = Int.max
            return r
        }, { $0 }),
        ("an infinite grid bound", { r in
            var r = r
            r.results[0].decisionBoundary!.xRange = -Double.infinity...0
            return r
        }, { $0 }),
    ]

    @Test(arguments: 0..<forgeries.count)
    func aForgedEntryWithAValidChecksumIsRefusedAndRetrained(_ index: Int) throws {
        let (_, forge, edit) = Self.forgeries[index]
        let folder = TemporaryFolder("forged")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path, version: "test")
        let study = try Self.study()
        let cold = try #require(TrainingRunner.run(study, cache: cache).result?.report)
        let key = try cache.key(study, kernel: .preferred)
        let forged = try #require(forge(cold))
        let data = edit(String(decoding: TrainingReportCoding.encode(forged), as: UTF8.self))
        FileManager.default.createFile(atPath: cache.path(of: key), contents: Data(Self.entry(key: key.text, data: data)))
        #expect(cache.result(TrainingReportCoding.self, for: key, of: study) == nil)
        var trained = false
        let again = try #require(TrainingRunner.run(study, cache: cache, willTrain: { trained = true }).result?.report)
        #expect(trained)
        #expect(again == cold)
    }

    @Test func theForgerHelperWritesAnEntryTheCacheReads() throws {
        let folder = TemporaryFolder("forged")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path, version: "test")
        let study = try Self.study()
        let cold = try #require(TrainingRunner.run(study, cache: cache).result?.report)
        let key = try cache.key(study, kernel: .preferred)
        let data = String(decoding: TrainingReportCoding.encode(cold), as: UTF8.self)
        FileManager.default.createFile(atPath: cache.path(of: key), contents: Data(Self.entry(key: key.text, data: data)))
        #expect(cache.result(TrainingReportCoding.self, for: key, of: study) == cold)
    }

    @Test func entriesAreReadOnlyAsBoundedRegularFiles() throws {
        let folder = TemporaryFolder("forged")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path + "/c", version: "test")
        let study = try Self.study()
        let key = try cache.key(study, kernel: .preferred)
        try FileManager.default.createDirectory(atPath: cache.folder, withIntermediateDirectories: true)
        // An 8 GB sparse entry and a link to an endless device: neither is read.
        FileManager.default.createFile(atPath: cache.path(of: key), contents: nil)
        #expect(truncate(cache.path(of: key), 8 << 30) == 0)
        let started = Date()
        #expect(cache.result(TrainingReportCoding.self, for: key, of: study) == nil)
        try FileManager.default.removeItem(atPath: cache.path(of: key))
        try FileManager.default.createSymbolicLink(atPath: cache.path(of: key), withDestinationPath: "/dev/zero")
        #expect(cache.result(TrainingReportCoding.self, for: key, of: study) == nil)
        #expect(Date().timeIntervalSince(started) < 2)
    }

    @Test func aCacheThatDoesNotWriteLeavesNoFolder() throws {
        let folder = TemporaryFolder("forged")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path + "/.coursegen-cache", version: "test", writesEntries: false)
        #expect(TrainingRunner.run(try Self.study(), cache: cache).result != nil)
        #expect(!folder.exists(".coursegen-cache"))
    }
}
