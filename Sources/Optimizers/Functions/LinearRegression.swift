/// Least squares for a line y ≈ w·x + b, the course's finite-sum objective in (w, b).
///
/// The data come from the seed: for each sample in order, xᵢ = N(0, 1) and
/// yᵢ = 2xᵢ + 1 + noise · N(0, 1), both from ``Xoshiro256StarStar`` seeded with `seed`.
/// The loss is the mean squared residual f(w, b) = (1/n) Σ (w xᵢ + b − yᵢ)².
public struct LinearRegression: LineFit, Hashable {
    /// The line the data were drawn around, (w, b).
    public static let trueParameters = [2.0, 1.0]

    public let xs: [Double]
    public let ys: [Double]
    public let noise: Double
    public let seed: UInt64

    /// `samples` points drawn from `seed` (at least one).
    public init(samples: Int, noise: Double, seed: UInt64) {
        var generator = Xoshiro256StarStar(seed: seed)
        var xs: [Double] = [], ys: [Double] = []
        for _ in 0..<max(1, samples) {
            let x = generator.nextNormal()
            let y = Self.trueParameters[0] * x + Self.trueParameters[1] + noise * generator.nextNormal()
            xs.append(x)
            ys.append(y)
        }
        self.xs = xs
        self.ys = ys
        self.noise = noise
        self.seed = seed
    }

    /// (z − yᵢ)², and its derivative 2(z − yᵢ).
    public func loss(sample i: Int, lineValue z: Double) -> (loss: Double, slope: Double) {
        let r = z - ys[i]
        return (r * r, 2 * r)
    }

    public func hessian(_ p: UnsafeBufferPointer<Double>, _ h: UnsafeMutableBufferPointer<Double>) -> Bool {
        var sxx = 0.0, sx = 0.0
        for x in xs {
            sxx += x * x
            sx += x
        }
        let n = Double(xs.count)
        h[0] = 2 * sxx / n
        h[1] = 2 * sx / n
        h[2] = 2 * sx / n
        h[3] = 2.0
        return true
    }

    /// The least-squares (w, b), from the normal equations; `nil` when all xᵢ are equal.
    public var minimizer: [Double]? {
        let n = Double(xs.count)
        var sx = 0.0, sy = 0.0, sxx = 0.0, sxy = 0.0
        for i in 0..<xs.count {
            sx += xs[i]
            sy += ys[i]
            sxx += xs[i] * xs[i]
            sxy += xs[i] * ys[i]
        }
        let determinant = n * sxx - sx * sx
        guard determinant != 0 else { return nil }
        let w = (n * sxy - sx * sy) / determinant
        return [w, (sy - w * sx) / n]
    }

    /// f at the least-squares fit.
    public var minimumValue: Double? { minimizer.map { value(at: $0) } }
}
