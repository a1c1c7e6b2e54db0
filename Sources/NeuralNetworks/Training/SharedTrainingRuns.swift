import Scheduling

/// Where a training looks its runs up before training them: a memo of runs shared by every
/// training of a build, and the key of each of this training's runs in it.
///
/// A key must hold everything a run's numbers depend on (the data, the network, the loop, the
/// seed, the run's method with every hyperparameter, schedule and noise, the matrix kernel) and
/// nothing else, so that two fences' runs with one key are the same computation; a run found
/// under its key takes its label and optimizer call from the run that asked.
public struct SharedTrainingRuns: Sendable {
    public var memo: SharedResults<String, TrainingResult>
    /// One per run of the configuration, in its order.
    public var keys: [String]

    public init(memo: SharedResults<String, TrainingResult>, keys: [String]) {
        self.memo = memo
        self.keys = keys
    }
}
