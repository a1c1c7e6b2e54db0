/// A mathematical expression as a hash-consed graph: every distinct subexpression is stored
/// once and named by its index, so derivatives share work and compile without duplicates.
///
/// The builders (`add`, `multiply`, `power`, …) simplify as they build: constants fold,
/// like terms and like factors merge (`x·x` is `x²`, `2x + 3x` is `5x`), and `0`, `1`
/// vanish where they should. Children are always built before their parents, so node
/// indices are a topological order. The graph refuses to grow past a node budget, which
/// keeps a pathological closure from hanging the build.
///
/// Beside the simplified nodes, the graph records the expression as its caller wrote it
/// (``written``): each builder call made from outside the graph is one operation there, while
/// the calls the builders make among themselves to simplify are not. ``AutogradTape`` runs that
/// record, so that losses and gradients round as PyTorch's autograd rounds them.
public struct ExpressionGraph: Sendable {
    /// A node's index in ``nodes``.
    public typealias ID = Int

    public enum Node: Hashable, Sendable {
        /// A number, by bit pattern so that every value (NaN included) interns.
        case constant(bits: UInt64)
        /// π, kept symbolic so formulas show it.
        case pi
        /// The `index`-th coordinate.
        case variable(Int)
        /// n ≥ 2 terms; at most one constant, where the first constant was written.
        case sum([ID])
        /// n ≥ 2 factors; at most one constant coefficient, first.
        case product([ID])
        case power(base: ID, exponent: ID)
        case function(MathFunction, [ID])
    }

    /// Thrown when a build would exceed the node budget.
    public struct TooLarge: Error, Sendable {}

    public private(set) var nodes: [Node] = []
    private var interned: [Node: ID] = [:]
    private let budget: Int

    /// The expression as the builders' callers wrote it, unsimplified.
    public private(set) var written = WrittenExpression()
    /// Results of recorded calls not yet used as an operand, most recent last. A caller that
    /// builds an expression bottom-up (as a parser's tree walk does) takes each call's operands
    /// from the top, which tells apart operands that simplify to the same node, such as
    /// `(x + y) + 1` and `x + (y + 1)`.
    private var unusedResults: [(id: ID, index: WrittenExpression.Index)] = []
    /// The latest written operation that built each node, for operands the caller kept aside
    /// (a closure's `let` constants).
    private var latestWritten: [ID: WrittenExpression.Index] = [:]
    /// Above zero while a builder runs: calls it makes to simplify are not what the caller wrote.
    private var simplificationDepth = 0

    /// The default node budget: enough for any formula a chapter writes and its derivatives,
    /// small enough that a pathological closure fails fast.
    public static let maximumNodes = 50_000

    public init(budget: Int = maximumNodes) {
        self.budget = budget
    }

    private mutating func intern(_ node: Node) throws -> ID {
        if let id = interned[node] { return id }
        guard nodes.count < budget else { throw TooLarge() }
        nodes.append(node)
        interned[node] = nodes.count - 1
        return nodes.count - 1
    }

    // MARK: The written record

    /// Builds with `build` and, for a call from outside the graph, records `write` applied to
    /// the written forms of `operands`.
    private mutating func writing(
        _ operands: [ID], _ write: (inout WrittenExpression, [WrittenExpression.Index]) -> WrittenExpression.Index,
        _ build: (inout ExpressionGraph) throws -> ID
    ) throws -> ID {
        guard simplificationDepth == 0 else { return try build(&self) }
        // The last operand was built last, so it is nearest the top.
        var inputs: [WrittenExpression.Index] = []
        for operand in operands.reversed() { inputs.append(takeWritten(operand)) }
        inputs.reverse()
        simplificationDepth += 1
        let id: ID
        do {
            id = try build(&self)
        } catch {
            simplificationDepth -= 1
            throw error
        }
        simplificationDepth -= 1
        let index = write(&written, inputs)
        unusedResults.append((id, index))
        latestWritten[id] = index
        return id
    }

    /// The written form of operand `id`, taken off the unused results when it is on top.
    ///
    /// An operand that is not on top is one the caller kept aside (a `let` constant) and is the
    /// latest operation that built its node. One case reads wrongly: a `let` constant used
    /// where an unused result of the same node is on top (`let t = x * x` before
    /// `pow(x, 2) * (t + 1)`) swaps the two, which compute the same value but may round its
    /// gradient differently in the last bit.
    private mutating func takeWritten(_ id: ID) -> WrittenExpression.Index {
        if let top = unusedResults.last, top.id == id {
            unusedResults.removeLast()
            return top.index
        }
        return latestWritten[id] ?? transcribe(id)
    }

    /// The written form of `id` (normally the closure's value): the latest recorded operation
    /// that built it, or, for a node no caller wrote, its simplified structure written out.
    public mutating func writtenIndex(of id: ID) -> WrittenExpression.Index {
        if let top = unusedResults.last, top.id == id { return top.index }
        return latestWritten[id] ?? transcribe(id)
    }

    /// Writes the simplified node `id` as operations: sums and products left to right.
    private mutating func transcribe(_ id: ID) -> WrittenExpression.Index {
        var index: [ID: WrittenExpression.Index] = [:]
        for node in reachable(from: [id]) {
            let w = { (child: ID) in index[child]! }
            switch nodes[node] {
            case .constant(let bits): index[node] = written.constant(Double(bitPattern: bits))
            case .pi: index[node] = written.constant(.pi)
            case .variable(let i): index[node] = written.variable(i)
            case .sum(let terms): index[node] = written.chain(.add, terms.map(w))
            case .product(let factors): index[node] = written.chain(.multiply, factors.map(w))
            case .power(let b, let e): index[node] = written.append(.binary(.power, w(b), w(e)))
            case .function(let f, let arguments): index[node] = written.append(.call(f, arguments.map(w)))
            }
        }
        return index[id]!
    }

    // MARK: Leaves

    public mutating func constant(_ value: Double) throws -> ID {
        try writing([], { w, _ in w.constant(value) }) { try $0.intern(.constant(bits: value.bitPattern)) }
    }

    public mutating func variable(_ index: Int) throws -> ID {
        try writing([], { w, _ in w.variable(index) }) { try $0.intern(.variable(index)) }
    }

    public mutating func pi() throws -> ID {
        try writing([], { w, _ in w.constant(.pi) }) { try $0.intern(.pi) }
    }

    /// The node's value when it is a plain number.
    public func constantValue(_ id: ID) -> Double? {
        if case .constant(let bits) = nodes[id] { return Double(bitPattern: bits) }
        return nil
    }

    // MARK: Sums

    public mutating func add(_ a: ID, _ b: ID) throws -> ID {
        try writing([a, b], { $0.append(.binary(.add, $1[0], $1[1])) }) { try $0.sum([a, b]) }
    }

    public mutating func subtract(_ a: ID, _ b: ID) throws -> ID {
        try writing([a, b], { $0.append(.binary(.subtract, $1[0], $1[1])) }) { try $0.sum([a, try $0.negate(b)]) }
    }

    public mutating func negate(_ a: ID) throws -> ID {
        try writing([a], { $0.append(.negate($1[0])) }) { try $0.multiply([try $0.constant(-1), a]) }
    }

    /// A coefficient and the rest of a term: `3·x·y` is (3, `x·y`).
    private mutating func splitCoefficient(_ id: ID) throws -> (Double, ID?) {
        if let c = constantValue(id) { return (c, nil) }
        if case .product(let factors) = nodes[id], let c = constantValue(factors[0]) {
            let rest = Array(factors.dropFirst())
            return (c, rest.count == 1 ? rest[0] : try intern(.product(rest)))
        }
        return (1, id)
    }

    /// The simplified sum of `terms`: nested sums flattened, like terms merged in order of first appearance.
    /// Written, it is `terms` added left to right.
    public mutating func sum(_ terms: [ID]) throws -> ID {
        try writing(terms, { $0.chain(.add, $1) }) { try $0.buildSum(terms) }
    }

    private mutating func buildSum(_ terms: [ID]) throws -> ID {
        var constantPart = 0.0
        // Where the first constant stood, so `1 - x` keeps printing as written.
        var constantPosition: Int?
        var order: [ID] = []
        var coefficients: [ID: Double] = [:]
        var pending = terms.reversed() as [ID]
        while let term = pending.popLast() {
            if case .sum(let inner) = nodes[term] {
                pending.append(contentsOf: inner.reversed())
                continue
            }
            let (c, rest) = try splitCoefficient(term)
            guard let rest else {
                constantPart += c
                if constantPosition == nil { constantPosition = order.count }
                continue
            }
            if let existing = coefficients[rest] {
                coefficients[rest] = existing + c
            } else {
                coefficients[rest] = c
                order.append(rest)
            }
        }
        var built: [ID] = []
        for (position, rest) in order.enumerated() {
            if position == constantPosition, constantPart != 0 { built.append(try constant(constantPart)) }
            let c = coefficients[rest]!
            if c == 0 { continue }
            built.append(c == 1 ? rest : try multiply([try constant(c), rest]))
        }
        if constantPart != 0, constantPosition == nil || constantPosition! >= order.count {
            built.append(try constant(constantPart))
        }
        if built.isEmpty { return try constant(0) }
        return built.count == 1 ? built[0] : try intern(.sum(built))
    }

    // MARK: Products

    public mutating func multiply(_ a: ID, _ b: ID) throws -> ID {
        try writing([a, b], { $0.append(.binary(.multiply, $1[0], $1[1])) }) { try $0.multiply([a, b]) }
    }

    public mutating func divide(_ a: ID, _ b: ID) throws -> ID {
        try writing([a, b], { $0.append(.binary(.divide, $1[0], $1[1])) }) {
            try $0.multiply([a, try $0.power(b, try $0.constant(-1))])
        }
    }

    /// The simplified product of `factors`: nested products flattened, constants folded into
    /// one coefficient, equal bases merged by adding constant exponents, factors ordered by index.
    /// Written, it is `factors` multiplied left to right.
    public mutating func multiply(_ factors: [ID]) throws -> ID {
        try writing(factors, { $0.chain(.multiply, $1) }) { try $0.buildProduct(factors) }
    }

    private mutating func buildProduct(_ factors: [ID]) throws -> ID {
        var coefficient = 1.0
        var exponents: [ID: Double] = [:]
        var order: [ID] = []
        var pending = factors.reversed() as [ID]
        while let factor = pending.popLast() {
            switch nodes[factor] {
            case .constant(let bits):
                coefficient *= Double(bitPattern: bits)
                continue
            case .product(let inner):
                pending.append(contentsOf: inner.reversed())
                continue
            default:
                break
            }
            var base = factor
            var exponent = 1.0
            if case .power(let b, let e) = nodes[factor], let c = constantValue(e) {
                base = b
                exponent = c
            }
            if let existing = exponents[base] {
                exponents[base] = existing + exponent
            } else {
                exponents[base] = exponent
                order.append(base)
            }
        }
        if coefficient == 0 { return try constant(0) }
        var built: [ID] = []
        for base in order.sorted() {
            let e = exponents[base]!
            if e == 0 { continue }
            built.append(e == 1 ? base : try power(base, try constant(e)))
        }
        if built.isEmpty { return try constant(coefficient) }
        if coefficient != 1 { built.insert(try constant(coefficient), at: 0) }
        return built.count == 1 ? built[0] : try intern(.product(built))
    }

    // MARK: Powers and functions

    /// `base ^ exponent`, folding constants and distributing integer powers over products.
    public mutating func power(_ base: ID, _ exponent: ID) throws -> ID {
        try writing([base, exponent], { $0.append(.binary(.power, $1[0], $1[1])) }) { try $0.buildPower(base, exponent) }
    }

    private mutating func buildPower(_ base: ID, _ exponent: ID) throws -> ID {
        if let e = constantValue(exponent) {
            if e == 0 { return try constant(1) }
            if e == 1 { return base }
            if let b = constantValue(base) { return try constant(cPow(b, e)) }
            let isInteger = e == e.rounded() && Swift.abs(e) < 1e6
            if isInteger, case .power(let innerBase, let innerExponent) = nodes[base], let inner = constantValue(innerExponent) {
                // (b^p)^n = b^(pn) for integer n whenever b^p is defined.
                return try power(innerBase, try constant(inner * e))
            }
            if isInteger, case .product(let factors) = nodes[base] {
                return try multiply(try factors.map { try power($0, exponent) })
            }
        }
        if let b = constantValue(base), b == 1 { return base }
        return try intern(.power(base: base, exponent: exponent))
    }

    /// `function(arguments)`, folded when every argument is a number.
    public mutating func apply(_ function: MathFunction, _ arguments: [ID]) throws -> ID {
        precondition(arguments.count == function.arity, "\(function) takes \(function.arity) arguments")
        return try writing(arguments, { $0.append(.call(function, $1)) }) { try $0.buildApplication(function, arguments) }
    }

    private mutating func buildApplication(_ function: MathFunction, _ arguments: [ID]) throws -> ID {
        let values = arguments.compactMap(constantValue)
        if values.count == arguments.count {
            return try constant(function.apply(values[0], values.count > 1 ? values[1] : 0))
        }
        if function == .min || function == .max, arguments[0] == arguments[1] { return arguments[0] }
        return try intern(.function(function, arguments))
    }

    // MARK: Derivatives

    /// ∂node/∂x_variable, simplified; `memo` caches results for this variable across calls.
    public mutating func derivative(_ root: ID, variable: Int, memo: inout [ID: ID]) throws -> ID {
        // A derivative is the graph's own construction, not something a caller wrote.
        simplificationDepth += 1
        defer { simplificationDepth -= 1 }
        // Children precede parents, so visiting the reachable nodes in index order
        // differentiates each child before its parent without recursion.
        for id in reachable(from: [root]) where memo[id] == nil {
            memo[id] = try derivativeOfNode(id, variable: variable, memo: memo)
        }
        return memo[root]!
    }

    /// Every node `roots` depend on, in increasing index order.
    public func reachable(from roots: [ID]) -> [ID] {
        var seen = Set<ID>()
        var stack = roots
        while let id = stack.popLast() {
            guard seen.insert(id).inserted else { continue }
            stack.append(contentsOf: children(of: id))
        }
        return seen.sorted()
    }

    public func children(of id: ID) -> [ID] {
        switch nodes[id] {
        case .constant, .pi, .variable: return []
        case .sum(let ids), .product(let ids), .function(_, let ids): return ids
        case .power(let b, let e): return [b, e]
        }
    }

    private mutating func derivativeOfNode(_ id: ID, variable: Int, memo: [ID: ID]) throws -> ID {
        let d = { (child: ID) in memo[child]! }
        let zero = try constant(0)
        switch nodes[id] {
        case .constant, .pi:
            return zero
        case .variable(let index):
            return try constant(index == variable ? 1 : 0)
        case .sum(let terms):
            return try sum(terms.map(d))
        case .product(let factors):
            var terms: [ID] = []
            for (i, factor) in factors.enumerated() where d(factor) != zero {
                var others = factors
                others[i] = d(factor)
                terms.append(try multiply(others))
            }
            return try sum(terms)
        case .power(let base, let exponent):
            let db = d(base), de = d(exponent)
            if de == zero {
                if db == zero { return zero }
                // (u^c)′ = c·u^(c−1)·u′
                let reduced = try power(base, try sum([exponent, try constant(-1)]))
                return try multiply([exponent, reduced, db])
            }
            // (u^v)′ = u^v·(v′·ln u + v·u′/u)
            let logBase = try apply(.log, [base])
            let inner = try sum([try multiply(de, logBase), try multiply([exponent, db, try power(base, try constant(-1))])])
            return try multiply(id, inner)
        case .function(let function, let arguments):
            let u = arguments[0]
            let du = d(u)
            switch function {
            case .min, .max:
                let v = arguments[1]
                let dv = d(v)
                if du == zero, dv == zero { return zero }
                // min′ = H(v − u)·u′ + H(u − v)·v′; max swaps the conditions.
                let uFirst = function == .min ? try subtract(v, u) : try subtract(u, v)
                let vFirst = function == .min ? try subtract(u, v) : try subtract(v, u)
                return try sum([
                    try multiply(try apply(.heaviside, [uFirst]), du),
                    try multiply(try apply(.heaviside, [vFirst]), dv),
                ])
            default:
                if du == zero { return zero }
                let outer: ID
                switch function {
                case .sqrt: outer = try multiply([try constant(0.5), try power(id, try constant(-1))])
                case .exp: outer = id
                case .log: outer = try power(u, try constant(-1))
                case .sin: outer = try apply(.cos, [u])
                case .cos: outer = try negate(try apply(.sin, [u]))
                case .tan: outer = try power(try apply(.cos, [u]), try constant(-2))
                case .tanh: outer = try sum([try constant(1), try negate(try power(id, try constant(2)))])
                case .sinh: outer = try apply(.cosh, [u])
                case .cosh: outer = try apply(.sinh, [u])
                case .atan: outer = try power(try sum([try constant(1), try power(u, try constant(2))]), try constant(-1))
                case .abs: outer = try apply(.sign, [u])
                case .sign, .heaviside: return zero
                case .min, .max: preconditionFailure("handled above")
                }
                return try multiply(outer, du)
            }
        }
    }

    // MARK: Evaluation

    /// The value of `root` at `point`, by walking the graph (for checks, tests and constant
    /// arguments; runs evaluate losses and gradients on an ``AutogradTape``, Hessians on a
    /// ``CompiledProgram``).
    public func evaluate(_ root: ID, at point: [Double]) -> Double {
        var values: [ID: Double] = [:]
        for id in reachable(from: [root]) {
            let v = { (child: ID) in values[child]! }
            switch nodes[id] {
            case .constant(let bits): values[id] = Double(bitPattern: bits)
            case .pi: values[id] = .pi
            case .variable(let i): values[id] = i < point.count ? point[i] : .nan
            case .sum(let terms): values[id] = terms.reduce(0) { $0 + v($1) }
            case .product(let factors): values[id] = factors.reduce(1) { $0 * v($1) }
            case .power(let b, let e): values[id] = cPow(v(b), v(e))
            case .function(let f, let args): values[id] = f.apply(v(args[0]), args.count > 1 ? v(args[1]) : 0)
            }
        }
        return values[root]!
    }
}
