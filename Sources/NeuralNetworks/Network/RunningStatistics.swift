/// The running mean and variance of a batch-normalised network's hidden units: `nn.BatchNorm1d`'s
/// `running_mean` and `running_var` buffers, which evaluation normalises with.
///
/// Not parameters: no optimizer steps them. Every training forward pass over a new batch
/// moves them towards that batch's statistics, running ← (1 − m)·running + m·statistic with
/// momentum m = 0.1, the variance's statistic unbiased (B/(B − 1) times the batch's biased
/// variance), as torch does. Layer by layer in the architecture's order, each layer's units at
/// its `Normalization.statisticsOffset`.
public struct RunningStatistics: Hashable, Sendable {
    public var mean: [Double]
    public var variance: [Double]

    /// torch's starting values: mean 0 and variance 1 for every unit of `architecture`.
    public init(for architecture: NetworkArchitecture) {
        mean = [Double](repeating: 0, count: architecture.statisticsCount)
        variance = [Double](repeating: 1, count: architecture.statisticsCount)
    }

    public init(mean: [Double], variance: [Double]) {
        precondition(mean.count == variance.count, "one variance per mean")
        self.mean = mean
        self.variance = variance
    }
}
