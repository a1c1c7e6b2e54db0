/// A learning-rate schedule, equal to the PyTorch scheduler stepped once after
/// every optimizer step (so step 0 uses the scheduler's initial value).
///
/// Values follow PyTorch's recurrences (`get_lr`, which update the previous rate)
/// rather than closed forms, so the rates agree with PyTorch's to the last bits.
public indirect enum LearningRateSchedule: Hashable, Sendable {
    /// `StepLR(step_size: every, gamma:)`: η multiplied by γ every `every` steps.
    case step(every: Int, gamma: Double)
    /// `ExponentialLR(gamma:)`: η multiplied by γ after every step.
    case exponential(gamma: Double)
    /// `CosineAnnealingLR(T_max: steps, eta_min: minLR)`: half a cosine from η to `minLR` over `steps`.
    case cosine(steps: Int, minLR: Double)
    /// `LinearLR(start_factor:, end_factor:, total_iters: steps)`: the factor moves linearly.
    case linear(startFactor: Double, endFactor: Double, steps: Int)
    /// `LinearLR(start_factor:, end_factor: 1, total_iters: steps)`: a linear warm-up to η.
    case warmup(steps: Int, startFactor: Double)
    /// `SequentialLR([first, then], milestones: [first's steps])`.
    case sequential(LearningRateSchedule, then: LearningRateSchedule)

    /// The learning rate of optimizer step `step` (0 for the first) when the optimizer's η is `base`.
    public func learningRate(base: Double, step: Int) -> Double {
        learningRates(base: base, count: step + 1).last ?? base
    }

    /// The learning rates of the first `count` optimizer steps.
    public func learningRates(base: Double, count: Int) -> [Double] {
        guard count > 0 else { return [] }
        var rates: [Double] = []
        rates.reserveCapacity(count)
        switch self {
        case .sequential(let first, let second):
            let milestone = first.duration ?? 0
            var rate = first.initialRate(group: base)
            rates.append(rate)
            var secondEpoch = 0
            for epoch in 1..<max(count, 1) {
                if epoch < milestone {
                    rate = first.nextRate(rate, epoch: epoch, base: base)
                } else if epoch == milestone {
                    rate = second.closedFormRate(epoch: 0, base: base)
                } else {
                    secondEpoch += 1
                    rate = second.nextRate(rate, epoch: secondEpoch, base: base)
                }
                rates.append(rate)
            }
        default:
            var rate = initialRate(group: base)
            rates.append(rate)
            for epoch in 1..<max(count, 1) {
                rate = nextRate(rate, epoch: epoch, base: base)
                rates.append(rate)
            }
        }
        return rates
    }

    /// The steps after which a `.sequential` switches to its second schedule, for schedules that have one.
    public var duration: Int? {
        switch self {
        case .cosine(let steps, _), .linear(_, _, let steps), .warmup(let steps, _): return steps
        case .step, .exponential, .sequential: return nil
        }
    }

    /// What is wrong with the schedule's arguments, in PyTorch's words; empty when valid.
    public var problems: [String] {
        switch self {
        case .step(let every, let gamma):
            var problems: [String] = []
            if every < 1 { problems.append("Invalid step size: \(every) (every must be ≥ 1)") }
            if !(gamma > 0 && gamma.isFinite) { problems.append("Invalid gamma: \(gamma) (gamma must be > 0)") }
            return problems
        case .exponential(let gamma):
            return gamma > 0 && gamma.isFinite ? [] : ["Invalid gamma: \(gamma) (gamma must be > 0)"]
        case .cosine(let steps, let minLR):
            var problems: [String] = []
            if steps < 1 { problems.append("Invalid T_max: \(steps) (steps must be ≥ 1)") }
            if !(minLR >= 0 && minLR.isFinite) { problems.append("Invalid eta_min: \(minLR) (minLR must be ≥ 0)") }
            return problems
        case .linear(let start, let end, let steps):
            var problems: [String] = []
            if !(start > 0 && start <= 1) {
                problems.append("Starting multiplicative factor expected to be greater than 0 and less or equal to 1 (startFactor is \(start))")
            }
            if !(end >= 0 && end <= 1) {
                problems.append("Ending multiplicative factor expected to be between 0 and 1 (endFactor is \(end))")
            }
            if steps < 1 { problems.append("Invalid total_iters: \(steps) (steps must be ≥ 1)") }
            return problems
        case .warmup(let steps, let start):
            return LearningRateSchedule.linear(startFactor: start, endFactor: 1, steps: steps).problems
        case .sequential(let first, let second):
            var problems = first.problems + second.problems
            if first.duration == nil {
                problems.append("a sequential schedule starts with .warmup, .linear or .cosine, whose steps mark the switch")
            }
            if case .sequential = second {
                problems.append("a sequential schedule has two parts; the second cannot itself be sequential")
            }
            return problems
        }
    }

    /// The rate after the scheduler's construction (its initial step).
    private func initialRate(group: Double) -> Double {
        switch self {
        case .linear(let start, _, _), .warmup(_, let start): return group * start
        default: return group
        }
    }

    /// PyTorch's `get_lr` at `epoch` ≥ 1, from the previous rate.
    private func nextRate(_ rate: Double, epoch: Int, base: Double) -> Double {
        switch self {
        case .step(let every, let gamma):
            return every > 0 && epoch % every == 0 ? rate * gamma : rate
        case .exponential(let gamma):
            return rate * gamma
        case .cosine(let steps, let minLR):
            let tMax = Double(steps)
            let e = Double(epoch)
            let period = 2 * steps
            if period > 0, ((epoch - 1 - steps) % period + period) % period == 0 {
                return rate + (base - minLR) * (1 - LibM.cos(Double.pi / tMax)) / 2
            }
            return (1 + LibM.cos(Double.pi * e / tMax)) / (1 + LibM.cos(Double.pi * (e - 1) / tMax)) * (rate - minLR) + minLR
        case .linear(let start, let end, let steps):
            return Self.linearNext(rate, start: start, end: end, steps: steps, epoch: epoch)
        case .warmup(let steps, let start):
            return Self.linearNext(rate, start: start, end: 1, steps: steps, epoch: epoch)
        case .sequential:
            return rate
        }
    }

    private static func linearNext(_ rate: Double, start: Double, end: Double, steps: Int, epoch: Int) -> Double {
        if epoch > steps { return rate }
        return rate * (1.0 + (end - start) / (Double(steps) * start + Double(epoch - 1) * (end - start)))
    }

    /// PyTorch's `_get_closed_form_lr`, which SequentialLR uses at the milestone.
    private func closedFormRate(epoch: Int, base: Double) -> Double {
        switch self {
        case .step(let every, let gamma):
            return base * LibM.pow(gamma, Double(epoch / max(every, 1)))
        case .exponential(let gamma):
            return base * LibM.pow(gamma, Double(epoch))
        case .cosine(let steps, let minLR):
            return minLR + (base - minLR) * (1 + LibM.cos(Double.pi * Double(epoch) / Double(steps))) / 2
        case .linear(let start, let end, let steps):
            return base * (start + (end - start) * Double(min(steps, epoch)) / Double(steps))
        case .warmup(let steps, let start):
            return base * (start + (1 - start) * Double(min(steps, epoch)) / Double(steps))
        case .sequential(let first, _):
            return first.closedFormRate(epoch: epoch, base: base)
        }
    }
}
