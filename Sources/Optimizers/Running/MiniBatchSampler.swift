/// Mini-batches drawn by a seeded shuffle per epoch.
///
/// Each epoch is a Fisher–Yates permutation of the sample indices (drawn with
/// ``Xoshiro256StarStar/nextIndex(below:)``), cut into consecutive batches of
/// `batchSize`; the last batch of an epoch is smaller when n is not a multiple.
struct MiniBatchSampler {
    let batchSize: Int
    private var order: [Int]
    private var position: Int
    private var generator: Xoshiro256StarStar

    init(sampleCount: Int, batchSize: Int, seed: UInt64) {
        precondition(sampleCount > 0 && batchSize > 0, "a sampler needs samples and a positive batch size")
        self.batchSize = min(batchSize, sampleCount)
        order = Array(0..<sampleCount)
        position = sampleCount
        generator = Xoshiro256StarStar(seed: seed)
    }

    /// The next batch's indices, valid until the next call.
    mutating func nextBatch() -> ArraySlice<Int> {
        if position == order.count {
            shuffle()
            position = 0
        }
        let end = min(position + batchSize, order.count)
        defer { position = end }
        return order[position..<end]
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
