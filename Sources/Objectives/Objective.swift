import Optimizers

/// The function an experiment minimises, with what pages show about it.
public struct Objective: Sendable {
    /// The built-in's name (`rosenbrock`), or `nil` for a closure.
    public var name: String?
    /// The `Objective` argument as written, whitespace normalised: `.rosenbrock(a: 1, b: 100)`, `{ x, y in x * x + y * y }`.
    public var call: String
    /// 1 (plotted as a curve) or 2 (plotted as contours).
    public var dimension: Int
    /// The compiled function the engine runs; a ``FiniteSumFunction`` for the regressions.
    public var function: any DifferentiableFunction
    /// The same function with its concrete type, when it is symbolic, so that hot loops can
    /// be specialised on it (every objective but the regressions).
    public var symbolic: SymbolicFunction?
    /// Names of the variables in formulas: the closure's parameters, `x, y` for built-ins, `w, b` for regressions.
    public var variableNames: [String]
    /// f as LaTeX, generated from the same expression that runs.
    public var latex: String
    /// ∂f/∂x_i as LaTeX, simplified, one per variable.
    public var gradientLatex: [String]
    /// Known minimisers (global minima); empty when none is known or f is unbounded below.
    public var minima: [[Double]]
    /// f*, the minimum value, when known.
    public var minimumValue: Double?
    /// A window that shows the interesting part of f.
    public var recommendedDomain: Domain
    /// Where runs start when the experiment writes no `Start`.
    public var defaultStart: [Double]

    public init(
        name: String?, call: String, dimension: Int, function: any DifferentiableFunction, symbolic: SymbolicFunction?,
        variableNames: [String], latex: String, gradientLatex: [String], minima: [[Double]], minimumValue: Double?,
        recommendedDomain: Domain, defaultStart: [Double]
    ) {
        self.name = name
        self.call = call
        self.dimension = dimension
        self.function = function
        self.symbolic = symbolic
        self.variableNames = variableNames
        self.latex = latex
        self.gradientLatex = gradientLatex
        self.minima = minima
        self.minimumValue = minimumValue
        self.recommendedDomain = recommendedDomain
        self.defaultStart = defaultStart
    }

    /// The eigenvalues of f's Hessian, ascending, when f is a quadratic of one or two variables
    /// (its Hessian constant); `nil` for any other objective. For `.quadratic(a:b:)` they are a and b.
    ///
    /// A symmetric 2 × 2 matrix [[p, q], [q, r]] has λ = (p + r)/2 ± √(((p − r)/2)² + q²).
    public var hessianEigenvalues: [Double]? {
        guard let h = symbolic?.constantHessian else { return nil }
        switch dimension {
        case 1: return h
        case 2:
            let mean = (h[0] + h[3]) / 2, half = (h[0] - h[3]) / 2
            let radius = (half * half + h[1] * h[1]).squareRoot()
            return [mean - radius, mean + radius]
        default: return nil
        }
    }

    /// Samples of a finite-sum objective (the regressions), `nil` otherwise.
    public var sampleCount: Int? { (function as? any FiniteSumFunction)?.sampleCount }
}
