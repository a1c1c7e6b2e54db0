extension LearningRateSchedule {
    /// The problems of the schedules added after the first five, in PyTorch's words where it has them.
    var newProblems: [String] {
        switch self {
        case .multiStep(let milestones, let gamma):
            var problems: [String] = []
            if milestones.isEmpty { problems.append("MultiStepLR needs at least one milestone (milestones is empty)") }
            for milestone in milestones where milestone < 0 {
                problems.append("Invalid milestone: \(milestone) (milestones must be ≥ 0)")
            }
            if !(gamma > 0 && gamma.isFinite) { problems.append("Invalid gamma: \(gamma) (gamma must be > 0)") }
            return problems
        case .constant(let factor, let steps):
            var problems: [String] = []
            if factor > 1.0 || factor < 0 {
                problems.append("Constant multiplicative factor expected to be between 0 and 1. (factor is \(factor))")
            } else if factor == 0 {
                problems.append("Constant multiplicative factor expected to be between 0 and 1. (factor is 0, which PyTorch divides by at total_iters)")
            }
            if steps < 1 { problems.append("Invalid total_iters: \(steps) (steps must be ≥ 1)") }
            return problems
        case .polynomial(let steps, let power):
            var problems: [String] = []
            if steps < 1 { problems.append("Invalid total_iters: \(steps) (steps must be ≥ 1)") }
            if !(power >= 0 && power.isFinite) { problems.append("Invalid power: \(power) (power must be ≥ 0)") }
            return problems
        case .cosineRestarts(let steps, let multiplier, let minLR):
            var problems: [String] = []
            if steps <= 0 { problems.append("Expected positive integer T_0, but got \(steps)") }
            if multiplier < 1 { problems.append("Expected integer T_mult >= 1, but got \(multiplier)") }
            if !(minLR >= 0 && minLR.isFinite) { problems.append("Invalid eta_min: \(minLR) (minLR must be ≥ 0)") }
            return problems
        case .cyclic(let c):
            return c.problems
        case .oneCycle(let c):
            return c.problems
        case .plateau(let p):
            return p.problems
        case .chained(let parts):
            var problems: [String] = []
            if parts.isEmpty {
                problems.append("ChainedScheduler expects at least one scheduler to be chained, but got no scheduler.")
            }
            for (index, part) in parts.enumerated() {
                problems += part.problems
                if part.dependsOnLoss {
                    problems.append("ChainedScheduler does not support `ReduceLROnPlateau` scheduler as it requires additional kwargs to be specified when calling `step`, but got one at index \(index) in the given schedulers sequence.")
                }
                if case .sequential = part {
                    problems.append("a chained schedule holds plain schedules; write the sequential one with .schedule(…, then: …)")
                }
            }
            return problems
        case .lambda, .multiplicative:
            return []
        case .step, .exponential, .cosine, .linear, .warmup, .sequential:
            preconditionFailure("the first five schedules' problems are listed in `problems`")
        }
    }
}
