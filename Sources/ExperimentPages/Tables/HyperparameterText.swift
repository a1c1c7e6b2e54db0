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
                out.append("inner: \(inner.spec?.displayName ?? inner.callName) (\(assignments(inner, spec: inner.spec ?? spec).joined(separator: ", ")))")
            default:
                out.append("\(parameter.symbol) = \(Self.value(value))")
            }
        }
        return out
    }

    /// The schedule and noise modifiers, in words.
    static func modifiers(_ run: RunDescription) -> [String] {
        var out: [String] = []
        if let schedule = run.schedule { out.append("schedule: " + describe(schedule)) }
        if let noise = run.noise {
            out.append("gradient noise: variance \(Numbers.text(noise.eta))/(1 + t)^\(Numbers.text(noise.gamma))")
        }
        return out
    }

    static func describe(_ schedule: LearningRateSchedule) -> String {
        switch schedule {
        case .step(let every, let gamma): return "×\(Numbers.text(gamma)) every \(every) steps"
        case .exponential(let gamma): return "×\(Numbers.text(gamma)) per step"
        case .cosine(let steps, let minLR): return "cosine to \(Numbers.text(minLR)) over \(steps) steps"
        case .linear(let a, let b, let steps): return "linear factor \(Numbers.text(a)) → \(Numbers.text(b)) over \(steps) steps"
        case .warmup(let steps, let start): return "warm-up from ×\(Numbers.text(start)) over \(steps) steps"
        case .sequential(let first, let then): return describe(first) + ", then " + describe(then)
        }
    }

    static func value(_ value: HyperValue) -> String {
        switch value {
        case .real(let x): return Numbers.text(x)
        case .integer(let n): return String(n)
        case .bool(let b): return b ? "on" : "off"
        case .pair(let a, let b): return "(\(Numbers.text(a)), \(Numbers.text(b)))"
        case .choice(let name): return name
        case .optimizer(let config): return config.description
        }
    }
}
