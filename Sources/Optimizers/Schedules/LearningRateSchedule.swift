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
    /// `MultiStepLR(milestones:, gamma:)`: η multiplied by γ at each milestone (twice at a milestone written twice).
    case multiStep(milestones: [Int], gamma: Double)
    /// `ConstantLR(factor:, total_iters: steps)`: η times the factor for `steps` steps, then η.
    case constant(factor: Double, steps: Int)
    /// `PolynomialLR(total_iters: steps, power:)`: η (1 − t/steps)^power, then 0.
    case polynomial(steps: Int, power: Double)
    /// `CosineAnnealingWarmRestarts(T_0: steps, T_mult: multiplier, eta_min: minLR)`: cosine cycles, each
    /// `multiplier` times as long as the one before, restarting at η.
    case cosineRestarts(steps: Int, multiplier: Int, minLR: Double)
    /// `CyclicLR(base_lr: η, max_lr:, …)`: triangles between η and a maximum; may cycle the momentum.
    case cyclic(CyclicSchedule)
    /// `OneCycleLR(max_lr:, total_steps:, …)`: up to a maximum and down far below η's start; may cycle the momentum.
    case oneCycle(OneCycleSchedule)
    /// `ReduceLROnPlateau(…)`: η multiplied by a factor when the run's loss stops improving.
    case plateau(PlateauSchedule)
    /// `ChainedScheduler([…])`: every schedule stepped in turn, each on the rate the one before left.
    case chained([LearningRateSchedule])
    /// `LambdaLR(lr_lambda:)`: η_t = η · λ(t).
    case lambda(ScheduleFunction)
    /// `MultiplicativeLR(lr_lambda:)`: η_t = η_{t−1} · λ(t).
    case multiplicative(ScheduleFunction)

    /// The learning rate of optimizer step `step` (0 for the first) when the optimizer's η is `base`.
    public func learningRate(base: Double, step: Int) -> Double {
        learningRates(base: base, count: step + 1).last ?? base
    }

    /// The learning rates of the first `count` optimizer steps.
    ///
    /// A schedule that follows the run's loss (``dependsOnLoss``) needs the run: this assumes a
    /// loss that never improves after the first step. Runs use ``ScheduleStepper`` with their losses.
    public func learningRates(base: Double, count: Int) -> [Double] {
        guard count > 0 else { return [] }
        var stepper = ScheduleStepper(self, base: base)
        var rates: [Double] = []
        rates.reserveCapacity(count)
        for _ in 0..<count {
            rates.append(stepper.learningRate)
            stepper.advance(loss: 0)
        }
        return rates
    }

    /// The cycled momentum (μ, or β₁ for the Adam family) of the first `count` steps; `nil` when
    /// the schedule leaves the momentum alone.
    public func momenta(base: Double, count: Int) -> [Double]? {
        guard cyclesMomentum, count > 0 else { return nil }
        var stepper = ScheduleStepper(self, base: base)
        var momenta: [Double] = []
        for _ in 0..<count {
            momenta.append(stepper.momentum ?? .nan)
            stepper.advance(loss: 0)
        }
        return momenta
    }

    /// Whether the rate follows the run's loss (`.plateau`, also inside another schedule).
    public var dependsOnLoss: Bool {
        switch self {
        case .plateau: return true
        case .sequential(let first, let second): return first.dependsOnLoss || second.dependsOnLoss
        case .chained(let parts): return parts.contains { $0.dependsOnLoss }
        default: return false
        }
    }

    /// Whether the schedule sets the optimizer's momentum (or β₁) at every step, as `CyclicLR` and
    /// `OneCycleLR` do with `cycle_momentum`.
    public var cyclesMomentum: Bool {
        switch self {
        case .cyclic(let c): return c.cycleMomentum
        case .oneCycle(let c): return c.cycleMomentum
        case .sequential(let first, let second): return first.cyclesMomentum || second.cyclesMomentum
        case .chained(let parts): return parts.contains { $0.cyclesMomentum }
        default: return false
        }
    }

    /// The steps after which a `.sequential` switches to its second schedule, for schedules that have one.
    public var duration: Int? {
        switch self {
        case .cosine(let steps, _), .linear(_, _, let steps), .warmup(let steps, _), .constant(_, let steps),
             .polynomial(let steps, _):
            return steps
        case .oneCycle(let c): return c.steps
        case .step, .exponential, .sequential, .multiStep, .cosineRestarts, .cyclic, .plateau, .chained, .lambda, .multiplicative:
            return nil
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
                problems.append(
                    "a sequential schedule starts with .warmup, .linear, .cosine, .constant, .polynomial or .oneCycle, whose steps mark the switch")
            }
            if case .sequential = second {
                problems.append("a sequential schedule has two parts; the second cannot itself be sequential")
            }
            if case .chained = second {
                problems.append("a sequential schedule cannot switch to a chained one (PyTorch's ChainedScheduler cannot restart at the milestone)")
            }
            for (index, part) in [first, second].enumerated() where part.dependsOnLoss {
                problems.append("SequentialLR does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be specified when calling `step`, but got one at index \(index) in the given schedulers sequence.")
            }
            return problems
        default:
            return newProblems
        }
    }

    /// PyTorch's `get_lr` at `epoch` ≥ 1, from the previous rate, for the five schedules the
    /// course started with (``ScheduleStepper`` steps the others).
    func nextRate(_ rate: Double, epoch: Int, base: Double) -> Double {
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
        default:
            return rate
        }
    }

    private static func linearNext(_ rate: Double, start: Double, end: Double, steps: Int, epoch: Int) -> Double {
        if epoch > steps { return rate }
        return rate * (1.0 + (end - start) / (Double(steps) * start + Double(epoch - 1) * (end - start)))
    }

    /// PyTorch's `_get_closed_form_lr`, which SequentialLR uses at the milestone.
    func closedFormRate(epoch: Int, base: Double) -> Double {
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
        case .multiStep(let milestones, let gamma):
            return base * LibM.pow(gamma, Double(milestones.filter { $0 <= epoch }.count))
        case .constant(let factor, let steps):
            return base * (factor + (epoch >= steps ? 1 - factor : 0))
        case .polynomial(let steps, let power):
            return base * LibM.pow(1.0 - Double(min(steps, epoch)) / Double(steps), power)
        default:
            preconditionFailure("only schedules with PyTorch's _get_closed_form_lr have a closed form")
        }
    }

    /// Whether PyTorch's class has `_get_closed_form_lr`, which SequentialLR's milestone uses
    /// instead of `get_lr`.
    var hasClosedForm: Bool {
        switch self {
        case .step, .exponential, .cosine, .linear, .warmup, .multiStep, .constant, .polynomial: return true
        default: return false
        }
    }
}
