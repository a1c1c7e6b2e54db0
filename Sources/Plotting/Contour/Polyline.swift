/// A contour line: points in order, closed when it returns to its start.
public struct Polyline: Hashable, Sendable {
    public var points: [Point]
    /// Closed lines end next to their first point; the closing segment is implicit.
    public var closed: Bool

    public init(points: [Point], closed: Bool) {
        self.points = points
        self.closed = closed
    }
}
