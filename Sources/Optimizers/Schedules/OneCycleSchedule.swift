/// `torch.optim.lr_scheduler.OneCycleLR` (Smith & Topin 2019): from `maxLR/divFactor` up to `maxLR`
/// over the first `pctStart` of `steps`, then down to `maxLR/(divFactor · finalDivFactor)`; with
/// `threePhase` back down to the start first and only then to the minimum.
///
/// Each phase anneals from its start value a to its end value b at the fraction p of the phase:
/// `cos`: b + (a − b)/2 · (cos πp + 1); `linear`: (b − a) p + a. The momentum (β₁ for the Adam
/// family), with `cycleMomentum`, anneals the other way between `maxMomentum` and `baseMomentum`.
public struct OneCycleSchedule: Hashable, Sendable {
    public enum Anneal: String, CaseIterable, Hashable, Sendable {
        case cos, linear
    }

    /// The peak; `nil`: the optimizer's η.
    public var maxLR: Double?
    /// `total_steps`.
    public var steps: Int
    public var pctStart: Double
    public var anneal: Anneal
    public var cycleMomentum: Bool
    public var baseMomentum: Double
    public var maxMomentum: Double
    public var divFactor: Double
    public var finalDivFactor: Double
    public var threePhase: Bool

    public init(
        maxLR: Double? = nil, steps: Int, pctStart: Double = 0.3, anneal: Anneal = .cos, cycleMomentum: Bool = true,
        baseMomentum: Double = 0.85, maxMomentum: Double = 0.95, divFactor: Double = 25, finalDivFactor: Double = 1e4,
        threePhase: Bool = false
    ) {
        self.maxLR = maxLR
        self.steps = steps
        self.pctStart = pctStart
        self.anneal = anneal
        self.cycleMomentum = cycleMomentum
        self.baseMomentum = baseMomentum
        self.maxMomentum = maxMomentum
        self.divFactor = divFactor
        self.finalDivFactor = finalDivFactor
        self.threePhase = threePhase
    }

    var problems: [String] {
        var problems: [String] = []
        if steps < 1 { problems.append("Expected positive integer total_steps, but got \(steps)") }
        if !(pctStart >= 0 && pctStart <= 1) { problems.append("Expected float between 0 and 1 pct_start, but got \(pctStart)") }
        if let maxLR, !(maxLR > 0 && maxLR.isFinite) { problems.append("Invalid max_lr: \(maxLR) (maxLR must be > 0)") }
        if !(divFactor > 0 && divFactor.isFinite) { problems.append("Invalid div_factor: \(divFactor) (divFactor must be > 0)") }
        if !(finalDivFactor > 0 && finalDivFactor.isFinite) {
            problems.append("Invalid final_div_factor: \(finalDivFactor) (finalDivFactor must be > 0)")
        }
        problems += momentumProblems(cycleMomentum, base: baseMomentum, max: maxMomentum)
        return problems
    }

    /// The rates a phase moves between: PyTorch's group keys `initial_lr`, `max_lr`, `min_lr`.
    struct Rates {
        var initial: Double, max: Double, min: Double
    }

    func rates(base: Double) -> Rates {
        let peak = maxLR ?? base
        let initial = peak / divFactor
        return Rates(initial: initial, max: peak, min: initial / finalDivFactor)
    }

    /// `get_lr` at `step` ≤ `steps`: the rate and the momentum.
    func values(step: Int, _ r: Rates) -> (rate: Double, momentum: Double) {
        let total = Double(steps)
        // (end step, start rate, end rate, start momentum, end momentum), as `_schedule_phases`.
        let phases: [(Double, Double, Double, Double, Double)] = threePhase
            ? [(pctStart * total - 1, r.initial, r.max, maxMomentum, baseMomentum),
               (2 * pctStart * total - 2, r.max, r.initial, baseMomentum, maxMomentum),
               (total - 1, r.initial, r.min, maxMomentum, maxMomentum)]
            : [(pctStart * total - 1, r.initial, r.max, maxMomentum, baseMomentum),
               (total - 1, r.max, r.min, baseMomentum, maxMomentum)]
        var start = 0.0
        let s = Double(step)
        for (index, phase) in phases.enumerated() {
            let end = phase.0
            if s <= end || index == phases.count - 1 {
                let pct = (s - start) / (end - start)
                return (annealed(phase.1, phase.2, pct), annealed(phase.3, phase.4, pct))
            }
            start = end
        }
        preconditionFailure("the last phase always matches")
    }

    private func annealed(_ start: Double, _ end: Double, _ pct: Double) -> Double {
        switch anneal {
        case .cos: return end + (start - end) / 2.0 * (LibM.cos(Double.pi * pct) + 1)
        case .linear: return (end - start) * pct + start
        }
    }
}
