/// Which point of a run a claim or a quoted number reads, written `point: .iterate` or
/// `point: .evaluated`.
///
/// Most methods evaluate where they step, so the two are one point. A schedule-free method takes
/// its gradients at the iterate y and is evaluated at the average x (what the package's
/// `optimizer.eval()` puts into the parameters); the figures draw both.
public enum RunPoint: String, CaseIterable, Hashable, Sendable {
    /// The point the method steps and takes gradients at (y): every method has one; the default.
    case iterate
    /// The point the method is evaluated at (schedule-free's x); only for methods that have
    /// another one than their iterate.
    case evaluated

    /// How the choice is written, for hints: `.iterate, .evaluated`.
    public static let choices = allCases.map(\.rawValue)
}
