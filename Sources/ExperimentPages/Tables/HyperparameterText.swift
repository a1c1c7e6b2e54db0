import ExperimentLanguage
import Optimizers

/// Hyperparameter values written in the formula's symbols.
enum HyperparameterText {
    /// `η = 0.3`, `β₁ = 0.9`, `β₂ = 0.999`, … in spec order. Switches appear only when on
    /// (`nesterov`), since an off switch changes nothing in the rule as printed.
    static func assignments(_ config: OptimizerConfig, spec: OptimizerSpec) -> [String] {
        var out: [String] = []
        for parameter in spec.hyperparameters {
            guard let value = config.values[parameter.name] else { continue }
            let symbols = parameter.symbol.split(separator: ", ").map(String.init)
            switch value {
            case .pair(let a, let b) where symbols.count == 2:
                out.append("\(symbols[0]) = \(Numbers.text(a))")
                out.append("\(symbols[1]) = \(Numbers.text(b))")
            case .bool(let on):
                if on { out.append(parameter.symbol) }
            case .optimizer(let inner):
                out.append(Words.text("formulas.inner", [
                    "method": inner.spec?.displayName ?? inner.callName,
                    "values": Words.strings.phrases(assignments(inner, spec: inner.spec ?? spec)),
                ]))
            default:
                out.append("\(parameter.symbol) = \(Self.value(value))")
            }
        }
        return out
    }

    /// The schedule and noise modifiers, in words.
    static func modifiers(_ run: RunDescription) -> [String] {
        var out: [String] = []
        if let schedule = run.schedule { out.append(Words.text("formulas.schedule", ["schedule": describe(schedule)])) }
        if let noise = run.noise {
            out.append(Words.text("formulas.noise", ["eta": Numbers.text(noise.eta), "gamma": Numbers.text(noise.gamma)]))
        }
        return out
    }

    static func describe(_ schedule: LearningRateSchedule) -> String {
        switch schedule {
        case .step(let every, let gamma): return Words.text("schedule.step", ["gamma": Numbers.text(gamma), "every": String(every)])
        case .exponential(let gamma): return Words.text("schedule.exponential", ["gamma": Numbers.text(gamma)])
        case .cosine(let steps, let minLR): return Words.text("schedule.cosine", ["minimum": Numbers.text(minLR), "steps": String(steps)])
        case .linear(let a, let b, let steps):
            return Words.text("schedule.linear", ["from": Numbers.text(a), "to": Numbers.text(b), "steps": String(steps)])
        case .warmup(let steps, let start): return Words.text("schedule.warmup", ["start": Numbers.text(start), "steps": String(steps)])
        case .sequential(let first, let then): return Words.text("schedule.sequential", ["first": describe(first), "then": describe(then)])
        case .multiStep(let milestones, let gamma):
            return Words.text("schedule.multiStep", ["gamma": Numbers.text(gamma), "milestones": Words.strings.list(milestones.map(String.init))])
        case .constant(let factor, let steps):
            return Words.text("schedule.constantFactor", ["factor": Numbers.text(factor), "steps": String(steps)])
        case .polynomial(let steps, let power):
            return Words.text("schedule.polynomial", ["power": Numbers.text(power), "steps": String(steps)])
        case .cosineRestarts(let steps, let multiplier, let minLR):
            return Words.text("schedule.cosineRestarts",
                              ["minimum": Numbers.text(minLR), "steps": String(steps), "multiplier": String(multiplier)])
        case .cyclic(let c):
            let mode = c.scale?.text ?? c.mode.torchName
            return Words.text("schedule.cyclic", [
                "mode": mode, "maximum": Numbers.text(c.maxLR), "up": String(c.stepsUp), "down": String(c.stepsDown ?? c.stepsUp),
            ]) + momentum(c.cycleMomentum, c.maxMomentum, c.baseMomentum)
        case .oneCycle(let c):
            return Words.text("schedule.oneCycle", [
                "maximum": c.maxLR.map(Numbers.text) ?? "η", "steps": String(c.steps), "anneal": c.anneal.rawValue,
                "phases": c.threePhase ? "3" : "2",
            ]) + momentum(c.cycleMomentum, c.maxMomentum, c.baseMomentum)
        case .plateau(let p):
            return Words.text("schedule.plateau", ["factor": Numbers.text(p.factor), "patience": String(p.patience), "mode": p.mode.rawValue])
        case .chained(let parts): return Words.text("schedule.chained", ["schedules": Words.strings.list(parts.map(describe))])
        case .lambda(let f): return Words.text("schedule.lambda", ["function": f.text])
        case .multiplicative(let f): return Words.text("schedule.multiplicative", ["function": f.text])
        }
    }

    /// ", momentum 0.95 → 0.85" for a schedule that cycles it.
    private static func momentum(_ cycles: Bool, _ from: Double, _ to: Double) -> String {
        cycles ? Words.text("schedule.momentum", ["from": Numbers.text(from), "to": Numbers.text(to)]) : ""
    }

    static func value(_ value: HyperValue) -> String {
        switch value {
        case .real(let x): return Numbers.text(x)
        case .integer(let n): return String(n)
        case .bool(let b): return Words.text(b ? "formulas.on" : "formulas.off")
        case .pair(let a, let b): return "(\(Numbers.text(a)), \(Numbers.text(b)))"
        case .choice(let name): return name
        case .optimizer(let config): return config.description
        }
    }
}
