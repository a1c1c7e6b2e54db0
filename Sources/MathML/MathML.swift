import CourseDiagnostics
import TextFormatting

/// LaTeX math → MathML Core, which Chromium and Firefox render natively.
///
/// ```swift
/// let adam = MathML.render(latex: #"\hat{m}_t = \frac{m_t}{1-\beta_1^t}"#, display: .block)
/// adam.markup   // <math display="block"><semantics><mrow>…</mrow><annotation …>…</annotation></semantics></math>
/// adam.errors   // []
/// ```
///
/// The subset is what a course on optimizers writes: fractions (`\frac`,
/// `\tfrac`, `\dfrac`, `\binom`), roots (`\sqrt`, `\sqrt[n]`), scripts and
/// primes, accents (`\hat`, `\bar`, `\tilde`, `\dot`, `\vec`, `\overline`, …),
/// Greek letters, operators and relations (`\odot`, `\cdot`, `\leftarrow`,
/// `\le`, `\approx`, `\nabla`, `\partial`, …), large operators with limits
/// (`\sum`, `\prod`, `\int`, `\max`, `\min`, `\arg\min`…), functions (`\log`,
/// `\exp`, `\operatorname`), `\left … \middle … \right` and `\big`-sized
/// delimiters, alphabets (`\mathbf`, `\boldsymbol`, `\mathrm`, `\mathbb`,
/// `\mathcal`, …), `\text` with `$…$` inside, spacing (`\,` `\;` `\quad` …),
/// and the environments `aligned`, `gathered`, `cases`, `array` and the matrices. Display
/// math may be numbered (`\label`, `\tag`, `\nonumber`, the `equation`, `align` and `gather`
/// environments and their starred forms) and refer to labels (`\ref`, `\eqref`): see
/// ``equations(in:)`` and ``render(latex:numbers:references:)``.
///
/// Output uses only MathML Core elements and attributes that the Nu Html
/// Checker accepts; styled letters are the Unicode mathematical alphanumerics
/// (𝐱, 𝜽, ℝ) since MathML Core dropped `mathvariant` values other than
/// `normal`. Each formula keeps its source in
/// `<annotation encoding="application/x-tex">`, so copying it yields LaTeX.
/// Rendering is a pure function of its input, linear in its length.
public enum MathML {
    /// Renders `latex` as one `<math>` element.
    ///
    /// Never fails: problems are returned in ``MathRendering/errors`` with their
    /// byte offsets, and the markup shows each broken part as `<merror>`.
    public static func render(latex: String, display: MathDisplay = .inline) -> MathRendering {
        var parser = LaTeXParser(latex, display: display == .block)
        let root = parser.parseFormula()
        var writer = MathMLWriter()
        writer.write(root)
        var markup = display == .block ? blockStart(latex: latex) : "<math>"
        markup += "<semantics>"
        // <semantics> takes exactly one presentation element first, which the
        // writer guarantees: a row of several nodes is written as one <mrow>.
        markup += writer.output
        markup += "<annotation encoding=\"application/x-tex\">"
        Escaping.htmlReplacingForbidden(latex, into: &markup)
        markup += "</annotation></semantics></math>"
        return MathRendering(markup: markup, errors: parser.errors)
    }

    /// Renders `latex`, whose first byte is at `location` in a chapter, and
    /// appends its errors to `diagnostics` at their file line and column.
    public static func render(
        latex: String, display: MathDisplay = .inline, at location: SourceLocation, diagnostics: inout [Diagnostic]
    ) -> String {
        let rendering = render(latex: latex, display: display)
        for error in rendering.errors {
            diagnostics.append(error.diagnostic(in: latex, at: location))
        }
        return rendering.markup
    }

    /// The start tag of display math: `alttext` holds the LaTeX source on one line, the text
    /// a screen reader or a copy without MathML falls back to (LaTeXML and arXiv do the same),
    /// as the `<annotation>` keeps it for copying. What only numbers or names the formula
    /// (`\label{…}`, `\tag{…}`, `\nonumber`, `\notag`, the `equation` environment around it) is
    /// left out: the number is beside the formula, and a listener has no use for the label.
    static func blockStart(latex: String) -> String {
        var out = "<math display=\"block\" alttext=\""
        Escaping.htmlReplacingForbidden(spoken(latex), into: &out)
        return out + "\">"
    }

    /// `latex` on one line without its numbering commands.
    static func spoken(_ latex: String) -> String {
        var words = latex.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" || $0 == " " }).joined(separator: " ")
        for command in [#"\label{"#, #"\tag{"#, #"\tag*{"#] {
            while let start = words.firstRange(of: command), let end = words[start.upperBound...].firstIndex(of: "}") {
                words.removeSubrange(start.lowerBound...end)
            }
        }
        for word in [#"\nonumber"#, #"\notag"#, #"\begin{equation}"#, #"\end{equation}"#, #"\begin{equation*}"#, #"\end{equation*}"#] {
            words = words.replacing(word, with: "")
        }
        return words.split(separator: " ").joined(separator: " ")
    }
}

/// Whether a formula sits in a line of text or on its own (`display="block"`).
public enum MathDisplay: Sendable, Hashable {
    /// `$…$`: in the line, fractions and limits compact.
    case inline
    /// `$$…$$`: centred on its own line, in display style.
    case block
}

/// A rendered formula and what was wrong with its source.
public struct MathRendering: Sendable, Hashable {
    /// One `<math>` element.
    public let markup: String
    /// Problems in the source, in the order found; empty for a well-formed formula.
    public let errors: [LaTeXError]
}
