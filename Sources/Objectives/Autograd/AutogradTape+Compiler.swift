extension AutogradTape {
    /// Lowers a ``WrittenExpression`` to forward instructions, one per torch node, and to the
    /// backward steps autograd's engine would run for them, in its order.
    struct Compiler {
        let expression: WrittenExpression
        var code: [Instruction] = []
        var register: [WrittenExpression.Index: Int32] = [:]
        var variableRegisters: [Int32]

        init(expression: WrittenExpression, dimension: Int) {
            self.expression = expression
            variableRegisters = Array(repeating: -1, count: dimension)
        }

        /// Emits every operation `root` depends on, in creation order; returns the root's register.
        mutating func compile(_ root: WrittenExpression.Index) -> Int32 {
            for index in expression.reachable(from: root) {
                if let c = expression.constantValue(index) {
                    // Numbers are operands of the instructions that use them; only a constant
                    // function needs one of its own.
                    if index == root { register[index] = emit(.constant, c: c) }
                    continue
                }
                register[index] = emitOperation(index)
            }
            return register[root]!
        }

        private mutating func emit(_ opcode: Instruction.Opcode, _ a: Int32 = 0, _ b: Int32 = 0, c: Double = 0) -> Int32 {
            code.append(Instruction(opcode: opcode, a: a, b: b, constant: c))
            return Int32(code.count - 1)
        }

        private func r(_ index: WrittenExpression.Index) -> Int32 { register[index]! }

        private mutating func emitOperation(_ index: WrittenExpression.Index) -> Int32 {
            switch expression.operations[index] {
            case .constant:
                preconditionFailure("numbers are folded into their users")
            case .variable(let i):
                guard i < variableRegisters.count else { return emit(.constant, c: .nan) }
                let out = emit(.variable, Int32(i))
                variableRegisters[i] = out
                return out
            case .negate(let a):
                return emit(.negate, r(a))
            case .binary(let op, let a, let b):
                // Operations on two numbers were folded, so at most one side is a number. Python
                // hands `c + x` and `c * x` to the tensor's reflected operator, which computes
                // `x + c` and `x * c`: the same values, since IEEE addition and multiplication commute.
                let ca = expression.constantValue(a), cb = expression.constantValue(b)
                switch op {
                case .add:
                    return emit(a, b, numberLeft: .addConstant, numberRight: .addConstant, registers: .add)
                case .subtract:
                    return emit(a, b, numberLeft: .constantMinus, numberRight: .subtractConstant, registers: .subtract)
                case .multiply:
                    return emit(a, b, numberLeft: .multiplyConstant, numberRight: .multiplyConstant, registers: .multiply)
                case .divide:
                    if let cb { return emit(.divideConstant, r(a), c: cb) }
                    if let ca {
                        // torch's Tensor.__rtruediv__ is `self.reciprocal() * other`: two nodes.
                        let reciprocal = emit(.reciprocal, r(b))
                        return emit(.multiplyConstant, reciprocal, c: ca)
                    }
                    return emit(.divide, r(a), r(b))
                case .power:
                    if let cb { return emit(.torchPowerConstant, r(a), c: cb) }
                    if let ca { return emit(.constantPower, r(b), c: ca) }
                    return emit(.power, r(a), r(b))
                }
            case .call(let function, let arguments):
                if function == .min || function == .max {
                    // torch.minimum and torch.maximum are symmetric in their operands, masks included.
                    let withConstant: Instruction.Opcode = function == .min ? .minimumConstant : .maximumConstant
                    return emit(
                        arguments[0], arguments[1], numberLeft: withConstant, numberRight: withConstant,
                        registers: function == .min ? .minimum : .maximum)
                }
                return emit(.function(function), r(arguments[0]))
            }
        }

        /// A binary operation of which at most one operand is a number: `numberLeft` with the
        /// register of `b` and the number `a`, `numberRight` with the register of `a` and the
        /// number `b`, or `registers` on both registers.
        private mutating func emit(
            _ a: WrittenExpression.Index, _ b: WrittenExpression.Index,
            numberLeft: Instruction.Opcode, numberRight: Instruction.Opcode, registers: Instruction.Opcode
        ) -> Int32 {
            if let ca = expression.constantValue(a) { return emit(numberLeft, r(b), c: ca) }
            if let cb = expression.constantValue(b) { return emit(numberRight, r(a), c: cb) }
            return emit(registers, r(a), r(b))
        }

        /// The backward pass: nodes newest first (every user of a node was created after it, so
        /// this is autograd's order), each node's operands in the order its formula lists them.
        ///
        /// Returns the steps and each register's adjoint slot. An operand whose only contribution
        /// is its user's adjoint unchanged (a term of a sum) shares its user's slot instead of
        /// taking a step, holding the very value autograd's buffer would.
        func backward(root: Int32) -> (steps: [Step], slots: [Int32]) {
            var steps: [Step] = []
            for node in (0...Int(root)).reversed() {
                let instruction = code[node]
                let n = Int32(node), a = instruction.a, b = instruction.b, c = instruction.constant
                func add(_ rule: Rule, to target: Int32, _ first: Int32 = 0, _ second: Int32 = 0, c: Double = 0) {
                    steps.append(Step(rule: rule, node: n, target: target, a: first, b: second, constant: c))
                }
                switch instruction.opcode {
                case .constant, .variable:
                    break
                case .addScaled, .square, .cube, .integerPower, .powerConstant:
                    // CompiledProgram's folded forms; the tape writes each operation as torch runs it.
                    preconditionFailure("the tape emits no \(instruction.opcode)")
                case .add:
                    add(.pass, to: a)
                    add(.pass, to: b)
                case .addConstant, .subtractConstant:
                    add(.pass, to: a)
                case .subtract:
                    add(.pass, to: a)
                    add(.negated, to: b)
                case .constantMinus, .negate:
                    add(.negated, to: a)
                case .multiply:
                    add(.scaled, to: a, b)
                    add(.scaled, to: b, a)
                case .multiplyConstant:
                    add(.scaledConstant, to: a, c: c)
                case .divide:
                    add(.over, to: a, b)
                    add(.divisor, to: b, a, b)
                case .divideConstant:
                    add(.overConstant, to: a, c: c)
                case .reciprocal:
                    add(.reciprocal, to: a, n)
                case .torchPowerConstant:
                    add(.powerConstant, to: a, a, c: c)
                case .constantPower:
                    // torch takes the logarithm of a Python number with std::log, once.
                    add(.constantPower, to: a, a, n, c: cLog(c))
                case .power:
                    add(.powerBase, to: a, a, b)
                    add(.powerExponent, to: b, a, b)
                case .sqrt: add(.sqrt, to: a, n)
                case .exp: add(.scaled, to: a, n)
                case .log: add(.over, to: a, a)
                case .sin: add(.sin, to: a, a)
                case .cos: add(.cos, to: a, a)
                case .tan: add(.tan, to: a, n)
                case .tanh: add(.tanh, to: a, n)
                case .sinh: add(.sinh, to: a, a)
                case .cosh: add(.cosh, to: a, a)
                case .atan: add(.atan, to: a, a)
                case .abs: add(.abs, to: a, a)
                case .sign, .heaviside: add(.zero, to: a)
                case .minimum:
                    add(.minimumFirst, to: a, a, b)
                    add(.minimumSecond, to: b, a, b)
                case .maximum:
                    add(.maximumFirst, to: a, a, b)
                    add(.maximumSecond, to: b, a, b)
                case .minimumConstant:
                    add(.minimumConstant, to: a, a, c: c)
                case .maximumConstant:
                    add(.maximumConstant, to: a, a, c: c)
                }
            }
            var contributions = Array(repeating: 0, count: code.count)
            for step in steps { contributions[Int(step.target)] += 1 }
            var slots = (0..<Int32(code.count)).map { $0 }
            var kept: [Step] = []
            var written = Array(repeating: false, count: code.count)
            // A node's steps come after every step into it, so its slot is settled before they are rewritten.
            for var step in steps {
                step.node = slots[Int(step.node)]
                if step.rule == .pass, contributions[Int(step.target)] == 1 {
                    slots[Int(step.target)] = step.node
                    continue
                }
                step.target = slots[Int(step.target)]
                step.accumulates = written[Int(step.target)]
                written[Int(step.target)] = true
                kept.append(step)
            }
            return (kept, slots)
        }
    }
}
