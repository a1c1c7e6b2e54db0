/// Mini-batches drawn from a seeded generator, by epoch shuffles or with replacement.
///
/// Shuffled: each epoch is a Fisher–Yates permutation of the sample indices (drawn with
/// ``Xoshiro256StarStar/nextIndex(below:)``), cut into consecutive batches of
/// `batchSize`; the last batch of an epoch is smaller when n is not a multiple.
/// With replacement: each batch is `batchSize` draws of ``Xoshiro256StarStar/nextIndex(below:)``.
struct MiniBatchSampler {
    let sampling: MiniBatchSampling
    let batchSize: Int
    private let sampleCount: Int
    private var order: [Int]
    private var position: Int
    private var generator: Xoshiro256StarStar

    init(sampling: MiniBatchSampling = .shuffledEpochs, sampleCount: Int, batchSize: Int, seed: UInt64) {
        precondition(sampleCount > 0 && batchSize > 0, "a sampler needs samples and a positive batch size")
        self.sampling = sampling
        self.sampleCount = sampleCount
        // Without replacement a batch cannot hold more than every sample once.
        self.batchSize = sampling == .shuffledEpochs ? min(batchSize, sampleCount) : batchSize
        order = sampling == .shuffledEpochs ? Array(0..<sampleCount) : []
        position = sampleCount
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// Appends the next batch's indices to `batch` (which the caller has emptied).
    mutating func appendNextBatch(to batch: inout [Int]) {
        switch sampling {
        case .withReplacement:
            for _ in 0..<batchSize { batch.append(generator.nextIndex(below: sampleCount)) }
        case .shuffledEpochs:
            if position == order.count {
                shuffle()
                position = 0
            }
            let end = min(position + batchSize, order.count)
            batch.append(contentsOf: order[position..<end])
            position = end
        }
    }

    private mutating func shuffle() {
        var i = order.count - 1
        while i > 0 {
            let j = generator.nextIndex(below: i + 1)
            order.swapAt(i, j)
            i -= 1
        }
    }
}
