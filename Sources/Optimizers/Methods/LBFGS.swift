/// `torch.optim.LBFGS(max_iter=1)`, one iteration per step.
enum LBFGS: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "LBFGS", displayName: "L-BFGS",
        // torch.optim.LBFGS's order: lr, (max_iter), max_eval, tolerance_grad, tolerance_change,
        // history_size, line_search_fn. coursegen fixes max_iter at 1 (one iteration per step).
        hyperparameters: [
            .lr(1),
            // torch derives max_eval from max_iter (max_iter * 5 // 4), which is 1 for max_iter = 1: a
            // strong Wolfe search then has max_eval − 1 = 0 trials and the method never moves. The
            // default is instead torch's default budget, 25 (= 20 * 5 // 4 for its default max_iter = 20);
            // an explicit maxEval is torch's max_eval.
            .number(
                "maxEval", "evaluations per step", symbol: "max eval", latex: "\\text{max eval}", .integer(25), .atLeast(1), torch: "max_eval value"),
            .number(
                "toleranceGrad", "gradient tolerance", symbol: "ε_g", latex: "\\varepsilon_g", .real(1e-7), .nonNegative, torch: "tolerance_grad value"),
            .number(
                "toleranceChange", "change tolerance", symbol: "ε_c", latex: "\\varepsilon_c", .real(1e-9), .nonNegative, torch: "tolerance_change value"),
            .number(
                "historySize", "history size", symbol: "m", latex: "m", .integer(100), .atLeast(1), torch: "history size"),
            // torch's line_search_fn=None: a fixed step of length lr.
            HyperparameterSpec(
                name: "lineSearch", label: "line search", symbol: "line search", latex: "\\text{line search}",
                kind: .choice(["strongWolfe", "none"]), defaultValue: .choice("none")),
            .maximize,
        ],
        reference: PaperReference(
            citation: "Liu & Nocedal 1989", title: "On the limited memory BFGS method for large scale optimization",
            doi: "10.1007/BF01589116"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#,
            #"s_k = \theta_k - \theta_{k-1}, \quad y_k = g_{k+1} - g_k"#,
            #"H_t^0 = \frac{s^\top y}{y^\top y} I, \quad d_t = -H_t g_t"#,
            #"\alpha_1 = \eta \min(1, 1 / \|g_1\|_1), \quad \alpha_t = \eta \quad (t > 1)"#,
            #"\theta_t = \theta_{t-1} + \alpha_t d_t"#,
        ],
        conditions: [
            #"Stops when $\max_i |g_{t,i}| \le \varepsilon_g$, and takes no step when $g_t^\top d_t > -\varepsilon_c$."#,
            #"Keeps the last $m$ pairs with $y_k^\top s_k > 10^{-10}$; $H_t^0$ uses the newest pair, and $d_t$ comes from the two-loop recursion."#,
            #"With a line search, a strong Wolfe search refines $\alpha_t$."#,
            .when("maximize", #"With maximize, the method minimises $-f$: every loss and gradient it evaluates is negated."#),
        ],
        notation: [
            Notation.gradient, ("s_k, y_k", "position and gradient differences"), ("H_t", "inverse-Hessian approximation"),
            ("d_t", "search direction"), ("\\alpha_t", "step length"),
        ],
        summary: "A quasi-Newton method: it builds curvature from recent steps and gradients, one line search per step.",
        capabilities: [.needsObjective])

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        LBFGSEngine(
            dimension: n, historySize: c[integer: "historySize"], lineSearch: c[choice: "lineSearch"] == "strongWolfe",
            maxEval: c[integer: "maxEval"], toleranceGrad: c[real: "toleranceGrad"],
            toleranceChange: c[real: "toleranceChange"], maximize: c[bool: "maximize"])
    }
}

/// `torch.optim.LBFGS(max_iter=1, …)` called once per step: the two-loop recursion over
/// the last `historySize` curvature pairs, then either a step of length t or PyTorch's
/// strong Wolfe line search (`_strong_wolfe`) with `maxEval − 1` iterations.
///
/// PyTorch's early exits are kept: no move when max |gᵢ| ≤ `toleranceGrad`, or when the
/// directional derivative gᵀd > −`toleranceChange`. The history vectors are allocated
/// as the history first fills, then reused.
final class LBFGSEngine: OptimizerEngine {
    private let historySize: Int
    private let lineSearch: Bool
    private let maxEval: Int
    private let toleranceGrad: Double, toleranceChange: Double

    private let flatGradient: Vector
    private let previousGradient: Vector
    private let direction: Vector
    private let trial: Vector
    private let trialGradient: Vector
    private var stepLength = 0.0
    private var iterations = 0
    private var hDiagonal = 1.0
    // Curvature pairs, oldest first: y = Δg, s = Δθ, ro = 1 / yᵀs.
    private var ys: [Vector] = []
    private var ss: [Vector] = []
    private var ros: [Double] = []
    private var alphas: [Double]

    /// torch's `maximize`: every evaluation's loss and gradient are negated, so the method minimises −f.
    private let maximize: Bool

    init(
        dimension: Int, historySize: Int, lineSearch: Bool, maxEval: Int, toleranceGrad: Double, toleranceChange: Double,
        maximize: Bool = false
    ) {
        self.maximize = maximize
        self.historySize = max(1, historySize)
        self.lineSearch = lineSearch
        self.maxEval = maxEval
        self.toleranceGrad = toleranceGrad
        self.toleranceChange = toleranceChange
        flatGradient = Vector(count: dimension)
        previousGradient = Vector(count: dimension)
        direction = Vector(count: dimension)
        trial = Vector(count: dimension)
        trialGradient = Vector(count: dimension)
        alphas = [Double](repeating: 0, count: self.historySize)
        ys.reserveCapacity(self.historySize)
        ss.reserveCapacity(self.historySize)
        ros.reserveCapacity(self.historySize)
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate: Double) -> Bool {
        false
    }

    func step(_ x: UnsafeMutableBufferPointer<Double>, learningRate lr: Double, oracle: GradientOracle) -> StepStatus {
        let n = x.count
        let g = flatGradient.pointer, d = direction.pointer
        let loss = evaluateObjective(UnsafeBufferPointer(x), flatGradient.buffer, oracle: oracle)
        var largest = 0.0
        for i in 0..<n { largest = max(largest, abs(g[i])) }
        if largest <= toleranceGrad { return .moved }

        iterations += 1
        if iterations == 1 {
            for i in 0..<n { d[i] = -g[i] }
            hDiagonal = 1
        } else {
            addCurvaturePair(n: n)
            twoLoopRecursion(n: n)
        }
        previousGradient.copy(from: g)

        var t: Double
        if iterations == 1 {
            var l1 = 0.0
            for i in 0..<n { l1 += abs(g[i]) }
            t = min(1.0, 1.0 / l1) * lr
        } else {
            t = lr
        }
        var gtd = 0.0
        for i in 0..<n { gtd += g[i] * d[i] }
        if gtd > -toleranceChange {
            stepLength = t
            return .moved
        }
        if lineSearch {
            t = strongWolfe(x: x, t: t, f: loss, gtd: gtd, maxSearches: maxEval - 1, oracle: oracle)
        }
        for i in 0..<n { x[i] = x[i].addingProduct(t, d[i]) }
        stepLength = t
        return .moved
    }

    /// y = g − g_prev, s = t·d; kept when yᵀs > 10⁻¹⁰, dropping the oldest pair when full.
    private func addCurvaturePair(n: Int) {
        let g = flatGradient.pointer, previous = previousGradient.pointer, d = direction.pointer
        var ysDot = 0.0
        for i in 0..<n { ysDot += (g[i] - previous[i]) * (d[i] * stepLength) }
        guard ysDot > 1e-10 else { return }
        let y: Vector, s: Vector
        if ys.count == historySize {
            y = ys.removeFirst()
            s = ss.removeFirst()
            ros.removeFirst()
        } else {
            y = Vector(count: n)
            s = Vector(count: n)
        }
        var yy = 0.0
        for i in 0..<n {
            y.pointer[i] = g[i] - previous[i]
            s.pointer[i] = d[i] * stepLength
            yy += y.pointer[i] * y.pointer[i]
        }
        ys.append(y)
        ss.append(s)
        ros.append(1.0 / ysDot)
        hDiagonal = ysDot / yy
    }

    /// d = −H g by the two-loop recursion, H₀ = hDiagonal · I.
    private func twoLoopRecursion(n: Int) {
        let g = flatGradient.pointer, d = direction.pointer
        for i in 0..<n { d[i] = -g[i] }
        for k in stride(from: ys.count - 1, through: 0, by: -1) {
            let s = ss[k].pointer, y = ys[k].pointer
            var dot = 0.0
            for i in 0..<n { dot += s[i] * d[i] }
            alphas[k] = dot * ros[k]
            for i in 0..<n { d[i] = d[i].addingProduct(-alphas[k], y[i]) }
        }
        for i in 0..<n { d[i] *= hDiagonal }
        for k in 0..<ys.count {
            let s = ss[k].pointer, y = ys[k].pointer
            var dot = 0.0
            for i in 0..<n { dot += y[i] * d[i] }
            let beta = dot * ros[k]
            for i in 0..<n { d[i] = d[i].addingProduct(alphas[k] - beta, s[i]) }
        }
    }

    /// f and ∇f at `x` from the oracle, or −f and −∇f with maximize, as torch's `_gather_flat_grad`
    /// and `-float(loss)` give them.
    private func evaluateObjective(
        _ x: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>, oracle: GradientOracle
    ) -> Double {
        let f = oracle.valueAndGradient(x, g)
        guard maximize else { return f }
        negateForMaximize(g, true)
        return -f
    }

    /// f and gᵀd at x + t·d.
    private func evaluate(_ x: UnsafeMutableBufferPointer<Double>, _ t: Double, oracle: GradientOracle) -> (Double, Double) {
        let n = x.count
        let point = trial.pointer, d = direction.pointer, gNew = trialGradient.pointer
        for i in 0..<n { point[i] = x[i].addingProduct(t, d[i]) }
        let f = evaluateObjective(UnsafeBufferPointer(trial.buffer), trialGradient.buffer, oracle: oracle)
        var gtd = 0.0
        for i in 0..<n { gtd += gNew[i] * d[i] }
        return (f, gtd)
    }

    /// PyTorch's `_strong_wolfe` (c₁ = 10⁻⁴, c₂ = 0.9, its own tolerance_change of 10⁻⁹),
    /// returning the accepted step length. Only t matters: with one iteration per step,
    /// the next step evaluates the gradient afresh.
    private func strongWolfe(
        x: UnsafeMutableBufferPointer<Double>, t initial: Double, f: Double, gtd: Double, maxSearches: Int,
        oracle: GradientOracle
    ) -> Double {
        let c1 = 1e-4, c2 = 0.9, tolerance = 1e-9
        var dNorm = 0.0
        for i in 0..<x.count { dNorm = max(dNorm, abs(direction.pointer[i])) }
        var t = initial
        var (fNew, gtdNew) = evaluate(x, t, oracle: oracle)
        var tPrevious = 0.0, fPrevious = f, gtdPrevious = gtd
        var done = false
        var searches = 0
        // Brackets hold two entries; a one-point bracket repeats its point, as PyTorch's
        // comparison of bracket_f[0] with bracket_f[-1] then reads the same entry.
        var bracket = Pair(0, 0), bracketF = Pair(0, 0), bracketGtd = Pair(0, 0)
        while searches < maxSearches {
            if fNew > f + c1 * t * gtd || (searches > 1 && fNew >= fPrevious) {
                (bracket, bracketF, bracketGtd) = (Pair(tPrevious, t), Pair(fPrevious, fNew), Pair(gtdPrevious, gtdNew))
                break
            }
            if abs(gtdNew) <= -c2 * gtd {
                (bracket, bracketF, bracketGtd) = (Pair(t, t), Pair(fNew, fNew), Pair(gtdNew, gtdNew))
                done = true
                break
            }
            if gtdNew >= 0 {
                (bracket, bracketF, bracketGtd) = (Pair(tPrevious, t), Pair(fPrevious, fNew), Pair(gtdPrevious, gtdNew))
                break
            }
            let minStep = t + 0.01 * (t - tPrevious)
            let maxStep = t * 10
            let previous = t
            t = Self.cubicInterpolate(tPrevious, fPrevious, gtdPrevious, t, fNew, gtdNew, bounds: (minStep, maxStep))
            tPrevious = previous
            fPrevious = fNew
            gtdPrevious = gtdNew
            (fNew, gtdNew) = evaluate(x, t, oracle: oracle)
            searches += 1
        }
        if searches == maxSearches {
            // PyTorch leaves the bracket's slopes unset here; the zoom below cannot run.
            (bracket, bracketF, bracketGtd) = (Pair(0, t), Pair(f, fNew), Pair(gtd, gtdNew))
        }

        var insufficientProgress = false
        var (low, high) = bracketF[0] <= bracketF[1] ? (0, 1) : (1, 0)
        while !done && searches < maxSearches {
            if abs(bracket[1] - bracket[0]) * dNorm < tolerance { break }
            t = Self.cubicInterpolate(bracket[0], bracketF[0], bracketGtd[0], bracket[1], bracketF[1], bracketGtd[1])
            let upper = max(bracket[0], bracket[1]), lower = min(bracket[0], bracket[1])
            let eps = 0.1 * (upper - lower)
            if min(upper - t, t - lower) < eps {
                if insufficientProgress || t >= upper || t <= lower {
                    t = abs(t - upper) < abs(t - lower) ? upper - eps : lower + eps
                    insufficientProgress = false
                } else {
                    insufficientProgress = true
                }
            } else {
                insufficientProgress = false
            }
            (fNew, gtdNew) = evaluate(x, t, oracle: oracle)
            searches += 1
            if fNew > f + c1 * t * gtd || fNew >= bracketF[low] {
                bracket[high] = t
                bracketF[high] = fNew
                bracketGtd[high] = gtdNew
                (low, high) = bracketF[0] <= bracketF[1] ? (0, 1) : (1, 0)
            } else {
                if abs(gtdNew) <= -c2 * gtd {
                    done = true
                } else if gtdNew * (bracket[high] - bracket[low]) >= 0 {
                    bracket[high] = bracket[low]
                    bracketF[high] = bracketF[low]
                    bracketGtd[high] = bracketGtd[low]
                }
                bracket[low] = t
                bracketF[low] = fNew
                bracketGtd[low] = gtdNew
            }
        }
        return bracket[low]
    }

    /// PyTorch's `_cubic_interpolate`: the minimiser of the cubic through two points with
    /// their slopes, clamped to `bounds` (the points' interval by default).
    static func cubicInterpolate(
        _ x1: Double, _ f1: Double, _ g1: Double, _ x2: Double, _ f2: Double, _ g2: Double,
        bounds: (Double, Double)? = nil
    ) -> Double {
        let (lower, upper) = bounds ?? (x1 <= x2 ? (x1, x2) : (x2, x1))
        let d1 = g1 + g2 - 3 * (f1 - f2) / (x1 - x2)
        let d2Square = d1 * d1 - g1 * g2
        guard d2Square >= 0 else { return (lower + upper) / 2 }
        let d2 = d2Square.squareRoot()
        let minimum = x1 <= x2
            ? x2 - (x2 - x1) * ((g2 + d2 - d1) / (g2 - g1 + 2 * d2))
            : x1 - (x1 - x2) * ((g1 + d2 - d1) / (g1 - g2 + 2 * d2))
        return min(max(minimum, lower), upper)
    }

    /// Two doubles indexed 0 and 1, so the line search's brackets live on the stack.
    private struct Pair {
        var first: Double, second: Double

        init(_ first: Double, _ second: Double) {
            self.first = first
            self.second = second
        }

        subscript(index: Int) -> Double {
            get { index == 0 ? first : second }
            set { if index == 0 { first = newValue } else { second = newValue } }
        }
    }
}
