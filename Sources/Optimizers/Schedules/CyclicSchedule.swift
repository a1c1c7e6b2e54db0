/// `torch.optim.lr_scheduler.CyclicLR` (Smith 2017), with the optimizer's η as `base_lr`.
///
/// Over a cycle of `stepsUp + stepsDown` steps the rate climbs linearly from η to `maxLR` and back:
/// with `c = ⌊1 + t/T⌋` and `x = 1 + t/T − c`, the height is `x/r` on the way up (`r = stepsUp/T`) and
/// `(x − 1)/(r − 1)` on the way down, and η_t = η + (maxLR − η) · height · s, where s is the mode's
/// scale: 1 (`triangular`), 1/2^(c−1) (`triangular2`), γ^t (`expRange`), or `scale` of c or t.
/// With `cycleMomentum` the momentum (β₁ for the Adam family) moves the other way, from
/// `maxMomentum` down to `baseMomentum`.
public struct CyclicSchedule: Hashable, Sendable {
    /// How the triangle's height changes from cycle to cycle.
    public enum Mode: String, CaseIterable, Hashable, Sendable {
        case triangular, triangular2, expRange
        /// PyTorch's spelling.
        public var torchName: String { self == .expRange ? "exp_range" : rawValue }
    }

    /// What a custom `scale` function is given: the cycle number, or the step.
    public enum ScaleMode: String, CaseIterable, Hashable, Sendable {
        case cycle, iterations
    }

    public var maxLR: Double
    public var stepsUp: Int
    /// `nil`: as many as `stepsUp`.
    public var stepsDown: Int?
    public var mode: Mode
    /// `expRange`'s base: the scale at step t is γ^t.
    public var gamma: Double
    /// A custom scale function, which replaces the mode's.
    public var scale: ScheduleFunction?
    /// What `scale` is given (`cycle` by default); the built-in modes use their own.
    public var scaleMode: ScaleMode
    public var cycleMomentum: Bool
    public var baseMomentum: Double
    public var maxMomentum: Double

    public init(
        maxLR: Double, stepsUp: Int = 2000, stepsDown: Int? = nil, mode: Mode = .triangular, gamma: Double = 1,
        scale: ScheduleFunction? = nil, scaleMode: ScaleMode = .cycle, cycleMomentum: Bool = true,
        baseMomentum: Double = 0.8, maxMomentum: Double = 0.9
    ) {
        self.maxLR = maxLR
        self.stepsUp = stepsUp
        self.stepsDown = stepsDown
        self.mode = mode
        self.gamma = gamma
        self.scale = scale
        self.scaleMode = scaleMode
        self.cycleMomentum = cycleMomentum
        self.baseMomentum = baseMomentum
        self.maxMomentum = maxMomentum
    }

    /// What is wrong with the arguments; empty when valid.
    var problems: [String] {
        var problems: [String] = []
        if !(maxLR > 0 && maxLR.isFinite) { problems.append("Invalid max_lr: \(maxLR) (maxLR must be > 0)") }
        if stepsUp < 1 { problems.append("Invalid step_size_up: \(stepsUp) (stepsUp must be ≥ 1)") }
        if let down = stepsDown, down < 0 { problems.append("Invalid step_size_down: \(down) (stepsDown must be ≥ 0)") }
        if !(gamma > 0 && gamma.isFinite) { problems.append("Invalid gamma: \(gamma) (gamma must be > 0)") }
        problems += momentumProblems(cycleMomentum, base: baseMomentum, max: maxMomentum)
        return problems
    }

    // PyTorch keeps these as floats: float(step_size_up), float(step_size_down).
    private var totalSize: Double { Double(stepsUp) + Double(stepsDown ?? stepsUp) }
    private var stepRatio: Double { Double(stepsUp) / totalSize }

    /// `get_lr` at `epoch` ≥ 0: the rate from `baseLR`, and the momentum.
    func values(epoch: Int, baseLR: Double) -> (rate: Double, momentum: Double) {
        let e = Double(epoch)
        let cycle = (1 + e / totalSize).rounded(.down)
        let x = 1.0 + e / totalSize - cycle
        let scaleFactor = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1)
        let s = scaleValue(cycle: cycle, epoch: e)
        let rate = baseLR + (maxLR - baseLR) * scaleFactor * s
        let momentum = maxMomentum - (maxMomentum - baseMomentum) * scaleFactor * s
        return (rate, momentum)
    }

    /// `scale_fn(cycle)` or `scale_fn(last_epoch)`, as `scale_mode` says.
    private func scaleValue(cycle: Double, epoch: Double) -> Double {
        if let scale { return scale(scaleMode == .cycle ? cycle : epoch) }
        switch mode {
        case .triangular: return 1.0
        case .triangular2: return 1 / LibM.pow(2.0, cycle - 1)
        case .expRange: return LibM.pow(gamma, epoch)
        }
    }
}

/// Problems of a cycled momentum's bounds, shared by ``CyclicSchedule`` and ``OneCycleSchedule``.
func momentumProblems(_ cycles: Bool, base: Double, max: Double) -> [String] {
    guard cycles else { return [] }
    var problems: [String] = []
    if !(base >= 0 && base < 1) { problems.append("Invalid base_momentum: \(base) (baseMomentum must be in [0, 1))") }
    if !(max >= 0 && max < 1) { problems.append("Invalid max_momentum: \(max) (maxMomentum must be in [0, 1))") }
    return problems
}
