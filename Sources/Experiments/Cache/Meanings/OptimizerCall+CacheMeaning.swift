import ExperimentLanguage
import Optimizers

extension CacheMeaning {
    /// The method and every hyperparameter in the catalog's order, defaults included; a
    /// wrapper's inner method nested below it.
    mutating func optimizer(_ name: String, _ config: OptimizerConfig) {
        block(name) { m in
            m.line("method", config.callName)
            let parameters = config.spec?.hyperparameters.map(\.name) ?? []
            for parameter in parameters {
                if Self.writtenOnlyWhenSet.contains("\(config.callName).\(parameter)"),
                   config.values[parameter] == nil || config.values[parameter] == .bool(false) { continue }
                m.hyperValue(parameter.isEmpty ? "inner" : parameter, config.values[parameter])
            }
            // The checker admits only the catalog's names; any other is written too, in a fixed order.
            for extra in config.values.keys.filter({ !parameters.contains($0) }).sorted() {
                m.hyperValue("extra " + extra, config.values[extra])
            }
        }
    }

    /// Flags the older methods gained after their results were cached (torch's `maximize`, Adam's
    /// `decoupled_weight_decay`): written only when set, so that a key from before them, which
    /// meant them unset, still finds its entry. A flag that methods had from the start is always written.
    static let writtenOnlyWhenSet: Set<String> = [
        "SGD.maximize", "Momentum.maximize", "Nesterov.maximize", "AdaGrad.maximize", "RMSProp.maximize",
        "Adadelta.maximize", "Adam.maximize", "Adam.decoupledWeightDecay", "AMSGrad.maximize",
        "AMSGrad.decoupledWeightDecay", "AdamW.maximize", "Adamax.maximize", "NAdam.maximize", "RAdam.maximize",
        "LBFGS.maximize",
    ]

    mutating func hyperValue(_ name: String, _ value: HyperValue?) {
        switch value {
        case nil: line(name, "none")
        case .real(let x)?: number(name, x)
        case .integer(let n)?: line(name, "integer \(n)")
        case .bool(let b)?: line(name, b ? "true" : "false")
        case .pair(let a, let b)?: numbers(name, [a, b])
        case .choice(let choice)?: line(name, "choice " + choice)
        case .optimizer(let inner)?: optimizer(name, inner)
        }
    }

    /// A learning-rate schedule, or `none`.
    mutating func schedule(_ name: String, _ schedule: LearningRateSchedule?) {
        guard let schedule else { return line(name, "none") }
        switch schedule {
        case .step(let every, let gamma): line(name, "step every \(every) gamma \(Self.number(gamma))")
        case .exponential(let gamma): line(name, "exponential gamma \(Self.number(gamma))")
        case .cosine(let steps, let minLR): line(name, "cosine steps \(steps) minLR \(Self.number(minLR))")
        case .linear(let start, let end, let steps):
            line(name, "linear startFactor \(Self.number(start)) endFactor \(Self.number(end)) steps \(steps)")
        case .warmup(let steps, let start): line(name, "warmup steps \(steps) startFactor \(Self.number(start))")
        case .sequential(let first, let then):
            block(name) { m in
                m.schedule("first", first)
                m.schedule("then", then)
            }
        default:
            // Every argument, defaults included, each number by its bits; a closure by its text.
            line(name, schedule.call(number: Self.number))
        }
    }

    /// Gradient noise, or `none`.
    mutating func noise(_ name: String, _ noise: GradientNoise?) {
        guard let noise else { return line(name, "none") }
        line(name, "eta \(Self.number(noise.eta)) gamma \(Self.number(noise.gamma))")
    }
}
