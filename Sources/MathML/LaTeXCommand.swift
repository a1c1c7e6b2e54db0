/// What a LaTeX control word means to the parser.
enum LaTeXCommand: Sendable {
    /// A symbol written as `<mi>`: Greek letters, ∞, ℓ.
    case identifier(String, upright: Bool)
    /// A relation, binary operator or arrow, written as `<mo>`.
    case `operator`(String)
    /// A delimiter such as ⟨ or ‖: not stretched unless after `\left`, `\right` or `\big`.
    case delimiter(String)
    /// ∑ ∏ ∫: a large operator; `limits` when its scripts go above and below.
    case largeOperator(String, limits: Bool)
    /// `\max`, `\lim`: an operator name whose subscript goes below in display style.
    case limitFunction(String)
    /// `\log`, `\exp`: an upright operator name.
    case function(String)
    case space(em: Double)
    case fraction(MathStyle?)
    case binomial
    case squareRoot
    case accent(String, stretchy: Bool)
    /// `\overline`, `\underline`, `\overbrace`, …: marks stretched over or under the base.
    case wideMark(String, under: Bool, isAccent: Bool)
    case font(MathFont)
    case text(MathFont?)
    case operatorName
    case left, right, middle
    /// `\big(`, `\Bigl[`: a delimiter of fixed size, in em, and its form.
    case sized(em: Double, form: MathOperator.Form?)
    case begin, end
    case style(MathStyle)
    case limits(Bool)
    case phantom(PhantomDimensions)
    case not
    case overset, underset
    /// Commands that change nothing in MathML.
    case ignored
    /// `\label{…}`, `\tag{…}` (and `\tag*`), `\nonumber`/`\notag`: a display line's numbering.
    case label, tag, nonumber
    /// `\ref{…}` and `\eqref{…}` (in parentheses).
    case reference(parenthesised: Bool)

    /// Every control word the parser knows, by name without the backslash.
    static let all: [String: LaTeXCommand] = {
        var table: [String: LaTeXCommand] = [:]
        let greek: [(String, String)] = [
            ("alpha", "α"), ("beta", "β"), ("gamma", "γ"), ("delta", "δ"), ("epsilon", "ϵ"),
            ("varepsilon", "ε"), ("zeta", "ζ"), ("eta", "η"), ("theta", "θ"), ("vartheta", "ϑ"),
            ("iota", "ι"), ("kappa", "κ"), ("varkappa", "ϰ"), ("lambda", "λ"), ("mu", "μ"), ("nu", "ν"),
            ("xi", "ξ"), ("omicron", "ο"), ("pi", "π"), ("varpi", "ϖ"), ("rho", "ρ"), ("varrho", "ϱ"),
            ("sigma", "σ"), ("varsigma", "ς"), ("tau", "τ"), ("upsilon", "υ"), ("phi", "ϕ"),
            ("varphi", "φ"), ("chi", "χ"), ("psi", "ψ"), ("omega", "ω"),
        ]
        for (name, letter) in greek { table[name] = .identifier(letter, upright: false) }
        // Capital Greek is upright in LaTeX, unlike Latin capitals.
        let capitals: [(String, String)] = [
            ("Gamma", "Γ"), ("Delta", "Δ"), ("Theta", "Θ"), ("Lambda", "Λ"), ("Xi", "Ξ"), ("Pi", "Π"),
            ("Sigma", "Σ"), ("Upsilon", "Υ"), ("Phi", "Φ"), ("Psi", "Ψ"), ("Omega", "Ω"),
        ]
        for (name, letter) in capitals { table[name] = .identifier(letter, upright: true) }
        let ordinary: [(String, String, Bool)] = [
            ("infty", "∞", false), ("ell", "ℓ", false), ("hbar", "ℏ", false), ("imath", "ı", false),
            ("jmath", "ȷ", false), ("aleph", "ℵ", false), ("emptyset", "∅", true), ("varnothing", "∅", true),
            ("nabla", "∇", true), ("partial", "∂", true), ("Re", "ℜ", true), ("Im", "ℑ", true),
            ("top", "⊤", true), ("bot", "⊥", true), ("intercal", "⊺", true), ("prime", "′", true),
            ("angle", "∠", true), ("triangle", "△", true), ("checkmark", "✓", true), ("dagger", "†", true),
        ]
        for (name, symbol, upright) in ordinary { table[name] = .identifier(symbol, upright: upright) }
        let operators: [(String, String)] = [
            ("le", "≤"), ("leq", "≤"), ("ge", "≥"), ("geq", "≥"), ("ne", "≠"), ("neq", "≠"),
            ("approx", "≈"), ("sim", "∼"), ("simeq", "≃"), ("cong", "≅"), ("equiv", "≡"), ("propto", "∝"),
            ("ll", "≪"), ("gg", "≫"), ("lesssim", "≲"), ("gtrsim", "≳"), ("prec", "≺"), ("succ", "≻"),
            ("preceq", "⪯"), ("succeq", "⪰"), ("triangleq", "≜"), ("coloneqq", "≔"), ("eqqcolon", "≕"),
            ("doteq", "≐"), ("to", "→"), ("rightarrow", "→"), ("leftarrow", "←"), ("gets", "←"),
            ("leftrightarrow", "↔"), ("Rightarrow", "⇒"), ("Leftarrow", "⇐"), ("Leftrightarrow", "⇔"),
            ("longrightarrow", "⟶"), ("longleftarrow", "⟵"), ("Longrightarrow", "⟹"),
            ("Longleftarrow", "⟸"), ("implies", "⟹"), ("impliedby", "⟸"), ("iff", "⟺"),
            ("mapsto", "↦"), ("longmapsto", "⟼"), ("uparrow", "↑"), ("downarrow", "↓"),
            ("nearrow", "↗"), ("searrow", "↘"), ("hookrightarrow", "↪"), ("rightharpoonup", "⇀"),
            ("in", "∈"), ("notin", "∉"), ("ni", "∋"), ("subset", "⊂"), ("supset", "⊃"),
            ("subseteq", "⊆"), ("supseteq", "⊇"), ("cup", "∪"), ("cap", "∩"), ("setminus", "∖"),
            ("forall", "∀"), ("exists", "∃"), ("nexists", "∄"), ("neg", "¬"), ("lnot", "¬"),
            ("land", "∧"), ("wedge", "∧"), ("lor", "∨"), ("vee", "∨"), ("cdot", "⋅"), ("times", "×"),
            ("div", "÷"), ("pm", "±"), ("mp", "∓"), ("odot", "⊙"), ("otimes", "⊗"), ("oplus", "⊕"),
            ("ominus", "⊖"), ("oslash", "⊘"), ("circ", "∘"), ("bullet", "∙"), ("ast", "∗"), ("star", "⋆"),
            ("ldots", "…"), ("dots", "…"), ("cdots", "⋯"), ("vdots", "⋮"), ("ddots", "⋱"),
            ("mid", "∣"), ("parallel", "∥"), ("perp", "⟂"), ("colon", ":"), ("vdash", "⊢"),
            ("models", "⊨"), ("therefore", "∴"), ("because", "∵"), ("diamond", "⋄"), ("wr", "≀"),
        ]
        for (name, symbol) in operators { table[name] = .operator(symbol) }
        let delimiters: [(String, String)] = [
            ("langle", "⟨"), ("rangle", "⟩"), ("lvert", "|"), ("rvert", "|"), ("vert", "|"),
            ("lVert", "‖"), ("rVert", "‖"), ("Vert", "‖"), ("lfloor", "⌊"), ("rfloor", "⌋"),
            ("lceil", "⌈"), ("rceil", "⌉"), ("lbrace", "{"), ("rbrace", "}"), ("lbrack", "["),
            ("rbrack", "]"), ("backslash", "∖"),
        ]
        for (name, symbol) in delimiters { table[name] = .delimiter(symbol) }
        let large: [(String, String, Bool)] = [
            ("sum", "∑", true), ("prod", "∏", true), ("coprod", "∐", true), ("bigcup", "⋃", true),
            ("bigcap", "⋂", true), ("bigoplus", "⨁", true), ("bigotimes", "⨂", true),
            ("bigodot", "⨀", true), ("bigvee", "⋁", true), ("bigwedge", "⋀", true),
            ("int", "∫", false), ("iint", "∬", false), ("iiint", "∭", false), ("oint", "∮", false),
        ]
        for (name, symbol, limits) in large { table[name] = .largeOperator(symbol, limits: limits) }
        for name in ["max", "min", "lim", "sup", "inf", "liminf", "limsup", "argmax", "argmin", "det", "Pr", "gcd"] {
            let shown = switch name {
            case "liminf": "lim inf"
            case "limsup": "lim sup"
            case "argmax": "arg max"
            case "argmin": "arg min"
            default: name
            }
            table[name] = .limitFunction(shown)
        }
        for name in [
            "log", "ln", "lg", "exp", "sin", "cos", "tan", "cot", "sec", "csc", "arcsin", "arccos",
            "arctan", "sinh", "cosh", "tanh", "coth", "arg", "dim", "ker", "deg", "hom", "sgn", "tr",
        ] {
            table[name] = .function(name)
        }
        let spaces: [(String, Double)] = [
            (",", 0.1667), (":", 0.2222), (">", 0.2222), (";", 0.2778), ("!", -0.1667), (" ", 0.3333),
            ("thinspace", 0.1667), ("medspace", 0.2222), ("thickspace", 0.2778), ("negthinspace", -0.1667),
            ("enspace", 0.5), ("quad", 1), ("qquad", 2),
        ]
        for (name, em) in spaces { table[name] = .space(em: em) }
        table["frac"] = .fraction(nil)
        table["tfrac"] = .fraction(.text)
        table["dfrac"] = .fraction(.display)
        table["cfrac"] = .fraction(.display)
        table["binom"] = .binomial
        table["sqrt"] = .squareRoot
        let accents: [(String, String, Bool)] = [
            // The spacing modifier letters sit snugly on italic bases in
            // OpenType math fonts; ASCII ^ and ~ float high, combining marks drift.
            ("hat", "ˆ", false), ("widehat", "ˆ", true), ("bar", "¯", false), ("tilde", "˜", false),
            ("widetilde", "˜", true), ("dot", "˙", false), ("ddot", "¨", false),
            ("vec", "→", false), ("check", "ˇ", false), ("breve", "˘", false), ("acute", "´", false),
            ("grave", "`", false), ("mathring", "˚", false),
        ]
        for (name, mark, stretchy) in accents { table[name] = .accent(mark, stretchy: stretchy) }
        let marks: [(String, String, Bool, Bool)] = [
            ("overline", "‾", false, true), ("underline", "_", true, true),
            ("overrightarrow", "→", false, true), ("overleftarrow", "←", false, true),
            ("overbrace", "⏞", false, false), ("underbrace", "⏟", true, false),
        ]
        for (name, mark, under, isAccent) in marks { table[name] = .wideMark(mark, under: under, isAccent: isAccent) }
        let fonts: [(String, MathFont)] = [
            ("mathrm", .roman), ("mathbf", .bold), ("mathit", .italic), ("boldsymbol", .boldItalic),
            ("bm", .boldItalic), ("mathbb", .doubleStruck), ("mathcal", .script), ("mathscr", .script),
            ("mathfrak", .fraktur), ("mathsf", .sansSerif), ("mathtt", .monospace),
        ]
        for (name, font) in fonts { table[name] = .font(font) }
        for name in ["text", "textrm", "textnormal", "mbox", "textup"] { table[name] = .text(nil) }
        table["textbf"] = .text(.bold)
        table["textit"] = .text(.italic)
        table["emph"] = .text(.italic)
        table["texttt"] = .text(.monospace)
        table["textsf"] = .text(.sansSerif)
        table["operatorname"] = .operatorName
        table["left"] = .left
        table["right"] = .right
        table["middle"] = .middle
        let sizes: [(String, Double)] = [("big", 1.2), ("Big", 1.623), ("bigg", 2.047), ("Bigg", 2.470)]
        for (name, em) in sizes {
            table[name] = .sized(em: em, form: nil)
            table[name + "l"] = .sized(em: em, form: .prefix)
            table[name + "r"] = .sized(em: em, form: .postfix)
            table[name + "m"] = .sized(em: em, form: .infix)
        }
        table["begin"] = .begin
        table["end"] = .end
        table["displaystyle"] = .style(.display)
        table["textstyle"] = .style(.text)
        table["limits"] = .limits(true)
        table["nolimits"] = .limits(false)
        table["phantom"] = .phantom(.both)
        table["hphantom"] = .phantom(.width)
        table["vphantom"] = .phantom(.height)
        table["not"] = .not
        table["overset"] = .overset
        table["stackrel"] = .overset
        table["underset"] = .underset
        table["nonumber"] = .nonumber
        table["notag"] = .nonumber
        table["label"] = .label
        table["tag"] = .tag
        table["ref"] = .reference(parenthesised: false)
        table["eqref"] = .reference(parenthesised: true)
        return table
    }()

    /// Command names in a fixed order, for "did you mean" suggestions that do
    /// not depend on dictionary order.
    static let sortedNames: [String] = all.keys.filter { $0.first?.isLetter == true }.sorted()

    /// The commands that work inside `\text{…}`, for suggestions there.
    static let textNames: [String] = sortedNames.filter {
        if case .text? = all[$0] { return true } else { return false }
    } + ["quad", "qquad", "textbackslash"]

    /// The relation a `\not` in front of `symbol` makes, if Unicode has it precomposed.
    static func negated(_ symbol: String) -> String {
        let table: [String: String] = [
            "=": "≠", "<": "≮", ">": "≯", "≤": "≰", "≥": "≱", "∈": "∉", "≡": "≢", "∼": "≁",
            "≈": "≉", "⊂": "⊄", "⊃": "⊅", "⊆": "⊈", "⊇": "⊉", "∣": "∤", "∥": "∦", "≃": "≄", "≅": "≇",
        ]
        return table[symbol] ?? symbol + "\u{338}"
    }
}
