import Foundation

/// The text a reader sees of a BibTeX field written in LaTeX: accents as Unicode (`{\"o}` → ö,
/// `\c{c}` → ç, `{\ss}` → ß), `--` and `---` as dashes, `~` as a no-break space, escaped
/// specials as themselves, and the braces that protect capitals dropped (`{Adam}` → Adam).
/// Formatting commands (`\emph{…}`, `\textit{…}`) keep their text; math keeps its symbols.
public enum LaTeXText {
    public static func plain(_ latex: String) -> String {
        var out = ""
        var scanner = Array(latex.unicodeScalars)[...]
        while let scalar = scanner.first {
            scanner = scanner.dropFirst()
            switch scalar {
            case "{", "}", "$": continue
            case "~": out += "\u{00A0}"
            case "-":
                if scanner.starts(with: ["-", "-"]) { out += "—"; scanner = scanner.dropFirst(2) }
                else if scanner.first == "-" { out += "–"; scanner = scanner.dropFirst() }
                else { out += "-" }
            case "`" where scanner.first == "`":
                out += "“"; scanner = scanner.dropFirst()
            case "'" where scanner.first == "'":
                out += "”"; scanner = scanner.dropFirst()
            case "\\": out += command(&scanner)
            case "\n", "\t", "\r":
                if !out.hasSuffix(" ") { out += " " }
            case " ":
                if !out.hasSuffix(" ") { out += " " }
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out.trimmingCharacters(in: .whitespaces).precomposedStringWithCanonicalMapping
    }

    /// Accents written with a symbol: `\"o`, `\'{e}`.
    private static let symbolAccents: [Unicode.Scalar: Unicode.Scalar] = [
        "\"": "\u{0308}", "'": "\u{0301}", "`": "\u{0300}", "^": "\u{0302}", "~": "\u{0303}",
        "=": "\u{0304}", ".": "\u{0307}",
    ]
    /// Accents written with a letter: `\c{c}`, `\v{s}`.
    private static let letterAccents: [String: Unicode.Scalar] = [
        "c": "\u{0327}", "v": "\u{030C}", "u": "\u{0306}", "H": "\u{030B}", "k": "\u{0328}", "r": "\u{030A}",
        "d": "\u{0323}", "b": "\u{0331}",
    ]
    /// Letters of their own: `\ss`, `\o`, `\ae`.
    private static let letters: [String: String] = [
        "ss": "ß", "o": "ø", "O": "Ø", "ae": "æ", "AE": "Æ", "oe": "œ", "OE": "Œ", "aa": "å", "AA": "Å",
        "l": "ł", "L": "Ł", "i": "ı", "j": "ȷ", "dh": "ð", "DH": "Ð", "th": "þ", "TH": "Þ",
        "textendash": "–", "textemdash": "—", "LaTeX": "LaTeX", "TeX": "TeX", "ldots": "…", "dots": "…",
        "textquoteright": "’", "textquoteleft": "‘", "S": "§", "P": "¶", "copyright": "©",
    ]

    private static func command(_ scanner: inout ArraySlice<Unicode.Scalar>) -> String {
        guard let first = scanner.first else { return "\\" }
        if let mark = symbolAccents[first] {
            scanner = scanner.dropFirst()
            return accented(argument(&scanner), mark)
        }
        if !first.properties.isAlphabetic {
            // `\&`, `\%`, `\_`, `\{`, `\ ` and the other escaped specials are themselves.
            scanner = scanner.dropFirst()
            return first == "\\" ? " " : String(first)
        }
        var name = ""
        while let s = scanner.first, s.properties.isAlphabetic, s.isASCII {
            name.unicodeScalars.append(s)
            scanner = scanner.dropFirst()
        }
        if let mark = letterAccents[name], scanner.first == "{" || scanner.first == " " {
            return accented(argument(&scanner), mark)
        }
        // A control word swallows the spaces after it (`{\ss}e`, `\o rsted`).
        let spaced = scanner.first == " "
        while scanner.first == " " { scanner = scanner.dropFirst() }
        if let letter = letters[name] { return letter }
        // Formatting and unknown commands keep their argument's text; a Greek letter in math its symbol.
        if let greek = greek[name] { return greek }
        return spaced && scanner.first != "{" ? " " : ""
    }

    private static let greek: [String: String] = [
        "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ε", "eta": "η", "theta": "θ",
        "lambda": "λ", "mu": "μ", "pi": "π", "sigma": "σ", "tau": "τ", "phi": "φ", "omega": "ω",
    ]

    /// The next argument: a braced group's plain text or one character, spaces before it skipped.
    private static func argument(_ scanner: inout ArraySlice<Unicode.Scalar>) -> String {
        while scanner.first == " " { scanner = scanner.dropFirst() }
        guard let first = scanner.first else { return "" }
        scanner = scanner.dropFirst()
        guard first == "{" else {
            if first == "\\" {
                // `\'\i`: an accent on a dotless letter.
                return command(&scanner)
            }
            return String(first)
        }
        var depth = 1
        var inner = ""
        while let s = scanner.first {
            scanner = scanner.dropFirst()
            if s == "{" { depth += 1 } else if s == "}" { depth -= 1; if depth == 0 { break } }
            inner.unicodeScalars.append(s)
        }
        return plain(inner)
    }

    /// `base` with the combining `mark` after its first letter (a dotless i takes the accent as i).
    private static func accented(_ base: String, _ mark: Unicode.Scalar) -> String {
        guard var first = base.unicodeScalars.first else { return String(mark) }
        if first == "ı" { first = "i" }
        var out = String(first)
        out.unicodeScalars.append(mark)
        out += String(base.unicodeScalars.dropFirst())
        return out.precomposedStringWithCanonicalMapping
    }
}
