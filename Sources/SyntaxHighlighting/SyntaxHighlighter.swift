/// Build-time syntax highlighting of Swift, Python and shell code into HTML.
///
/// ```swift
/// SyntaxHighlighter.highlight("let lr = 0.1 // step", language: "swift")
/// // <span class="hl-keyword">let</span> lr <span class="hl-operator">=</span> <span class="hl-number">0.1</span> <span class="hl-comment">// step</span>
/// ```
///
/// The result is the escaped text of `code` (`&`, `<`, `>`), ready to go
/// between `<pre><code>` and `</code></pre>`, with tokens wrapped in
/// `<span class="hl-…">`. The classes, which the theme styles for light and
/// dark mode, are:
///
/// | class | marks |
/// | --- | --- |
/// | `hl-keyword` | keywords: `let`, `func`, `def`, `if`, `done`, `#if` |
/// | `hl-literal` | `true`, `false`, `nil`, `None`, `True`, `False` |
/// | `hl-string` | string literals with their quotes, heredocs |
/// | `hl-escape` | escapes inside strings: `\n`, `\u{1F600}`, `{{` |
/// | `hl-interpolation` | the delimiters `\(` `)`, `{` `}`, `$(` `)`, `${` `}` around code in a string; the code inside is highlighted as code |
/// | `hl-number` | numeric literals |
/// | `hl-comment` | comments, including nested `/* /* */ */` in Swift |
/// | `hl-type` | type names: capitalised identifiers, names after `class` |
/// | `hl-function` | called or declared functions, the command word of a shell command |
/// | `hl-attribute` | Swift `@attributes` and `#macros`, Python `@decorators` |
/// | `hl-operator` | operators such as `+`, `->`, `==`, `|`, `&&` |
/// | `hl-variable` | shell variables: `$HOME`, `${name}`, `$1`, and `NAME=` in assignments |
/// | `hl-prompt` | the `$ ` prompt of a `console` line |
/// | `hl-output` | the output lines of a `console` block |
///
/// Spans never cross a line break (a span that would is closed before the
/// newline and reopened after it), so output can be split into lines.
/// Unknown languages come back as plain escaped text. Highlighting never
/// fails: any input, complete or not, yields valid HTML, in time linear in its
/// length; characters HTML forbids become U+FFFD.
public enum SyntaxHighlighter {
    /// Every class name the highlighter emits, for themes and tests.
    public static let classNames: [String] = TokenKind.allCases.map(\.className)

    /// The highlighted HTML of `code` written in `language`, an info-string
    /// word such as `swift`, `python`, `py`, `bash`, `sh`, `shell`, `zsh` or
    /// `console`; case does not matter. `nil` or an unknown word: escaped text.
    public static func highlight(_ code: String, language: String?) -> String {
        guard let language = language.flatMap(HighlightLanguage.init(infoString:)) else {
            var output = HTMLBuilder()
            output.append(Array(code.utf8)[...], as: nil)
            output.finish()
            return output.html
        }
        return highlight(code, language: language)
    }

    /// The highlighted HTML of `code` in a language known to be supported.
    public static func highlight(_ code: String, language: HighlightLanguage) -> String {
        let bytes = Array(code.utf8)
        switch language {
        case .swift: return SwiftLexer(bytes).run()
        case .python: return PythonLexer(bytes).run()
        case .shell: return ShellLexer(bytes).run()
        case .console:
            return ShellLexer.console(bytes)
        }
    }
}

/// A language the highlighter knows.
public enum HighlightLanguage: String, Sendable, CaseIterable {
    case swift, python, shell
    /// Shell sessions: `$ command` lines highlighted as shell, other lines as output.
    case console

    /// The language an info string's first word names (`py` → Python,
    /// `bash` → shell, `shell-session` → console), or `nil`.
    public init?(infoString: String) {
        let word = infoString.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "{" || $0 == "," }).first
            .map { $0.lowercased() } ?? ""
        switch word {
        case "swift": self = .swift
        case "python", "py", "python3", "py3": self = .python
        case "bash", "sh", "shell", "zsh", "ksh": self = .shell
        case "console", "shell-session", "shellsession", "terminal": self = .console
        default: return nil
        }
    }
}
