import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Foundation
import NeuralNetworks
import Testing
@testable import Experiments

/// A training with a validation set: its accuracies reach the cache, `run --json`, `=Result`
/// and the claims, and a training without one reads and writes what it did before.
@Suite struct ValidationTrainingTests {
    static func study(_ dataset: String = "Dataset(.moons(samples: 160, noise: 0.2), test: 0.25, validation: 0.25)", claims: String = "") throws
        -> TrainingStudy {
        var diagnostics: [Diagnostic] = []
        let text = """
            Training("Moons, chosen on validation") {
                \(dataset)
                Network(hidden: [12, 12], activation: .tanh, initialization: .xavierNormal)
                BatchSize(16)
                Iterations(150)
                Seed(3)
                SGD(lr: 0.01)
                Adam(lr: 0.02)
            \(claims)
            }
            """
        guard case .training(let study)? = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 10), diagnostics: &diagnostics)
        else {
            Issue.record("did not parse: \(diagnostics)")
            throw CancellationError()
        }
        return study
    }

    static func run(_ study: TrainingStudy) throws -> TrainingStudyResult {
        try #require(TrainingRunner.run(study, kernel: .portable).result)
    }

    @Test func validationAccuracyIsMeasuredLikeTestAccuracy() throws {
        let result = try Self.run(try Self.study())
        #expect(result.report.validationCount == 40 && result.report.testCount == 40 && result.report.trainCount == 80)
        for run in result.report.results {
            #expect(run.checkpoints.allSatisfy { $0.validationAccuracy.map((0...1).contains) == true })
            #expect(run.validationAccuracy == run.checkpoints.last?.validationAccuracy)
        }
    }

    @Test func aCacheEntryReadsBackWithItsValidationAccuracies() throws {
        let folder = TemporaryFolder("cache")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path + "/.coursegen-cache", version: "test")
        let study = try Self.study()
        var trained = 0
        let cold = TrainingRunner.run(study, cache: cache, willTrain: { trained += 1 })
        let warm = TrainingRunner.run(study, cache: cache, willTrain: { trained += 1 })
        #expect(trained == 1, "the second run reads the entry")
        let a = try #require(cold.result?.report), b = try #require(warm.result?.report)
        #expect(a == b && b.validationCount == 40)
        #expect(b.results.allSatisfy { $0.validationAccuracy != nil })
        #expect(a.results[1].checkpoints.map { $0.validationAccuracy!.bitPattern } == b.results[1].checkpoints.map { $0.validationAccuracy!.bitPattern })
    }

    @Test func anEntryOfTheOtherShapeIsRefused() throws {
        let with = try Self.study(), without = try Self.study("Dataset(.moons(samples: 160, noise: 0.2), test: 0.25)")
        let withReport = try Self.run(with).report, withoutReport = try Self.run(without).report
        #expect(TrainingReportCoding.decode(TrainingReportCoding.encode(withReport)[...], of: with) == withReport)
        #expect(TrainingReportCoding.decode(TrainingReportCoding.encode(withoutReport)[...], of: without) == withoutReport)
        // Counts and accuracies that do not match the directive are not trusted.
        #expect(TrainingReportCoding.decode(TrainingReportCoding.encode(withReport)[...], of: without) == nil)
        #expect(TrainingReportCoding.decode(TrainingReportCoding.encode(withoutReport)[...], of: with) == nil)
    }

    @Test func theSemanticsRevisionChanged() {
        // Entries written before validation sets existed hold no validation count and must not be read.
        #expect(ResultCache.semantics >= 3)
    }

    @Test func runJSONCarriesValidationAndConformsToTheSchema() throws {
        let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        let schemaURL = here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/run-json.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let with = try Self.run(try Self.study())
        let without = try Self.run(try Self.study("Dataset(.moons(samples: 160, noise: 0.2), test: 0.25)"))
        let json = RunJSON.encode([with, without])
        var problems: [String] = []
        SchemaValidator(root: schema).validate(try JSONSerialization.jsonObject(with: Data(json.utf8)), against: schema, at: "$", &problems)
        #expect(problems == [])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let outputs = try #require(object["experiments"] as? [[String: Any]])
        #expect(outputs[0]["validationCount"] as? Int == 40 && outputs[1]["validationCount"] as? Int == 0)
        let runs = try #require(outputs[0]["runs"] as? [[String: Any]]), plainRuns = try #require(outputs[1]["runs"] as? [[String: Any]])
        #expect(runs[1]["validationAccuracy"] as? Double == with.report.results[1].validationAccuracy)
        #expect(plainRuns[1]["validationAccuracy"] is NSNull)
        let checkpoints = try #require(runs[0]["checkpoints"] as? [[String: Any]])
        #expect(checkpoints.allSatisfy { $0["validationAccuracy"] is Double })
        // A validation accuracy out of range, or missing, breaks the schema.
        for broken in [json.replacingOccurrences(of: "\"validationAccuracy\":", with: "\"validationAcc\":"),
                       json.replacingOccurrences(of: "\"validationCount\":40", with: "\"validationCount\":-1")] {
            var found: [String] = []
            SchemaValidator(root: schema).validate(try JSONSerialization.jsonObject(with: Data(broken.utf8)), against: schema, at: "$", &found)
            #expect(!found.isEmpty)
        }
    }

    @Test func resultReferencesQuoteValidationAccuracy() throws {
        let with = try Self.run(try Self.study())
        let without = try Self.run(try Self.study("Dataset(.moons(samples: 160, noise: 0.2), test: 0.25)").renamed("Plain"))
        func resolve(_ text: String) -> Result<String, Diagnostic> {
            var diagnostics: [Diagnostic] = []
            guard let reference = ResultReference.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics) else {
                return .failure(diagnostics.first!)
            }
            return ResultReferenceResolver.resolve(reference, in: [with, without])
        }
        let adam = try #require(with.result("Adam")?.validationAccuracy)
        let expected = String(format: "%.1f", 100 * adam)
        #expect(try resolve("=Result(\"Adam\", .validationAccuracy, in: \"Moons, chosen on validation\", percent: 1)").get() == expected)
        guard case .failure(let missing) = resolve("=Result(\"Adam\", .validationAccuracy, in: \"Plain\", percent: 1)") else {
            Issue.record("a training without a validation set has no validation accuracy")
            return
        }
        #expect(missing.message.contains("holds no validation set out") && missing.hint?.contains("validation:") == true)
        guard case .failure(let typo) = resolve("=Result(\"Adam\", .validationAcuracy, in: \"Plain\", percent: 1)") else {
            Issue.record("a misspelt quantity is an error")
            return
        }
        #expect(typo.message.contains("did you mean '.validationAccuracy'") || typo.message.contains("did you mean 'validationAccuracy'"), "\(typo.message)")
    }

    /// Each new claim, true, holds; replaced by its opposite, it fails at its own line and quotes both numbers.
    @Test func claimsHoldAndTheirOppositesFail() throws {
        let result = try Self.run(try Self.study())
        let adam = try #require(result.result("Adam")?.validationAccuracy), sgd = try #require(result.result("SGD")?.validationAccuracy)
        try #require(adam != sgd, "the premise: the two runs differ on validation")
        let (better, worse) = adam > sgd ? ("Adam", "SGD") : ("SGD", "Adam")
        let difference = abs(adam - sgd)
        let floor = (min(adam, sgd) * 100).rounded(.down) / 100
        let pairs: [(claim: String, flipped: String, quotes: [String])] = [
            ("Expect(\"\(better)\", validationAccuracy: \(floor))", "Expect(\"\(better)\", validationAccuracyBelow: \(floor))",
             ["validation accuracy of"]),
            ("Expect(\"\(worse)\", validationAccuracyBelow: 1)", "Expect(\"\(worse)\", validationAccuracy: 1)", ["validation accuracy of", "below 100 %"]),
            ("Expect(\"\(better)\", higherValidationAccuracyThan: \"\(worse)\")",
             "Expect(\"\(worse)\", higherValidationAccuracyThan: \"\(better)\")", ["'\(better)' with"]),
            ("Expect(\"\(better)\", validationAccuracyWithin: \(difference + 0.01), of: \"\(worse)\")",
             "Expect(\"\(better)\", validationAccuracyWithin: \(difference / 2), of: \"\(worse)\")", ["differ by more than"]),
        ]
        for pair in pairs {
            let holds = try Self.run(try Self.study(claims: "    " + pair.claim))
            #expect(TrainingRunner.check(holds).isEmpty, "\(pair.claim): \(TrainingRunner.check(holds).map(\.message))")
            let fails = TrainingRunner.check(try Self.run(try Self.study(claims: "    " + pair.flipped)))
            #expect(fails.map(\.location?.line) == [18], "\(pair.flipped): \(fails.map(\.message))")
            let message = fails.first?.message ?? ""
            #expect(message.hasPrefix("claim is false: ") && pair.quotes.allSatisfy(message.contains), "\(message)")
            // Both sides' numbers, as percentages.
            #expect(message.components(separatedBy: " %").count - 1 >= (pair.flipped.contains("Than") || pair.flipped.contains("Within") ? 2 : 1), "\(message)")
        }
    }
}

extension TrainingStudy {
    /// The same study under another title, so that two trainings on one page can be told apart.
    fileprivate func renamed(_ title: String) -> TrainingStudy {
        var copy = self
        copy.title = title
        return copy
    }
}
