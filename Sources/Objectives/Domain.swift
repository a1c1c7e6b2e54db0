/// A plot window: an objective's recommended one, or an experiment's `Domain` (`y` is `nil` for a 1-D objective).
public struct Domain: Hashable, Sendable {
    public var x: ClosedRange<Double>
    public var y: ClosedRange<Double>?

    public init(x: ClosedRange<Double>, y: ClosedRange<Double>?) {
        self.x = x
        self.y = y
    }
}
