import CourseDiagnostics
import CourseTestSupport
import Foundation
import ExperimentLanguage
import Experiments
import Optimizers
import Testing

private func study(_ text: String) throws -> AverageStudy {
    var diagnostics: [Diagnostic] = []
    let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 10), diagnostics: &diagnostics)
    guard case .average(let study)? = directive else {
        Issue.record("did not parse: \(diagnostics)")
        throw CancellationError()
    }
    return study
}

/// The averages and measures against values worked out by hand, and the runner's series.
@Suite struct AverageTests {
    @Test func exponentialAverageFollowsTheRecurrence() {
        // β = 0.5 on 1, 2, 3: v = 0.5, 1.25, 2.125; corrected by 1 − 0.5^t = 0.5, 0.75, 0.875.
        #expect(isClose(AverageMath.exponential([1, 2, 3], beta: 0.5, biasCorrection: false), [0.5, 1.25, 2.125], relative: 1e-12, absolute: 1e-15))
        #expect(isClose(AverageMath.exponential([1, 2, 3], beta: 0.5, biasCorrection: true), [1, 1.25 / 0.75, 2.125 / 0.875], relative: 1e-12, absolute: 1e-15))
        // β = 0 keeps the observations; β = 0.9 on a constant is biased by exactly 1 − 0.9^t.
        #expect(AverageMath.exponential([4, -1, 7], beta: 0, biasCorrection: true) == [4, -1, 7])
        let raw = AverageMath.exponential(Array(repeating: 10, count: 5), beta: 0.9, biasCorrection: false)
        #expect(isClose(raw, (1...5).map { 10 * (1 - pow(0.9, Double($0))) }, relative: 1e-14, absolute: 1e-15))
        let corrected = AverageMath.exponential(Array(repeating: 10, count: 5), beta: 0.9, biasCorrection: true)
        #expect(isClose(corrected, Array(repeating: 10, count: 5), relative: 1e-14, absolute: 1e-15))
    }

    @Test func movingAndWeightedAveragesUseTheObservationsThatExist() {
        #expect(AverageMath.moving([1, 2, 3, 4], window: 2) == [1, 1.5, 2.5, 3.5])
        #expect(AverageMath.moving([1, 2, 3], window: 5) == [1, 1.5, 2])
        // Weights 3, 1 (newest first): 1; (3·2 + 1)/4; (3·3 + 2)/4.
        #expect(AverageMath.weighted([1, 2, 3], weights: [3, 1]) == [1, 1.75, 2.75])
        #expect(AverageMath.weighted([1, 2, 3, 4], weights: [1, 1]) == AverageMath.moving([1, 2, 3, 4], window: 2))
    }

    @Test func measuresOverAWindow() {
        #expect(AverageMath.totalVariation([0, 1, 0, 2], over: 1...4) == 4)
        #expect(AverageMath.totalVariation([0, 1, 0, 2], over: 2...3) == 1)
        #expect(abs(AverageMath.rmsDistance([1, 2, 3], [1, 1, 1], over: 1...3) - (5.0 / 3).squareRoot()) <= 1e-15)
        #expect(AverageMath.rmsDistance([1, 2, 3], [1, 1, 1], over: 2...2) == 1)
    }

    @Test func seriesIsTheSignalPlusTheSeedsNormals() throws {
        let s = try study("""
            Average("a") {
                Series(.noisySine(period: 8, amplitude: 2, noise: 0.5), samples: 16)
                Seed(7)
                ExponentialAverage(beta: 0.9)
            }
            """)
        let result = AverageRunner.run(s)
        var random = Xoshiro256StarStar(seed: 7)
        for t in 1...16 {
            let clean = 2 * sin(2 * Double.pi * Double(t) / 8)
            #expect(abs(result.signal[t - 1] - clean) <= 1e-15)
            #expect(result.observations[t - 1] == result.signal[t - 1] + 0.5 * random.nextNormal())
        }
        #expect(result.averages == [AverageMath.exponential(result.observations, beta: 0.9, biasCorrection: false)])
        #expect(AverageRunner.run(s).observations == result.observations, "the same seed gives the same series")
    }

    @Test func stepAndConstantSignals() throws {
        let step = AverageRunner.run(try study(#"Average("s") { Series(.step(at: 3, from: -1, to: 2), samples: 5); MovingAverage(window: 2) }"#))
        #expect(step.observations == [-1, -1, 2, 2, 2], "no noise by default")
        #expect(step.averages[0] == [-1, -1, 0.5, 2, 2])
        let constant = AverageRunner.run(try study(#"Average("c") { Series(.constant(10)); ExponentialAverage(beta: 0.5) }"#))
        #expect(constant.observations.count == AverageStudy.defaultSamples)
        #expect(constant.signal.allSatisfy { $0 == 10 })
    }

    @Test func trueClaimsPassAndFalseOnesSayWhyAtTheirLine() throws {
        let s = try study("""
            Average("bias") {
                Series(.constant(10, noise: 1), samples: 50)
                ExponentialAverage(beta: 0.9).label("raw")
                ExponentialAverage(beta: 0.9, biasCorrection: true).label("corrected")
                Expect("corrected", closerThan: "raw", over: 1...10)
                Expect("raw", closerThan: "corrected", over: 1...10)
                Expect("raw", smootherThan: "corrected")
            }
            """)
        let diagnostics = AverageRunner.check(AverageRunner.run(s))
        #expect(diagnostics.count == 2)
        let first = try #require(diagnostics.first)
        #expect(first.location == SourceLocation(file: "c.md", line: 15, column: 5))
        #expect(first.message.hasPrefix("claim is false: 'raw' is not closer to the signal than 'corrected' over observations 1...10: RMS distance to the signal "))
        // The raw average rises from 1 towards 10 while the corrected one starts near 10: it moves less.
        #expect(diagnostics.last?.message.hasPrefix("claim is false: 'raw' is not smoother than 'corrected': total variation") == true)
    }
}
