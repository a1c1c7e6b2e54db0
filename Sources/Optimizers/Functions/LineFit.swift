/// A mean over samples of a loss of the line w·xᵢ + b, in the parameters (w, b): what
/// ``LinearRegression`` and ``LogisticRegression`` share.
///
/// A conformer says only what one sample costs when the line's value at its xᵢ is z, and
/// dℓ/dz there; the loss, the full-batch and mini-batch gradients are the same sums for both.
/// The gradient is (1/|B|) Σ_{i∈B} (dℓᵢ/dz · xᵢ, dℓᵢ/dz), summed in the order of the batch.
public protocol LineFit: FiniteSumFunction {
    /// The samples' features x₁ … x_n.
    var xs: [Double] { get }
    /// The loss of sample `i` where the line's value is `z`, and its derivative in z.
    func loss(sample i: Int, lineValue z: Double) -> (loss: Double, slope: Double)
}

extension LineFit {
    public var dimension: Int { 2 }
    public var sampleCount: Int { xs.count }

    public func value(_ p: UnsafeBufferPointer<Double>) -> Double {
        var sum = 0.0
        for i in 0..<xs.count {
            sum += loss(sample: i, lineValue: p[0] * xs[i] + p[1]).loss
        }
        return sum / Double(xs.count)
    }

    public func valueAndGradient(_ p: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>) -> Double {
        accumulate(p, g, indices: 0..<xs.count)
    }

    public func valueAndGradient(
        _ p: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>, samples: UnsafeBufferPointer<Int>
    ) -> Double {
        accumulate(p, g, indices: samples)
    }

    private func accumulate<S: Collection<Int>>(
        _ p: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>, indices: S
    ) -> Double {
        var sum = 0.0, gw = 0.0, gb = 0.0
        for i in indices {
            let (loss, slope) = loss(sample: i, lineValue: p[0] * xs[i] + p[1])
            sum += loss
            gw += slope * xs[i]
            gb += slope
        }
        let n = Double(max(indices.count, 1))
        g[0] = gw / n
        g[1] = gb / n
        return sum / n
    }
}
