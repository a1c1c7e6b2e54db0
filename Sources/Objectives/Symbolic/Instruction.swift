/// One operation of the register machine that both evaluators compile to: ``CompiledProgram``
/// (the simplified expression graph, for values and symbolic derivatives) and ``AutogradTape``
/// (the expression as written, replayed as torch's autograd runs it). Instruction `i` writes
/// register `i`; ``run(_:_:_:)`` is the one interpreter, so an operation has one evaluation.
struct Instruction {
    enum Opcode: UInt8 {
        case constant, variable
        case add, addConstant
        /// r[a] + c·r[b].
        case addScaled
        /// r[a] − r[b], r[a] − c, and c − r[a] (torch's `rsub`).
        case subtract, subtractConstant, constantMinus
        case multiply, multiplyConstant
        /// r[a] / r[b], r[a] / c.
        case divide, divideConstant
        case reciprocal, negate
        /// r[a]², r[a]³, and r[a] to the integer `b` by repeated squaring.
        case square, cube, integerPower
        /// r[a] ** c with torch's special exponents; C's pow(r[a], c); c ** r[a]; r[a] ** r[b].
        case torchPowerConstant, powerConstant, constantPower, power
        case sqrt, exp, log, sin, cos, tan, tanh, sinh, cosh, atan, abs, sign, heaviside
        /// min and max of r[a] and r[b]; of r[a] and c.
        case minimum, maximum, minimumConstant, maximumConstant

        /// The instruction applying `function` to registers `a` (and `b`).
        static func function(_ function: MathFunction) -> Opcode {
            switch function {
            case .sqrt: return .sqrt
            case .exp: return .exp
            case .log: return .log
            case .sin: return .sin
            case .cos: return .cos
            case .tan: return .tan
            case .tanh: return .tanh
            case .sinh: return .sinh
            case .cosh: return .cosh
            case .atan: return .atan
            case .abs: return .abs
            case .sign: return .sign
            case .heaviside: return .heaviside
            case .min: return .minimum
            case .max: return .maximum
            }
        }
    }

    var opcode: Opcode
    var a: Int32
    var b: Int32
    var constant: Double

    /// Runs `code` on the variables `x`, writing instruction `i`'s value to `r[i]`.
    static func run(_ code: UnsafeMutableBufferPointer<Instruction>, _ x: UnsafePointer<Double>, _ r: UnsafeMutablePointer<Double>) {
        let instructions = UnsafePointer(code.baseAddress!)
        for i in 0..<code.count {
            let instruction = instructions[i]
            let a = Int(instruction.a), b = Int(instruction.b), c = instruction.constant
            let value: Double
            switch instruction.opcode {
            case .constant: value = c
            case .variable: value = x[a]
            case .add: value = r[a] + r[b]
            case .addConstant: value = r[a] + c
            case .addScaled: value = r[a] + c * r[b]
            case .subtract: value = r[a] - r[b]
            case .subtractConstant: value = r[a] - c
            case .constantMinus: value = c - r[a]
            case .multiply: value = r[a] * r[b]
            case .multiplyConstant: value = r[a] * c
            case .divide: value = r[a] / r[b]
            case .divideConstant: value = r[a] / c
            case .reciprocal: value = 1 / r[a]
            case .negate: value = -r[a]
            case .square: value = r[a] * r[a]
            case .cube: value = r[a] * r[a] * r[a]
            case .integerPower: value = integerPower(r[a], b)
            case .torchPowerConstant: value = TorchMath.pow(r[a], c)
            case .powerConstant: value = cPow(r[a], c)
            case .constantPower: value = cPow(c, r[a])
            case .power: value = cPow(r[a], r[b])
            case .sqrt: value = r[a].squareRoot()
            case .exp: value = cExp(r[a])
            case .log: value = cLog(r[a])
            case .sin: value = cSin(r[a])
            case .cos: value = cCos(r[a])
            case .tan: value = cTan(r[a])
            case .tanh: value = cTanh(r[a])
            case .sinh: value = cSinh(r[a])
            case .cosh: value = cCosh(r[a])
            case .atan: value = cAtan(r[a])
            case .abs: value = Swift.abs(r[a])
            case .sign: value = MathFunction.sign.apply(r[a])
            case .heaviside: value = MathFunction.heaviside.apply(r[a])
            case .minimum: value = MathFunction.min.apply(r[a], r[b])
            case .maximum: value = MathFunction.max.apply(r[a], r[b])
            case .minimumConstant: value = MathFunction.min.apply(r[a], c)
            case .maximumConstant: value = MathFunction.max.apply(r[a], c)
            }
            r[i] = value
        }
    }

    /// x^n by repeated squaring, exact for the small integer powers objectives use.
    @inline(__always)
    static func integerPower(_ x: Double, _ n: Int) -> Double {
        var base = n < 0 ? 1 / x : x
        var k = n.magnitude
        var result = 1.0
        while k > 0 {
            if k & 1 == 1 { result *= base }
            base *= base
            k >>= 1
        }
        return result
    }
}
