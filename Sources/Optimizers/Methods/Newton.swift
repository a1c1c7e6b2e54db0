/// Damped Newton steps on the objective's exact Hessian.
enum Newton: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "Newton",
        hyperparameters: [
            .lr(1),
            .number(
                "damping", "damping", symbol: "δ", latex: "\\delta", .real(0), .nonNegative, torch: "damping value"),
        ],
        reference: PaperReference(
            citation: "Nocedal & Wright 2006", title: "Numerical Optimization (2nd ed.), chapter 3",
            doi: "10.1007/978-0-387-40065-5"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}), \quad H_t = \nabla^2 f(\theta_{t-1})"#,
            #"\theta_t = \theta_{t-1} - \eta (H_t + \delta I)^{-1} g_t"#,
        ],
        notation: [Notation.gradient, ("H_t", "Hessian of f at the previous iterate")],
        summary: "Jumps to the minimum of the local quadratic model; exact on quadratics, drawn to saddles elsewhere.",
        capabilities: [.needsHessian, .needsObjective])

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        NewtonEngine(dimension: n, damping: c[real: "damping"])
    }
}

/// Newton's method with Levenberg-style damping: θ ← θ − η (H + δI)⁻¹ g, solved by
/// Gaussian elimination with partial pivoting on the objective's exact Hessian.
final class NewtonEngine: OptimizerEngine {
    private let hessian: Vector
    private let damping: Double

    init(dimension: Int, damping: Double) {
        hessian = Vector(count: dimension * dimension)
        self.damping = damping
    }

    func step(_ x: UnsafeMutableBufferPointer<Double>, learningRate lr: Double, oracle: GradientOracle) -> StepStatus {
        let n = x.count
        let g = oracle.gradientBuffer(count: n), h = hessian.buffer
        _ = oracle.valueAndGradient(UnsafeBufferPointer(x), g)
        guard oracle.hessian(UnsafeBufferPointer(x), h) else { return .hessianUnavailable }
        for i in 0..<n { h[i * n + i] += damping }
        guard Self.solve(h, g, n: n) else { return .singularHessian }
        for i in 0..<n { x[i] -= lr * g[i] }
        return .moved
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate: Double) -> Bool {
        false
    }

    /// Solves `a · z = b` in place (`b` becomes z; `a`, row-major n×n, is destroyed).
    /// `false` when a pivot is zero or not finite.
    static func solve(_ a: UnsafeMutableBufferPointer<Double>, _ b: UnsafeMutableBufferPointer<Double>, n: Int) -> Bool {
        for column in 0..<n {
            var pivotRow = column
            for row in column + 1..<max(column + 1, n) where abs(a[row * n + column]) > abs(a[pivotRow * n + column]) {
                pivotRow = row
            }
            let pivot = a[pivotRow * n + column]
            guard pivot != 0, pivot.isFinite else { return false }
            if pivotRow != column {
                for k in 0..<n { a.swapAt(pivotRow * n + k, column * n + k) }
                b.swapAt(pivotRow, column)
            }
            for row in column + 1..<max(column + 1, n) {
                let factor = a[row * n + column] / pivot
                if factor == 0 { continue }
                for k in column..<n { a[row * n + k] -= factor * a[column * n + k] }
                b[row] -= factor * b[column]
            }
        }
        for row in stride(from: n - 1, through: 0, by: -1) {
            var sum = b[row]
            for k in row + 1..<max(row + 1, n) { sum -= a[row * n + k] * b[k] }
            b[row] = sum / a[row * n + row]
        }
        return true
    }
}
