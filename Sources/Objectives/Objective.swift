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

    /// Samples of a finite-sum objective (the regressions), `nil` otherwise.
    public var sampleCount: Int? { (function as? any FiniteSumFunction)?.sampleCount }
}
