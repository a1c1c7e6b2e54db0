@testable import Optimizers

/// ASGD, Rprop, Lion, Yogi and the schedule-free methods for ``CompiledLoopTests``: every flag,
/// both branches of the lerp and of ASGD's average (a copy while μ = 1, a running mean from t₀
/// on), and schedule-free's warm-up and averaging weights.
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
    // Warm-up over 3 of the 4 steps, so η_t and the average's weight change within and after it.
    for (warmup, r) in [(0, 0.0), (3, 1.0)] {
        let averaging: [String: HyperValue] = ["warmupSteps": .integer(warmup), "r": .real(r), "weightLrPower": .real(2)]
        for decay in [0.0, 0.03] {
            let sgd = "ScheduleFreeSGD(momentum: 0.9, weightDecay: \(decay), warmupSteps: \(warmup), r: \(r))"
            cases.append(LoopCase(testDescription: sgd) { n, loop in
                let engine = ScheduleFreeEngine(
                    dimension: n, averaging: ScheduleFreeAveraging(OptimizerConfig(callName: "ScheduleFreeSGD", arguments: averaging)),
                    interpolation: 0.9, weightDecay: decay, step: .sgd)
                engine.loop = loop
                return (engine, [engine.base, engine.average])
            })
            for decayAtZ in decay == 0 ? [false] : [false, true] {
                let adam = "ScheduleFreeAdamW(β₁: 0.9, weightDecay: \(decay), decayAtZ: \(decayAtZ), warmupSteps: \(warmup), r: \(r))"
                cases.append(LoopCase(testDescription: adam) { n, loop in
                    let engine = ScheduleFreeEngine(
                        dimension: n,
                        averaging: ScheduleFreeAveraging(OptimizerConfig(callName: "ScheduleFreeAdamW", arguments: averaging)),
                        interpolation: 0.9, weightDecay: decay, step: .adam(beta2: 0.999, eps: 1e-8, decayAtZ: decayAtZ))
                    engine.loop = loop
                    return (engine, [engine.base, engine.average, engine.secondMoment])
                })
            }
        }
    }
    return cases
}()
