import CourseDiagnostics
import Foundation
import Optimizers
import Testing
@testable import ExperimentLanguage
@testable import Objectives

/// A closure's loss and gradient at seeded points, as torch's autograd computed them
/// (Tests/OptimizersTests/Fixtures/torch-gradients.json, from scripts/reference/gradients.py).
struct TorchGradientCase: Sendable, Decodable, CustomTestStringConvertible {
    let name: String
    /// A closure in the directive language, or `builtin:<name>`.
    let closure: String
    /// What must agree bit for bit: "both" (loss and gradient), "gradient", or "none".
    let exact: String
    let points: [[Double]]
    let values: [Double]
    let gradients: [[Double]]

    var testDescription: String { name }
}

enum TorchGradientFixture {
    struct File: Decodable {
        let cases: [TorchGradientCase]
    }

    static let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("OptimizersTests/Fixtures/torch-gradients.json")

    /// Decoded with JSONDecoder, which reads every double exactly (JSONSerialization on Linux does not).
    static let cases: [TorchGradientCase] = {
        guard let data = try? Data(contentsOf: url), let file = try? JSONDecoder().decode(File.self, from: data) else { return [] }
        return file.cases
    }()

    /// The compiled closure or built-in.
    static func function(_ closure: String) throws -> SymbolicFunction {
        if closure.hasPrefix("builtin:") {
            let name = String(closure.dropFirst("builtin:".count))
            let builtin = try #require(BuiltinObjective.named(name))
            let objective = try #require(builtin.objective(parameterValues: builtin.parameters.map(\.defaultValue), call: "." + name))
            return try #require(objective.symbolic)
        }
        return try compile(closure)
    }

    static func compile(_ closure: String) throws -> SymbolicFunction {
        var diagnostics: [Diagnostic] = []
        let origin = SourceOrigin(file: "tape.md", line: 1)
        let statements = Parser.parse(closure, origin: origin, diagnostics: &diagnostics)
        guard case .expression(let expr)? = statements.first, case .closure(let syntax) = expr.kind else {
            Issue.record("\(closure) does not parse: \(diagnostics.map(\.description))")
            throw CancellationError()
        }
        let compiled = ClosureCompiler.compile(syntax, origin: origin, constants: ConstantScope(), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics.map(\.description))")
        return try #require(compiled).function
    }
}
