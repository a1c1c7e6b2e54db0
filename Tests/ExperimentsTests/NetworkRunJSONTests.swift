import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Foundation
import NeuralNetworks
import Testing
@testable import Experiments

/// `run --json` for `Training` and `Activations`: a golden file computed with the portable
/// kernel (the same bits on every machine), and the committed schema.
@Suite struct NetworkRunJSONTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()

    static func outputs() throws -> [RunOutput] {
        var diagnostics: [Diagnostic] = []
        let training = DirectiveParser.parse("""
            Training("Two optimizers on two moons") {
                Dataset(.moons(samples: 40, noise: 0.2), test: 0.25)
                Network(hidden: [4], activation: .tanh, initialization: .xavierNormal)
                BatchSize(8)
                Iterations(6)
                EvaluationInterval(3)
                Seed(1)
                SGD(lr: 0.1).schedule(.step(every: 2, gamma: 0.5))
                Lookahead(Adam(lr: 0.01), k: 2, alpha: 0.5)
            }
            """, origin: SourceOrigin(file: "moons.md", line: 1), diagnostics: &diagnostics)
        let activations = DirectiveParser.parse("""
            Activations("Two layers") {
                Network(layers: 2, units: 3, activation: .relu)
                Inputs(4)
                Histogram(bins: 3, range: 0...1)
                Weights(.kaimingNormal(nonlinearity: .relu)).label("He")
            }
            """, origin: SourceOrigin(file: "moons.md", line: 20), diagnostics: &diagnostics)
        guard case .training(let study)? = training, case .activations(let histograms)? = activations else {
            Issue.record("did not parse: \(diagnostics)")
            throw CancellationError()
        }
        let trained = try #require(TrainingRunner.run(study, kernel: .portable).result)
        let studied = try #require(ActivationsRunner.run(histograms, kernel: .portable).result)
        return [trained, studied]
    }

    @Test func matchesTheGoldenFile() throws {
        let json = RunJSON.encode(try Self.outputs())
        try GoldenFile.check(json, named: "run-networks.json")
    }

    @Test func conformsToTheCommittedSchema() throws {
        let schemaURL = Self.here.deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("docs/run-json.schema.json")
        let schema = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: schemaURL)) as? [String: Any])
        let json = RunJSON.encode(try Self.outputs())
        let output = try JSONSerialization.jsonObject(with: Data(json.utf8))
        var problems: [String] = []
        SchemaValidator(root: schema).validate(output, against: schema, at: "$", &problems)
        #expect(problems == [])
        // The schema is strict enough to catch a renamed key or a wrong kind.
        for broken in [
            json.replacingOccurrences(of: "\"testAccuracy\":", with: "\"testAcc\":"),
            json.replacingOccurrences(of: "\"kind\":\"activations\"", with: "\"kind\":\"training\""),
            json.replacingOccurrences(of: "\"halted\":null", with: "\"halted\":\"tired\""),
        ] {
            var found: [String] = []
            SchemaValidator(root: schema).validate(try JSONSerialization.jsonObject(with: Data(broken.utf8)), against: schema, at: "$", &found)
            #expect(!found.isEmpty)
        }
    }

    @Test func numbersReadBackExactly() throws {
        let outputs = try Self.outputs()
        guard let result = outputs[0] as? TrainingStudyResult else { throw CancellationError() }
        // Foundation's JSON reader rounds some doubles by an ulp, so the text is read with Swift's own parser.
        let json = RunJSON.encode(outputs)
        let start = try #require(json.range(of: "\"loss\":[")).upperBound
        let end = try #require(json[start...].firstIndex(of: "]"))
        let losses = json[start..<end].split(separator: ",").compactMap { Double($0) }
        #expect(losses.map(\.bitPattern) == result.report.results[0].trainingLoss.map(\.bitPattern))
        #expect(json.contains("\"learningRates\":[0.1,0.1,0.05,0.05,0.025,0.025]"))
    }
}
