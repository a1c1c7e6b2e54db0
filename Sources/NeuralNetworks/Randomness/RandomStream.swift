import Optimizers

/// The independent random streams one seed feeds, so changing how one part draws numbers never moves another.
///
/// Each stream is a `Xoshiro256StarStar` seeded with the experiment's seed mixed with
/// the stream's own constant; the draws below are written out here rather than taken
/// from the standard library, whose algorithms for `random(in:)` and `shuffle` are not
/// promised to stay the same between Swift releases.
enum RandomStream: UInt64 {
    case datasetGeneration = 1
    case trainTestSplit = 2
    case initialization = 3
    case batches = 4
    case dropout = 5
    case activationInputs = 6

    /// A generator for this stream of `seed`.
    func generator(seed: UInt64) -> Xoshiro256StarStar {
        Xoshiro256StarStar(seed: seed ^ (rawValue &* 0x9E37_79B9_7F4A_7C15))
    }
}

extension Xoshiro256StarStar {
    /// A uniform double in [0, 1), the half-open interval torch's `uniform_` samples.
    @inline(__always)
    mutating func halfOpenUniform() -> Double { 1 - nextUniform() }

    /// Shuffles `elements` in place with Fisher–Yates.
    mutating func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(i, nextIndex(below: i + 1))
        }
    }
}
