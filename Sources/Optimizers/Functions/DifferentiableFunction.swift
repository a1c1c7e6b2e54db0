/// A function of a flat parameter vector with its exact gradient, and its Hessian when known.
///
/// Implementations must not allocate per call: optimizers call them millions of times.
public protocol DifferentiableFunction: Sendable {
    /// The length of the parameter vector.
    var dimension: Int { get }
    /// f(x).
    func value(_ x: UnsafeBufferPointer<Double>) -> Double
    /// Writes ∇f(x) into `g` (length ``dimension``) and returns f(x).
    func valueAndGradient(_ x: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>) -> Double
    /// Writes ∇²f(x), row-major `dimension × dimension`, into `h`; `false` when unavailable.
    func hessian(_ x: UnsafeBufferPointer<Double>, _ h: UnsafeMutableBufferPointer<Double>) -> Bool
}

/// A function that is a mean over samples, f = (1/n) Σᵢ fᵢ, so that a step can use a mini-batch.
public protocol FiniteSumFunction: DifferentiableFunction {
    /// n, the number of samples.
    var sampleCount: Int { get }
    /// The mean of fᵢ over `samples` (indices in `0..<sampleCount`, repeats allowed), with its
    /// gradient written into `g`. Over all samples it equals ``valueAndGradient(_:_:)``.
    func valueAndGradient(
        _ x: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>, samples: UnsafeBufferPointer<Int>
    ) -> Double
}

extension DifferentiableFunction {
    /// f at `x`, for callers holding an array.
    public func value(at x: [Double]) -> Double {
        x.withUnsafeBufferPointer { value($0) }
    }

    /// ∇f at `x` and f, for callers holding an array (allocates; not for inner loops).
    public func gradient(at x: [Double]) -> (value: Double, gradient: [Double]) {
        var g = [Double](repeating: 0, count: dimension)
        let f = x.withUnsafeBufferPointer { xp in g.withUnsafeMutableBufferPointer { valueAndGradient(xp, $0) } }
        return (f, g)
    }
}
