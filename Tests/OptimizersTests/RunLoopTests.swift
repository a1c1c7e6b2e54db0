import CourseTestSupport
import Foundation
import Optimizers
import Testing

@Suite struct RunLoopTests {
    @Test func divergenceStopsTheRunAndNamesTheStep() {
        // SGD with η = 0.6 on 2y² multiplies y by (1 − 2.4) each step: |y| grows by 1.4.
        let config = OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.6)])
        let trajectory = RunLoop.run(
            PlaneFunctions.d2l, settings: RunSettings(start: [1, 1], steps: 500, optimizer: config))
        let expectedStep = Int((log(1e8) / log(1.4)).rounded(.up))
        #expect(trajectory.divergedAt == expectedStep)
        #expect(trajectory.pointCount == expectedStep)
        #expect(trajectory.learningRates.count == trajectory.pointCount - 1)
        #expect(trajectory.coordinates.allSatisfy { $0.isFinite && abs($0) <= 1e8 })
        #expect(trajectory.losses.allSatisfy { $0.isFinite })
    }

    @Test func nonFiniteValuesAreDivergenceToo() {
        let exploding = PlaneFunction(
            name: "exp", f: { x, _ in expValue(x) }, grad: { x, _ in (-expValue(x), 0) }, hess: nil)
        let config = OptimizerConfig(callName: "SGD", arguments: ["lr": .real(1)])
        let trajectory = RunLoop.run(exploding, settings: RunSettings(start: [700, 0], steps: 10, optimizer: config))
        // exp(700) ≈ 1e304: the first step moves x by 1e304, so f overflows.
        #expect(trajectory.divergedAt == 1)
        #expect(trajectory.points == [[700, 0]])
    }

    @Test func aStartThatIsAlreadyBadRecordsNothing() {
        let config = OptimizerConfig(callName: "Adam", arguments: [:])
        let trajectory = RunLoop.run(PlaneFunctions.bowl, settings: RunSettings(start: [2e8, 0], steps: 5, optimizer: config))
        #expect(trajectory.divergedAt == 0)
        #expect(trajectory.pointCount == 0)
    }

    @Test func newtonIsExactOnAQuadraticAndHaltsWithoutAHessian() {
        let newton = OptimizerConfig(callName: "Newton", arguments: [:])
        let exact = RunLoop.run(tiltedBowl, settings: RunSettings(start: [-2, 1], steps: 1, optimizer: newton))
        #expect(exact.finalPoint.allSatisfy { abs($0) < 1e-15 })
        let noHessian = RunLoop.run(PlaneFunctions.beale, settings: RunSettings(start: [1, 1], steps: 3, optimizer: newton))
        #expect(noHessian.halt == .hessianUnavailable(step: 1))
        #expect(noHessian.pointCount == 1)
        let flat = PlaneFunction(name: "flat", f: { x, _ in x }, grad: { _, _ in (1, 0) }, hess: { _, _ in (0, 0, 0) })
        let singular = RunLoop.run(flat, settings: RunSettings(start: [0, 0], steps: 3, optimizer: newton))
        #expect(singular.halt == .singularHessian(step: 1))
        let damped = OptimizerConfig(callName: "Newton", arguments: ["damping": .real(2)])
        #expect(RunLoop.run(flat, settings: RunSettings(start: [0, 0], steps: 3, optimizer: damped)).halt == nil)
    }

    @Test func lbfgsWithTorchsSingleEvaluationStallsWhereTheFirstTrialStepFails() {
        // torch.optim.LBFGS(max_iter=1, line_search_fn="strong_wolfe") has max_eval = 1: a
        // trial step that does not lower f is rejected, and the next step tries the same one.
        let stalled = OptimizerConfig(
            callName: "LBFGS", arguments: ["maxEval": .integer(1), "lineSearch": .choice("strongWolfe")])
        let trajectory = RunLoop.run(
            PlaneFunctions.rosenbrock, settings: RunSettings(start: [-1.5, 2], steps: 10, optimizer: stalled))
        #expect(trajectory.points.allSatisfy { $0 == [-1.5, 2] })
        // The default budget, torch's 25 evaluations, lets the search bracket and zoom.
        let searching = OptimizerConfig(callName: "LBFGS", arguments: ["lineSearch": .choice("strongWolfe")])
        let moving = RunLoop.run(
            PlaneFunctions.rosenbrock, settings: RunSettings(start: [-1.5, 2], steps: 60, optimizer: searching))
        #expect(moving.finalPoint.allSatisfy { abs($0 - 1) < 1e-4 })
        #expect(moving.gradientEvaluations > 60)
    }

    @Test func lbfgsWithItsDefaultsMovesOnRosenbrock() {
        // A default that leaves a method unable to move on a standard problem is a defect.
        let defaults = OptimizerConfig(callName: "LBFGS", arguments: [:])
        let trajectory = RunLoop.run(
            PlaneFunctions.rosenbrock, settings: RunSettings(start: [-1.5, 2], steps: 10, optimizer: defaults))
        #expect(trajectory.points.last != [-1.5, 2])
    }

    @Test func gradientNoiseIsSeededAndAnnealed() {
        let config = OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.1)])
        func run(_ seed: UInt64, _ noise: GradientNoise?) -> Trajectory {
            RunLoop.run(
                PlaneFunctions.bowl,
                settings: RunSettings(start: [-7, 2], steps: 50, optimizer: config, noise: noise, seed: seed))
        }
        let noise = GradientNoise(eta: 0.3, gamma: 0.55)
        #expect(run(7, noise) == run(7, noise))
        #expect(run(7, noise).coordinates != run(8, noise).coordinates)
        #expect(run(7, noise).coordinates != run(7, nil).coordinates)
        #expect(abs(noise.standardDeviation(step: 0) - 0.3.squareRoot()) < 1e-15)
        #expect(abs(noise.standardDeviation(step: 9) - (0.3 / pow(10, 0.55)).squareRoot()) < 1e-15)
    }

    @Test func schedulesReportTheRateOfEveryStep() {
        let schedule = LearningRateSchedule.step(every: 2, gamma: 0.5)
        #expect(schedule.learningRates(base: 1, count: 6) == [1, 1, 0.5, 0.5, 0.25, 0.25])
        #expect(schedule.learningRate(base: 1, step: 4) == 0.25)
        let warm = LearningRateSchedule.sequential(.warmup(steps: 2, startFactor: 0.5), then: .exponential(gamma: 0.5))
        #expect(warm.learningRates(base: 1, count: 5) == [0.5, 0.75, 1, 0.5, 0.25])
        let cosine = LearningRateSchedule.cosine(steps: 10, minLR: 0.1)
        let rates = cosine.learningRates(base: 1, count: 12)
        #expect(abs(rates[10] - 0.1) < 1e-12)
        #expect(abs(rates[5] - 0.55) < 1e-12)
        #expect(LearningRateSchedule.sequential(.exponential(gamma: 0.9), then: .cosine(steps: 3, minLR: 0)).problems.count == 1)
        #expect(LearningRateSchedule.warmup(steps: 0, startFactor: 0).problems.count == 2)
    }
}

@Suite struct RandomnessTests {
    @Test func splitMixSeedsAndXoshiroStepAsSpecified() {
        // SplitMix64 from 0 gives 0xE220A8397B1DCDAF first (Vigna's reference output); the
        // generator's first word must be xoshiro256** of that state.
        var generator = Xoshiro256StarStar(seed: 0)
        let first = generator.next()
        var again = Xoshiro256StarStar(seed: 0)
        #expect(again.next() == first)
        #expect(first == Self.referenceFirstOutput(seed: 0))
    }

    @Test func uniformsAreInTheHalfOpenIntervalAndNormalsLookNormal() {
        var generator = Xoshiro256StarStar(seed: 42)
        var sum = 0.0, squares = 0.0
        let n = 200_000
        for _ in 0..<n {
            let u = generator.nextUniform()
            #expect(u > 0 && u <= 1)
            let z = generator.nextNormal()
            sum += z
            squares += z * z
        }
        // Mean within 5 standard errors of 0, variance within 2 %.
        #expect(abs(sum / Double(n)) < 5 / Double(n).squareRoot())
        #expect(abs(squares / Double(n) - 1) < 0.02)
    }

    @Test func indicesAreUniformAndInRange() {
        var generator = Xoshiro256StarStar(seed: 1)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { counts[generator.nextIndex(below: 7)] += 1 }
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 })
    }

    /// xoshiro256** written out from Blackman & Vigna's reference C, seeded by SplitMix64.
    static func referenceFirstOutput(seed: UInt64) -> UInt64 {
        var x = seed
        var s = [UInt64](repeating: 0, count: 4)
        for i in 0..<4 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            s[i] = z ^ (z >> 31)
        }
        #expect(s[0] == 0xE220_A839_7B1D_CDAF)
        let r = s[1] &* 5
        return ((r << 7) | (r >> 57)) &* 9
    }
}

@Suite struct FiniteSumTests {
    @Test func linearRegressionHasItsLeastSquaresMinimum() throws {
        let data = LinearRegression(samples: 200, noise: 0.5, seed: 42)
        let minimizer = try #require(data.minimizer)
        let (_, g) = data.gradient(at: minimizer)
        #expect(abs(g[0]) < 1e-12 && abs(g[1]) < 1e-12)
        // 200 samples with noise 0.5 recover w = 2, b = 1 to about 0.1.
        #expect(abs(minimizer[0] - 2) < 0.15 && abs(minimizer[1] - 1) < 0.15)
        #expect(LinearRegression(samples: 200, noise: 0.5, seed: 42) == data)
        #expect(LinearRegression(samples: 200, noise: 0.5, seed: 43).xs != data.xs)
    }

    @Test func logisticRegressionHasItsMaximumLikelihoodFit() throws {
        let data = LogisticRegression(samples: 300, seed: 42)
        let minimizer = try #require(data.minimizer)
        let (_, g) = data.gradient(at: minimizer)
        #expect(abs(g[0]) < 1e-10 && abs(g[1]) < 1e-10)
        #expect(abs(minimizer[0] - 2) < 0.8 && abs(minimizer[1] + 0.5) < 0.5)
    }

    @Test(arguments: [0, 1])
    func batchGradientsAverageToTheFullGradient(_ which: Int) {
        let function: any FiniteSumFunction = which == 0
            ? LinearRegression(samples: 50, noise: 0.3, seed: 1) : LogisticRegression(samples: 50, seed: 1)
        let p = [0.3, -0.7]
        let full = function.gradient(at: p).gradient
        var g = [0.0, 0.0]
        let all = Array(0..<50)
        _ = p.withUnsafeBufferPointer { pp in
            g.withUnsafeMutableBufferPointer { gp in all.withUnsafeBufferPointer { function.valueAndGradient(pp, gp, samples: $0) } }
        }
        // One accumulation serves the full batch and any list of samples, in the same order: equal bits.
        #expect(g == full)
    }

    @Test func onlineSGDVisitsEverySampleOncePerEpoch() {
        let data = LinearRegression(samples: 10, noise: 0.1, seed: 3)
        let oracle = GradientOracle(data, batchSize: 1, seed: 9)
        var seen: [Int] = []
        for t in 0..<20 {
            oracle.beginStep(t)
            seen += oracle.currentBatch
        }
        #expect(Set(seen[0..<10]) == Set(0..<10))
        #expect(Set(seen[10..<20]) == Set(0..<10))
        #expect(Array(seen[0..<10]) != Array(seen[10..<20]))
    }

    @Test func miniBatchRunsAreDeterministicAndNoisierThanFullBatch() {
        let data = LinearRegression(samples: 200, noise: 0.5, seed: 42)
        let config = OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.1)])
        func run(_ batch: Int?, seed: UInt64 = 42) -> Trajectory {
            RunLoop.run(data, settings: RunSettings(start: [-2, 3], steps: 100, optimizer: config, batchSize: batch, seed: seed))
        }
        #expect(run(8) == run(8))
        #expect(run(8).coordinates != run(8, seed: 1).coordinates)
        #expect(run(nil).coordinates != run(8).coordinates)
        // Full batch descends monotonically on this convex quadratic (up to rounding once it
        // has converged, hence 1e-12); on-line steps do not.
        let full = run(nil).losses, online = run(1).losses
        #expect(zip(full, full.dropFirst()).allSatisfy { $0 >= $1 - 1e-12 })
        #expect(!zip(online, online.dropFirst()).allSatisfy { $0 >= $1 - 1e-12 })
    }
}
