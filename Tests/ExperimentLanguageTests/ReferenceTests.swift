import CourseDiagnostics
import Foundation
import NeuralNetworks
import Objectives
import Optimizers
import Testing
@testable import ExperimentLanguage

/// docs/language.md is the reference: every example checks cleanly, is valid Swift, and every
/// builder, statement, modifier, built-in objective and function of the checker's tables is documented.
struct ReferenceTests {
    static let referencePath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/language.md")

    static func reference() throws -> String {
        try String(contentsOf: referencePath, encoding: .utf8)
    }

    /// The bodies of the ```swift fences.
    static func examples() throws -> [String] {
        var examples: [String] = []
        var current: [Substring]?
        for line in try reference().split(separator: "\n", omittingEmptySubsequences: false) {
            if current == nil, line == "```swift" {
                current = []
            } else if current != nil, line == "```" {
                examples.append(current!.joined(separator: "\n"))
                current = nil
            } else {
                current?.append(line)
            }
        }
        return examples
    }

    @Test
    func everyExampleChecksCleanly() throws {
        let examples = try Self.examples()
        #expect(examples.count >= 6)
        for (index, example) in examples.enumerated() {
            var diagnostics: [Diagnostic] = []
            let directive = DirectiveParser.parse(example, origin: SourceOrigin(file: "docs/language.md", line: 1), diagnostics: &diagnostics)
            #expect(directive != nil && diagnostics.isEmpty, "example \(index): \(diagnostics)")
        }
    }

    @Test
    func everyTableEntryIsDocumented() throws {
        let text = try Self.reference()
        let names = StatementSpec.builders.map { "`\($0.name)`" } + StatementSpec.experiment.map { "`\($0.name)`" }
            + StatementSpec.modifiers.map { "`\($0.name)`" } + BuiltinObjective.all.map { "`.\($0.name)" }
            + MathFunction.callable.map { "`\($0.rawValue)`" } + ["`pow`"]
            + OptimizerCatalog.all.map { "`.\($0.id)`" } + OptimizerCatalog.all.map { "`\($0.callName)(" }
            + StatementSpec.colorNames.map { "`.\($0)`" } + OptimizerCallChecker.schedules.map { "`.\($0.name)(" }
            + StatementSpec.schedule.map { "`\($0.name)`" } + StatementSpec.average.map { "`\($0.name)`" }
            + StatementSpec.averages.map { "`\($0.name)`" } + StatementSpec.signals.map { "`.\($0.name)(" }
            + ["learningRate:", "atStep:", "smootherThan:", "closerThan:", "over:"]
            + StatementSpec.training.map { "`\($0.name)`" } + StatementSpec.activations.map { "`\($0.name)`" }
            + ValueReader.datasets.map { "`.\($0.name)" } + InitializationSpec.all.map { "`.\($0.name)" }
            + TrainingChecker.claims.map { "\($0.form):" } + ActivationsChecker.claims.map { "\($0):" }
            + FanMode.allCases.map { "`.\($0.rawValue)`" } + Nonlinearity.allCases.map { "`.\($0.rawValue)`" }
        for name in names {
            #expect(text.contains(name), "docs/language.md does not mention \(name)")
        }
    }

    @Test(.enabled(if: SwiftSyntaxValidator.isAvailable, "swiftc is not installed at /opt/swift/usr/bin"))
    func examplesAndAcceptedFuzzInputsAreValidSwift() throws {
        var texts = try Self.examples()
        texts += BuiltinObjective.all.map { "Experiment(\"x\") { Objective \($0.closure); SGD(lr: 0.1) }" }
        texts += FuzzTests.acceptedSample()
        let rejected = try SwiftSyntaxValidator.rejected(texts)
        #expect(rejected.isEmpty, "swiftc -parse rejects: \(rejected.map { "\($0.message)\n\($0.index >= 0 ? texts[$0.index] : "")" })")
    }
}
