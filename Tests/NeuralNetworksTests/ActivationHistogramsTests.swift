import Testing

@testable import NeuralNetworks

/// The Deep Learning from Scratch ch. 6 observations, as numbers.
@Suite struct ActivationHistogramsTests {
    static let sigmoid = ActivationHistogramsConfiguration(
        title: "sigmoid", activation: .sigmoid,
        rows: [
            .init(label: "std 1", initialization: .normal(mean: 0, std: 1)),
            .init(label: "std 0.01", initialization: .normal(mean: 0, std: 0.01)),
            .init(label: "Xavier", initialization: .xavierNormal()),
        ])

    @Test func sigmoidSaturatesCollapsesOrStaysSpread() throws {
        let result = try ActivationHistograms.run(Self.sigmoid)
        #expect(result.rows.count == 3 && result.rows.allSatisfy { $0.layers.count == 5 })
        let last = result.rows.map { $0.layers[4] }
        for histogram in last { #expect(histogram.total == 100_000) }
        // std 1: most activations sit in the outer bins (near 0 and 1).
        let saturated = Double(last[0].counts.first! + last[0].counts.last!) / 100_000
        #expect(saturated > 0.4, "fraction in the end bins \(saturated)")
        // std 0.01: everything collapses onto 0.5 (std ≈ 0.25 · 0.01 · √100 · 0.5 ≈ 0.013 by layer 5).
        #expect(abs(last[1].mean - 0.5) < 0.01 && last[1].standardDeviation < 0.02)
        // Xavier: spread, neither saturated nor collapsed.
        #expect(last[2].standardDeviation > 0.05 && last[2].standardDeviation < last[0].standardDeviation)
    }

    @Test func reluWithHeKeepsItsScaleThroughTheLayers() throws {
        let configuration = ActivationHistogramsConfiguration(
            title: "ReLU", activation: .relu,
            rows: [.init(label: "He", initialization: .kaimingNormal(nonlinearity: .relu)), .init(label: "Xavier", initialization: .xavierNormal())])
        let result = try ActivationHistograms.run(configuration)
        let he = result.rows[0].layers.map(\.standardDeviation)
        let xavier = result.rows[1].layers.map(\.standardDeviation)
        // He keeps E[a²] constant, so the std stays within a factor 2 from layer 1 to 5; Xavier
        // halves E[a²] per layer, so four layers shrink the std by about (1/√2)⁴ = 0.25.
        #expect(he[4] / he[0] > 0.5 && he[4] / he[0] < 2, "He stds \(he)")
        #expect(xavier[4] / xavier[0] < 0.35, "Xavier stds \(xavier)")
        #expect(result.rows[0].layers[0].range == 0...3)
    }

    @Test func invalidStudiesListEveryProblem() {
        var configuration = Self.sigmoid
        configuration.layers = 0
        configuration.rows.append(.init(label: "bad", initialization: .normal(mean: 0, std: -1)))
        #expect(throws: TrainingError.invalidConfiguration([
            "an activation study needs at least 1 layer, not 0",
            "bad: normal expects std ≥ 0.0, but found std -1.0",
        ])) { try ActivationHistograms.run(configuration) }
    }

    @Test func histogramBinsIncludeTheUpperBoundAndCountOutliers() {
        let values: [Double] = [-1, 0, 0.5, 0.99, 1, 2]
        let histogram = values.withUnsafeBufferPointer {
            LayerHistogram.of($0.baseAddress!, count: 6, layer: 1, range: 0...1, bins: 2)
        }
        #expect(histogram.counts == [1, 3] && histogram.below == 1 && histogram.above == 1)
    }
}
