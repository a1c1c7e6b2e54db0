/// Straight-line code compiled from an ``ExpressionGraph``: one instruction per needed node,
/// each writing its own register, run by a tight interpreter that never allocates.
///
/// Registers live in stack memory for the duration of one ``run(_:_:_:)`` call, so a program is
/// immutable and safe to run from any number of threads at once.
public final class CompiledProgram: @unchecked Sendable {
    // @unchecked: the instruction buffer is written once in `init` and only read afterwards.

    private let code: UnsafeMutableBufferPointer<Instruction>
    private let outputRegisters: UnsafeMutableBufferPointer<Int32>

    /// Registers one run needs (one per instruction).
    public var registerCount: Int { code.count }
    /// Values the program writes, in the order of the `outputs` it was compiled for.
    public var outputCount: Int { outputRegisters.count }

    /// Compiles the nodes `outputs` of `graph` (and everything they depend on, once).
    public init(graph: ExpressionGraph, outputs: [ExpressionGraph.ID]) {
        var emitter = Emitter(graph: graph)
        let registers = emitter.emit(outputs)
        code = .allocate(capacity: emitter.code.count)
        _ = code.initialize(from: emitter.code)
        outputRegisters = .allocate(capacity: registers.count)
        _ = outputRegisters.initialize(from: registers)
    }

    deinit {
        code.deallocate()
        outputRegisters.deallocate()
    }

    /// Evaluates the program at `x`, writing output `i` to `out[i]`.
    @inlinable @inline(__always)
    public func run(_ x: UnsafePointer<Double>, _ out: UnsafeMutablePointer<Double>) {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, registerCount)) { registers in
            execute(x, registers.baseAddress!)
            for i in 0..<outputCount { out[i] = registers[Int(outputRegister(i))] }
        }
    }

    /// Evaluates the program at `x` and returns output 0 (for single-output programs).
    @inlinable @inline(__always)
    public func runScalar(_ x: UnsafePointer<Double>) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, registerCount)) { registers in
            execute(x, registers.baseAddress!)
            return registers[Int(outputRegister(0))]
        }
    }

    @usableFromInline
    func outputRegister(_ i: Int) -> Int32 { outputRegisters[i] }

    @usableFromInline
    func execute(_ x: UnsafePointer<Double>, _ r: UnsafeMutablePointer<Double>) {
        Instruction.run(code, x, r)
    }

    /// Chooses which nodes get a register and emits them in index (topological) order.
    ///
    /// Some nodes fold into their users instead: a term `c·f` of a sum becomes one
    /// `addScaled`, a factor `f⁻¹` of a product becomes a `divide`, a constant coefficient
    /// a `multiplyConstant`.
    private struct Emitter {
        let graph: ExpressionGraph
        var code: [Instruction] = []
        var register: [ExpressionGraph.ID: Int32] = [:]

        init(graph: ExpressionGraph) { self.graph = graph }

        /// A sum term `c·f` as (c, f).
        func scaledTerm(_ id: ExpressionGraph.ID) -> (Double, ExpressionGraph.ID)? {
            if case .product(let factors) = graph.nodes[id], factors.count == 2, let c = graph.constantValue(factors[0]) {
                return (c, factors[1])
            }
            return nil
        }

        /// A product factor `f⁻ⁿ` as (f, n), for n ≥ 1 integer.
        func denominator(_ id: ExpressionGraph.ID) -> (ExpressionGraph.ID, Double)? {
            if case .power(let base, let e) = graph.nodes[id], let c = graph.constantValue(e), c < 0, c == c.rounded() {
                return (base, -c)
            }
            return nil
        }

        /// The operands a node reads, after folding.
        func operands(_ id: ExpressionGraph.ID) -> [ExpressionGraph.ID] {
            switch graph.nodes[id] {
            case .sum(let terms):
                return terms.flatMap { term -> [ExpressionGraph.ID] in
                    if graph.constantValue(term) != nil { return [] }
                    if let (_, f) = scaledTerm(term) { return [f] }
                    return [term]
                }
            case .product(let factors):
                return factors.flatMap { factor -> [ExpressionGraph.ID] in
                    if graph.constantValue(factor) != nil { return [] }
                    if let (base, _) = denominator(factor) { return [base] }
                    return [factor]
                }
            case .power(let base, let e):
                return graph.constantValue(e) != nil ? [base] : [base, e]
            default:
                return graph.children(of: id)
            }
        }

        mutating func emit(_ outputs: [ExpressionGraph.ID]) -> [Int32] {
            var needed = Set(outputs)
            for id in (0..<graph.nodes.count).reversed() where needed.contains(id) {
                needed.formUnion(operands(id))
            }
            for id in needed.sorted() { emitNode(id) }
            return outputs.map { register[$0]! }
        }

        mutating func append(_ opcode: Instruction.Opcode, _ a: Int32 = 0, _ b: Int32 = 0, _ c: Double = 0) -> Int32 {
            code.append(Instruction(opcode: opcode, a: a, b: b, constant: c))
            return Int32(code.count - 1)
        }

        func r(_ child: ExpressionGraph.ID) -> Int32 { register[child]! }

        mutating func emitNode(_ id: ExpressionGraph.ID) {
            let out: Int32
            switch graph.nodes[id] {
            case .constant(let bits):
                out = append(.constant, 0, 0, Double(bitPattern: bits))
            case .pi:
                out = append(.constant, 0, 0, .pi)
            case .variable(let i):
                out = append(.variable, Int32(i))
            case .sum(let terms):
                var accumulator: Int32?
                var constant = 0.0
                for term in terms {
                    if let c = graph.constantValue(term) {
                        constant += c
                    } else if let (c, f) = scaledTerm(term) {
                        if let acc = accumulator {
                            accumulator = c == -1 ? append(.subtract, acc, r(f)) : append(.addScaled, acc, r(f), c)
                        } else {
                            accumulator = c == -1 ? append(.negate, r(f)) : append(.multiplyConstant, r(f), 0, c)
                        }
                    } else {
                        accumulator = accumulator.map { append(.add, $0, r(term)) } ?? r(term)
                    }
                }
                // A sum always has a non-constant term, because constants fold into one.
                out = constant == 0 ? accumulator! : append(.addConstant, accumulator!, 0, constant)
            case .product(let factors):
                var coefficient = 1.0
                var numerator: Int32?
                var denominators: [Int32] = []
                for factor in factors {
                    if let c = graph.constantValue(factor) {
                        coefficient *= c
                    } else if let (base, n) = denominator(factor) {
                        let d = n == 1 ? r(base) : emitPower(r(base), n)
                        denominators.append(d)
                    } else {
                        numerator = numerator.map { append(.multiply, $0, r(factor)) } ?? r(factor)
                    }
                }
                var denominator: Int32?
                for d in denominators { denominator = denominator.map { append(.multiply, $0, d) } ?? d }
                if numerator == nil {
                    numerator = append(.constant, 0, 0, coefficient)
                    coefficient = 1
                }
                var value = numerator!
                if let denominator { value = append(.divide, value, denominator) }
                if coefficient == -1 {
                    value = append(.negate, value)
                } else if coefficient != 1 {
                    value = append(.multiplyConstant, value, 0, coefficient)
                }
                out = value
            case .power(let base, let e):
                if let c = graph.constantValue(e) {
                    if c == -1 {
                        out = append(.reciprocal, r(base))
                    } else if c == 0.5 {
                        out = append(.sqrt, r(base))
                    } else {
                        out = emitPower(r(base), c)
                    }
                } else {
                    out = append(.power, r(base), r(e))
                }
            case .function(let function, let arguments):
                let a = r(arguments[0])
                let b = arguments.count > 1 ? r(arguments[1]) : 0
                out = append(.function(function), a, b)
            }
            register[id] = out
        }

        mutating func emitPower(_ base: Int32, _ exponent: Double) -> Int32 {
            switch exponent {
            case 1: return base
            case 2: return append(.square, base)
            case 3: return append(.cube, base)
            case let n where n == n.rounded() && Swift.abs(n) <= 64: return append(.integerPower, base, Int32(n))
            default: return append(.powerConstant, base, 0, exponent)
            }
        }
    }
}
