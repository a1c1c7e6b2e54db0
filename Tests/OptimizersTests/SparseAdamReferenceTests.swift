import CourseTestSupport
import Foundation
@testable import Optimizers
import Testing

/// SparseAdam against torch.optim 2.15's, fed the gradient as `to_sparse()` gives it
/// (`scripts/reference/sparseadam.py`): every point, and torch's moments after every step, to
/// 1e-9 relative or 1e-12 absolute, on dense landscapes and on three where ∂f/∂y is exactly zero
/// for some steps.
@Suite struct SparseAdamReferenceTests {
    static let file = "sparseadam-trajectories.json"
    static let cases = ReferenceFixtures.load(file)

    private struct Moments: Decodable {
        struct Case: Decodable {
            let absentCoordinates: Int
            let firstMomentAfterEachStep: [[Double]]
            let secondMomentAfterEachStep: [[Double]]
        }
        let generator: String
        let cases: [Case]
    }

    private static let moments: Moments? = {
        let url = ReferenceFixtures.directory.appendingPathComponent(file)
        return (try? Data(contentsOf: url)).flatMap { try? JSONDecoder().decode(Moments.self, from: $0) }
    }()

    @Test func fixtureLoadsEveryCase() throws {
        // A case whose call no longer decodes would silently drop out of the parameterised test.
        #expect(Self.cases.count == 8)
        #expect(Set(Self.cases.map(\.config.callName)) == ["SparseAdam"])
        let moments = try #require(Self.moments)
        #expect(moments.generator.hasPrefix("torch 2.15"))
        #expect(moments.cases.count == Self.cases.count)
        // The landscapes with a zero partial derivative left a coordinate out of some steps.
        let lazy = zip(Self.cases, moments.cases).filter { $1.absentCoordinates > 0 }.map(\.0.objectiveName)
        #expect(Set(lazy) == ["hinge", "kink", "cap"])
        #expect(Self.cases.contains { $0.config[bool: "maximize"] && lazy.contains($0.objectiveName) })
    }

    @Test(arguments: cases)
    func trajectoryMatchesReference(_ reference: ReferenceCase) throws {
        try reference.expectReproduced(requireRates: true)
    }

    /// torch's `exp_avg` and `exp_avg_sq` after every step: an absent coordinate keeps both,
    /// and moves not at all, while the step count goes on.
    @Test func momentsMatchTorch() throws {
        let moments = try #require(Self.moments)
        for (reference, expected) in zip(Self.cases, moments.cases) {
            let function = try #require(PlaneFunctions.named(reference.objectiveName))
            let c = reference.config
            let engine = SparseAdamEngine(
                dimension: 2, betas: c[pair: "betas"], eps: c[real: "eps"], maximize: c[bool: "maximize"])
            var x = reference.start, g = [0.0, 0.0]
            var first: [[Double]] = [], second: [[Double]] = [], absent = 0
            for k in 0..<reference.steps {
                let before = x, firstBefore = Array(engine.firstMoment.buffer), secondBefore = Array(engine.secondMoment.buffer)
                (g[0], g[1]) = function.grad(x[0], x[1])
                x.withUnsafeMutableBufferPointer { xp in
                    g.withUnsafeMutableBufferPointer { gp in
                        _ = engine.update(xp, gradient: gp, learningRate: reference.learningRates![k])
                    }
                }
                for i in 0..<2 where g[i] == 0 {
                    absent += 1
                    #expect(x[i] == before[i] && Array(engine.present.buffer)[i] == 0, "step \(k + 1): coordinate \(i) moved")
                    #expect(Array(engine.firstMoment.buffer)[i] == firstBefore[i] && Array(engine.secondMoment.buffer)[i] == secondBefore[i])
                }
                first.append(Array(engine.firstMoment.buffer))
                second.append(Array(engine.secondMoment.buffer))
            }
            #expect(absent == expected.absentCoordinates, "\(reference.testDescription)")
            let firstMismatch1 = firstMismatch(first, expected.firstMomentAfterEachStep)
            #expect(firstMismatch1 == nil, "\(reference.testDescription) m: \(firstMismatch1 ?? "")")
            let secondMismatch = firstMismatch(second, expected.secondMomentAfterEachStep)
            #expect(secondMismatch == nil, "\(reference.testDescription) v: \(secondMismatch ?? "")")
        }
    }

    /// The effective learning rate is η√(1 − β₂ᵗ) / (√vₜ + ε) where the step moved, 0 where it did not.
    @Test func effectiveLearningRateIsZeroWhereAbsent() throws {
        let optimizer = try #require(Optimizer(OptimizerConfig(callName: "SparseAdam", arguments: ["lr": .real(0.1)]), dimension: 2))
        var x = [1.0, -1.0], g = [0.5, 0.0], rates = [-1.0, -1.0]
        x.withUnsafeMutableBufferPointer { xp in
            g.withUnsafeMutableBufferPointer { _ = optimizer.step(xp, gradient: $0) }
        }
        #expect(x[1] == -1)
        #expect(rates.withUnsafeMutableBufferPointer { optimizer.effectiveLearningRate($0) })
        let expected = 0.1 * (1 - 0.999).squareRoot() / ((0.001 * 0.25).squareRoot() + 1e-8)
        #expect(isClose(rates[0], expected, relative: 1e-15, absolute: 0) && rates[1] == 0, "\(rates)")
    }
}
