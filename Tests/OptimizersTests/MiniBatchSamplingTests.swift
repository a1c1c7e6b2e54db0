import Optimizers
import Testing

@Suite struct MiniBatchSamplingTests {
    private func draws(_ sampling: MiniBatchSampling, samples: Int, batchSize: Int, steps: Int, seed: UInt64 = 9) -> [[Int]] {
        let oracle = GradientOracle(LinearRegression(samples: samples, noise: 0.1, seed: 3), batchSize: batchSize, sampling: sampling, seed: seed)
        return (0..<steps).map { t in
            oracle.beginStep(t)
            return oracle.currentBatch
        }
    }

    @Test func withReplacementIsSeededAndDeterministic() {
        let a = draws(.withReplacement, samples: 50, batchSize: 4, steps: 30)
        #expect(a == draws(.withReplacement, samples: 50, batchSize: 4, steps: 30))
        #expect(a != draws(.withReplacement, samples: 50, batchSize: 4, steps: 30, seed: 10))
        #expect(a.allSatisfy { $0.count == 4 && $0.allSatisfy { (0..<50).contains($0) } })
    }

    @Test func withReplacementLeavesAboutOneInEUnseenPerEpoch() {
        // n draws from n samples miss each with probability (1 − 1/n)ⁿ ≈ 1/e = 0.3679; the
        // count missed has standard deviation ≈ √(n · 0.37 · 0.63) ≈ 15 for n = 1000, so ±60 is 4σ.
        let n = 1000
        let seen = Set(draws(.withReplacement, samples: n, batchSize: 1, steps: n).joined())
        #expect(abs(Double(n - seen.count) - 367.9) < 60)
        // Reshuffling sees every sample exactly once in the same number of draws.
        let shuffled = draws(.shuffledEpochs, samples: n, batchSize: 1, steps: n).joined()
        #expect(Set(shuffled).count == n)
    }

    @Test func withReplacementDrawsEachSampleEquallyOften() {
        // 20,000 draws over 10 samples: 2,000 each, standard deviation √(20000 · 0.1 · 0.9) ≈ 42; ±200 is about 5σ.
        var counts = [Int](repeating: 0, count: 10)
        for batch in draws(.withReplacement, samples: 10, batchSize: 20, steps: 1000) {
            for i in batch { counts[i] += 1 }
        }
        #expect(counts.allSatisfy { abs($0 - 2000) < 200 }, "\(counts)")
    }

    @Test func aBatchLargerThanTheDataIsAllowedOnlyWithReplacement() {
        #expect(draws(.withReplacement, samples: 10, batchSize: 15, steps: 3).allSatisfy { $0.count == 15 })
        #expect(draws(.shuffledEpochs, samples: 10, batchSize: 15, steps: 3).allSatisfy { Set($0) == Set(0..<10) })
    }

    @Test func theSamplingChangesTheRunAndIsPartOfTheSettings() {
        let data = LinearRegression(samples: 200, noise: 0.5, seed: 42)
        let config = OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.05)])
        func run(_ sampling: MiniBatchSampling) -> Trajectory {
            RunLoop.run(data, settings: RunSettings(start: [-2, 3], steps: 400, optimizer: config, batchSize: 1, sampling: sampling, seed: 42))
        }
        #expect(run(.withReplacement) == run(.withReplacement))
        #expect(run(.withReplacement).coordinates != run(.shuffledEpochs).coordinates)
        // The default is the old behaviour: one shuffle per epoch.
        let defaulted = RunLoop.run(data, settings: RunSettings(start: [-2, 3], steps: 400, optimizer: config, batchSize: 1, seed: 42))
        #expect(defaulted == run(.shuffledEpochs))
    }
}
