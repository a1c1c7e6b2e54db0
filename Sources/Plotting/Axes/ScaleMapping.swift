/// Maps data values on one axis to drawing coordinates.
struct ScaleMapping: Sendable {
    let scale: AxisScale
    let domain: ClosedRange<Double>
    /// Drawing coordinates of `domain.lowerBound` and `domain.upperBound`; for a y axis
    /// the first is the bottom, which is the larger SVG coordinate.
    let from: Double
    let to: Double

    private let lo: Double
    private let factor: Double

    init(scale: AxisScale, domain: ClosedRange<Double>, from: Double, to: Double) {
        precondition(scale == .linear || domain.lowerBound > 0, "a log axis needs a positive range")
        self.scale = scale
        self.domain = domain
        self.from = from
        self.to = to
        let a = scale == .log ? Math.log10(domain.lowerBound) : domain.lowerBound
        let b = scale == .log ? Math.log10(domain.upperBound) : domain.upperBound
        lo = a
        factor = b > a ? (to - from) / (b - a) : 0
    }

    /// The drawing coordinate of `value`; on a log axis zero and negative values map to
    /// −∞ in the direction of the lower bound, which clipping then cuts off.
    func callAsFunction(_ value: Double) -> Double {
        switch scale {
        case .linear:
            return from + (value - lo) * factor
        case .log:
            guard value > 0 else { return value.isNaN ? .nan : from - factor.sign.multiplier * .infinity }
            return from + (Math.log10(value) - lo) * factor
        }
    }
}

extension FloatingPointSign {
    fileprivate var multiplier: Double { self == .minus ? -1 : 1 }
}
