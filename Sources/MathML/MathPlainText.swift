extension MathML {
    /// `latex` as readable plain text, for places that take no markup (a page's `<title>`, an
    /// attribute): the symbols the formula shows, in one line, never its commands.
    ///
    /// ```swift
    /// MathML.plainText(latex: #"\eta"#)                 // "η"
    /// MathML.plainText(latex: #"\hat{m}_t"#)             // "m̂ₜ"
    /// MathML.plainText(latex: #"\frac{1}{\sqrt{v_t}}"#)  // "1/√vₜ"
    /// ```
    public static func plainText(latex: String) -> String {
        var parser = LaTeXParser(latex)
        return MathPlainText.text(parser.parseFormula()).replacing("  ", with: " ").trimmingCharacters(in: " ")
    }
}

/// The plain-text spelling of a parsed formula.
enum MathPlainText {
    static func text(_ node: MathNode) -> String {
        switch node {
        case .identifier(let s, _), .number(let s), .text(let s): return s
        case .operator(let op): return op.text.unicodeScalars.allSatisfy(isInvisible) ? "" : op.text
        case .space(let em): return em > 0.1 ? " " : ""
        case .row(let nodes): return row(nodes)
        case .fraction(let numerator, let denominator, _, _): return grouped(numerator) + "/" + grouped(denominator)
        case .squareRoot(let radicand): return "√" + grouped(radicand)
        case .root(let radicand, let index): return script(text(index), superscript: true) + "√" + grouped(radicand)
        case .scripts(let base, let sub, let sup, let limits):
            var out = text(base)
            if limits {
                if let sub { out += "_" + grouped(sub) }
                if let sup { out += "^" + grouped(sup) }
                return out
            }
            if let sub { out += script(text(sub), superscript: false) }
            if let sup { out += script(text(sup), superscript: true) }
            return out
        case .accent(let base, let mark, _, _):
            let body = text(base)
            guard body.count == 1, let combining = combiningMarks[mark.text] else { return body }
            return body + String(combining)
        case .stack(let base, _, _): return text(base)
        case .function(let name): return text(name) + " "
        case .style(let inner, _): return text(inner)
        case .phantom: return ""
        case .table(let table):
            let rows = table.rows.map { $0.map(text).joined(separator: " ") }.joined(separator: "; ")
            return (table.open ?? "") + rows + (table.close ?? "")
        case .error(let source): return source
        }
    }

    /// A row's parts in order: a relation or binary operator between two operands spaced as
    /// a reader writes it ("x² + y²"), a function's name apart from its argument but not
    /// from its parenthesis ("log x", "log(x)").
    private static func row(_ nodes: [MathNode]) -> String {
        var out = ""
        for node in nodes {
            var part = text(node)
            if case .operator(let op) = node, spaced.contains(op.text), !out.isEmpty, !out.hasSuffix(" ") {
                part = " " + part + " "
            } else if out.hasSuffix(" "), part.first == "(" || part.first == " " {
                out.removeLast()
            }
            out += part
        }
        return out.replacing("  ", with: " ")
    }

    private static let spaced: Set<String> = [
        "+", "−", "-", "=", "≠", "<", ">", "≤", "≥", "≈", "∼", "≃", "≡", "∝", "←", "→", "⇒", "⇔", "↦", "∈", "∉", "⊂", "⊆",
        "×", "⋅", "·", "⊙", "⊗", "∘", "±", "∓", ":=",
    ]

    /// A part as it stands after `/` or `√`: in parentheses when it is several parts in a row.
    private static func grouped(_ node: MathNode) -> String {
        let body = text(node)
        switch node {
        case .row(let nodes) where nodes.count > 1: return "(" + body + ")"
        case .fraction: return "(" + body + ")"
        case .style(let inner, _): return grouped(inner)
        default: return body
        }
    }

    /// `body` as Unicode sub- or superscript characters when each has one ("t" → "ₜ", "2" → "²"),
    /// else written out as `_t`/`^(t+1)`.
    private static func script(_ body: String, superscript: Bool) -> String {
        let table = superscript ? superscripts : subscripts
        let body = body.filter { $0 != " " }
        let mapped = body.compactMap { table[$0] }
        if !body.isEmpty, mapped.count == body.count { return String(mapped) }
        let marker = superscript ? "^" : "_"
        return marker + (body.count == 1 ? body : "(" + body + ")")
    }

    /// Function application and the other invisible operators MathML inserts.
    private static func isInvisible(_ scalar: Unicode.Scalar) -> Bool { (0x2061...0x2064).contains(scalar.value) }

    private static let combiningMarks: [String: Character] = [
        "ˆ": "\u{0302}", "˜": "\u{0303}", "¯": "\u{0304}", "˙": "\u{0307}", "¨": "\u{0308}", "→": "\u{20D7}", "ˇ": "\u{030C}",
        "˘": "\u{0306}", "´": "\u{0301}",
    ]

    private static let superscripts: [Character: Character] = [
        "0": "⁰", "1": "¹", "2": "²", "3": "³", "4": "⁴", "5": "⁵", "6": "⁶", "7": "⁷", "8": "⁸", "9": "⁹",
        "+": "⁺", "−": "⁻", "-": "⁻", "=": "⁼", "(": "⁽", ")": "⁾", "n": "ⁿ", "i": "ⁱ", "t": "ᵗ", "k": "ᵏ", "T": "ᵀ",
        "′": "′", "″": "″",
    ]

    private static let subscripts: [Character: Character] = [
        "0": "₀", "1": "₁", "2": "₂", "3": "₃", "4": "₄", "5": "₅", "6": "₆", "7": "₇", "8": "₈", "9": "₉",
        "+": "₊", "−": "₋", "-": "₋", "=": "₌", "(": "₍", ")": "₎", "a": "ₐ", "e": "ₑ", "i": "ᵢ", "j": "ⱼ", "k": "ₖ",
        "n": "ₙ", "t": "ₜ", "x": "ₓ",
    ]
}

extension String {
    fileprivate func trimmingCharacters(in set: String) -> String {
        var text = Substring(self)
        while let first = text.first, set.contains(first) { text.removeFirst() }
        while let last = text.last, set.contains(last) { text.removeLast() }
        return String(text)
    }
}
