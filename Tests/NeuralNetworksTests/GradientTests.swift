import Optimizers
import Testing

@testable import NeuralNetworks

/// Backpropagation checked against central differences, layer by layer.
@Suite struct GradientTests {
    /// A small problem: 5 features, 4 classes, 9 samples drawn from the seed.
    static func problem(seed: UInt64 = 7) -> LabeledData {
        var generator = Xoshiro256StarStar(seed: seed)
        let features = (0..<45).map { _ in generator.nextNormal() }
        let labels = (0..<9).map { _ in Int(generator.next() % 4) }
        return LabeledData(features: features, featureCount: 5, labels: labels, classCount: 4)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        var activation: Activation
        var dropout: Double
        var l2: Double
        var bias: Bool
        var kernel: MatrixKernel
        var testDescription: String { "\(activation) dropout \(dropout) l2 \(l2) bias \(bias) \(kernel)" }
    }

    static let cases: [Case] = Activation.allCases.flatMap { activation in
        [
            Case(activation: activation, dropout: 0, l2: 0, bias: true, kernel: .preferred),
            Case(activation: activation, dropout: 0.3, l2: 0.05, bias: true, kernel: .preferred),
            Case(activation: activation, dropout: 0, l2: 0.1, bias: false, kernel: .portable),
        ]
    }

    @Test(arguments: cases)
    func everyLayerMatchesCentralDifferences(_ c: Case) {
        let data = Self.problem()
        let architecture = NetworkArchitecture(
            inputSize: 5, hidden: [7, 6, 5], outputSize: 4, activation: c.activation, dropout: c.dropout, bias: c.bias)
        // Normal(0, 0.8) weights and nonzero biases so no ReLU sits exactly at its kink.
        var parameters = architecture.initialParameters(
            weights: .normal(mean: 0, std: 0.8), biases: .constant(0.1), seed: 3)
        let objective = NetworkObjective(
            architecture: architecture, data: data, l2: c.l2, batchCapacity: 9, kernel: c.kernel, dropoutSeed: 11)
        objective.useBatch([0, 1, 2, 3, 4, 5, 6, 7, 8, 2])
        var gradient = [Double](repeating: .nan, count: architecture.parameterCount)
        _ = parameters.withUnsafeBufferPointer { x in
            gradient.withUnsafeMutableBufferPointer { objective.valueAndGradient(x, $0) }
        }
        let h = 1e-6
        for (index, layer) in architecture.layers.enumerated() {
            var worst = 0.0
            for i in Array(layer.weightRange) + Array(layer.biasRange ?? 0..<0) {
                let saved = parameters[i]
                parameters[i] = saved + h
                let up = parameters.withUnsafeBufferPointer { objective.value($0) }
                parameters[i] = saved - h
                let down = parameters.withUnsafeBufferPointer { objective.value($0) }
                parameters[i] = saved
                let numeric = (up - down) / (2 * h)
                // Relative 1e-6, measured against max(|numeric|, 0.01) so near-zero entries need 1e-8 absolute.
                worst = max(worst, abs(numeric - gradient[i]) / max(abs(numeric), 1e-2))
            }
            #expect(worst < 1e-6, "layer \(index): worst relative error \(worst)")
        }
    }

    @Test func dropoutMasksStayFixedWithinOneBatch() {
        let data = Self.problem()
        let architecture = NetworkArchitecture(inputSize: 5, hidden: [8], outputSize: 4, activation: .relu, dropout: 0.5)
        let parameters = architecture.initialParameters(weights: .kaimingNormal(), seed: 1)
        let objective = NetworkObjective(architecture: architecture, data: data, batchCapacity: 9)
        objective.useBatch(Array(0..<9))
        let first = parameters.withUnsafeBufferPointer { objective.value($0) }
        let again = parameters.withUnsafeBufferPointer { objective.value($0) }
        #expect(first == again)
        objective.useBatch(Array(0..<9))
        let redrawn = parameters.withUnsafeBufferPointer { objective.value($0) }
        #expect(redrawn != first, "a new batch draws new dropout masks")
    }

    @Test func kernelsAgreeToRounding() {
        let data = Self.problem()
        let architecture = NetworkArchitecture(inputSize: 5, hidden: [30, 20], outputSize: 4, activation: .tanh)
        let parameters = architecture.initialParameters(weights: .xavierNormal(), seed: 5)
        var gradients = [[Double]]()
        for kernel in [MatrixKernel.preferred, .portable] {
            let objective = NetworkObjective(architecture: architecture, data: data, batchCapacity: 9, kernel: kernel)
            objective.useBatch(Array(0..<9))
            var g = [Double](repeating: 0, count: architecture.parameterCount)
            _ = parameters.withUnsafeBufferPointer { x in g.withUnsafeMutableBufferPointer { objective.valueAndGradient(x, $0) } }
            gradients.append(g)
        }
        let worst = zip(gradients[0], gradients[1]).map { abs($0 - $1) }.max()!
        #expect(worst < 1e-12, "largest difference \(worst)")
    }
}

extension GradientTests {
    @Test func finiteSumEntryKeepsMasksForTheSameSamples() {
        let data = Self.problem()
        let architecture = NetworkArchitecture(inputSize: 5, hidden: [8], outputSize: 4, activation: .relu, dropout: 0.5)
        let parameters = architecture.initialParameters(weights: .kaimingNormal(), seed: 1)
        let objective = NetworkObjective(architecture: architecture, data: data, batchCapacity: 9)
        var g = [Double](repeating: 0, count: architecture.parameterCount)
        func evaluate(_ samples: [Int]) -> Double {
            parameters.withUnsafeBufferPointer { x in
                g.withUnsafeMutableBufferPointer { g in samples.withUnsafeBufferPointer { objective.valueAndGradient(x, g, samples: $0) } }
            }
        }
        let first = evaluate([0, 1, 2, 3])
        #expect(evaluate([0, 1, 2, 3]) == first, "a line search on one batch sees one function")
        #expect(objective.currentBatch == [0, 1, 2, 3])
        _ = evaluate([4, 5])
        #expect(objective.currentBatch == [4, 5])
    }
}
