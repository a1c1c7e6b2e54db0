import Optimizers

/// Draws the training loop's mini-batches from the seed's batch stream.
struct BatchSampler {
    let sampling: BatchSampling
    let sampleCount: Int
    let batchSize: Int
    private var generator: Xoshiro256StarStar
    private var order: [Int]
    private var position: Int
    private(set) var batch: [Int]

    init(sampling: BatchSampling, sampleCount: Int, batchSize: Int, seed: UInt64) {
        precondition(sampleCount > 0 && batchSize > 0, "a sampler needs samples and a positive batch size")
        self.sampling = sampling
        self.sampleCount = sampleCount
        // Without replacement a batch cannot hold more than every sample once.
        self.batchSize = sampling == .shuffledEpochs ? min(batchSize, sampleCount) : batchSize
        generator = RandomStream.batches.generator(seed: seed)
        order = Array(0..<sampleCount)
        position = sampleCount
        batch = [Int](repeating: 0, count: self.batchSize)
    }

    /// Draws the next batch into `batch`.
    mutating func next() {
        switch sampling {
        case .withReplacement:
            for i in 0..<batchSize { batch[i] = generator.nextIndex(below: sampleCount) }
        case .shuffledEpochs:
            if position + batchSize > sampleCount {
                generator.shuffle(&order)
                position = 0
            }
            for i in 0..<batchSize { batch[i] = order[position + i] }
            position += batchSize
        }
    }
}
