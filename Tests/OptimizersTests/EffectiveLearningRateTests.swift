import Foundation
import Optimizers
import Testing

/// The effective learning rate a run records for `effectiveLearningRate:` claims: present
/// exactly for the methods the catalog says have one, equal to η over the step's
/// denominator, and read without changing a single bit of the run.
@Suite struct EffectiveLearningRateTests {
    static func config(_ spec: OptimizerSpec) -> OptimizerConfig {
        spec.capabilities.contains(.wrapsMethod)
            ? OptimizerConfig(callName: spec.callName, arguments: ["": .optimizer(OptimizerConfig(callName: "AMSGrad", arguments: [:]))])
            : OptimizerConfig(callName: spec.callName, arguments: ["lr": .real(0.01)])
    }

    @Test(arguments: OptimizerCatalog.all.map(\.callName))
    func recordingChangesNoBitAndHappensWhereTheCatalogSays(_ callName: String) throws {
        let spec = try #require(OptimizerCatalog.spec(callName: callName))
        let config = Self.config(spec)
        let plain = RunSettings(start: [-1.2, 1], steps: 60, optimizer: config, schedule: .cosine(steps: 60, minLR: 0.001))
        var recording = plain
        recording.recordsEffectiveLearningRate = true
        let a = RunLoop.run(PlaneFunctions.rosenbrock, settings: plain)
        let b = RunLoop.run(PlaneFunctions.rosenbrock, settings: recording)
        #expect(a.coordinates.map(\.bitPattern) == b.coordinates.map(\.bitPattern))
        #expect(a.losses.map(\.bitPattern) == b.losses.map(\.bitPattern))
        #expect(a.effectiveLearningRates.isEmpty)
        let has = spec.capabilities.contains(.wrapsMethod) || spec.effectiveLearningRate != nil
        #expect(config.hasEffectiveLearningRate == has)
        #expect(b.effectiveLearningRates.count == (has ? 2 * (b.pointCount - 1) : 0))
        #expect(b.effectiveLearningRates.allSatisfy { $0.isFinite && $0 > 0 })
        #expect(b.effectiveLearningRate(afterStep: 1)?.count == (has ? 2 : nil))
        #expect(b.effectiveLearningRate(afterStep: 0) == nil)
    }

    /// Long vectors go through the C kernels; reading the rates between steps leaves them alone too.
    @Test(arguments: ["Adam", "AMSGrad", "AdamW", "AdaGrad", "RMSProp"])
    func readingBetweenCompiledStepsChangesNoBit(_ callName: String) throws {
        let config = OptimizerConfig(callName: callName, arguments: ["lr": .real(0.05)])
        let n = 13
        let read = try #require(Optimizer(config, dimension: n)), unread = try #require(Optimizer(config, dimension: n))
        var x = (0..<n).map { Double($0) / 3 - 2 }, y = x
        var rates = [Double](repeating: 0, count: n)
        for t in 0..<40 {
            var g = x.enumerated().map { i, v in Double(i + 1) * v + sin(Double(t)) }
            var h = y.enumerated().map { i, v in Double(i + 1) * v + sin(Double(t)) }
            x.withUnsafeMutableBufferPointer { xp in g.withUnsafeMutableBufferPointer { _ = read.step(xp, gradient: $0) } }
            y.withUnsafeMutableBufferPointer { yp in h.withUnsafeMutableBufferPointer { _ = unread.step(yp, gradient: $0) } }
            #expect(rates.withUnsafeMutableBufferPointer { read.effectiveLearningRate($0) })
        }
        #expect(x.map(\.bitPattern) == y.map(\.bitPattern))
        #expect(rates.allSatisfy { $0 > 0 && $0.isFinite })
    }

    /// One coordinate, gradients 3, 1, 0: by hand, v̂₃ keeps AMSGrad's maximum and lets Adam's fall.
    @Test func adamAndAMSGradByHand() throws {
        func rates(_ callName: String, _ arguments: [String: HyperValue] = [:]) throws -> [Double] {
            let optimizer = try #require(Optimizer(OptimizerConfig(callName: callName, arguments: ["lr": .real(0.1)].merging(arguments) { $1 }), dimension: 1))
            var x = [0.0], rate = [0.0], result: [Double] = []
            for gradient in [3.0, 1, 0] {
                var g = [gradient]
                x.withUnsafeMutableBufferPointer { xp in g.withUnsafeMutableBufferPointer { _ = optimizer.step(xp, gradient: $0) } }
                _ = rate.withUnsafeMutableBufferPointer { optimizer.effectiveLearningRate($0) }
                result.append(rate[0])
            }
            return result
        }
        let v1 = 0.001 * 9, v2 = 0.999 * v1 + 0.001, v3 = 0.999 * v2
        let corrections = [1 - 0.999, 1 - 0.999 * 0.999, 1 - pow(0.999, 3)]
        let adam = zip([v1, v2, v3], corrections).map { 0.1 / (($0 / $1).squareRoot() + 1e-8) }
        let amsgrad = zip([v1, v2, v2], corrections).map { 0.1 / (($0 / $1).squareRoot() + 1e-8) }
        for (got, expected) in zip(try rates("Adam"), adam) { #expect(abs(got - expected) <= 1e-12 * expected) }
        for (got, expected) in zip(try rates("AMSGrad"), amsgrad) { #expect(abs(got - expected) <= 1e-12 * expected) }
        for (got, expected) in zip(try rates("Adam", ["amsgrad": .bool(true)]), amsgrad) { #expect(abs(got - expected) <= 1e-12 * expected) }
        // With bias correction AMSGrad's rate rises while v^max is flat: 0.1/(3 + ε), then 0.1/√4.998, then 0.1/√3.334.
        let ams = try rates("AMSGrad")
        #expect(ams[0] < ams[1] && ams[1] < ams[2])
        // RAdam's first steps are plain momentum: η exactly.
        #expect(try rates("RAdam") == [0.1, 0.1, 0.1])
        // AdaGrad: η/(1 + (t − 1)ζ) over √G + ε.
        let adagrad = try rates("AdaGrad", ["lrDecay": .real(0.5)])
        let expectedAdaGrad = [0.1 / (3 + 1e-10), 0.1 / 1.5 / (10.0.squareRoot() + 1e-10), 0.1 / 2 / (10.0.squareRoot() + 1e-10)]
        for (got, expected) in zip(adagrad, expectedAdaGrad) { #expect(abs(got - expected) <= 1e-12 * expected) }
        // Adamax: η / u with u = max(β₂u, |g| + ε).
        let adamax = try rates("Adamax")
        #expect(abs(adamax[2] - 0.1 / (0.999 * 0.999 * (3 + 1e-8))) <= 1e-12 * adamax[2])
    }

    @Test func aCachedTrajectoryKeepsItsRatesOnlyInTheirShape() {
        let ok = Trajectory(restoringDimension: 2, steps: 1, coordinates: [0, 0, 1, 1], losses: [1, 0], learningRates: [0.1],
                            effectiveLearningRates: [0.5, 0.25], divergedAt: nil, switchedAt: nil, syncSteps: [], halt: nil,
                            gradientEvaluations: 1)
        #expect(ok?.effectiveLearningRate(afterStep: 1) == [0.5, 0.25])
        for forged in [[0.5], [0.5, 0.25, 1], [0.5, .nan], [0.5, -1], [0.5, .infinity]] {
            #expect(Trajectory(restoringDimension: 2, steps: 1, coordinates: [0, 0, 1, 1], losses: [1, 0], learningRates: [0.1],
                               effectiveLearningRates: forged, divergedAt: nil, switchedAt: nil, syncSteps: [], halt: nil,
                               gradientEvaluations: 1) == nil)
        }
    }
}
