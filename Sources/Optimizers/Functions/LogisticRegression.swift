/// Logistic regression of a label on one feature, P(y = 1) = σ(w·x + b), a finite-sum
/// objective in (w, b).
///
/// The data come from the seed: for each sample in order, xᵢ = N(0, 1) and yᵢ = 1 when a
/// uniform draw in (0, 1] is ≤ σ(2xᵢ − 0.5), else 0, from ``Xoshiro256StarStar`` seeded
/// with `seed`. The loss is the mean cross-entropy, (1/n) Σ log(1 + exp(−sᵢ(w xᵢ + b)))
/// with sᵢ = 2yᵢ − 1.
public struct LogisticRegression: LineFit, Hashable {
    /// The (w, b) the labels were drawn from.
    public static let trueParameters = [2.0, -0.5]

    public let xs: [Double]
    /// Labels as signs, ±1.
    public let signs: [Double]
    public let seed: UInt64

    /// `samples` labelled points drawn from `seed` (at least one).
    public init(samples: Int, seed: UInt64) {
        var generator = Xoshiro256StarStar(seed: seed)
        var xs: [Double] = [], signs: [Double] = []
        for _ in 0..<max(1, samples) {
            let x = generator.nextNormal()
            let p = Self.sigmoid(Self.trueParameters[0] * x + Self.trueParameters[1])
            xs.append(x)
            signs.append(generator.nextUniform() <= p ? 1 : -1)
        }
        self.xs = xs
        self.signs = signs
        self.seed = seed
    }

    /// softplus(−sᵢ z) = log(1 + exp(−sᵢ z)), and its derivative −sᵢ σ(−sᵢ z).
    public func loss(sample i: Int, lineValue z: Double) -> (loss: Double, slope: Double) {
        let margin = -signs[i] * z
        return (Self.softplus(margin), -signs[i] * Self.sigmoid(margin))
    }

    public func hessian(_ p: UnsafeBufferPointer<Double>, _ h: UnsafeMutableBufferPointer<Double>) -> Bool {
        var hww = 0.0, hwb = 0.0, hbb = 0.0
        for i in 0..<xs.count {
            let s = Self.sigmoid(p[0] * xs[i] + p[1])
            let curvature = s * (1 - s)
            hww += curvature * xs[i] * xs[i]
            hwb += curvature * xs[i]
            hbb += curvature
        }
        let n = Double(xs.count)
        h[0] = hww / n
        h[1] = hwb / n
        h[2] = hwb / n
        h[3] = hbb / n
        return true
    }

    /// The maximum-likelihood (w, b), by Newton's method from (0, 0); `nil` when the
    /// classes are separable (the loss then has no minimiser).
    public var minimizer: [Double]? {
        var p = [0.0, 0.0]
        var g = [0.0, 0.0], h = [0.0, 0.0, 0.0, 0.0]
        for _ in 0..<100 {
            _ = p.withUnsafeBufferPointer { pp in g.withUnsafeMutableBufferPointer { valueAndGradient(pp, $0) } }
            _ = p.withUnsafeBufferPointer { pp in h.withUnsafeMutableBufferPointer { hessian(pp, $0) } }
            let determinant = h[0] * h[3] - h[1] * h[2]
            guard determinant > 0, determinant.isFinite else { return nil }
            let dw = (h[3] * g[0] - h[1] * g[1]) / determinant
            let db = (h[0] * g[1] - h[2] * g[0]) / determinant
            p[0] -= dw
            p[1] -= db
            guard abs(p[0]) < 1e6, abs(p[1]) < 1e6 else { return nil }
            if abs(dw) + abs(db) < 1e-14 * (1 + abs(p[0]) + abs(p[1])) { return p }
        }
        return nil
    }

    /// f at the maximum-likelihood fit, when there is one.
    public var minimumValue: Double? { minimizer.map { value(at: $0) } }

    static func sigmoid(_ z: Double) -> Double {
        z >= 0 ? 1 / (1 + LibM.exp(-z)) : LibM.exp(z) / (1 + LibM.exp(z))
    }

    /// log(1 + eᶻ) without overflow.
    static func softplus(_ z: Double) -> Double {
        max(z, 0) + LibM.log1p(LibM.exp(-abs(z)))
    }
}
