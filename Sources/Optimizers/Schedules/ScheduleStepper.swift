/// A learning-rate schedule being stepped through a run, as a PyTorch scheduler is: it holds the
/// scheduler's state (its epoch, a restart's cycle, a plateau's best loss and patience) and the
/// optimizer group's `lr`, `initial_lr` and momentum that the schedulers read and write.
///
/// ``learningRate`` (and ``momentum``, for a schedule that cycles it) is what the next optimizer
/// step uses; ``advance(loss:)`` is `scheduler.step(loss)` after that step, given the loss the
/// step's gradient was taken with (only `.plateau` reads it). Schedules are built the way a
/// PyTorch script builds them: each scheduler constructed in written order, its initial step
/// taken, then `ChainedScheduler` or `SequentialLR` over them, so the rates agree with PyTorch's
/// to the last bit where its arithmetic is IEEE (a closure's `pow` is libm's, as Python's `**`).
public struct ScheduleStepper: Sendable {
    private var group: Group
    private var root: Node

    /// The schedule at its start, for an optimizer whose configured learning rate is `base`.
    public init(_ schedule: LearningRateSchedule, base: Double) {
        group = Group(lr: base, eta: base)
        root = Node.construct(schedule, &group)
    }

    /// The learning rate of the next optimizer step.
    public var learningRate: Double { group.lr }

    /// The momentum (μ, or β₁ for the Adam family) of the next optimizer step; `nil` when the
    /// schedule does not set it.
    public var momentum: Double? { group.momentum }

    /// Steps the schedule once, after an optimizer step whose loss was `loss`.
    public mutating func advance(loss: Double) {
        root.step(&group, loss: loss)
    }
}

/// What PyTorch keeps in the optimizer's param group and the schedulers read and write.
private struct Group: Sendable {
    /// `group["lr"]`.
    var lr: Double
    /// `group["initial_lr"]`, set by the first scheduler constructed (OneCycleLR overwrites it).
    var initialLR: Double?
    /// `group["momentum"]` or `group["betas"][0]`, once a cycling scheduler has set it.
    var momentum: Double?
    /// The optimizer's configured η: CyclicLR's `base_lr`, and OneCycleLR's `max_lr` unless given.
    let eta: Double

    init(lr: Double, eta: Double) {
        self.lr = lr
        self.eta = eta
    }
}

private indirect enum Node: Sendable {
    case leaf(Leaf)
    case chained([Node])
    case sequential(first: Node, second: Node, milestone: Int, epoch: Int)

    static func construct(_ schedule: LearningRateSchedule, _ group: inout Group) -> Node {
        switch schedule {
        case .chained(let parts):
            return .chained(parts.map { construct($0, &group) })
        case .sequential(let first, let second):
            var a = Leaf(first, &group)
            let b = Leaf(second, &group)
            // SequentialLR resets the rate, undoes the parts' initial steps and redoes the first's.
            group.lr = group.initialLR ?? group.lr
            a.initialStep(&group)
            return .sequential(first: .leaf(a), second: .leaf(b), milestone: first.duration ?? 0, epoch: 0)
        default:
            return .leaf(Leaf(schedule, &group))
        }
    }

    mutating func step(_ group: inout Group, loss: Double) {
        switch self {
        case .leaf(var leaf):
            leaf.step(&group, loss: loss)
            self = .leaf(leaf)
        case .chained(var parts):
            for index in parts.indices { parts[index].step(&group, loss: loss) }
            self = .chained(parts)
        case .sequential(var first, var second, let milestone, var epoch):
            epoch += 1
            if epoch < milestone {
                first.step(&group, loss: loss)
            } else if epoch == milestone, case .leaf(var leaf) = second {
                leaf.restart(&group)
                second = .leaf(leaf)
            } else {
                second.step(&group, loss: loss)
            }
            self = .sequential(first: first, second: second, milestone: milestone, epoch: epoch)
        }
    }
}

/// One PyTorch scheduler of a schedule and its state.
private struct Leaf: Sendable {
    let schedule: LearningRateSchedule
    /// `base_lrs[0]`.
    let base: Double
    /// `last_epoch`.
    var epoch = -1
    /// CosineAnnealingWarmRestarts' `T_cur` and `T_i`.
    var tCur = 0, tI = 0
    /// ReduceLROnPlateau's `best`, `num_bad_epochs` and `cooldown_counter`.
    var best = 0.0, badEpochs = 0, cooldownCounter = 0
    /// OneCycleLR's `initial_lr`, `max_lr`, `min_lr`.
    var oneCycle = OneCycleSchedule.Rates(initial: 0, max: 0, min: 0)

    /// The scheduler's `__init__`: what it writes into the group, then its initial step.
    init(_ schedule: LearningRateSchedule, _ group: inout Group) {
        self.schedule = schedule
        switch schedule {
        case .plateau(let p):
            // ReduceLROnPlateau takes no initial step and reads no initial_lr.
            base = group.lr
            epoch = 0
            best = p.worst
            return
        case .cyclic(let c):
            group.lr = group.eta
            if c.cycleMomentum { group.momentum = c.maxMomentum }
            if group.initialLR == nil { group.initialLR = group.lr }
            base = group.eta
        case .oneCycle(let c):
            oneCycle = c.rates(base: group.eta)
            group.initialLR = oneCycle.initial
            if c.cycleMomentum { group.momentum = c.maxMomentum }
            base = oneCycle.initial
        case .cosineRestarts(let steps, _, _):
            tI = steps
            if group.initialLR == nil { group.initialLR = group.lr }
            base = group.initialLR!
        default:
            if group.initialLR == nil { group.initialLR = group.lr }
            base = group.initialLR!
        }
        initialStep(&group)
    }

    /// `_initial_step`: epoch 0, `get_lr` in its initial mode.
    mutating func initialStep(_ group: inout Group) {
        epoch = 0
        if case .cosineRestarts(let steps, _, _) = schedule {
            tCur = 0
            tI = steps
        }
        update(&group, initial: true)
    }

    /// SequentialLR's `_update_lr(0)` at its milestone: the closed form where the class has one, else `get_lr`.
    mutating func restart(_ group: inout Group) {
        epoch = 0
        if schedule.hasClosedForm {
            group.lr = schedule.closedFormRate(epoch: 0, base: base)
        } else {
            update(&group, initial: false)
        }
    }

    /// `step()` (`step(loss)` for ReduceLROnPlateau).
    mutating func step(_ group: inout Group, loss: Double) {
        epoch += 1
        switch schedule {
        case .plateau(let p):
            if p.isBetter(loss, than: best) {
                best = loss
                badEpochs = 0
            } else {
                badEpochs += 1
            }
            if cooldownCounter > 0 {
                cooldownCounter -= 1
                badEpochs = 0
            }
            if badEpochs > p.patience {
                let old = group.lr
                let new = max(old * p.factor, p.minLR)
                if old - new > p.eps { group.lr = new }
                cooldownCounter = p.cooldown
                badEpochs = 0
            }
            return
        case .cosineRestarts(_, let multiplier, _):
            tCur += 1
            if tCur >= tI {
                tCur %= tI
                tI *= multiplier
            }
        default:
            break
        }
        update(&group, initial: false)
    }

    /// `get_lr` at ``epoch`` written into the group.
    private mutating func update(_ group: inout Group, initial: Bool) {
        let e = Double(epoch)
        switch schedule {
        case .step, .exponential, .cosine:
            if !initial { group.lr = schedule.nextRate(group.lr, epoch: epoch, base: base) }
        case .linear(let start, _, _), .warmup(_, let start):
            group.lr = initial ? group.lr * start : schedule.nextRate(group.lr, epoch: epoch, base: base)
        case .multiStep(let milestones, let gamma):
            let count = milestones.reduce(0) { $0 + ($1 == epoch ? 1 : 0) }
            if count > 0 { group.lr = group.lr * LibM.pow(gamma, Double(count)) }
        case .constant(let factor, let steps):
            if epoch == 0 {
                group.lr = group.lr * factor
            } else if epoch == steps {
                group.lr = group.lr * (1.0 / factor)
            }
        case .polynomial(let steps, let power):
            guard !initial, epoch <= steps else { return }
            let t = Double(steps)
            group.lr = group.lr * LibM.pow((1.0 - e / t) / (1.0 - (e - 1) / t), power)
        case .cosineRestarts(_, _, let minLR):
            group.lr = minLR + (base - minLR) * (1 + LibM.cos(Double.pi * Double(tCur) / Double(tI))) / 2
        case .lambda(let f):
            group.lr = base * f(e)
        case .multiplicative(let f):
            if !initial { group.lr = group.lr * f(e) }
        case .cyclic(let c):
            let (rate, momentum) = c.values(epoch: epoch, baseLR: base)
            group.lr = rate
            if c.cycleMomentum { group.momentum = momentum }
        case .oneCycle(let c):
            // PyTorch raises past total_steps; the schedule holds its last values instead.
            guard epoch <= c.steps else { return }
            let (rate, momentum) = c.values(step: epoch, oneCycle)
            group.lr = rate
            if c.cycleMomentum { group.momentum = momentum }
        case .plateau, .chained, .sequential:
            preconditionFailure("composite schedules and plateaus are stepped by their node")
        }
    }
}
