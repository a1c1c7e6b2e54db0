import Objectives
import Optimizers

extension CacheMeaning {
    /// The function as the engine computes it, whatever its name or how its closure is spelled.
    ///
    /// A symbolic objective (every built-in and closure) is the expression its losses and
    /// gradients are taped from, operation by operation in the order written (``WrittenExpression``),
    /// and the simplified graph of the function, its partials and second partials, from which
    /// Hessians are computed: `{ x, y in x*x + y*y }` and `{ a, b in a * a + b * b }` are one
    /// objective, and `.rosenbrock` is `.rosenbrock(a: 1, b: 100)`. A regression is its data:
    /// its kind, sample count, noise and seed.
    mutating func objective(_ name: String, _ objective: Objective) {
        block(name) { m in
            m.int("dimension", objective.dimension)
            if let symbolic = objective.symbolic {
                m.written(symbolic)
                m.graph(symbolic)
            } else if let regression = objective.function as? LinearRegression {
                m.line("linearRegression", "samples \(regression.xs.count) noise \(Self.number(regression.noise)) seed \(regression.seed)")
            } else if let regression = objective.function as? LogisticRegression {
                m.line("logisticRegression", "samples \(regression.xs.count) seed \(regression.seed)")
            } else {
                // Every objective the checker builds is one of the above; another is named by its call, never confused with them.
                m.line("call", objective.call)
            }
        }
    }

    /// The operations the tape runs, in order, operands renumbered among them.
    private mutating func written(_ f: SymbolicFunction) {
        var graph = f.graph
        let root = graph.writtenIndex(of: f.root)
        let operations = graph.written.operations
        var needed = Set<Int>()
        var stack = [root]
        while let index = stack.popLast() {
            guard needed.insert(index).inserted else { continue }
            switch operations[index] {
            case .constant, .variable: break
            case .negate(let a): stack.append(a)
            case .binary(_, let a, let b): stack += [a, b]
            case .call(_, let arguments): stack += arguments
            }
        }
        var number: [Int: Int] = [:]
        block("tape") { m in
            for index in needed.sorted() {
                let n = number.count
                number[index] = n
                let operands: (Int) -> String = { "%\(number[$0]!)" }
                switch operations[index] {
                case .constant(let bits): m.line("%\(n)", "constant " + Self.number(Double(bitPattern: bits)))
                case .variable(let v): m.line("%\(n)", "variable \(v)")
                case .negate(let a): m.line("%\(n)", "negate " + operands(a))
                case .binary(let op, let a, let b): m.line("%\(n)", "\(Self.name(op)) \(operands(a)) \(operands(b))")
                case .call(let function, let arguments):
                    m.line("%\(n)", function.rawValue + " " + arguments.map(operands).joined(separator: " "))
                }
            }
            m.line("root", "%\(number[root]!)")
        }
    }

    /// The simplified nodes of f, its gradient and its Hessian, renumbered in the graph's order.
    private mutating func graph(_ f: SymbolicFunction) {
        let outputs = [f.root] + f.gradient + f.hessianEntries
        let reachable = Set(f.graph.reachable(from: outputs)).union(outputs).sorted()
        var number: [Int: Int] = [:]
        block("graph") { m in
            for id in reachable {
                let n = number.count
                number[id] = n
                let ids: ([Int]) -> String = { $0.map { "%\(number[$0]!)" }.joined(separator: " ") }
                switch f.graph.nodes[id] {
                case .constant(let bits): m.line("%\(n)", "constant " + Self.number(Double(bitPattern: bits)))
                case .pi: m.line("%\(n)", "pi")
                case .variable(let v): m.line("%\(n)", "variable \(v)")
                case .sum(let terms): m.line("%\(n)", "sum " + ids(terms))
                case .product(let factors): m.line("%\(n)", "product " + ids(factors))
                case .power(let base, let exponent): m.line("%\(n)", "power " + ids([base, exponent]))
                case .function(let function, let arguments): m.line("%\(n)", function.rawValue + " " + ids(arguments))
                }
            }
            m.line("outputs", outputs.map { "%\(number[$0]!)" }.joined(separator: " "))
        }
    }

    private static func name(_ op: WrittenExpression.Operator) -> String {
        switch op {
        case .add: "add"
        case .subtract: "subtract"
        case .multiply: "multiply"
        case .divide: "divide"
        case .power: "power"
        }
    }
}
