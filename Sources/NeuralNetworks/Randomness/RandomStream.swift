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

extension RandomNumberGenerator {
    /// A uniform double in [0, 1) from the top 53 bits.
    @inline(__always)
    mutating func unitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform integer in `0..<bound`, without modulo bias (Lemire's multiply-and-reject).
    @inline(__always)
    mutating func index(below bound: Int) -> Int {
        precondition(bound > 0, "index(below:) needs a positive bound")
        let range = UInt64(bound)
        var product = next().multipliedFullWidth(by: range)
        if product.low < range {
            let threshold = (0 &- range) % range
            while product.low < threshold { product = next().multipliedFullWidth(by: range) }
        }
        return Int(product.high)
    }

    /// Shuffles `elements` in place with Fisher–Yates.
    mutating func shuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            elements.swapAt(i, index(below: i + 1))
        }
    }
}
