/// `torch.optim.lr_scheduler.ReduceLROnPlateau`: after more than `patience` steps without a better
/// loss, η becomes max(η · factor, minLR) (unless that changes it by no more than `eps`), and
/// `cooldown` steps pass before bad steps count again.
///
/// A loss a is better than the best b when, for `mode` `min`, a < b (1 − threshold) (`rel`) or
/// a < b − threshold (`abs`); for `max`, a > b (1 + threshold) or a > b + threshold.
/// The loss is the one each step's gradient was taken with, as a PyTorch loop calls
/// `scheduler.step(loss)` after `optimizer.step()`.
public struct PlateauSchedule: Hashable, Sendable {
    public enum Mode: String, CaseIterable, Hashable, Sendable {
        case min, max
    }

    public enum ThresholdMode: String, CaseIterable, Hashable, Sendable {
        case rel, abs
    }

    public var mode: Mode
    public var factor: Double
    public var patience: Int
    public var threshold: Double
    public var thresholdMode: ThresholdMode
    public var cooldown: Int
    public var minLR: Double
    public var eps: Double

    public init(
        mode: Mode = .min, factor: Double = 0.1, patience: Int = 10, threshold: Double = 1e-4,
        thresholdMode: ThresholdMode = .rel, cooldown: Int = 0, minLR: Double = 0, eps: Double = 1e-8
    ) {
        self.mode = mode
        self.factor = factor
        self.patience = patience
        self.threshold = threshold
        self.thresholdMode = thresholdMode
        self.cooldown = cooldown
        self.minLR = minLR
        self.eps = eps
    }

    var problems: [String] {
        var problems: [String] = []
        if factor >= 1.0 { problems.append("Factor should be < 1.0.") }
        if !(factor >= 0) { problems.append("Invalid factor: \(factor) (factor must be ≥ 0)") }
        if patience < 0 { problems.append("Invalid patience: \(patience) (patience must be ≥ 0)") }
        if !(threshold >= 0 && threshold.isFinite) { problems.append("Invalid threshold: \(threshold) (threshold must be ≥ 0)") }
        if cooldown < 0 { problems.append("Invalid cooldown: \(cooldown) (cooldown must be ≥ 0)") }
        if !(minLR >= 0 && minLR.isFinite) { problems.append("Invalid min_lr: \(minLR) (minLR must be ≥ 0)") }
        if !(eps >= 0 && eps.isFinite) { problems.append("Invalid eps: \(eps) (eps must be ≥ 0)") }
        return problems
    }

    /// `_is_better(a, best)`.
    func isBetter(_ a: Double, than best: Double) -> Bool {
        switch (mode, thresholdMode) {
        case (.min, .rel): return a < best * (1.0 - threshold)
        case (.min, .abs): return a < best - threshold
        case (.max, .rel): return a > best * (threshold + 1.0)
        case (.max, .abs): return a > best + threshold
        }
    }

    /// `mode_worse`, the best loss before the first.
    var worst: Double { mode == .min ? .infinity : -.infinity }
}
