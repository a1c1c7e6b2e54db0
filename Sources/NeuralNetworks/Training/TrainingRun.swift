import Optimizers

/// One optimizer of a training experiment: the method, its optional schedule and gradient noise, and its label.
public struct TrainingRun: Hashable, Sendable {
    /// The name in legends and tables ("Adam"); `Expect` refers to runs by it.
    public var label: String
    public var optimizer: OptimizerConfig
    public var schedule: LearningRateSchedule?
    public var noise: GradientNoise?

    public init(label: String, optimizer: OptimizerConfig, schedule: LearningRateSchedule? = nil, noise: GradientNoise? = nil) {
        self.label = label
        self.optimizer = optimizer
        self.schedule = schedule
        self.noise = noise
    }
}
