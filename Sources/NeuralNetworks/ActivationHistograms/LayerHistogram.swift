/// The distribution of one layer's activations over every unit and input sample.
public struct LayerHistogram: Hashable, Sendable {
    /// 1-based layer number.
    public var layer: Int
    /// The range the bins split evenly.
    public var range: ClosedRange<Double>
    /// Counts per bin; a value equal to the upper bound falls in the last bin.
    public var counts: [Int]
    /// Values below and above `range`, counted separately so the bins' scale stays fixed.
    public var below: Int
    public var above: Int
    public var mean: Double
    public var standardDeviation: Double

    public init(layer: Int, range: ClosedRange<Double>, counts: [Int], below: Int, above: Int, mean: Double, standardDeviation: Double) {
        self.layer = layer
        self.range = range
        self.counts = counts
        self.below = below
        self.above = above
        self.mean = mean
        self.standardDeviation = standardDeviation
    }

    /// Every value counted, in range or not.
    public var total: Int { counts.reduce(below + above, +) }

    /// Histograms `count` values into `bins` equal bins over `range`.
    static func of(_ values: UnsafePointer<Double>, count: Int, layer: Int, range: ClosedRange<Double>, bins: Int) -> LayerHistogram {
        var counts = [Int](repeating: 0, count: bins)
        var below = 0, above = 0
        var sum = 0.0
        let width = range.upperBound - range.lowerBound
        for i in 0..<count {
            let v = values[i]
            sum += v
            if v < range.lowerBound {
                below += 1
            } else if v > range.upperBound {
                above += 1
            } else {
                counts[min(bins - 1, Int((v - range.lowerBound) / width * Double(bins)))] += 1
            }
        }
        let mean = sum / Double(count)
        var squares = 0.0
        for i in 0..<count { squares += (values[i] - mean) * (values[i] - mean) }
        return LayerHistogram(
            layer: layer, range: range, counts: counts, below: below, above: above, mean: mean,
            standardDeviation: (squares / Double(count)).squareRoot())
    }
}
