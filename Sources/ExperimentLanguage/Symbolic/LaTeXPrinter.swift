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
            return value < 0 || Self.number(value).contains("\\times") ? .sum : .atom
        case .power(_, let e):
            if let c = graph.constantValue(e), c < 0 || c == 0.5 { return c == 0.5 ? .atom : .product }
            return .power
        case .pi, .variable, .function: return .atom
        }
    }

    /// `n` as a formula writes it: `20`, `0.26`, `1.5 \times 10^{-8}`.
    static func number(_ value: Double) -> String {
        if value.isNaN { return "\\mathrm{NaN}" }
        if value.isInfinite { return value < 0 ? "-\\infty" : "\\infty" }
        if value == value.rounded(), Swift.abs(value) < 1e15 { return String(Int64(value)) }
        let text = "\(value)"
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            let mantissa = text[..<e]
            let exponent = Int(text[text.index(after: e)...]) ?? 0
            return mantissa == "1.0" ? "10^{\(exponent)}" : "\(mantissa) \\times 10^{\(exponent)}"
        }
        return text
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
