import Optimizers

/// A function of `dimension` variables with its symbolic gradient and Hessian, simplified,
/// and compiled to flat code.
///
/// The loss and gradient that optimizer runs use come from ``tape``: the expression as written,
/// evaluated and differentiated in reverse mode exactly as PyTorch's autograd would, so that
/// runs reproduce torch.optim's trajectories. The simplified graph gives the formulas, the
/// symbolic partials (``gradient``) and the Hessian.
///
/// Building one differentiates and compiles once; evaluating never walks the graph and never
/// allocates. Values, gradients and Hessians are exact up to floating-point rounding.
public struct SymbolicFunction: DifferentiableFunction {
    public let dimension: Int
    /// The graph holding the function, its partials and second partials.
    public let graph: ExpressionGraph
    public let root: ExpressionGraph.ID
    /// ∂f/∂x_i, simplified.
    public let gradient: [ExpressionGraph.ID]
    /// ∂²f/∂x_i∂x_j, row-major `dimension × dimension`, symmetric.
    public let hessianEntries: [ExpressionGraph.ID]

    /// The loss and gradient as torch's autograd computes them, from the expression as written.
    public let tape: AutogradTape
    /// Outputs the upper triangle of the Hessian, row by row.
    @usableFromInline let hessianProgram: CompiledProgram

    /// Differentiates `root` of `graph` twice and compiles it; throws ``ExpressionGraph/TooLarge``
    /// when the derivatives outgrow the graph's budget.
    ///
    /// The tape runs what `graph` recorded as written for `root` (see ``ExpressionGraph/written``),
    /// or the simplified expression when `root` was never written.
    public init(graph: ExpressionGraph, root: ExpressionGraph.ID, dimension: Int) throws {
        precondition(dimension > 0, "a function has at least one variable")
        var graph = graph
        let writtenRoot = graph.writtenIndex(of: root)
        tape = AutogradTape(graph.written, root: writtenRoot, dimension: dimension)
        var gradient: [ExpressionGraph.ID] = []
        var memos: [[ExpressionGraph.ID: ExpressionGraph.ID]] = Array(repeating: [:], count: dimension)
        for i in 0..<dimension {
            gradient.append(try graph.derivative(root, variable: i, memo: &memos[i]))
        }
        var hessian = Array(repeating: 0, count: dimension * dimension)
        var upper: [ExpressionGraph.ID] = []
        for i in 0..<dimension {
            for j in i..<dimension {
                // Differentiate the partial by the variable whose memo already covers most of it.
                let entry = try graph.derivative(gradient[i], variable: j, memo: &memos[j])
                hessian[i * dimension + j] = entry
                hessian[j * dimension + i] = entry
                upper.append(entry)
            }
        }
        self.dimension = dimension
        self.graph = graph
        self.root = root
        self.gradient = gradient
        self.hessianEntries = hessian
        hessianProgram = CompiledProgram(graph: graph, outputs: upper)
    }

    /// f(x), rounded as torch computes the written expression.
    @inlinable
    public func value(_ x: UnsafeBufferPointer<Double>) -> Double {
        tape.value(x.baseAddress!)
    }

    /// Writes ∇f(x) to `g` and returns f(x), both rounded as torch's autograd computes them.
    @inlinable
    public func valueAndGradient(_ x: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>) -> Double {
        tape.valueAndGradient(x.baseAddress!, g.baseAddress!)
    }

    /// Writes the row-major Hessian at `x` to `h`; always available for a symbolic function.
    @inlinable
    public func hessian(_ x: UnsafeBufferPointer<Double>, _ h: UnsafeMutableBufferPointer<Double>) -> Bool {
        let n = dimension
        withUnsafeTemporaryAllocation(of: Double.self, capacity: n * (n + 1) / 2) { upper in
            hessianProgram.run(x.baseAddress!, upper.baseAddress!)
            var k = 0
            for i in 0..<n {
                for j in i..<n {
                    h[i * n + j] = upper[k]
                    h[j * n + i] = upper[k]
                    k += 1
                }
            }
        }
        return true
    }

    /// The row-major Hessian when it is the same at every point (f is a quadratic), read from
    /// the simplified second partials, each of which is then a constant; `nil` otherwise.
    public var constantHessian: [Double]? {
        let entries = hessianEntries.map { graph.constantValue($0) }
        guard entries.allSatisfy({ $0?.isFinite == true }) else { return nil }
        return entries.map { $0! }
    }

    /// The row-major Hessian at a point given as an array.
    public func hessian(at point: [Double]) -> [Double] {
        var h = [Double](repeating: 0, count: dimension * dimension)
        point.withUnsafeBufferPointer { x in h.withUnsafeMutableBufferPointer { _ = hessian(x, $0) } }
        return h
    }
}
