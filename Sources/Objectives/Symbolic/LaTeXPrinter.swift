/// Writes a node of an ``ExpressionGraph`` as LaTeX, the way a textbook would:
/// `\frac{x^{2}}{20} + y^{2}`, `-2 \left(1 - x\right) - 400 x \left(y - x^{2}\right)`.
///
/// The output uses only the subset the MathML module renders. Formulas that would print
/// longer than ``maximumLength`` characters (a pathological closure) are cut short with `\dots`.
public struct LaTeXPrinter: Sendable {
    /// The names of the variables, by index (`["x", "y"]`).
    public var variableNames: [String]
    public var maximumLength = 4_000

    public init(variableNames: [String]) {
        self.variableNames = variableNames
    }

    public func render(_ id: ExpressionGraph.ID, in graph: ExpressionGraph) -> String {
        var budget = maximumLength
        return print(id, graph, &budget)
    }

    /// How tightly a printed node binds, to decide on parentheses.
    private enum Level: Int, Comparable {
        case sum = 1, product, power, atom
        static func < (a: Level, b: Level) -> Bool { a.rawValue < b.rawValue }
    }

    private func level(_ id: ExpressionGraph.ID, _ graph: ExpressionGraph) -> Level {
        switch graph.nodes[id] {
        case .sum: return .sum
        case .product: return .product
        case .constant(let bits):
            let value = Double(bitPattern: bits)
            let text = Self.number(value)
            if value < 0 || text.contains("\\times") { return .sum }
            // A fraction as a power's base needs parentheses: (2/3)^x, not 2/3^x.
            return text.hasPrefix("\\frac") ? .product : .atom
        case .power(_, let e):
            if let c = graph.constantValue(e), c < 0 || c == 0.5 { return c == 0.5 ? .atom : .product }
            return .power
        case .pi, .variable, .function: return .atom
        }
    }

    /// Significant digits of the numbers a formula prints, as on the rest of the page: a
    /// constant the simplifier computed (2/3 from `2 * pow(x, 3) / 3`) would otherwise print
    /// all seventeen digits of its double.
    static let significantDigits = 4

    /// `n` as a formula writes it: `20`, `0.26`, `\frac{2}{3}`, `0.1235`, `1.5 \times 10^{-8}`.
    ///
    /// An exact small fraction whose decimal does not end within ``significantDigits``
    /// digits is written as the fraction; anything else is rounded to those digits.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "\\mathrm{NaN}" }
        if value.isInfinite { return value < 0 ? "-\\infty" : "\\infty" }
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        if let (p, q) = fraction(value) { return (p < 0 ? "-" : "") + "\\frac{\(Swift.abs(p))}{\(q)}" }
        return rounded(value)
    }

    /// `(p, q)` with q in 2…99 and p/q == `value` exactly, when `value` needs more than
    /// ``significantDigits`` digits as a decimal (1/4 stays 0.25, 2/3 becomes a fraction).
    static func fraction(_ value: Double) -> (Int, Int)? {
        guard value.isFinite, value != value.rounded(), Swift.abs(value) < 1e4, rounded(value) != shortest(value) else { return nil }
        for q in 2...99 {
            let p = (value * Double(q)).rounded()
            if Swift.abs(p) < 1e6, p / Double(q) == value { return (Int(p), q) }
        }
        return nil
    }

    /// Swift's shortest round-tripping text of `value`, for comparing with the rounded one.
    private static func shortest(_ value: Double) -> String { "\(value)" }

    /// `value` to ``significantDigits`` significant digits, trailing zeros trimmed;
    /// magnitudes below 10⁻⁴ or from 10⁶ up as `m \times 10^{e}`.
    static func rounded(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "\\mathrm{NaN}" : (value < 0 ? "-\\infty" : "\\infty") }
        if value == 0 { return "0" }
        // Below 10⁻²⁹⁰ the powers of ten used for rounding underflow: round 10³⁰⁰ times the
        // value and write the exponent 300 lower.
        if Swift.abs(value) < 1e-290 { return rounded(value * 1e300, exponentShift: -300) }
        return rounded(value, exponentShift: 0)
    }

    private static func rounded(_ value: Double, exponentShift: Int) -> String {
        let magnitude = Swift.abs(value)
        var exponent = Int(log10Floor(magnitude))
        var scaled = (magnitude / power10(exponent - significantDigits + 1)).rounded(.toNearestOrAwayFromZero)
        // Rounding can carry into the next decade: 9.99996 → 10.00.
        if scaled >= power10(significantDigits) {
            exponent += 1
            scaled = (scaled / 10).rounded(.toNearestOrAwayFromZero)
        }
        var digits = String(Int64(scaled))
        let sign = value < 0 ? "-" : ""
        if exponentShift != 0 || exponent < -4 || exponent >= 6 {
            var mantissa = String(digits.removeFirst())
            while digits.last == "0" { digits.removeLast() }
            if !digits.isEmpty { mantissa += "." + digits }
            return sign + (mantissa == "1" ? "10^{\(exponent + exponentShift)}" : "\(mantissa) \\times 10^{\(exponent + exponentShift)}")
        }
        // digits holds significantDigits digits d₁d₂…, worth d₁.d₂… × 10^exponent.
        let point = exponent + 1
        var whole: String, fraction: String
        if point <= 0 {
            whole = "0"
            fraction = String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            whole = digits + String(repeating: "0", count: point - digits.count)
            fraction = ""
        } else {
            whole = String(digits.prefix(point))
            fraction = String(digits.dropFirst(point))
        }
        while fraction.last == "0" { fraction.removeLast() }
        return sign + whole + (fraction.isEmpty ? "" : "." + fraction)
    }

    /// ⌊log₁₀ x⌋ for positive finite x, exact at powers of ten.
    private static func log10Floor(_ x: Double) -> Double {
        var e = (x.exponentBitPattern == 0 ? -308 : Double(Int(x.exponent)) * 0.30102999566398120).rounded(.down)
        while power10(Int(e) + 1) <= x { e += 1 }
        while power10(Int(e)) > x { e -= 1 }
        return e
    }

    /// 10ⁿ, correctly rounded for the exponents a formula's constants have.
    private static func power10(_ n: Int) -> Double {
        var result = 1.0
        for _ in 0..<Swift.abs(n) { result *= 10 }
        return n >= 0 ? result : 1 / result
    }

    /// `1/n` for a coefficient that is the reciprocal of an integer ≥ 2 (so `x/20` prints as a fraction).
    private static func reciprocalInteger(_ c: Double) -> Int? {
        guard c > 0, c < 1 else { return nil }
        let n = (1 / c).rounded()
        return n >= 2 && n < 1e9 && 1 / n == c ? Int(n) : nil
    }

    private func name(_ index: Int) -> String {
        let name = index < variableNames.count ? variableNames[index] : "x_{\(index + 1)}"
        return name.unicodeScalars.count == 1 ? name : "\\mathrm{\(name)}"
    }

    private func parenthesized(_ text: String) -> String { "\\left(" + text + "\\right)" }

    private func print(_ id: ExpressionGraph.ID, _ graph: ExpressionGraph, _ budget: inout Int) -> String {
        guard budget > 0 else { return "\\dots" }
        let text = printNode(id, graph, &budget)
        budget -= text.utf8.count
        return text
    }

    private func printNode(_ id: ExpressionGraph.ID, _ graph: ExpressionGraph, _ budget: inout Int) -> String {
        switch graph.nodes[id] {
        case .constant(let bits):
            return Self.number(Double(bitPattern: bits))
        case .pi:
            return "\\pi"
        case .variable(let index):
            return name(index)
        case .sum(let terms):
            var out = ""
            for (i, term) in terms.enumerated() {
                let (negative, magnitude) = signed(term, graph, &budget)
                if i == 0 {
                    out += negative ? "-" + magnitude : magnitude
                } else {
                    out += negative ? " - " + magnitude : " + " + magnitude
                }
            }
            return out
        case .product:
            let (negative, magnitude) = signed(id, graph, &budget)
            return negative ? "-" + magnitude : magnitude
        case .power(let base, let e):
            if let c = graph.constantValue(e) {
                if c == 0.5 { return "\\sqrt{" + print(base, graph, &budget) + "}" }
                if c < 0 {
                    let denominator = c == -1 ? print(base, graph, &budget) : powerText(base, -c, graph, &budget)
                    return "\\frac{1}{" + denominator + "}"
                }
                return powerText(base, c, graph, &budget)
            }
            return wrapBase(base, graph, &budget) + "^{" + print(e, graph, &budget) + "}"
        case .function(let function, let arguments):
            let a = print(arguments[0], graph, &budget)
            switch function {
            case .sqrt: return "\\sqrt{" + a + "}"
            case .exp: return "e^{" + a + "}"
            case .log: return "\\ln" + parenthesized(a)
            case .abs: return "\\left|" + a + "\\right|"
            case .sign: return "\\operatorname{sign}" + parenthesized(a)
            case .heaviside: return "H" + parenthesized(a)
            case .min, .max: return "\\\(function.rawValue)" + parenthesized(a + ", " + print(arguments[1], graph, &budget))
            case .sin, .cos, .tan, .tanh, .sinh, .cosh: return "\\\(function.rawValue)" + parenthesized(a)
            case .atan: return "\\arctan" + parenthesized(a)
            }
        }
    }

    private func powerText(_ base: ExpressionGraph.ID, _ exponent: Double, _ graph: ExpressionGraph, _ budget: inout Int) -> String {
        wrapBase(base, graph, &budget) + "^{" + Self.number(exponent) + "}"
    }

    private func wrapBase(_ base: ExpressionGraph.ID, _ graph: ExpressionGraph, _ budget: inout Int) -> String {
        let text = print(base, graph, &budget)
        if case .function(let f, _) = graph.nodes[base], f != .abs, f != .sqrt { return parenthesized(text) }
        return level(base, graph) == .atom ? text : parenthesized(text)
    }

    /// A term as a sign and the printed magnitude, so sums can write `a - b`.
    private func signed(_ id: ExpressionGraph.ID, _ graph: ExpressionGraph, _ budget: inout Int) -> (Bool, String) {
        if let c = graph.constantValue(id) { return (c < 0, Self.number(Swift.abs(c))) }
        guard case .product(let factors) = graph.nodes[id] else { return (false, print(id, graph, &budget)) }
        var coefficient = 1.0
        var numerator: [String] = []
        var denominator: [String] = []
        for factor in factors {
            if let c = graph.constantValue(factor) {
                coefficient *= c
            } else if case .power(let base, let e) = graph.nodes[factor], let c = graph.constantValue(e), c < 0 {
                denominator.append(c == -1 ? wrapFactor(base, graph, &budget) : powerText(base, -c, graph, &budget))
            } else {
                numerator.append(wrapFactor(factor, graph, &budget))
            }
        }
        let negative = coefficient < 0
        let magnitude = Swift.abs(coefficient)
        if let n = Self.reciprocalInteger(magnitude) {
            denominator.insert(String(n), at: 0)
        } else if let (p, q) = Self.fraction(magnitude) {
            // 2x³/3 rather than \frac{2}{3} x^{3}, as x/20 prints as \frac{x}{20}.
            if p != 1 { numerator.insert(String(p), at: 0) }
            denominator.insert(String(q), at: 0)
        } else if magnitude != 1 {
            numerator.insert(Self.number(magnitude), at: 0)
        }
        let top = numerator.isEmpty ? "1" : numerator.joined(separator: " ")
        if denominator.isEmpty { return (negative, top) }
        return (negative, "\\frac{" + top + "}{" + denominator.joined(separator: " ") + "}")
    }

    private func wrapFactor(_ id: ExpressionGraph.ID, _ graph: ExpressionGraph, _ budget: inout Int) -> String {
        let text = print(id, graph, &budget)
        return level(id, graph) < .power ? parenthesized(text) : text
    }
}
