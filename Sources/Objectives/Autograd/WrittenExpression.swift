/// An objective exactly as its closure writes it: every operation, in the order Python would
/// evaluate the same expression, with nothing simplified.
///
/// ``ExpressionGraph`` simplifies as it builds (`x·x` becomes `x²`, sums flatten), which is
/// right for formulas and derivatives but rounds differently from PyTorch. This record keeps
/// what was written, so that ``AutogradTape`` can evaluate the loss and its gradient with the
/// same floating-point operations, in the same order, as torch's autograd.
///
/// Like Python, the record computes a repeated subexpression as often as it is written, with
/// two conventions:
/// - An operation whose operands are all numbers is folded here, as Python computes
///   `2 * math.pi` or `math.exp(1)` in plain float arithmetic before any tensor sees it.
/// - A factor repeated within one product is one value, as if bound by `let`: the language has
///   no `**`, and `c * (y - x*x) * (y - x*x)` then gets exactly the gradient torch computes for
///   `c * (y - x*x) ** 2` (autograd sums `grad·e + grad·e`, which is `grad·(2e)` to the last bit).
///
/// Operations refer to their operands by index, and operands always precede their users, so
/// index order is the creation order that autograd's backward pass runs in reverse.
public struct WrittenExpression: Sendable {
    /// An operation's position in ``operations``.
    public typealias Index = Int

    /// The arithmetic operators a closure writes between two values (`pow(a, b)` is `.power`).
    public enum Operator: Hashable, Sendable {
        case add, subtract, multiply, divide, power
    }

    public enum Operation: Hashable, Sendable {
        /// A number, by bit pattern so that every value (NaN and −0 included) interns apart.
        case constant(bits: UInt64)
        /// The `index`-th coordinate.
        case variable(Int)
        /// `-a`.
        case negate(Index)
        case binary(Operator, Index, Index)
        /// A call to one of ``MathFunction/callable`` (`min` and `max` take two operands).
        case call(MathFunction, [Index])
    }

    public private(set) var operations: [Operation] = []
    /// Each operation's shape: equal for operations written identically.
    private var shapes: [Int] = []
    /// Shapes by their operation with operands replaced by the operands' shapes.
    private var shapeIDs: [Operation: Int] = [:]
    /// Numbers and variables, which are one node however often they are written.
    private var leaves: [Operation: Index] = [:]

    public init() {}

    /// The operation's value when it is a number.
    public func constantValue(_ index: Index) -> Double? {
        if case .constant(let bits) = operations[index] { return Double(bitPattern: bits) }
        return nil
    }

    /// Appends `operation`, folding it when every operand is a number.
    public mutating func append(_ operation: Operation) -> Index {
        if let folded = fold(operation) {
            return leaf(.constant(bits: folded.bitPattern))
        }
        if case .binary(.multiply, let a, let b) = operation, let twin = factor(of: a, shapedLike: b) {
            return insert(.binary(.multiply, a, twin))
        }
        return insert(operation)
    }

    public mutating func constant(_ value: Double) -> Index { leaf(.constant(bits: value.bitPattern)) }
    public mutating func variable(_ index: Int) -> Index { leaf(.variable(index)) }

    /// `operands` combined left to right with `op`, as `a + b + c` is `(a + b) + c`; an empty
    /// sum is 0 and an empty product 1.
    public mutating func chain(_ op: Operator, _ operands: [Index]) -> Index {
        guard !operands.isEmpty else { return constant(op == .multiply ? 1 : 0) }
        var result = operands[0]
        for operand in operands.dropFirst() { result = append(.binary(op, result, operand)) }
        return result
    }

    private mutating func leaf(_ operation: Operation) -> Index {
        if let index = leaves[operation] { return index }
        let index = insert(operation)
        leaves[operation] = index
        return index
    }

    private mutating func insert(_ operation: Operation) -> Index {
        let key: Operation
        switch operation {
        case .constant, .variable: key = operation
        case .negate(let a): key = .negate(shapes[a])
        case .binary(let op, let a, let b): key = .binary(op, shapes[a], shapes[b])
        case .call(let function, let arguments): key = .call(function, arguments.map { shapes[$0] })
        }
        if let shape = shapeIDs[key] {
            shapes.append(shape)
        } else {
            shapes.append(shapeIDs.count)
            shapeIDs[key] = shapeIDs.count
        }
        operations.append(operation)
        return operations.count - 1
    }

    /// A factor of the product `product` (itself, or a factor or partial product along its
    /// chain of multiplications) written exactly as `candidate`, other than `candidate` itself.
    private func factor(of product: Index, shapedLike candidate: Index) -> Index? {
        let shape = shapes[candidate]
        var link = product
        while true {
            if shapes[link] == shape { return link }
            guard case .binary(.multiply, let left, let right) = operations[link] else { return nil }
            if shapes[right] == shape { return right }
            link = left
        }
    }

    /// The value Python's float arithmetic gives an operation on numbers only, or `nil`.
    private func fold(_ operation: Operation) -> Double? {
        switch operation {
        case .constant, .variable:
            return nil
        case .negate(let a):
            return constantValue(a).map { -$0 }
        case .binary(let op, let a, let b):
            guard let u = constantValue(a), let v = constantValue(b) else { return nil }
            switch op {
            case .add: return u + v
            case .subtract: return u - v
            case .multiply: return u * v
            case .divide: return u / v
            case .power: return cPow(u, v)
            }
        case .call(let function, let arguments):
            let values = arguments.compactMap(constantValue)
            guard values.count == arguments.count else { return nil }
            return function.apply(values[0], values.count > 1 ? values[1] : 0)
        }
    }

    /// The operations `root` depends on, in increasing index order.
    public func reachable(from root: Index) -> [Index] {
        var needed = Array(repeating: false, count: operations.count)
        needed[root] = true
        for index in (0...root).reversed() where needed[index] {
            for operand in operands(of: index) { needed[operand] = true }
        }
        return (0...root).filter { needed[$0] }
    }

    public func operands(of index: Index) -> [Index] {
        switch operations[index] {
        case .constant, .variable: return []
        case .negate(let a): return [a]
        case .binary(_, let a, let b): return [a, b]
        case .call(_, let arguments): return arguments
        }
    }
}
