/// A parsed formula: one case per MathML Core element the writer emits.
indirect enum MathNode: Sendable, Equatable {
    /// `<mi>`; `upright` asks for `mathvariant="normal"` on a one-character name.
    case identifier(String, upright: Bool)
    /// `<mn>`.
    case number(String)
    /// `<mo>` with its attributes.
    case `operator`(MathOperator)
    /// `<mtext>`.
    case text(String)
    /// `<mspace width="…">`, the width in em.
    case space(em: Double)
    /// `<mrow>`; a row of one element is written as that element.
    case row([MathNode])
    /// `<mfrac>`; `thickness` 0 for binomials, `style` for `\tfrac` and `\dfrac`.
    case fraction(MathNode, MathNode, thickness: String?, style: MathStyle?)
    /// `<msqrt>`.
    case squareRoot(MathNode)
    /// `<mroot>`: radicand, then index.
    case root(MathNode, index: MathNode)
    /// `<msub>`, `<msup>`, `<msubsup>`; with `limits`, `<munder>`, `<mover>`, `<munderover>`.
    case scripts(base: MathNode, sub: MathNode?, sup: MathNode?, limits: Bool)
    /// `<mover accent="true">` (or `<munder accentunder="true">`); a brace or
    /// arrow that is not an accent when `isAccent` is false.
    case accent(base: MathNode, mark: MathOperator, under: Bool, isAccent: Bool)
    /// `<mover>` / `<munder>` of two arbitrary formulas (`\overset`, `\underset`).
    case stack(base: MathNode, over: MathNode?, under: MathNode?)
    /// An operator name (`\log`, `\operatorname{…}`) followed by U+2061 FUNCTION APPLICATION.
    case function(MathNode)
    /// `<mstyle displaystyle="…">`.
    case style(MathNode, MathStyle)
    /// `<mphantom>`; `<mpadded>` around it for `\hphantom` and `\vphantom`.
    case phantom(MathNode, keep: PhantomDimensions)
    /// `<mtable>`.
    case table(MathTable)
    /// The source of a part that could not be parsed, shown as `<merror>`.
    case error(String)
}

/// `\displaystyle` (display) or `\textstyle` (text), as `displaystyle` true or false.
enum MathStyle: Sendable, Equatable {
    case display, text
}

/// Which dimensions of a phantom take up space.
enum PhantomDimensions: Sendable, Equatable {
    case both, width, height
}

/// The attributes of an `<mo>` that coursegen sets; `nil` leaves the operator
/// dictionary's default.
struct MathOperator: Sendable, Equatable {
    enum Form: String, Sendable { case prefix, infix, postfix }

    var text: String
    var form: Form? = nil
    var stretchy: Bool? = nil
    var fence: Bool = false
    var largeop: Bool = false
    var movablelimits: Bool = false
    var lspace: String? = nil
    var rspace: String? = nil
    /// Both `minsize` and `maxsize`, for `\big` and friends.
    var size: String? = nil

    /// A delimiter at its natural size, as LaTeX sets `(`, `|` or `\langle`
    /// outside `\left … \right`. Bars get no space on either side: in
    /// `|x| \le 1` the operator dictionary would space the closing one as a
    /// relation, where TeX treats both as ordinary symbols.
    static func delimiter(_ text: String) -> MathOperator {
        let bar = text == "|" || text == "‖"
        return MathOperator(text: text, stretchy: false, lspace: bar ? "0em" : nil, rspace: bar ? "0em" : nil)
    }
}

/// A LaTeX environment's rows of cells and how to lay them out.
struct MathTable: Sendable, Equatable {
    enum Alignment: String, Sendable { case left, center, right }

    var rows: [[MathNode]]
    /// Alignment of each column; columns beyond the list repeat it from its start.
    var columnAlignments: [Alignment]
    /// Space between columns in em, repeating the same way; `nil` for the default.
    var columnSpacing: [Double]?
    var displayStyle: Bool
    /// Fences around the table (`pmatrix`, `cases`); `nil` for none.
    var open: String?
    var close: String?
    /// Each row's number ("(5.3)") in a last column, and its id: the rows of a numbered
    /// `align` or `gather` in display math. Empty when no row shows one.
    var rowNumbers: [String?] = []
    var rowIDs: [String?] = []

    func alignment(ofColumn column: Int) -> Alignment {
        columnAlignments.isEmpty ? .center : columnAlignments[column % columnAlignments.count]
    }
}
