/// One of the named test functions, `Objective(.rosenbrock)`.
///
/// Each is written in the directive language itself, as a closure over its parameters, so
/// its formula, gradient and Hessian come from the same symbolic machinery as a user's closure
/// and the reference can print the closure it is equivalent to.
///
/// Runs take the loss and gradient from the closure as written (see ``AutogradTape``), so each
/// closure is the Python expression one would hand to PyTorch, operation for operation, with
/// `pow` for `**`: Rosenbrock's `pow(a - x, 2) + b * pow(y - x * x, 2)` is
/// `(a - x) ** 2 + b * (y - x * x) ** 2`, and its losses and gradients are autograd's to the last bit.
public struct BuiltinObjective: Sendable {
    /// The implicit member: `rosenbrock`.
    public let name: String
    /// Labeled parameters with defaults, in call order (`a: 1, b: 100`).
    public let parameters: [(name: String, defaultValue: Double)]
    /// The closure, in the language, using the parameters as constants.
    public let closure: String
    /// One sentence for the reference.
    public let summary: String
    /// The known minimisers for given parameter values (approximate ones are refined by Newton's method).
    let minima: @Sendable ([Double]) -> [[Double]]
    /// Whether ``minima`` are approximate and need refining to machine precision.
    let refinesMinima: Bool
    let domain: @Sendable ([Double]) -> Domain
    let start: @Sendable ([Double]) -> [Double]

    /// Every built-in, in the reference's order.
    public static let all: [BuiltinObjective] = [
        BuiltinObjective(
            name: "bowl", parameters: [], closure: "{ x, y in x * x / 20 + y * y }",
            summary: "An elongated bowl, 20 times steeper in y than in x: the classic picture of why plain gradient descent zig-zags.",
            minima: { _ in [[0, 0]] }, refinesMinima: false,
            domain: { _ in Domain(x: -10...10, y: -5...5) }, start: { _ in [-7, 2] }),
        BuiltinObjective(
            name: "quadratic", parameters: [("a", 1), ("b", 10)], closure: "{ x, y in (a * x * x + b * y * y) / 2 }",
            summary: "A quadratic with Hessian diag(a, b); its condition number b/a sets how hard it is. Unbounded below when a or b is negative.",
            minima: { p in p[0] > 0 && p[1] > 0 ? [[0, 0]] : [] }, refinesMinima: false,
            domain: { _ in Domain(x: -3...3, y: -3...3) }, start: { _ in [-2.5, 1.5] }),
        BuiltinObjective(
            name: "rosenbrock", parameters: [("a", 1), ("b", 100)], closure: "{ x, y in pow(a - x, 2) + b * pow(y - x * x, 2) }",
            summary: "Rosenbrock's banana valley: easy to find, slow to follow to the minimum at (a, a²).",
            minima: { p in p[1] > 0 ? [[p[0], p[0] * p[0]]] : [] }, refinesMinima: false,
            domain: { p in
                Domain(x: Swift.min(-2, p[0] - 1)...Swift.max(2, p[0] + 1), y: Swift.min(-1, p[0] * p[0] - 2)...Swift.max(3, p[0] * p[0] + 1))
            },
            start: { _ in [-1.2, 1] }),
        BuiltinObjective(
            name: "beale", parameters: [],
            closure: "{ x, y in pow(1.5 - x + x * y, 2) + pow(2.25 - x + x * y * y, 2) + pow(2.625 - x + x * pow(y, 3), 2) }",
            summary: "Beale's function: flat plateaus and sharp ridges around a minimum at (3, 0.5).",
            minima: { _ in [[3, 0.5]] }, refinesMinima: false,
            domain: { _ in Domain(x: -4.5...4.5, y: -4.5...4.5) }, start: { _ in [1, 1.5] }),
        BuiltinObjective(
            name: "himmelblau", parameters: [], closure: "{ x, y in pow(x * x + y - 11, 2) + pow(x + y * y - 7, 2) }",
            summary: "Himmelblau's function: four minima of equal value 0, so the start decides which one a method finds.",
            minima: { _ in [[3, 2], [-2.805118, 3.131312], [-3.779310, -3.283186], [3.584428, -1.848126]] }, refinesMinima: true,
            domain: { _ in Domain(x: -5...5, y: -5...5) }, start: { _ in [0, 0] }),
        BuiltinObjective(
            name: "booth", parameters: [], closure: "{ x, y in pow(x + 2 * y - 7, 2) + pow(2 * x + y - 5, 2) }",
            summary: "Booth's function: a tilted quadratic bowl with its minimum at (1, 3).",
            minima: { _ in [[1, 3]] }, refinesMinima: false,
            domain: { _ in Domain(x: -10...10, y: -10...10) }, start: { _ in [-5, -5] }),
        BuiltinObjective(
            name: "matyas", parameters: [], closure: "{ x, y in 0.26 * (x * x + y * y) - 0.48 * x * y }",
            summary: "Matyas' function: a flat, diagonal valley where progress is slow.",
            minima: { _ in [[0, 0]] }, refinesMinima: false,
            domain: { _ in Domain(x: -10...10, y: -10...10) }, start: { _ in [-7, 5] }),
        BuiltinObjective(
            name: "threeHumpCamel", parameters: [],
            closure: "{ x, y in 2 * x * x - 1.05 * pow(x, 4) + pow(x, 6) / 6 + x * y + y * y }",
            summary: "The three-hump camel: a global minimum at the origin between two local ones.",
            minima: { _ in [[0, 0]] }, refinesMinima: false,
            domain: { _ in Domain(x: -3...3, y: -3...3) }, start: { _ in [-2, 1.5] }),
        BuiltinObjective(
            name: "saddle", parameters: [], closure: "{ x, y in x * x - y * y }",
            summary: "A saddle, x² − y²: no minimum; a start near the ridge shows how long a method lingers there.",
            minima: { _ in [] }, refinesMinima: false,
            domain: { _ in Domain(x: -2...2, y: -2...2) }, start: { _ in [-1.5, 0.01] }),
        BuiltinObjective(
            name: "monkeySaddle", parameters: [], closure: "{ x, y in pow(x, 3) - 3 * x * y * y }",
            summary: "The monkey saddle, x³ − 3xy²: three valleys down from a flat point, no minimum.",
            minima: { _ in [] }, refinesMinima: false,
            domain: { _ in Domain(x: -2...2, y: -2...2) }, start: { _ in [1.5, 0.1] }),
        BuiltinObjective(
            name: "rastrigin", parameters: [],
            closure: "{ x, y in 20 + x * x - 10 * cos(2 * .pi * x) + y * y - 10 * cos(2 * .pi * y) }",
            summary: "Rastrigin's function: a bowl covered in regular local minima.",
            minima: { _ in [[0, 0]] }, refinesMinima: false,
            domain: { _ in Domain(x: -5.12...5.12, y: -5.12...5.12) }, start: { _ in [3.2, -2.7] }),
        BuiltinObjective(
            name: "ackley", parameters: [],
            closure: "{ x, y in -20 * exp(-0.2 * sqrt(0.5 * (x * x + y * y))) - exp(0.5 * (cos(2 * .pi * x) + cos(2 * .pi * y))) + exp(1) + 20 }",
            summary: "Ackley's function: a nearly flat outer region full of ripples around one deep hole at the origin.",
            minima: { _ in [[0, 0]] }, refinesMinima: false,
            domain: { _ in Domain(x: -5...5, y: -5...5) }, start: { _ in [2.5, -2] }),
        BuiltinObjective(
            name: "goldsteinPrice", parameters: [],
            closure: "{ x, y in (1 + pow(x + y + 1, 2) * (19 - 14 * x + 3 * x * x - 14 * y + 6 * x * y + 3 * y * y)) * (30 + pow(2 * x - 3 * y, 2) * (18 - 32 * x + 12 * x * x + 48 * y - 36 * x * y + 27 * y * y)) }",
            summary: "The Goldstein–Price function: values spanning six orders of magnitude, minimum 3 at (0, −1).",
            minima: { _ in [[0, -1]] }, refinesMinima: false,
            domain: { _ in Domain(x: -2...2, y: -3...1) }, start: { _ in [-1.5, 0.5] }),
        BuiltinObjective(
            name: "styblinskiTang", parameters: [],
            closure: "{ x, y in (pow(x, 4) - 16 * x * x + 5 * x + pow(y, 4) - 16 * y * y + 5 * y) / 2 }",
            summary: "The Styblinski–Tang function: four basins of different depths; the deepest at x = y ≈ −2.9035.",
            minima: { _ in [[-2.903534, -2.903534]] }, refinesMinima: true,
            domain: { _ in Domain(x: -5...5, y: -5...5) }, start: { _ in [0.5, 4] }),
    ]

    /// The built-in called `name`, or `nil`.
    public static func named(_ name: String) -> BuiltinObjective? {
        all.first { $0.name == name }
    }

    /// The objective with `values` for its parameters (in ``parameters`` order), given `function`:
    /// ``closure`` compiled with those values bound to the parameters' names, in the variables `x, y`.
    ///
    /// The language compiles the closure (`BuiltinObjective.objective(parameterValues:call:)` in
    /// ExperimentLanguage); this adds what the built-in knows about it: its minima, refined where
    /// approximate, the window that shows it, and the start.
    public func objective(function: SymbolicFunction, parameterValues values: [Double], call: String) -> Objective {
        var minimisers = minima(values)
        if refinesMinima { minimisers = minimisers.map { Self.refine($0, function) } }
        let printer = LaTeXPrinter(variableNames: ["x", "y"])
        return Objective(
            name: name, call: call, dimension: 2, function: function, symbolic: function,
            variableNames: ["x", "y"], latex: printer.render(function.root, in: function.graph),
            gradientLatex: function.gradient.map { printer.render($0, in: function.graph) },
            minima: minimisers, minimumValue: minimisers.first.map { function.value(at: $0) },
            recommendedDomain: domain(values), defaultStart: start(values))
    }

    /// Newton's method from an approximate minimiser, to machine precision.
    static func refine(_ point: [Double], _ f: SymbolicFunction) -> [Double] {
        var x = point
        for _ in 0..<20 {
            let g = f.gradient(at: x).gradient
            let h = f.hessian(at: x)
            let det = h[0] * h[3] - h[1] * h[2]
            guard det != 0, det.isFinite else { break }
            let dx = (h[3] * g[0] - h[1] * g[1]) / det
            let dy = (h[0] * g[1] - h[2] * g[0]) / det
            x = [x[0] - dx, x[1] - dy]
            if Swift.abs(dx) + Swift.abs(dy) < 1e-17 { break }
        }
        return x
    }
}
