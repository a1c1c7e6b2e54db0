/// An engine whose momentum a schedule may set before each step, as `CyclicLR` and `OneCycleLR`
/// with `cycle_momentum` set `group["momentum"]` (SGD, RMSprop) or `group["betas"][0]` (the Adam
/// family) between PyTorch's optimizer steps. PyTorch cycles every optimizer whose defaults have
/// `momentum` or `betas`; an engine conforms when its step reads that value anew each time.
protocol MomentumCyclingEngine: OptimizerEngine {
    /// Sets μ (or β₁) for the following steps.
    func setMomentum(_ value: Double)
}

extension Optimizer {
    /// Whether a schedule can set this method's momentum (μ, or β₁ for the Adam family) at every step.
    public var cyclesMomentum: Bool { momentumEngine != nil }
}

extension OptimizerCatalog {
    /// Whether `config`'s method has a momentum or β₁ that `CyclicLR` and `OneCycleLR` can cycle; PyTorch
    /// raises "optimizer must support momentum or beta1 with `cycle_momentum` option enabled" for the others.
    public static func cyclesMomentum(_ config: OptimizerConfig) -> Bool {
        Optimizer(config, dimension: 0)?.cyclesMomentum ?? false
    }
}
