/// A point in data or drawing coordinates.
public struct Point: Hashable, Sendable {
    public var x: Double
    public var y: Double

    public init(_ x: Double, _ y: Double) {
        self.x = x
        self.y = y
    }

    /// Whether both coordinates are finite (diverged runs produce NaN and ±∞).
    public var isFinite: Bool { x.isFinite && y.isFinite }
}
