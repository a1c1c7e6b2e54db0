/// Everything one optimizer run needs besides the objective.
public struct RunSettings: Hashable, Sendable {
    public var start: [Double]
    /// Optimizer steps to take (the trajectory has up to `steps + 1` points).
    public var steps: Int
    public var optimizer: OptimizerConfig
    public var schedule: LearningRateSchedule?
    public var noise: GradientNoise?
    /// Mini-batch size for a ``FiniteSumFunction``; `nil` for full-batch steps.
    public var batchSize: Int?
    /// How the mini-batches are drawn; ignored for full-batch steps.
    public var sampling: MiniBatchSampling
    /// Seeds gradient noise and mini-batch shuffling (separate streams).
    public var seed: UInt64
    /// Whether to record the optimizer's effective learning rate at every step
    /// (``Trajectory/effectiveLearningRates``), for the runs a claim is about; ignored for a
    /// method without one. Recording reads the optimizer's state and changes no number of the run.
    public var recordsEffectiveLearningRate: Bool

    public init(
        start: [Double], steps: Int, optimizer: OptimizerConfig, schedule: LearningRateSchedule? = nil,
        noise: GradientNoise? = nil, batchSize: Int? = nil,
        sampling: MiniBatchSampling = .shuffledEpochs, seed: UInt64 = 0, recordsEffectiveLearningRate: Bool = false
    ) {
        self.start = start
        self.steps = steps
        self.optimizer = optimizer
        self.schedule = schedule
        self.noise = noise
        self.batchSize = batchSize
        self.sampling = sampling
        self.seed = seed
        self.recordsEffectiveLearningRate = recordsEffectiveLearningRate
    }
}
