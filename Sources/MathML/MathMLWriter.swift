import TextFormatting

/// Serialises ``MathNode``s as MathML Core markup, compact and deterministic.
///
/// Attributes are written in a fixed order; every text is escaped, and
/// characters HTML forbids (C0 and C1 controls, noncharacters) become U+FFFD.
struct MathMLWriter {
    private(set) var output = ""

    mutating func write(_ node: MathNode) {
        switch node {
        case .identifier(let name, let upright):
            write(name, between: upright && name.unicodeScalars.count == 1 ? "<mi mathvariant=\"normal\">" : "<mi>", and: "</mi>")
        case .number(let digits):
            write(digits, between: "<mn>", and: "</mn>")
        case .operator(let op):
            write(op)
        case .text(let text):
            write(text, between: "<mtext>", and: "</mtext>")
        case .space(let em):
            output += "<mspace width=\"\(Self.length(em))\"></mspace>"
        case .row(let nodes):
            if nodes.count == 1 {
                write(nodes[0])
            } else {
                output += "<mrow>"
                writeChildren(nodes)
                output += "</mrow>"
            }
        case .fraction(let numerator, let denominator, let thickness, let style):
            if let style { output += "<mstyle displaystyle=\"\(style == .display)\">" }
            output += thickness.map { "<mfrac linethickness=\"\($0)\">" } ?? "<mfrac>"
            write(numerator)
            write(denominator)
            output += "</mfrac>"
            if style != nil { output += "</mstyle>" }
        case .squareRoot(let radicand):
            output += "<msqrt>"
            write(radicand)
            output += "</msqrt>"
        case .root(let radicand, let index):
            output += "<mroot>"
            write(radicand)
            write(index)
            output += "</mroot>"
        case .scripts(let base, let sub, let sup, let limits):
            let element: String
            switch (sub, sup) {
            case (_?, _?): element = limits ? "munderover" : "msubsup"
            case (_?, nil): element = limits ? "munder" : "msub"
            default: element = limits ? "mover" : "msup"
            }
            output += "<\(element)>"
            write(base)
            if let sub { write(sub) }
            if let sup { write(sup) }
            output += "</\(element)>"
        case .accent(let base, let mark, let under, let isAccent):
            let element = under ? "munder" : "mover"
            let attribute = isAccent ? (under ? " accentunder=\"true\"" : " accent=\"true\"") : ""
            output += "<\(element)\(attribute)>"
            write(base)
            write(mark)
            output += "</\(element)>"
        case .stack(let base, let over, let under):
            let element = over != nil && under != nil ? "munderover" : over != nil ? "mover" : "munder"
            output += "<\(element)>"
            write(base)
            if let under { write(under) }
            if let over { write(over) }
            output += "</\(element)>"
        case .function(let name):
            // The row around it writes the U+2061 that follows.
            write(name)
        case .style(let inner, let style):
            output += "<mstyle displaystyle=\"\(style == .display)\">"
            write(inner)
            output += "</mstyle>"
        case .phantom(let inner, let keep):
            switch keep {
            case .both: output += "<mphantom>"
            case .width: output += "<mpadded height=\"0\" depth=\"0\"><mphantom>"
            case .height: output += "<mpadded width=\"0\"><mphantom>"
            }
            write(inner)
            output += keep == .both ? "</mphantom>" : "</mphantom></mpadded>"
        case .table(let table):
            write(table)
        case .error(let source):
            write(source, between: "<merror><mtext>", and: "</mtext></merror>")
        }
    }

    /// A row's children, with U+2061 FUNCTION APPLICATION after each operator
    /// name that has an argument: a thin space before a plain argument, none
    /// before a parenthesis, as TeX spaces `\log x` and `\log(x)`.
    private mutating func writeChildren(_ nodes: [MathNode]) {
        for (index, node) in nodes.enumerated() {
            write(node)
            guard Self.isFunction(node), index + 1 < nodes.count else { continue }
            let next = nodes[index + 1]
            if Self.opensFence(next) {
                output += "<mo>\u{2061}</mo>"
            } else if !Self.isOperator(next) {
                output += "<mo rspace=\"0.1667em\">\u{2061}</mo>"
            }
        }
    }

    private mutating func write(_ op: MathOperator) {
        output += "<mo"
        if let form = op.form { output += " form=\"\(form.rawValue)\"" }
        if let stretchy = op.stretchy { output += " stretchy=\"\(stretchy)\"" }
        if op.fence { output += " fence=\"true\"" }
        // The operator dictionary already makes ∑, ∫ and their kin large, and
        // the ∑ family's limits movable; names like "max" need it said.
        if op.movablelimits && !op.largeop {
            output += " movablelimits=\"true\""
        }
        if let lspace = op.lspace { output += " lspace=\"\(lspace)\"" }
        if let rspace = op.rspace { output += " rspace=\"\(rspace)\"" }
        if let size = op.size { output += " minsize=\"\(size)\" maxsize=\"\(size)\"" }
        output += ">"
        appendEscaped(op.text)
        output += "</mo>"
    }

    /// `<mtable>` with alignment and spacing both as MathML attributes (Firefox)
    /// and as cell styles (Chromium, whose MathML Core lays cells out with CSS).
    private mutating func write(_ table: MathTable) {
        let columns = table.rows.map(\.count).max() ?? 0
        if table.open != nil || table.close != nil { output += "<mrow>" }
        if let open = table.open {
            write(MathOperator(text: open, form: .prefix, stretchy: true, fence: true))
        }
        let alignments = (0..<columns).map { table.alignment(ofColumn: $0).rawValue }
        output += "<mtable"
        if Set(alignments) != ["center"] && !alignments.isEmpty {
            output += " columnalign=\"\(alignments.joined(separator: " "))\""
        }
        output += table.displayStyle ? " displaystyle=\"true\">" : ">"
        for (r, row) in table.rows.enumerated() {
            let id = r < table.rowIDs.count ? table.rowIDs[r] : nil
            output += id.map { "<mtr id=\"\(Escaping.html($0))\">" } ?? "<mtr>"
            for (column, cell) in row.enumerated() {
                var style: [String] = []
                let alignment = table.alignment(ofColumn: column)
                switch alignment {
                case .center: break
                case .left: style.append("text-align:left")
                // Chromium's cell content is a block, which only its vendor value moves right.
                case .right: style.append("text-align:right;text-align:-webkit-right")
                }
                if let spacing = table.columnSpacing {
                    let before = column == 0 ? 0 : spacing[(column - 1) % spacing.count] / 2
                    let after = column == columns - 1 ? 0 : spacing[column % spacing.count] / 2
                    // One declaration where both sides agree (most cells): formula tables repeat it on every cell.
                    style.append(before == after
                        ? "padding-inline:\(Self.length(before))"
                        : "padding-inline:\(Self.length(before)) \(Self.length(after))")
                }
                output += style.isEmpty ? "<mtd>" : "<mtd style=\"\(style.joined(separator: ";"))\">"
                write(cell)
                output += "</mtd>"
            }
            if !table.rowNumbers.isEmpty {
                // The row's number in a last column, 2em after the widest row, as amsmath sets it.
                output += String(repeating: "<mtd></mtd>", count: max(0, columns - row.count))
                output += "<mtd style=\"padding-inline:2em 0;text-align:right;text-align:-webkit-right\">"
                if let number = table.rowNumbers[r] { write(number, between: "<mtext>", and: "</mtext>") }
                output += "</mtd>"
            }
            output += "</mtr>"
        }
        output += "</mtable>"
        if let close = table.close {
            write(MathOperator(text: close, form: .postfix, stretchy: true, fence: true))
        }
        if table.open != nil || table.close != nil { output += "</mrow>" }
    }

    // MARK: - Node tests

    static func isFunction(_ node: MathNode) -> Bool {
        switch node {
        case .function: return true
        case .scripts(let base, _, _, _): return isFunction(base)
        default: return false
        }
    }

    private static func isOperator(_ node: MathNode) -> Bool {
        if case .operator = node { return true }
        return false
    }

    private static func opensFence(_ node: MathNode) -> Bool {
        switch node {
        case .operator(let op): return op.form == .prefix || "([{⟨⌊⌈".contains(op.text)
        case .row(let nodes): return nodes.first.map(opensFence) ?? false
        case .scripts(let base, _, _, _): return opensFence(base)
        case .table(let table): return table.open != nil
        default: return false
        }
    }

    // MARK: - Text

    /// `em` as a CSS length: `0.1667em`, `1em`, `0`.
    static func length(_ em: Double) -> String {
        if em == 0 { return "0" }
        if em == em.rounded() { return "\(Int(em))em" }
        return "\(em)em"
    }

    /// `text`, escaped, between the tags `open` and `close`.
    private mutating func write(_ text: String, between open: String, and close: String) {
        output += open
        appendEscaped(text)
        output += close
    }

    mutating func appendEscaped(_ text: String) {
        Escaping.htmlReplacingForbidden(text, into: &output)
    }
}
