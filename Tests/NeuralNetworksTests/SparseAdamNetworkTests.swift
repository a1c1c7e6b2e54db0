import Foundation
import Optimizers
import Testing

@testable import NeuralNetworks

/// SparseAdam on a small ReLU network against torch (`scripts/reference/sparseadam.py network`):
/// a new batch each step, in which some hidden units are dead, so their weights' gradients are
/// exactly zero, absent from torch's `to_sparse()` gradient, and those weights stay put.
@Suite struct SparseAdamNetworkTests {
    struct Fixture: Decodable {
        let generator: String
        let inputSize: Int
        let hidden: [Int]
        let outputSize: Int
        let batchSize: Int
        let features: [Double]
        let labels: [Int]
        let parameters: [Double]
        let parametersAfterEachStep: [[Double]]
        let absentAtEachStep: [[Int]]
    }

    static let fixture: Fixture? = {
        guard let url = Bundle.module.url(forResource: "sparseadam-network", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(Fixture.self, from: data)
    }()

    @Test func stepsEqualTorchAndAbsentWeightsStay() throws {
        let f = try #require(Self.fixture, "Fixtures/sparseadam-network.json is missing or unreadable")
        #expect(f.generator.hasPrefix("torch 2.15"))
        let architecture = NetworkArchitecture(
            inputSize: f.inputSize, hidden: f.hidden, outputSize: f.outputSize, activation: .relu)
        let data = LabeledData(features: f.features, featureCount: f.inputSize, labels: f.labels, classCount: f.outputSize)
        let objective = NetworkObjective(architecture: architecture, data: data, l2: 0, batchCapacity: f.batchSize)
        let config = OptimizerConfig(callName: "SparseAdam", arguments: ["lr": .real(0.05), "betas": .pair(0.8, 0.99)])
        let optimizer = try #require(Optimizer(config, dimension: objective.dimension))
        let oracle = GradientOracle(objective)
        var parameters = f.parameters
        var absentWithMoment = 0
        for (k, expected) in f.parametersAfterEachStep.enumerated() {
            objective.useBatch(Array(k * f.batchSize..<(k + 1) * f.batchSize))
            let (_, gradient) = objective.gradient(at: parameters)
            let absent = gradient.indices.filter { gradient[$0] == 0 }
            #expect(absent == f.absentAtEachStep[k], "step \(k + 1): coordinates with a zero gradient")
            let before = parameters
            oracle.beginStep(k)
            _ = parameters.withUnsafeMutableBufferPointer { optimizer.step($0, oracle: oracle) }
            for i in absent {
                #expect(parameters[i] == before[i], "step \(k + 1): absent weight \(i) moved")
                if k > 0 && !f.absentAtEachStep[k - 1].contains(i) { absentWithMoment += 1 }
            }
            // Adam's division by √v + ε with v ≈ g² holds agreement to the gradient's rounding.
            let worst = zip(parameters, expected).map { abs($0 - $1) / max(abs($1), 1e-2) }.max() ?? .infinity
            #expect(worst <= 1e-12, "step \(k + 1): worst parameter difference \(worst)")
        }
        // Some weight moved, gathering moments, then sat out a step with them kept.
        #expect(absentWithMoment > 0)
    }
}
