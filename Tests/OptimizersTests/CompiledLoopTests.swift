@testable import Optimizers
import Testing

/// The compiled element-wise loops (COptimizerKernels: AVX2 with FMA, and its portable C code)
/// against the readable Swift loops beside the formulas: the same parameters and state, bit for
/// bit, after every step, for every flag combination and for lengths that are not a multiple
/// of the vector width (so the scalar tail runs too).
struct LoopCase: Sendable, CustomTestStringConvertible {
    let testDescription: String
    /// A fresh engine of `dimension` running `loop`, and the state vectors to compare.
    let make: @Sendable (_ dimension: Int, _ loop: ElementwiseLoop) -> (engine: any FirstOrderEngine, state: [Vector])
}

private let lengths = [0, 1, 2, 3, 4, 5, 7, 8, 9, 15, 16, 17, 33, 64, 101, 1027]
private let steps = 4

private let adamCases: [LoopCase] = {
    var cases: [LoopCase] = []
    for amsgrad in [false, true] {
        for (decay, decoupled) in [(0.0, false), (0.02, false), (0.02, true)] {
            // β₁ = 0.9 takes the lerp's a + w(b − a) branch; β₁ = 0.3 takes b − (b − a)(1 − w).
            for beta1 in [0.9, 0.3] {
                let name = "Adam(β₁: \(beta1), weightDecay: \(decay), decoupled: \(decoupled), amsgrad: \(amsgrad))"
                cases.append(LoopCase(testDescription: name) { n, loop in
                    let engine = AdamEngine(
                        dimension: n, betas: (beta1, 0.999), eps: 1e-8, weightDecay: decay, amsgrad: amsgrad,
                        decoupled: decoupled)
                    engine.loop = loop
                    return (engine, [engine.firstMoment, engine.secondMoment, engine.maxSecondMoment])
                })
            }
        }
    }
    // maximize negates the gradient before either loop runs.
    cases.append(LoopCase(testDescription: "Adam(weightDecay: 0.02, amsgrad: true, maximize: true)") { n, loop in
        let engine = AdamEngine(
            dimension: n, betas: (0.9, 0.999), eps: 1e-8, weightDecay: 0.02, amsgrad: true, decoupled: false, maximize: true)
        engine.loop = loop
        return (engine, [engine.firstMoment, engine.secondMoment, engine.maxSecondMoment])
    })
    return cases
}()

private let sgdCases: [LoopCase] = {
    var cases: [LoopCase] = []
    for decay in [0.0, 0.03] {
        for momentum in [0.0, 0.9] {
            for dampening in [0.0, 0.25] {
                for nesterov in [false, true] {
                    let name = "SGD(momentum: \(momentum), dampening: \(dampening), nesterov: \(nesterov), weightDecay: \(decay))"
                    cases.append(LoopCase(testDescription: name) { n, loop in
                        let engine = SGDEngine(
                            dimension: n, momentum: momentum, dampening: dampening, nesterov: nesterov, weightDecay: decay)
                        engine.loop = loop
                        return (engine, [engine.momentumBuffer])
                    })
                }
            }
        }
    }
    cases.append(LoopCase(testDescription: "SGD(momentum: 0.9, weightDecay: 0.03, maximize: true)") { n, loop in
        let engine = SGDEngine(dimension: n, momentum: 0.9, dampening: 0, nesterov: false, weightDecay: 0.03, maximize: true)
        engine.loop = loop
        return (engine, [engine.momentumBuffer])
    })
    return cases
}()

private let rmspropCases: [LoopCase] = {
    var cases: [LoopCase] = []
    for decay in [0.0, 0.03] {
        for centered in [false, true] {
            for momentum in [0.0, 0.5] {
                // α = 0.99 takes the lerp's a + w(b − a) branch; α = 0.3 the other.
                for alpha in [0.99, 0.3] {
                    let name = "RMSProp(alpha: \(alpha), weightDecay: \(decay), momentum: \(momentum), centered: \(centered))"
                    cases.append(LoopCase(testDescription: name) { n, loop in
                        let engine = RMSPropEngine(
                            dimension: n, alpha: alpha, eps: 1e-8, weightDecay: decay, momentum: momentum, centered: centered)
                        engine.loop = loop
                        return (engine, [engine.squareAverage, engine.gradientAverage, engine.momentumBuffer])
                    })
                }
            }
        }
    }
    return cases
}()

private let adagradCases: [LoopCase] = {
    var cases: [LoopCase] = []
    for decay in [0.0, 0.03] {
        for lrDecay in [0.0, 0.1] {
            cases.append(LoopCase(testDescription: "AdaGrad(lrDecay: \(lrDecay), weightDecay: \(decay))") { n, loop in
                let engine = AdaGradEngine(
                    dimension: n, lrDecay: lrDecay, weightDecay: decay, initialAccumulatorValue: 0.1, eps: 1e-10)
                engine.loop = loop
                return (engine, [engine.sum])
            })
        }
    }
    return cases
}()

/// Values spread over twenty decades and both signs, with exact zeros of both signs, subnormal
/// values and values whose squares overflow, so that a rounding difference anywhere in the
/// arithmetic would show. With `infinities`, some elements are ±∞ as well.
private func awkwardVector(_ count: Int, _ rng: inout Xoshiro256StarStar, infinities: Bool = false) -> [Double] {
    (0..<count).map { _ in
        let sign: Double = rng.nextIndex(below: 2) == 0 ? 1 : -1
        switch rng.nextIndex(below: 32) {
        case 0: return 0
        case 1: return -0.0
        case 2: return sign * rng.nextUniform() * 1e-310
        case 3: return sign * rng.nextUniform() * 1e300
        case 4 where infinities: return sign * .infinity
        default:
            let magnitude = powValue(10, Double(rng.nextIndex(below: 20) - 12))
            return sign * rng.nextUniform() * magnitude
        }
    }
}

/// The first index where two vectors differ, with both values; `nil` when every element has
/// the same bits, or (when `nanMatchesNaN`) both are NaN, whatever their payloads.
private func firstBitDifference(_ actual: [Double], _ expected: [Double], nanMatchesNaN: Bool = false) -> String? {
    if actual.count != expected.count { return "\(actual.count) elements, expected \(expected.count)" }
    for i in actual.indices where actual[i].bitPattern != expected[i].bitPattern {
        if nanMatchesNaN, actual[i].isNaN, expected[i].isNaN { continue }
        return "element \(i): \(actual[i]) vs \(expected[i])"
    }
    return nil
}

private extension Vector {
    var values: [Double] { Array(buffer) }
}

@Suite struct CompiledLoopTests {
    @Test(arguments: adamCases + sgdCases + rmspropCases + adagradCases + elementwiseLoopCases)
    func compiledLoopsGiveTheReadableLoopsBits(_ testCase: LoopCase) {
        compare(testCase, infinities: false)
    }

    /// With infinite inputs, NaNs appear (∞ − ∞ in the moments); which NaN payload comes out of
    /// an operation on two NaNs is the compiler's choice of operand order, so NaN matches NaN,
    /// and every other value, infinities included, must have the same bits.
    @Test(arguments: adamCases + sgdCases + rmspropCases + adagradCases + elementwiseLoopCases)
    func compiledLoopsAgreeOnNonFiniteInputs(_ testCase: LoopCase) {
        compare(testCase, infinities: true)
    }

    /// Runs `testCase` with the readable loop, the compiled loop on the widest instructions here
    /// (AVX2 with FMA on x86-64 that has it) and the compiled loop's portable C code, on the same
    /// vectors, and compares parameters and state after every step.
    private func compare(_ testCase: LoopCase, infinities: Bool) {
        let loops: [ElementwiseLoop] = [.compiled, .portable]
        for (lengthIndex, n) in lengths.enumerated() {
            var rng = Xoshiro256StarStar(seed: 0xC0FFEE + UInt64(lengthIndex) + (infinities ? 1000 : 0))
            let start = awkwardVector(n, &rng, infinities: infinities)
            let gradients = (0..<steps).map { _ in awkwardVector(n, &rng, infinities: infinities) }
            let reference = testCase.make(n, .readable)
            let others = loops.map { testCase.make(n, $0) }
            var referenceX = start
            var othersX = loops.map { _ in start }
            for step in 0..<steps {
                // A different η each step, as a schedule gives.
                let lr = 0.01 * Double(step + 1)
                var g = gradients[step]
                referenceX.withUnsafeMutableBufferPointer { xp in
                    g.withUnsafeMutableBufferPointer { gp in _ = reference.engine.update(xp, gradient: gp, learningRate: lr) }
                }
                for (k, other) in others.enumerated() {
                    var h = gradients[step]
                    othersX[k].withUnsafeMutableBufferPointer { xp in
                        h.withUnsafeMutableBufferPointer { gp in _ = other.engine.update(xp, gradient: gp, learningRate: lr) }
                    }
                    let context = "\(testCase.testDescription), \(loops[k]) loop, length \(n), step \(step + 1)"
                    let parameterDifference = firstBitDifference(othersX[k], referenceX, nanMatchesNaN: infinities)
                    #expect(parameterDifference == nil, "parameters, \(context): \(parameterDifference ?? "")")
                    for (s, (state, expected)) in zip(other.state, reference.state).enumerated() {
                        let stateDifference = firstBitDifference(state.values, expected.values, nanMatchesNaN: infinities)
                        #expect(stateDifference == nil, "state vector \(s), \(context): \(stateDifference ?? "")")
                    }
                }
            }
            // The readable loop moved the parameters, so equality above is not two untouched copies.
            #expect(n == 0 || referenceX != start, "\(testCase.testDescription), length \(n): parameters did not move")
            if !infinities {
                // Finite inputs keep some of the results finite, so the comparison is not only of NaNs.
                #expect(n == 0 || referenceX.contains { $0.isFinite && $0 != 0 }, "\(testCase.testDescription), length \(n)")
            }
        }
    }

    @Test func automaticLoopSwitchesAtTheThreshold() {
        #expect(ElementwiseLoop.automatic.compiled(count: ElementwiseLoop.compiledThreshold - 1) == (false, false))
        #expect(ElementwiseLoop.automatic.compiled(count: ElementwiseLoop.compiledThreshold) == (true, false))
        #expect(ElementwiseLoop.readable.compiled(count: 1 << 20) == (false, false))
        #expect(ElementwiseLoop.portable.compiled(count: 1) == (true, true))
    }
}
