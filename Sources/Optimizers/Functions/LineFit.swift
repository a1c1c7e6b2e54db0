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
    /// f(wₖ, b) for each wₖ of `ws`; a requirement so that a call through `any LineFit` runs
    /// the conformer's own specialised loop (the extension's, unless it writes one).
    func values(ws: UnsafeBufferPointer<Double>, b: Double, into values: UnsafeMutableBufferPointer<Double>)
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

    /// f(wₖ, b) for each wₖ of `ws`, written to `values`: each the same sum as ``value(_:)``,
    /// in the same order, but four lines at a time, so that a plotted grid's row is not one long
    /// chain of dependent additions.
    public func values(ws: UnsafeBufferPointer<Double>, b: Double, into values: UnsafeMutableBufferPointer<Double>) {
        precondition(values.count >= ws.count, "one value for each w")
        let n = xs.count
        var k = 0
        xs.withUnsafeBufferPointer { xs in
            while k + 4 <= ws.count {
                let w0 = ws[k], w1 = ws[k + 1], w2 = ws[k + 2], w3 = ws[k + 3]
                var s0 = 0.0, s1 = 0.0, s2 = 0.0, s3 = 0.0
                for i in 0..<n {
                    let x = xs[i]
                    s0 += loss(sample: i, lineValue: w0 * x + b).loss
                    s1 += loss(sample: i, lineValue: w1 * x + b).loss
                    s2 += loss(sample: i, lineValue: w2 * x + b).loss
                    s3 += loss(sample: i, lineValue: w3 * x + b).loss
                }
                values[k] = s0 / Double(n)
                values[k + 1] = s1 / Double(n)
                values[k + 2] = s2 / Double(n)
                values[k + 3] = s3 / Double(n)
                k += 4
            }
        }
        while k < ws.count {
            let point = [ws[k], b]
            values[k] = point.withUnsafeBufferPointer { value($0) }
            k += 1
        }
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
