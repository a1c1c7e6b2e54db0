@testable import Optimizers

/// ASGD, Rprop, Lion and Yogi for ``CompiledLoopTests``: every flag, and both branches of the
/// lerp and of ASGD's average (a copy while μ = 1, a running mean from t₀ on).
let elementwiseLoopCases: [LoopCase] = {
    var cases: [LoopCase] = []
    for (t0, decay, maximize) in [(1e6, 0.0, false), (0.0, 0.03, false), (1.0, 0.0, true)] {
        cases.append(LoopCase(testDescription: "ASGD(t0: \(t0), weightDecay: \(decay), maximize: \(maximize))") { n, loop in
            let engine = ASGDEngine(dimension: n, lambd: 0.1, alpha: 0.75, t0: t0, weightDecay: decay, maximize: maximize)
            engine.loop = loop
            return (engine, [engine.average])
        })
    }
    for (stepSizes, maximize) in [((1e-6, 50.0), false), ((1e-3, 0.02), true)] {
        cases.append(LoopCase(testDescription: "Rprop(stepSizes: \(stepSizes), maximize: \(maximize))") { n, loop in
            let engine = RpropEngine(dimension: n, etas: (0.5, 1.2), stepSizes: stepSizes, maximize: maximize)
            engine.loop = loop
            return (engine, [engine.previous, engine.stepLength])
        })
    }
    for (betas, decay) in [((0.9, 0.99), 0.0), ((0.3, 0.5), 0.1), ((1.0, 0.0), 0.0)] {
        cases.append(LoopCase(testDescription: "Lion(betas: \(betas), weightDecay: \(decay))") { n, loop in
            let engine = LionEngine(dimension: n, betas: betas, weightDecay: decay)
            engine.loop = loop
            return (engine, [engine.momentum])
        })
    }
    for (decay, decoupled, fixed, maximize) in [(0.0, true, false, false), (0.05, true, false, true), (0.05, true, true, false), (0.05, false, false, false)] {
        for beta1 in [0.9, 0.3] {
            let name = "Yogi(β₁: \(beta1), weightDecay: \(decay), decoupled: \(decoupled), fixed: \(fixed), maximize: \(maximize))"
            cases.append(LoopCase(testDescription: name) { n, loop in
                let engine = YogiEngine(
                    dimension: n, betas: (beta1, 0.999), initialAccumulator: 1e-6, weightDecay: decay, decoupled: decoupled,
                    fixedDecay: fixed, eps: 1e-3, maximize: maximize)
                engine.loop = loop
                return (engine, [engine.firstMoment, engine.secondMoment])
            })
        }
    }
    return cases
}()
