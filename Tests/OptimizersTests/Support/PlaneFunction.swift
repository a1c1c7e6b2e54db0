import Optimizers

/// A 2-D objective with a hand-written gradient (and optional Hessian), standing in for
/// the directive language's compiled closures in tests that must not depend on it.
struct PlaneFunction: DifferentiableFunction {
    let name: String
    let f: @Sendable (Double, Double) -> Double
    let grad: @Sendable (Double, Double) -> (Double, Double)
    let hess: (@Sendable (Double, Double) -> (Double, Double, Double))?

    var dimension: Int { 2 }

    func value(_ x: UnsafeBufferPointer<Double>) -> Double { f(x[0], x[1]) }

    func valueAndGradient(_ x: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>) -> Double {
        (g[0], g[1]) = grad(x[0], x[1])
        return f(x[0], x[1])
    }

    func hessian(_ x: UnsafeBufferPointer<Double>, _ h: UnsafeMutableBufferPointer<Double>) -> Bool {
        guard let hess else { return false }
        let (xx, xy, yy) = hess(x[0], x[1])
        h[0] = xx
        h[1] = xy
        h[2] = xy
        h[3] = yy
        return true
    }
}

/// The objectives of the reference files (`objectiveName`), with exact derivatives.
enum PlaneFunctions {
    static let bowl = PlaneFunction(
        name: "bowl", f: { x, y in x * x / 20 + y * y }, grad: { x, y in (x / 10, 2 * y) }, hess: { _, _ in (0.1, 0, 2) })
    static let d2l = PlaneFunction(
        name: "d2l", f: { x, y in 0.1 * x * x + 2 * y * y }, grad: { x, y in (0.2 * x, 4 * y) }, hess: { _, _ in (0.2, 0, 4) })
    static let rosenbrock = PlaneFunction(
        name: "rosenbrock",
        f: { x, y in (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) },
        // In autograd's order of operations: Rosenbrock's valley amplifies the last bit of a
        // gradient into differences of 1e-9 within a hundred steps.
        grad: { x, y in
            let t = 100 * (2 * (y - x * x))
            return (-(2 * (1 - x)) + (-(t * x) - t * x), t)
        },
        hess: { x, y in (2 - 400 * (y - x * x) + 800 * x * x, -400 * x, 200) })
    static let beale = PlaneFunction(
        name: "beale",
        f: { x, y in
            let a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y
            return a * a + b * b + c * c
        },
        grad: { x, y in
            let a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y
            return (
                2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
                2 * a * x + 2 * b * 2 * x * y + 2 * c * 3 * x * y * y
            )
        },
        hess: nil)
    static let himmelblau = PlaneFunction(
        name: "himmelblau",
        f: { x, y in
            let a = x * x + y - 11, b = x + y * y - 7
            return a * a + b * b
        },
        grad: { x, y in
            let a = x * x + y - 11, b = x + y * y - 7
            return (4 * x * a + 2 * b, 2 * a + 4 * y * b)
        },
        hess: nil)
    static let saddle = PlaneFunction(
        name: "saddle", f: { x, y in x * x - y * y }, grad: { x, y in (2 * x, -2 * y) }, hess: { _, _ in (2, 0, -2) })
    static let trig = PlaneFunction(
        name: "trig",
        f: { x, y in sinValue(x) * cosValue(y) + 0.1 * x * x + expValue(0.1 * y) },
        grad: { x, y in
            (cosValue(x) * cosValue(y) + 0.2 * x, -sinValue(x) * sinValue(y) + 0.1 * expValue(0.1 * y))
        },
        hess: nil)

    // Landscapes whose partial derivative in y is exactly zero on a half-plane (torch's
    // `clamp(t, min=0)`, whose gradient is 1 from t = 0 on), for SparseAdam's absent coordinates.
    static let hinge = PlaneFunction(
        name: "hinge", f: { x, y in x * x / 20 + max(0, y) }, grad: { x, y in (x / 10, y >= 0 ? 1 : 0) }, hess: nil)
    static let kink = PlaneFunction(
        name: "kink", f: { x, y in x * x + max(0, y - x) },
        grad: { x, y in y - x >= 0 ? (2 * x - 1, 1) : (2 * x, 0) }, hess: nil)
    static let cap = PlaneFunction(
        name: "cap", f: { x, y in -x * x - max(0, y - x) },
        grad: { x, y in y - x >= 0 ? (-2 * x + 1, -1) : (-2 * x, 0) }, hess: nil)

    /// −bowl and −rosenbrock, to maximise (`flags-trajectories.json`). Negation is exact, and
    /// autograd's −1 flows through the same products, so the gradients are the originals' negated.
    static let negatedBowl = negated(bowl, name: "negatedBowl")
    static let negatedRosenbrock = negated(rosenbrock, name: "negatedRosenbrock")

    static let all = [
        bowl, d2l, rosenbrock, beale, himmelblau, saddle, trig, hinge, kink, cap, negatedBowl, negatedRosenbrock,
    ]

    private static func negated(_ p: PlaneFunction, name: String) -> PlaneFunction {
        let f = p.f, grad = p.grad
        let hess: (@Sendable (Double, Double) -> (Double, Double, Double))?
        if let original = p.hess {
            hess = { @Sendable (x: Double, y: Double) -> (Double, Double, Double) in
                let (xx, xy, yy) = original(x, y)
                return (-xx, -xy, -yy)
            }
        } else {
            hess = nil
        }
        return PlaneFunction(
            name: name, f: { @Sendable x, y in -f(x, y) },
            grad: { @Sendable x, y in
                let (gx, gy) = grad(x, y)
                return (-gx, -gy)
            },
            hess: hess)
    }

    static func named(_ name: String) -> PlaneFunction? { all.first { $0.name == name } }
}
