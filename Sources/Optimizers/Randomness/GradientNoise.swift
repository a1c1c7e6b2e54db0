/// Annealed Gaussian gradient noise (Neelakantan et al. 2015): each gradient
/// evaluation of step t (t = 0 for the first step) gets independent N(0, σₜ²)
/// noise on every coordinate, with σₜ² = η / (1 + t)^γ.
public struct GradientNoise: Hashable, Sendable {
    /// η, the variance at the first step.
    public var eta: Double
    /// γ, how fast the variance anneals (the paper uses 0.55).
    public var gamma: Double

    public init(eta: Double, gamma: Double = 0.55) {
        self.eta = eta
        self.gamma = gamma
    }

    /// σₜ, the standard deviation at step index `t` (0 for the first step).
    public func standardDeviation(step t: Int) -> Double {
        (eta / LibM.pow(1 + Double(t), gamma)).squareRoot()
    }
}
