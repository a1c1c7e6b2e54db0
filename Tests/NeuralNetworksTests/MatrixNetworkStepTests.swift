import Foundation
import Optimizers
import Testing

@testable import NeuralNetworks

/// Two training steps of Muon (on the hidden weight matrices, AdamW(lr: 3e-4, weightDecay: 0.01)
/// on the rest, as torch's docstring pairs them) and of Adafactor (factored on every weight
/// matrix, unfactored on biases) equal torch's (Fixtures/matrix-network-step.json, made by
/// scripts/reference/matrix.py).
@Suite struct MatrixNetworkStepTests {
    static let cases: [TorchReferenceTests.Fixture.Case] = {
        guard let url = Bundle.module.url(forResource: "matrix-network-step", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url),
            let fixture = try? JSONDecoder().decode(TorchReferenceTests.Fixture.self, from: data)
        else { return [] }
        return fixture.cases
    }()

    static let optimizers: [String: OptimizerConfig] = [
        "Muon(lr: 0.02)": OptimizerConfig(callName: "Muon", arguments: ["lr": .real(0.02)]),
        "Adafactor(lr: 0.05)": OptimizerConfig(callName: "Adafactor", arguments: ["lr": .real(0.05)]),
        "Adafactor(lr: 0.05, weightDecay: 0.1, maximize: false)":
            OptimizerConfig(callName: "Adafactor", arguments: ["lr": .real(0.05), "weightDecay": .real(0.1)]),
    ]

    @Test func fixtureLoads() {
        #expect(Self.cases.count == 3)
        #expect(Self.cases.allSatisfy { $0.after.count == 2 * Self.optimizers.count })
    }

    @Test(arguments: cases)
    func stepsEqualTorch(_ c: TorchReferenceTests.Fixture.Case) throws {
        var index = 0
        while index < c.after.count {
            let name = c.after[index].optimizer
            let config = try #require(Self.optimizers[name], "unmapped call \(name)")
            let objective = TorchReferenceTests.objective(c)
            let layout = objective.architecture.parameterLayout
            let optimizer = try #require(Optimizer(config, layout: layout))
            let oracle = GradientOracle(objective)
            var parameters = c.parameters
            for step in 0..<2 {
                oracle.beginStep(step)
                _ = parameters.withUnsafeMutableBufferPointer { optimizer.step($0, oracle: oracle) }
                let reference = c.after[index + step].parameters
                let worst = zip(parameters, reference).map { abs($0 - $1) / max(abs($1), 1e-2) }.max() ?? .infinity
                #expect(worst <= 1e-12, "\(name), step \(step + 1): worst parameter difference \(worst)")
            }
            index += 2
        }
    }

    /// The layout the trainer hands the optimizer: W (outputs × inputs) then b, layer by layer.
    @Test func networkLayoutFollowsTorchsParameters() {
        let architecture = NetworkArchitecture(inputSize: 4, hidden: [6, 5], outputSize: 3, activation: .relu)
        let layout = architecture.parameterLayout
        #expect(layout.count == architecture.parameterCount)
        #expect(layout.tensors.map(\.shape) == [
            .matrix(rows: 6, columns: 4), .vector(6), .matrix(rows: 5, columns: 6), .vector(5), .matrix(rows: 3, columns: 5), .vector(3),
        ])
        #expect(layout.tensors.map(\.role) == [.inputWeight, .bias, .hiddenWeight, .bias, .outputWeight, .bias])
        let single = NetworkArchitecture(inputSize: 4, hidden: [], outputSize: 3, activation: .relu, bias: false)
        #expect(single.parameterLayout.tensors.map(\.role) == [.outputWeight])
    }
}
