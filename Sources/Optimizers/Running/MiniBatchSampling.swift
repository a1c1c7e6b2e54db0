/// How a finite-sum objective's mini-batches are drawn from its samples.
///
/// The raw values are the spellings of `Sampling(.withReplacement)` and
/// `Sampling(.shuffledEpochs)`, the same as the `Training` builder's.
public enum MiniBatchSampling: String, Hashable, Sendable, CaseIterable {
    /// Each epoch is a fresh seeded permutation of the samples, cut into consecutive
    /// batches; the last batch of an epoch is smaller when n is not a multiple (the default).
    case shuffledEpochs
    /// Each batch is `batchSize` independent uniform draws, so a sample may repeat in a
    /// batch and, over n draws, about 1/e of the samples are not drawn at all.
    case withReplacement
}
