import Optimizers

/// Small vector helpers for hand computations written the way the formulas read.
typealias Vec = [Double]

func + (a: Vec, b: Vec) -> Vec { zip(a, b).map { $0 + $1 } }
func - (a: Vec, b: Vec) -> Vec { zip(a, b).map { $0 - $1 } }
func * (s: Double, a: Vec) -> Vec { a.map { s * $0 } }
func dot(_ a: Vec, _ b: Vec) -> Double { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
func hadamard(_ a: Vec, _ b: Vec) -> Vec { zip(a, b).map { $0 * $1 } }
func map2(_ a: Vec, _ b: Vec, _ f: (Double, Double) -> Double) -> Vec { zip(a, b).map(f) }

/// f(x, y) = 0.1x² + 2y² + 0.3xy: a tilted elongated bowl whose gradient couples the
/// coordinates, so no formula can pass by treating them separately.
let tiltedBowl = PlaneFunction(
    name: "tiltedBowl",
    f: { x, y in 0.1 * x * x + 2 * y * y + 0.3 * x * y },
    grad: { x, y in (0.2 * x + 0.3 * y, 4 * y + 0.3 * x) },
    hess: { _, _ in (0.2, 0.3, 4) })

func gradient(_ f: PlaneFunction, _ p: Vec) -> Vec {
    let (gx, gy) = f.grad(p[0], p[1])
    return [gx, gy]
}

/// The engine's points after `steps` steps from `start`.
func enginePoints(_ config: OptimizerConfig, on f: PlaneFunction = tiltedBowl, from start: Vec, steps: Int) -> [Vec] {
    RunLoop.run(f, settings: RunSettings(start: start, steps: steps, optimizer: config)).points
}
