/// Coalesces a burst of changes into one rebuild: the burst is taken ``quiet`` seconds after its
/// last change, and never later than ``longest`` seconds after its first (an editor saving a
/// file writes a temporary file and renames it; a checkout touches many files). Times are
/// seconds on any monotonic clock, so the rule is tested without waiting.
public struct Debounce: Sendable {
    public var quiet: Double
    public var longest: Double
    private var first: Double?
    private var last: Double?
    private var paths: Set<String> = []

    public init(quiet: Double = 0.03, longest: Double = 0.3) {
        self.quiet = quiet
        self.longest = longest
    }

    /// Notes a change to `path` at `time`.
    public mutating func record(_ path: String, at time: Double) {
        if first == nil { first = time }
        last = time
        paths.insert(path)
    }

    /// When the pending burst is due, or `nil` when nothing is pending.
    public var deadline: Double? {
        guard let first, let last else { return nil }
        return min(last + quiet, first + longest)
    }

    /// The burst's paths when it is due at `now`, forgetting them; otherwise `nil`.
    public mutating func take(at now: Double) -> Set<String>? {
        guard let deadline, now >= deadline else { return nil }
        defer {
            first = nil
            last = nil
            paths = []
        }
        return paths
    }
}
