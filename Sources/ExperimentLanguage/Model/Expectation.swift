import CourseDiagnostics

/// A checked claim about the runs, written `Expect(…)`, evaluated after they finish.
///
/// The checker has made sure every label names a run and every number is sensible; the
/// experiment runner decides whether the claim holds and reports a false one at ``location``.
public struct Expectation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// f − f* ≤ `tolerance` at some step ≤ `within`, on every start.
        case reaches(label: String, tolerance: Double, within: Int)
        /// The run diverges (`true`) or stays finite (`false`), on every start.
        case diverges(label: String, Bool)
        /// The run ends nearer the closest known minimiser than `other` (or lower in f
        /// when no minimiser is known), on every start.
        case closerThan(label: String, other: String)
        /// f − f* > `tolerance` at every step ≤ `within`, on every start: the run never
        /// gets that close to the minimum value (it is stuck in another basin, or too slow).
        case misses(label: String, tolerance: Double, within: Int)
        /// The final point is within Euclidean distance `within` of `point`, on every start,
        /// or only on the start with 0-based index `start` when it is given.
        case endsNear(label: String, point: [Double], within: Double, start: Int?)
    }

    public var kind: Kind
    /// The `Expect` call as written, whitespace normalised.
    public var call: String
    public var location: SourceLocation

    /// The labels of the runs the claim is about.
    public var labels: [String] {
        switch kind {
        case .reaches(let label, _, _), .diverges(let label, _), .misses(let label, _, _), .endsNear(let label, _, _, _):
            return [label]
        case .closerThan(let label, let other): return [label, other]
        }
    }
}
