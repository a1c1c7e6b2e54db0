import Foundation
import Optimizers
import Testing

@testable import NeuralNetworks

/// One step of a small network equals PyTorch's (Fixtures/network-step.json, made by scripts/reference/network_step.py).
@Suite struct TorchReferenceTests {
    struct Fixture: Decodable {
        struct Case: Decodable, CustomTestStringConvertible, Sendable {
            struct After: Decodable, Sendable {
                var optimizer: String
                var parameters: [Double]
            }
            var name: String
            var activation: String
            var inputSize: Int
            var hidden: [Int]
            var outputSize: Int
            var l2: Double
            var bias: Bool
            var features: [Double]
            var labels: [Int]
            var parameters: [Double]
            var loss: Double
            var gradient: [Double]
            var after: [After]
            var testDescription: String { name }
        }
        var cases: [Case]
    }

    static let cases: [Fixture.Case] = {
        guard let url = Bundle.module.url(forResource: "network-step", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url), let fixture = try? JSONDecoder().decode(Fixture.self, from: data)
        else { return [] }
        return fixture.cases
    }()

    @Test func fixtureLoads() {
        #expect(Self.cases.count == 3)
    }

    /// The case's objective over its whole batch.
    static func objective(_ c: Fixture.Case, kernel: MatrixKernel = .preferred) -> NetworkObjective {
        let architecture = NetworkArchitecture(
            inputSize: c.inputSize, hidden: c.hidden, outputSize: c.outputSize,
            activation: Activation(rawValue: c.activation)!, bias: c.bias)
        let data = LabeledData(features: c.features, featureCount: c.inputSize, labels: c.labels, classCount: c.outputSize)
        let objective = NetworkObjective(architecture: architecture, data: data, l2: c.l2, batchCapacity: data.count, kernel: kernel)
        objective.useBatch(Array(0..<data.count))
        return objective
    }

    /// f and ∇f at the fixture's parameters.
    static func lossAndGradient(_ c: Fixture.Case, kernel: MatrixKernel = .preferred) -> (Double, [Double]) {
        objective(c, kernel: kernel).gradient(at: c.parameters)
    }

    /// The fixture's optimizer calls, resolved as the directive checker would.
    static let optimizers: [String: OptimizerConfig] = [
        "SGD(lr: 0.1)": OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.1)]),
        "SGD(lr: 0.05, momentum: 0.9)": OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.05), "momentum": .real(0.9)]),
        "Adam(lr: 0.01)": OptimizerConfig(callName: "Adam", arguments: ["lr": .real(0.01)]),
    ]

    @Test(arguments: cases)
    func catalogStepsEqualTorch(_ c: Fixture.Case) throws {
        #expect(c.after.count == Self.optimizers.count)
        for reference in c.after {
            let config = try #require(Self.optimizers[reference.optimizer], "unmapped call \(reference.optimizer)")
            let objective = Self.objective(c)
            let optimizer = try #require(Optimizer(config, dimension: objective.dimension))
            let oracle = GradientOracle(objective)
            var parameters = c.parameters
            oracle.beginStep(0)
            _ = parameters.withUnsafeMutableBufferPointer { optimizer.step($0, oracle: oracle) }
            // Adam divides by √v + ε with v ≈ g², so agreement is to rounding of the gradient: 1e-12 relative.
            let worst = zip(parameters, reference.parameters).map { abs($0 - $1) / max(abs($1), 1e-2) }.max() ?? .infinity
            #expect(worst <= 1e-12, "\(reference.optimizer): worst parameter difference \(worst)")
        }
    }

    @Test(arguments: cases)
    func lossAndGradientEqualTorch(_ c: Fixture.Case) {
        for kernel in [MatrixKernel.preferred, .portable] {
            let (loss, gradient) = Self.lossAndGradient(c, kernel: kernel)
            #expect(gradient.count == c.gradient.count)
            // float64 against float64: agreement to rounding, 1e-12 relative with a 1e-14 absolute floor.
            #expect(abs(loss - c.loss) <= 1e-12 * abs(c.loss), "\(kernel): loss \(loss) vs torch \(c.loss)")
            let worst = zip(gradient, c.gradient).map { abs($0 - $1) / max(abs($1), 1e-2) }.max() ?? .infinity
            #expect(worst <= 1e-12, "\(kernel): worst gradient difference \(worst)")
        }
    }

    @Test(arguments: cases)
    func plainSGDStepEqualsTorch(_ c: Fixture.Case) throws {
        let reference = try #require(c.after.first { $0.optimizer == "SGD(lr: 0.1)" })
        let (_, gradient) = Self.lossAndGradient(c)
        let stepped = zip(c.parameters, gradient).map { $0 - 0.1 * $1 }
        let worst = zip(stepped, reference.parameters).map { abs($0 - $1) }.max() ?? .infinity
        #expect(worst <= 1e-14, "worst parameter difference \(worst)")
    }
}
