#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Wall-clock times of repeated runs of one piece of work, sorted, for the benchmarks'
/// reports: the median is the figure to quote, the fastest and slowest show the spread.
public struct Timings: Sendable {
    /// Each run's seconds, fastest first.
    public let seconds: [Double]

    /// Runs `body` `rounds` times (at least once) and times each run on the monotonic clock.
    public init(rounds: Int = 7, _ body: () throws -> Void) rethrows {
        var times: [Double] = []
        for _ in 0..<max(1, rounds) {
            let start = Self.now()
            try body()
            times.append(Self.now() - start)
        }
        seconds = times.sorted()
    }

    /// The middle run's seconds (the upper middle for an even count).
    public var median: Double { seconds[seconds.count / 2] }
    public var fastest: Double { seconds[0] }
    public var slowest: Double { seconds[seconds.count - 1] }

    /// Seconds on the monotonic clock, from an arbitrary origin.
    public static func now() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}

/// The median seconds of `rounds` runs of `body`.
public func median(rounds: Int = 7, _ body: () throws -> Void) rethrows -> Double {
    try Timings(rounds: rounds, body).median
}
