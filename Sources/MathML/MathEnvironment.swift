/// How a LaTeX environment lays out its rows: column alignment, spacing,
/// style and the fences around it.
struct MathEnvironment: Sendable {
    var columnAlignments: [MathTable.Alignment]
    var columnSpacing: [Double]?
    var displayStyle: Bool
    var open: String?
    var close: String?

    /// How an environment numbers its lines in display math: each row (`align`, `gather`),
    /// the formula as one line (`equation`), with a starred form that numbers nothing.
    enum Numbering { case rows, formula }

    static func numbering(of name: String) -> (Numbering, starred: Bool)? {
        switch name {
        case "align", "gather": return (.rows, false)
        case "align*", "gather*": return (.rows, true)
        case "equation": return (.formula, false)
        case "equation*": return (.formula, true)
        default: return nil
        }
    }

    /// The environments the parser knows, sorted for suggestions.
    static let names: [String] = [
        "Bmatrix", "Vmatrix", "align", "align*", "aligned", "array", "bmatrix", "cases", "dcases",
        "equation", "equation*", "gather", "gather*", "gathered", "matrix", "pmatrix", "split", "vmatrix",
    ]

    static func named(_ name: String) -> MathEnvironment? {
        switch name {
        // Pairs of columns, right then left, the relation starting the left one;
        // pairs 2em apart as in amsmath.
        case "aligned", "align", "align*", "split":
            return MathEnvironment(columnAlignments: [.right, .left], columnSpacing: [0, 2], displayStyle: true)
        case "gathered", "gather", "gather*", "equation", "equation*":
            return MathEnvironment(columnAlignments: [.center], columnSpacing: nil, displayStyle: true)
        case "cases":
            return MathEnvironment(columnAlignments: [.left], columnSpacing: [1], displayStyle: false, open: "{")
        case "dcases":
            return MathEnvironment(columnAlignments: [.left], columnSpacing: [1], displayStyle: true, open: "{")
        case "matrix", "array":
            return MathEnvironment(columnAlignments: [.center], columnSpacing: [1], displayStyle: false)
        case "pmatrix":
            return MathEnvironment(columnAlignments: [.center], columnSpacing: [1], displayStyle: false, open: "(", close: ")")
        case "bmatrix":
            return MathEnvironment(columnAlignments: [.center], columnSpacing: [1], displayStyle: false, open: "[", close: "]")
        case "Bmatrix":
            return MathEnvironment(columnAlignments: [.center], columnSpacing: [1], displayStyle: false, open: "{", close: "}")
        case "vmatrix":
            return MathEnvironment(columnAlignments: [.center], columnSpacing: [1], displayStyle: false, open: "|", close: "|")
        case "Vmatrix":
            return MathEnvironment(columnAlignments: [.center], columnSpacing: [1], displayStyle: false, open: "‖", close: "‖")
        default:
            return nil
        }
    }

    func table(_ rows: [[MathNode]]) -> MathTable {
        var rows = rows
        if columnAlignments == [.right, .left] {
            // A relation opening the right-hand cell keeps its spacing on both
            // sides, as amsmath's `&=` does (MathML would read it as a prefix).
            for r in rows.indices {
                for c in rows[r].indices where c % 2 == 1 {
                    rows[r][c] = Self.infixLeadingOperator(rows[r][c])
                }
            }
        }
        return MathTable(rows: rows, columnAlignments: columnAlignments, columnSpacing: columnSpacing,
                         displayStyle: displayStyle, open: open, close: close)
    }

    private static func infixLeadingOperator(_ cell: MathNode) -> MathNode {
        switch cell {
        case .operator(var op) where op.form == nil:
            op.form = .infix
            return .operator(op)
        case .row(var nodes) where !nodes.isEmpty:
            nodes[0] = infixLeadingOperator(nodes[0])
            return .row(nodes)
        default:
            return cell
        }
    }
}
