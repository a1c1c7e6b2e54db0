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

    /// Runs `body` `rounds` times (at least once), or `BENCH_ROUNDS` times when that is set,
    /// and times each run on the monotonic clock.
    public init(rounds: Int = 7, _ body: () throws -> Void) rethrows {
        var times: [Double] = []
        for _ in 0..<max(1, Self.roundsOverride ?? rounds) {
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

    /// `BENCH_ROUNDS` from the environment: the rounds every benchmark runs instead of its own,
    /// so that one round can be profiled (`BENCH_ROUNDS=1 valgrind --tool=callgrind …`).
    public static let roundsOverride: Int? = getenv("BENCH_ROUNDS").flatMap { Int(String(cString: $0)) }

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
