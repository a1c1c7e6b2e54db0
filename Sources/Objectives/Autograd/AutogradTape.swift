/// An objective's loss and gradient computed with the floating-point operations PyTorch's
/// autograd performs, in the same order, for the same expression in float64 on the CPU.
///
/// The forward pass evaluates the ``WrittenExpression`` operation by operation, each as torch's
/// kernel for it rounds (`c - x` as `rsub`, `c / x` as `x.reciprocal() * c`, `pow` with torch's
/// special exponents). The backward pass runs the operations in reverse creation order, as
/// autograd's engine does (a node runs once every user has run, and among ready nodes the newest
/// first), applies each node's formula from torch's `derivatives.yaml` (mul: `grad * other`,
/// `grad * self`; pow: `grad * (p * self.pow(p - 1))`; div's divisor: `-grad * ((self / other) / other)`; …),
/// and sums the contributions reaching a node in the order they arrive.
///
/// With the arithmetic operators, powers, `abs`, `min`, `max`, `sinh` and `cosh` the result
/// equals torch's bit for bit. torch takes `sqrt`, `exp`, `log`, `sin`, `cos`, `tan`, `tanh`
/// and `atan` from MKL's vector math library; the C library used here agrees with it in most
/// last bits, not all (from 0.2% of arguments for `sin` to 15% for `tanh`).
///
/// Compiled once; a run never allocates (values and adjoints live in stack memory for the
/// call), so one tape is safe to run from many threads at once.
public final class AutogradTape: @unchecked Sendable {
    // @unchecked: the buffers are written once in `init` and only read afterwards.

    /// A backward rule: the contribution of the adjoint `g` in slot `node` to the adjoint in slot
    /// `target`; `a` and `b` name value registers.
    enum Rule: UInt8 {
        /// g; −g.
        case pass, negated
        /// g · r[a]; g · c; g / r[a]; g / c.
        case scaled, scaledConstant, over, overConstant
        /// −g · ((r[a] / r[b]) / r[b]), the divisor's share of a quotient.
        case divisor
        /// −g · (r·r) with r = r[a] = 1/x, the node's value.
        case reciprocal
        /// g · (c · x^(c−1)) with x = r[a], 0 for c = 0.
        case powerConstant
        /// The base's and the exponent's shares of r[a] ** r[b].
        case powerBase, powerExponent
        /// g · (r[b] · ln c) for the node r[b] = c ** r[a]; the step's constant is ln c (−∞ for a base of 0).
        case constantPower
        /// From the argument r[a] (sin, cos, sinh, cosh, atan, abs) or the node's value r[a] (tan, tanh, sqrt).
        case sin, cos, tan, tanh, sinh, cosh, atan, sqrt, abs
        /// +0: torch's derivative of `sign`.
        case zero
        /// The shares of `minimum(r[a], r[b])` and `maximum`: g, g/2 at a tie, 0 for the other.
        case minimumFirst, minimumSecond, maximumFirst, maximumSecond
        case minimumConstant, maximumConstant
    }

    struct Step {
        var rule: Rule
        /// Whether an earlier step wrote the target: later contributions add, the first stores,
        /// as autograd's input buffers take the first gradient as it is.
        var accumulates = false
        var node: Int32
        var target: Int32
        var a: Int32
        var b: Int32
        var constant: Double
    }

    private let code: UnsafeMutableBufferPointer<Instruction>
    private let steps: UnsafeMutableBufferPointer<Step>
    /// The adjoint slot of each coordinate's variable, −1 when the expression does not use it.
    private let variableSlots: UnsafeMutableBufferPointer<Int32>
    /// The register holding the loss.
    private let root: Int32
    /// Whether torch's sum of per-coordinate `select` gradients adds 0 to every component
    /// (it does when more than one coordinate is used), turning a −0 into +0.
    private let addsSelectZeros: Bool

    /// The number of coordinates.
    public let dimension: Int
    /// Registers one run needs for values, and as many for adjoints.
    public var registerCount: Int { code.count }
    /// Backward contributions one gradient evaluation computes.
    public var stepCount: Int { steps.count }

    /// Compiles `root` of `expression`, a function of `dimension` coordinates.
    public init(_ expression: WrittenExpression, root: WrittenExpression.Index, dimension: Int) {
        var compiler = Compiler(expression: expression, dimension: dimension)
        let rootRegister = compiler.compile(root)
        let (steps, slots) = compiler.backward(root: rootRegister)
        code = .allocate(capacity: compiler.code.count)
        _ = code.initialize(from: compiler.code)
        self.steps = .allocate(capacity: steps.count)
        _ = self.steps.initialize(from: steps)
        variableSlots = .allocate(capacity: dimension)
        _ = variableSlots.initialize(from: compiler.variableRegisters.map { $0 < 0 ? -1 : slots[Int($0)] })
        self.root = rootRegister
        self.dimension = dimension
        addsSelectZeros = compiler.variableRegisters.filter { $0 >= 0 }.count > 1
    }

    deinit {
        code.deallocate()
        steps.deallocate()
        variableSlots.deallocate()
    }

    /// The loss at `x`.
    public func value(_ x: UnsafePointer<Double>) -> Double {
        withUnsafeTemporaryAllocation(of: Double.self, capacity: code.count) { registers in
            forward(x, registers.baseAddress!)
            return registers[Int(root)]
        }
    }

    /// Writes the gradient at `x` to `g` (``dimension`` values) and returns the loss.
    public func valueAndGradient(_ x: UnsafePointer<Double>, _ g: UnsafeMutablePointer<Double>) -> Double {
        let count = code.count
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: 2 * count) { buffer in
            let r = buffer.baseAddress!
            let adjoint = r + count
            forward(x, r)
            // Every slot a step reads or the gradient is taken from is written before, by the
            // seed or by a storing step, so the adjoints need no clearing.
            adjoint[Int(root)] = 1
            backward(r, adjoint)
            for i in 0..<dimension {
                let slot = Int(variableSlots[i])
                if slot < 0 {
                    g[i] = 0
                } else {
                    g[i] = addsSelectZeros ? adjoint[slot] + 0 : adjoint[slot]
                }
            }
            return r[Int(root)]
        }
    }

    private func forward(_ x: UnsafePointer<Double>, _ r: UnsafeMutablePointer<Double>) {
        Instruction.run(code, x, r)
    }

    private func backward(_ r: UnsafePointer<Double>, _ adjoint: UnsafeMutablePointer<Double>) {
        guard let base = self.steps.baseAddress else { return }
        let steps = UnsafePointer(base)
        for k in 0..<self.steps.count {
            let step = steps[k]
            let g = adjoint[Int(step.node)]
            let a = Int(step.a), b = Int(step.b), c = step.constant
            let share: Double
            switch step.rule {
            case .pass: share = g
            case .negated: share = -g
            case .scaled: share = g * r[a]
            case .scaledConstant: share = g * c
            case .over: share = g / r[a]
            case .overConstant: share = g / c
            case .divisor: share = -g * ((r[a] / r[b]) / r[b])
            case .reciprocal: share = -g * (r[a] * r[a])
            case .powerConstant: share = c == 0 ? 0 : g * (c * TorchMath.pow(r[a], c - 1))
            case .powerBase: share = r[b] == 0 ? 0 : g * (r[b] * cPow(r[a], r[b] - 1))
            // The power is recomputed rather than kept: the same call on the same operands gives the same value.
            case .powerExponent: share = g * (r[a] == 0 && r[b] >= 0 ? 0 : cPow(r[a], r[b]) * cLog(r[a]))
            case .constantPower: share = g * (c == -.infinity && r[a] >= 0 ? 0 : r[b] * c)
            case .sin: share = g * cCos(r[a])
            case .cos: share = g * -cSin(r[a])
            case .tan: share = g * (1 + r[a] * r[a])
            // torch's tanh_backward kernel is compiled to a fused multiply-add: g·(1 − r²) with 1 − r² rounded once.
            case .tanh: share = g * (1.0).addingProduct(-r[a], r[a])
            case .sinh: share = g * cCosh(r[a])
            case .cosh: share = g * cSinh(r[a])
            case .atan: share = g / (r[a] * r[a] + 1)
            case .sqrt: share = g / (2 * r[a])
            case .abs: share = g * TorchMath.sign(r[a])
            case .zero: share = 0
            case .minimumFirst: share = r[a] > r[b] ? 0 : r[a] == r[b] ? g / 2 : g
            case .minimumSecond: share = r[a] < r[b] ? 0 : r[a] == r[b] ? g / 2 : g
            case .maximumFirst: share = r[a] < r[b] ? 0 : r[a] == r[b] ? g / 2 : g
            case .maximumSecond: share = r[a] > r[b] ? 0 : r[a] == r[b] ? g / 2 : g
            case .minimumConstant: share = r[a] > c ? 0 : r[a] == c ? g / 2 : g
            case .maximumConstant: share = r[a] < c ? 0 : r[a] == c ? g / 2 : g
            }
            if step.accumulates {
                adjoint[Int(step.target)] += share
            } else {
                adjoint[Int(step.target)] = share
            }
        }
    }
}
