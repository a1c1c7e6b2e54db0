@testable import Plotting

/// Fixed inputs for the golden figures: the four optimizers of Deep Learning from
/// Scratch, figure 6-8, on f(x, y) = x²/20 + y² from (−7, 2), thirty steps each,
/// computed here so the figures do not depend on the optimizer module.
enum Fixtures {
    static func bowl(_ x: Double, _ y: Double) -> Double { x * x / 20 + y * y }

    static func bowlRuns() -> [DrawnPath] {
        let names = ["SGD", "Momentum", "AdaGrad", "Adam"]
        return names.enumerated().map { index, name in
            var p = [-7.0, 2.0]
            var state = [[0.0, 0.0], [0.0, 0.0]]
            var points: [Point] = []
            var values: [Double] = []
            for t in 0...30 {
                points.append(Point(p[0], p[1]))
                values.append(bowl(p[0], p[1]))
                if t == 30 { break }
                let g = [p[0] / 10, 2 * p[1]]
                for k in 0..<2 {
                    switch index {
                    case 0:
                        p[k] -= 0.95 * g[k]
                    case 1:
                        state[0][k] = 0.9 * state[0][k] - 0.1 * g[k]
                        p[k] += state[0][k]
                    case 2:
                        state[0][k] += g[k] * g[k]
                        p[k] -= 1.5 * g[k] / (state[0][k].squareRoot() + 1e-7)
                    default:
                        let step = Double(t + 1)
                        let lr = 0.3 * (1 - pow(0.999, step)).squareRoot() / (1 - pow(0.9, step))
                        state[0][k] += 0.1 * (g[k] - state[0][k])
                        state[1][k] += 0.001 * (g[k] * g[k] - state[1][k])
                        p[k] -= lr * state[0][k] / (state[1][k].squareRoot() + 1e-7)
                    }
                }
            }
            return DrawnPath(label: name, series: index, points: points, values: values)
        }
    }

    static func bowlGrid() -> ScalarGrid {
        ScalarGrid(xRange: -10...10, yRange: -5...5, columns: 121, rows: 61, bowl)
    }

    static func pow(_ x: Double, _ n: Double) -> Double { Math.pow(x, n) }

    static func rosenbrock(_ x: Double, _ y: Double) -> Double { (1 - x) * (1 - x) + 100 * (y - x * x) * (y - x * x) }

    /// Gradient descent on Rosenbrock from (−1.5, 2): slow at 0.001, diverging at 0.004.
    static func rosenbrockRuns() -> [DrawnPath] {
        [(0.001, 400, "GD η = 0.001"), (0.004, 40, "GD η = 0.004")].enumerated().map { index, run in
            var x = -1.5, y = 2.0
            var points: [Point] = []
            var values: [Double] = []
            var diverged: Int?
            for step in 0...run.1 {
                points.append(Point(x, y))
                values.append(rosenbrock(x, y))
                if !values[step].isFinite || values[step] > 1e12 {
                    diverged = diverged ?? step
                    break
                }
                let gx = -2 * (1 - x) - 400 * x * (y - x * x), gy = 200 * (y - x * x)
                x -= run.0 * gx
                y -= run.0 * gy
            }
            return DrawnPath(label: run.2, series: index, points: points, values: values, divergedAt: diverged)
        }
    }
}
