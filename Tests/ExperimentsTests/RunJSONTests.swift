import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Experiments
import Foundation
import Optimizers
import Testing

/// The `coursegen run --json` encoding: a golden file, the committed schema, exact numbers.
@Suite struct RunJSONTests {
    static let here = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    static let schemaURL = here.deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/run-json.schema.json")

    static let sources = [
        Fence(text: """
            Experiment("Four optimizers on an elongated bowl") {
                Objective { x, y in x * x / 20 + y * y }
                Start(-7, 2)
                Steps(6)
                SGD(lr: 0.95)
                Momentum(lr: 0.1)
                Adam(lr: 0.3).schedule(.step(every: 2, gamma: 0.5))
                Lookahead(Adam(lr: 0.3), k: 2, alpha: 0.5)
                SGD(lr: 30).label("SGD, far too large")
                Expect("SGD, far too large", diverges: true)
                Expect("Lookahead", effectiveLearningRate: .above(0))
            }
            """, origin: SourceOrigin(file: "chapters/bowl.md", line: 12)),
        Fence(text: "Formulas(.sgd, .adam)", origin: SourceOrigin(file: "chapters/bowl.md", line: 30)),
        Fence(text: """
            Experiment("On-line least squares") {
                Objective(.linearRegression(samples: 20, noise: 0.5))
                Start(0, 0)
                Start(3, -1)
                Steps(4)
                BatchSize(1)
                Seed(7)
                SGD(lr: 0.1)
            }
            """, origin: SourceOrigin(file: "chapters/sgd.md", line: 3)),
    ]

    static func encoded() -> (json: String, diagnostics: [Diagnostic]) {
        let (outputs, diagnostics) = Fence.run(sources)
        return (RunJSON.encode(outputs), diagnostics)
    }

    @Test func matchesTheGoldenFile() throws {
        let (json, diagnostics) = Self.encoded()
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        try GoldenFile.check(json, named: "run.json")
    }

    @Test func isDeterministic() {
        #expect(Self.encoded().json == Self.encoded().json)
    }

    @Test func conformsToTheCommittedSchema() throws {
        let schema = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
        let output = try JSONSerialization.jsonObject(with: Data(Self.encoded().json.utf8))
        var problems: [String] = []
        SchemaValidator(root: schema).validate(output, against: schema, at: "$", &problems)
        #expect(problems == [])
    }

    @Test func theValidatorRejectsWhatTheSchemaForbids() throws {
        let schema = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: Self.schemaURL)) as? [String: Any])
        let json = Self.encoded().json
        for broken in [
            json.replacingOccurrences(of: "\"divergedAt\":null", with: "\"divergedAt\":\"never\""),
            json.replacingOccurrences(of: "\"kind\":\"experiment\"", with: "\"kind\":\"training\""),
            json.replacingOccurrences(of: "\"label\":", with: "\"name\":"),
        ] {
            let output = try JSONSerialization.jsonObject(with: Data(broken.utf8))
            var problems: [String] = []
            SchemaValidator(root: schema).validate(output, against: schema, at: "$", &problems)
            #expect(!problems.isEmpty)
        }
    }

    /// The numbers read back exactly (JSONDecoder parses doubles correctly).
    @Test func numbersRoundTripExactly() throws {
        struct File: Decodable {
            struct Entry: Decodable { let runs: [Run]? }
            struct Run: Decodable {
                let trajectory: [[Double]]
                let loss: [Double]
                let learningRates: [Double]
                let effectiveLearningRates: [[Double]]?
                let divergedAt: Int?
                let syncSteps: [Int]
            }
            let experiments: [Entry]
        }
        let (outputs, _) = Fence.run(Self.sources)
        let file = try JSONDecoder().decode(File.self, from: Data(RunJSON.encode(outputs).utf8))
        guard let result = outputs[0] as? ExperimentResult else {
            Issue.record("the first fence is an experiment")
            return
        }
        let runs = try #require(file.experiments[0].runs)
        #expect(runs.count == 5)
        for (r, run) in runs.enumerated() {
            let trajectory = result.trajectories[r][0]
            #expect(run.trajectory == trajectory.points)
            #expect(run.loss == trajectory.losses)
            #expect(run.learningRates == trajectory.learningRates)
            #expect(run.divergedAt == trajectory.divergedAt)
            #expect(run.syncSteps == trajectory.syncSteps)
        }
        #expect(runs[2].learningRates == [0.3, 0.3, 0.15, 0.15, 0.075, 0.075])
        #expect(runs[3].syncSteps == [2, 4, 6])
        // Only the run a claim is about carries its effective learning rates, one pair per step.
        let rates = result.trajectories[3][0]
        #expect(runs[3].effectiveLearningRates == (1...6).map { rates.effectiveLearningRate(afterStep: $0)! })
        #expect(runs.indices.filter { runs[$0].effectiveLearningRates != nil } == [3])
        #expect(runs[4].divergedAt != nil)
        #expect(file.experiments[1].runs == nil)
        #expect(try #require(file.experiments[2].runs).count == 2)
    }

    @Test func falseClaimsAreDiagnosticsNotOutput() {
        let (_, diagnostics) = Fence.run([
            Fence(text: """
                Experiment("Claim") {
                    Objective(.bowl)
                    Steps(5)
                    SGD(lr: 0.1)
                    Expect("SGD", diverges: true)
                }
                """, origin: SourceOrigin(file: "c.md", line: 1)),
        ])
        #expect(diagnostics.map(\.description).first?.hasPrefix("c.md:5:5: error: claim is false") == true)
    }
}

/// A directive fence's text and place, parsed and run as `coursegen run` runs it (without the cache).
struct Fence {
    var text: String
    var origin: SourceOrigin

    /// The outputs of the fences that checked, in order, and every diagnostic.
    static func run(_ fences: [Fence]) -> (outputs: [RunOutput], diagnostics: [Diagnostic]) {
        var outputs: [RunOutput] = []
        var diagnostics: [Diagnostic] = []
        for fence in fences {
            guard let directive = DirectiveParser.parse(fence.text, origin: fence.origin, diagnostics: &diagnostics) else { continue }
            let run = DirectiveRunner.run(directive)
            diagnostics += run.diagnostics
            if let output = run.output { outputs.append(output) }
        }
        return (outputs, diagnostics)
    }
}

/// Checks a JSON value against the subset of JSON Schema (2020-12) that
/// `docs/run-json.schema.json` uses: type, const, enum, required, properties,
/// additionalProperties: false, items, minItems, minimum, maximum, pattern (digits), oneOf, $ref.
struct SchemaValidator {
    let root: [String: Any]

    func validate(_ value: Any, against schema: [String: Any], at path: String, _ problems: inout [String]) {
        if let reference = schema["$ref"] as? String {
            let name = reference.replacingOccurrences(of: "#/$defs/", with: "")
            guard let definition = (root["$defs"] as? [String: Any])?[name] as? [String: Any] else {
                problems.append("\(path): unknown $ref \(reference)")
                return
            }
            validate(value, against: definition, at: path, &problems)
        }
        if let choices = schema["oneOf"] as? [[String: Any]] {
            let matching = choices.filter { choice in
                var inner: [String] = []
                validate(value, against: choice, at: path, &inner)
                return inner.isEmpty
            }
            if matching.count != 1 { problems.append("\(path): matches \(matching.count) of oneOf, not 1") }
        }
        if let type = schema["type"] {
            let types = (type as? [String]) ?? [type as? String ?? ""]
            if !types.contains(where: { Self.has(value, type: $0) }) {
                problems.append("\(path): \(value) is not of type \(types)")
                return
            }
        }
        if let constant = schema["const"], !Self.equal(value, constant) { problems.append("\(path): is not \(constant)") }
        if let options = schema["enum"] as? [Any], !options.contains(where: { Self.equal(value, $0) }) {
            problems.append("\(path): \(value) is not one of \(options)")
        }
        if let number = value as? NSNumber, !(value is Bool) {
            if let minimum = schema["minimum"] as? Double, number.doubleValue < minimum { problems.append("\(path): below \(minimum)") }
            if let maximum = schema["maximum"] as? Double, number.doubleValue > maximum { problems.append("\(path): above \(maximum)") }
        }
        if let string = value as? String, schema["pattern"] as? String == "^[0-9]+$",
           string.isEmpty || !string.allSatisfy(\.isASCIIDigit) {
            problems.append("\(path): '\(string)' is not digits")
        }
        if let object = value as? [String: Any] {
            for key in schema["required"] as? [String] ?? [] where object[key] == nil {
                problems.append("\(path): lacks '\(key)'")
            }
            let properties = schema["properties"] as? [String: [String: Any]] ?? [:]
            for key in object.keys.sorted() {
                if let property = properties[key] {
                    validate(object[key]!, against: property, at: path + "." + key, &problems)
                } else if schema["additionalProperties"] as? Bool == false {
                    problems.append("\(path): unexpected '\(key)'")
                }
            }
        }
        if let array = value as? [Any] {
            if let minimum = schema["minItems"] as? Int, array.count < minimum { problems.append("\(path): fewer than \(minimum) items") }
            if let items = schema["items"] as? [String: Any] {
                for (i, element) in array.enumerated() { validate(element, against: items, at: "\(path)[\(i)]", &problems) }
            }
        }
    }

    static func has(_ value: Any, type: String) -> Bool {
        switch type {
        case "object": return value is [String: Any]
        case "array": return value is [Any]
        case "string": return value is String
        case "null": return value is NSNull
        case "boolean": return (value as? NSNumber).map { String(cString: $0.objCType) == "c" } ?? false
        case "number": return value is NSNumber && !has(value, type: "boolean")
        case "integer":
            guard let n = value as? NSNumber, !has(value, type: "boolean") else { return false }
            return n.doubleValue.rounded() == n.doubleValue
        default: return false
        }
    }

    static func equal(_ a: Any, _ b: Any) -> Bool {
        if let a = a as? String, let b = b as? String { return a == b }
        if let a = a as? NSNumber, let b = b as? NSNumber { return a == b }
        return a is NSNull && b is NSNull
    }
}

extension Character {
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
