import Foundation
import Optimizers
import Testing

@testable import NeuralNetworks

/// Batch normalisation and gradient clipping against torch (`scripts/reference/batchnorm.py`):
/// a few steps of SGD, momentum and Adam on small networks, a new batch each step, comparing
/// the loss, the gradient before clipping and its norm, the parameters after each step, the
/// running statistics, and the evaluation-mode logits of a held-out batch.
@Suite struct BatchNormTests {
    struct Fixture: Decodable {
        struct Clip: Decodable {
            let kind: String
            let threshold: Double
        }

        struct Step: Decodable {
            let loss: Double
            let gradient: [Double]
            let gradientNorm: Double
            let parameters: [Double]
            let runningMean: [Double]
            let runningVariance: [Double]
            let evalLogits: [Double]
        }

        struct Case: Decodable, CustomTestStringConvertible, Sendable {
            let name: String
            let activation: String
            let inputSize: Int
            let hidden: [Int]
            let outputSize: Int
            let batchNorm: Bool
            let clip: Clip?
            let l2: Double
            let optimizer: String
            let batchSize: Int
            let features: [Double]
            let labels: [Int]
            let heldOut: [Double]
            let parameters: [Double]
            let steps: [Step]
            var testDescription: String { name }
        }

        let generator: String
        let cases: [Case]
    }

    static let fixture: Fixture? = {
        guard let url = Bundle.module.url(forResource: "batchnorm", withExtension: "json", subdirectory: "Fixtures"),
            let data = try? Data(contentsOf: url)
        else { return nil }
        return try? JSONDecoder().decode(Fixture.self, from: data)
    }()

    /// The directive calls of the fixture, as `OptimizerConfig`s.
    static let optimizers: [String: OptimizerConfig] = [
        "SGD(lr: 0.1)": OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.1)]),
        "SGD(lr: 0.05, momentum: 0.9)": OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.05), "momentum": .real(0.9)]),
        "Adam(lr: 0.01)": OptimizerConfig(callName: "Adam", arguments: ["lr": .real(0.01)]),
    ]

    /// The worst of |a − e| / max(|e|, floor) over the pairs; infinity when the lengths differ.
    static func worst(_ actual: [Double], _ expected: [Double], floor: Double = 1e-6) -> Double {
        guard actual.count == expected.count else { return .infinity }
        return zip(actual, expected).map { abs($0 - $1) / max(abs($1), floor) }.max() ?? 0
    }

    @Test func fixtureIsTorchs() throws {
        let f = try #require(Self.fixture, "Fixtures/batchnorm.json is missing or unreadable")
        #expect(f.generator.hasPrefix("torch 2.15"))
        #expect(f.cases.count == 8)
    }

    @Test(arguments: fixture?.cases ?? [])
    func stepsMatchTorch(_ c: Fixture.Case) throws {
        let activation = try #require(Activation(rawValue: c.activation))
        let architecture = NetworkArchitecture(
            inputSize: c.inputSize, hidden: c.hidden, outputSize: c.outputSize, activation: activation, batchNorm: c.batchNorm)
        #expect(architecture.parameterCount == c.parameters.count)
        let clipping: GradientClipping? = c.clip.map { $0.kind == "norm" ? .norm($0.threshold) : .value($0.threshold) }
        let data = LabeledData(features: c.features, featureCount: c.inputSize, labels: c.labels, classCount: c.outputSize)
        let heldOut = LabeledData(
            features: c.heldOut, featureCount: c.inputSize, labels: [Int](repeating: 0, count: c.heldOut.count / c.inputSize),
            classCount: c.outputSize)
        let objective = NetworkObjective(architecture: architecture, data: data, l2: c.l2, clipping: clipping, batchCapacity: c.batchSize)
        let unclipped = NetworkObjective(architecture: architecture, data: data, l2: c.l2, batchCapacity: c.batchSize)
        let config = try #require(Self.optimizers[c.optimizer])
        let optimizer = try #require(Optimizer(config, layout: architecture.parameterLayout))
        let oracle = GradientOracle(objective)
        let evaluator = NetworkEvaluator(architecture: architecture)
        var parameters = c.parameters
        for (k, expected) in c.steps.enumerated() {
            let batch = Array(k * c.batchSize..<(k + 1) * c.batchSize)
            // The gradient as backpropagated, before clipping, from an objective of its own
            // (whose running statistics are not the ones under test).
            unclipped.useBatch(batch)
            let (loss, gradient) = unclipped.gradient(at: parameters)
            #expect(Self.worst([loss], [expected.loss]) <= 1e-12, "step \(k + 1): loss \(loss), torch \(expected.loss)")
            let gradientError = Self.worst(gradient, expected.gradient, floor: 1e-3)
            #expect(gradientError <= 1e-10, "step \(k + 1): worst gradient difference \(gradientError)")

            objective.useBatch(batch)
            oracle.beginStep(k)
            let status = parameters.withUnsafeMutableBufferPointer { optimizer.step($0, oracle: oracle) }
            #expect(status == .moved)
            let norm = try #require(objective.gradientNormOnBatch)
            #expect(Self.worst([norm], [expected.gradientNorm]) <= 1e-12, "step \(k + 1): gradient norm \(norm), torch \(expected.gradientNorm)")
            let parameterError = Self.worst(parameters, expected.parameters, floor: 1e-2)
            #expect(parameterError <= 1e-9, "step \(k + 1): worst parameter difference \(parameterError)")
            let statistics = objective.runningStatistics
            let statisticsError = max(
                Self.worst(statistics.mean, expected.runningMean, floor: 1e-2),
                Self.worst(statistics.variance, expected.runningVariance, floor: 1e-2))
            // The running variance of a batch of two is (a − b)²/2, so it carries twice the
            // activations' relative error: held to the gradients' bound, not the loss's.
            #expect(statisticsError <= 1e-10, "step \(k + 1): worst running-statistic difference \(statisticsError)")
            let logits = evaluator.logits(parameters: parameters, statistics: statistics, on: heldOut)
            let logitError = Self.worst(logits, expected.evalLogits, floor: 1e-2)
            #expect(logitError <= 1e-9, "step \(k + 1): worst evaluation-logit difference \(logitError)")
        }
    }

    /// Clipping by norm leaves a long gradient at the bound's length (times torch's
    /// ‖g‖/(‖g‖ + 10⁻⁶)); clipping by value leaves no component beyond the bound, and some at it.
    @Test(arguments: [GradientClipping.norm(0.01), .value(0.001)])
    func clippedGradientsKeepTheirBound(_ clipping: GradientClipping) throws {
        let architecture = NetworkArchitecture(inputSize: 5, hidden: [7], outputSize: 4, activation: .tanh, batchNorm: true)
        let parameters = architecture.initialParameters(weights: .normal(mean: 0, std: 3), seed: 1)
        let objective = NetworkObjective(architecture: architecture, data: GradientTests.problem(), clipping: clipping, batchCapacity: 9)
        objective.useBatch(Array(0..<9))
        let (_, g) = objective.gradient(at: parameters)
        let norm = g.withUnsafeBufferPointer { GradientClipping.totalNorm($0, layout: architecture.parameterLayout) }
        let before = try #require(objective.gradientNormOnBatch)
        #expect(before > 10 * clipping.threshold)
        switch clipping {
        case .norm(let bound):
            #expect(abs(norm - bound * before / (before + 1e-6)) <= 1e-15)
        case .value(let bound):
            #expect(g.allSatisfy { abs($0) <= bound })
            #expect(g.contains { abs($0) == bound })
        }
    }

    /// Backpropagation through batch normalisation against central differences: the batch's
    /// mean and variance depend on every sample, which the per-sample rule alone would miss.
    @Test(arguments: Activation.allCases)
    func gradientMatchesCentralDifferences(_ activation: Activation) {
        let data = GradientTests.problem()
        let architecture = NetworkArchitecture(inputSize: 5, hidden: [7, 6], outputSize: 4, activation: activation, batchNorm: true)
        var parameters = architecture.initialParameters(weights: .normal(mean: 0, std: 0.8), seed: 3)
        // γ and β away from 1 and 0, so that their roles are not hidden by their starting values.
        for layer in architecture.layers {
            guard let normalization = layer.normalization else { continue }
            for j in 0..<layer.outputs {
                parameters[normalization.scaleOffset + j] = 0.7 + 0.1 * Double(j)
                parameters[normalization.shiftOffset + j] = 0.05 * Double(j) - 0.1
            }
        }
        let objective = NetworkObjective(architecture: architecture, data: data, l2: 0.01, batchCapacity: 9)
        objective.useBatch([0, 1, 2, 3, 4, 5, 6, 7, 8, 2])
        let (_, gradient) = objective.gradient(at: parameters)
        let h = 1e-6
        var worst = 0.0
        for i in parameters.indices {
            let saved = parameters[i]
            parameters[i] = saved + h
            let up = objective.value(at: parameters)
            parameters[i] = saved - h
            let down = objective.value(at: parameters)
            parameters[i] = saved
            let numeric = (up - down) / (2 * h)
            worst = max(worst, abs(numeric - gradient[i]) / max(abs(numeric), 1e-2))
        }
        #expect(worst < 1e-6, "worst relative error \(worst)")
    }

    /// The layout torch's `parameters()` gives `Sequential(Linear(bias=False), BatchNorm1d, act, …, Linear)`:
    /// W, γ, β per hidden layer, then the output layer's W and b; γ starts at 1, β at 0.
    @Test func layoutAndStartMatchBatchNorm1d() {
        let architecture = NetworkArchitecture(inputSize: 3, hidden: [4, 2], outputSize: 2, activation: .relu, batchNorm: true)
        #expect(architecture.parameterCount == 12 + 4 + 4 + 8 + 2 + 2 + 4 + 2)
        #expect(architecture.statisticsCount == 6)
        #expect(architecture.layers.map(\.biasOffset) == [nil, nil, 36])
        #expect(architecture.layers[0].normalization == .init(scaleOffset: 12, shiftOffset: 16, statisticsOffset: 0))
        #expect(architecture.layers[1].normalization == .init(scaleOffset: 28, shiftOffset: 30, statisticsOffset: 4))
        let roles = architecture.parameterLayout.tensors.map(\.role)
        #expect(roles == [.inputWeight, .normalization, .normalization, .hiddenWeight, .normalization, .normalization, .outputWeight, .bias])
        let parameters = architecture.initialParameters(weights: .kaimingNormal(), biases: .constant(0.1), seed: 0)
        #expect(parameters[12..<16].allSatisfy { $0 == 1 } && parameters[16..<20].allSatisfy { $0 == 0 })
        #expect(parameters[36..<38].allSatisfy { $0 == 0.1 })
        let statistics = RunningStatistics(for: architecture)
        #expect(statistics.mean == [Double](repeating: 0, count: 6) && statistics.variance == [Double](repeating: 1, count: 6))
    }
}
