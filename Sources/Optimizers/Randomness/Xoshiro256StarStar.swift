/// The xoshiro256** generator (Blackman & Vigna 2018), seeded through SplitMix64.
///
/// Its sequence is fully specified, so a seed gives the same numbers on every
/// machine: the four state words are the first four outputs of SplitMix64
/// started at `seed`; ``nextUniform()`` takes the top 53 bits as `(k + 1) / 2⁵³`,
/// in (0, 1]; ``nextNormal()`` is Box–Muller's cosine branch of two uniforms.
public struct Xoshiro256StarStar: RandomNumberGenerator, Hashable, Sendable {
    private var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    public init(seed: UInt64) {
        var state = seed
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix()
        s1 = splitMix()
        s2 = splitMix()
        s3 = splitMix()
    }

    public mutating func next() -> UInt64 {
        let result = rotateLeft(s1 &* 5, 7) &* 9
        let t = s1 << 17
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = rotateLeft(s3, 45)
        return result
    }

    /// A uniform double in (0, 1], from the top 53 bits.
    public mutating func nextUniform() -> Double {
        Double((next() >> 11) + 1) * 0x1p-53
    }

    /// A standard normal: √(−2 ln u₁) · cos(2π u₂) for two uniforms in (0, 1].
    public mutating func nextNormal() -> Double {
        let u1 = nextUniform()
        let u2 = nextUniform()
        return (-2 * LibM.log(u1)).squareRoot() * LibM.cos(2 * Double.pi * u2)
    }

    /// A uniform integer in `0..<bound` by Lemire's multiply-and-reject, so it is unbiased
    /// and its draws are specified (the standard library's algorithm may change).
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "nextIndex needs a positive bound")
        let n = UInt64(bound)
        var product = next().multipliedFullWidth(by: n)
        if product.low < n {
            let threshold = (0 &- n) % n
            while product.low < threshold {
                product = next().multipliedFullWidth(by: n)
            }
        }
        return Int(product.high)
    }

    private func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
