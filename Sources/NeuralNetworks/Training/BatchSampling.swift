/// How mini-batches are drawn from the training set.
public enum BatchSampling: String, Hashable, Sendable, CaseIterable {
    /// Each batch is `batchSize` independent uniform draws (repeats possible), as the
    /// Deep Learning from Scratch and PyTorch baselines do with `randint`.
    case withReplacement
    /// Each epoch is a fresh seeded permutation cut into consecutive batches; a remainder
    /// smaller than a batch is dropped (`DataLoader(shuffle=True, drop_last=True)`).
    case shuffledEpochs
}
