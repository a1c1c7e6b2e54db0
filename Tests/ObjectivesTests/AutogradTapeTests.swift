import CourseDiagnostics
import Foundation
import Optimizers
import Testing
@testable import ExperimentLanguage

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

/// The tape against torch: bit for bit where the closure is torch's expression in arithmetic
/// and integer powers, to a stated tolerance where torch's vector math library rounds apart.
@Suite struct AutogradTapeTests {
    @Test func fixtureLoads() {
        #expect(TorchGradientFixture.cases.count == 34)
        #expect(TorchGradientFixture.cases.filter { $0.exact == "both" }.count == 26)
    }

    @Test(arguments: TorchGradientFixture.cases)
    func lossAndGradientMatchAutograd(_ reference: TorchGradientCase) throws {
        let f = try TorchGradientFixture.function(reference.closure)
        #expect(f.dimension == reference.points[0].count)
        var identical = 0
        for (k, point) in reference.points.enumerated() {
            let (value, gradient) = f.gradient(at: point)
            let expectedValue = reference.values[k], expectedGradient = reference.gradients[k]
            let sameValue = value.bitPattern == expectedValue.bitPattern
            let sameGradient = zip(gradient, expectedGradient).allSatisfy { $0.bitPattern == $1.bitPattern }
            if sameValue && sameGradient { identical += 1 }
            // value(_:) runs the forward pass alone; it must give the same loss.
            #expect(f.value(at: point).bitPattern == value.bitPattern)
            switch reference.exact {
            case "both":
                #expect(sameValue, "loss at \(point): \(value) against torch's \(expectedValue)")
                #expect(sameGradient, "gradient at \(point): \(gradient) against torch's \(expectedGradient)")
            case "gradient":
                #expect(sameGradient, "gradient at \(point): \(gradient) against torch's \(expectedGradient)")
                #expect(Self.isClose(value, expectedValue), "loss at \(point): \(value) against torch's \(expectedValue)")
            default:
                #expect(Self.isClose(value, expectedValue), "loss at \(point): \(value) against torch's \(expectedValue)")
                for (g, e) in zip(gradient, expectedGradient) {
                    #expect(Self.isClose(g, e), "gradient at \(point): \(gradient) against torch's \(expectedGradient)")
                }
            }
        }
        // Where bits may differ, most still agree; a wholesale change of order would not.
        #expect(identical * 2 >= reference.points.count, "\(identical) of \(reference.points.count) points bit for bit")
    }

    /// 1e-12 relative, or 1e-12 absolute near zero: a few last bits of the terms a sum adds.
    static func isClose(_ a: Double, _ b: Double) -> Bool {
        abs(a - b) <= 1e-12 * max(1, abs(b))
    }
}
