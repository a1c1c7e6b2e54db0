import SyntaxHighlighting
import Testing

/// `<span class="hl-kind">text</span>`, to keep expectations readable.
func span(_ kind: String, _ text: String) -> String {
    "<span class=\"hl-\(kind)\">\(text)</span>"
}

@Suite struct SwiftHighlightTests {
    static let cases: [(code: String, html: String)] = [
        ("let lr = 0.1", span("keyword", "let") + " lr " + span("operator", "=") + " " + span("number", "0.1")),
        ("func step<T>(x: T)", span("keyword", "func") + " " + span("function", "step") + span("operator", "&lt;")
            + span("type", "T") + span("operator", "&gt;") + "(x: " + span("type", "T") + ")"),
        ("Adam(lr: 0.3)", span("type", "Adam") + "(lr: " + span("number", "0.3") + ")"),
        ("run(steps: 1_000)", span("function", "run") + "(steps: " + span("number", "1_000") + ")"),
        ("Layout(.grid)", span("type", "Layout") + "(.grid)"),
        ("x ?? nil", "x " + span("operator", "??") + " " + span("literal", "nil")),
        ("a -> b", "a " + span("operator", "-&gt;") + " b"),
        ("0x1F + 1e-3 + 0b10", span("number", "0x1F") + " " + span("operator", "+") + " " + span("number", "1e-3")
            + " " + span("operator", "+") + " " + span("number", "0b10")),
        ("// note <b>", span("comment", "// note &lt;b&gt;")),
        ("/* a /* b */ c */ d", span("comment", "/* a /* b */ c */") + " d"),
        ("/* open", span("comment", "/* open")),
        (#""a\(x + 1)b""#, span("string", "\"a") + span("interpolation", "\\(") + "x " + span("operator", "+") + " "
            + span("number", "1") + span("interpolation", ")") + span("string", "b\"")),
        (#""\(f(g("s")))""#, span("string", "\"") + span("interpolation", "\\(") + span("function", "f") + "("
            + span("function", "g") + "(" + span("string", "\"s\"") + "))" + span("interpolation", ")") + span("string", "\"")),
        (#""tab\t\u{1F600}""#, span("string", "\"tab") + span("escape", "\\t\\u{1F600}") + span("string", "\"")),
        (##"#"raw \(x) \#(y)"#"##, span("string", "#\"raw \\(x) ") + span("interpolation", "\\#(") + "y"
            + span("interpolation", ")") + span("string", "\"#")),
        ("\"\"\"\nline \"quoted\"\n\"\"\"", span("string", "\"\"\"") + "\n" + span("string", "line \"quoted\"") + "\n"
            + span("string", "\"\"\"")),
        ("\"unterminated\nlet", span("string", "\"unterminated") + "\n" + span("keyword", "let")),
        ("@Test func f()", span("attribute", "@Test") + " " + span("keyword", "func") + " " + span("function", "f") + "()"),
        ("#expect(x == 1)", span("attribute", "#expect") + "(x " + span("operator", "==") + " " + span("number", "1") + ")"),
        ("#if DEBUG\n#endif", span("keyword", "#if") + " " + span("type", "DEBUG") + "\n" + span("keyword", "#endif")),
        ("`default`", "`default`"),
        ("self.θ = η₀", span("keyword", "self") + ".θ " + span("operator", "=") + " η₀"),
    ]

    @Test(arguments: cases)
    func highlights(_ testCase: (code: String, html: String)) {
        #expect(SyntaxHighlighter.highlight(testCase.code, language: "swift") == testCase.html)
    }
}

@Suite struct PythonHighlightTests {
    static let cases: [(code: String, html: String)] = [
        ("def step(x):", span("keyword", "def") + " " + span("function", "step") + "(x):"),
        ("class Adam(Optimizer):", span("keyword", "class") + " " + span("type", "Adam") + "(" + span("type", "Optimizer") + "):"),
        ("x = None if a else True", "x " + span("operator", "=") + " " + span("literal", "None") + " " + span("keyword", "if")
            + " a " + span("keyword", "else") + " " + span("literal", "True")),
        ("np.zeros(3)", "np." + span("function", "zeros") + "(" + span("number", "3") + ")"),
        ("1e-3 + 0x1F + 2j + .5", span("number", "1e-3") + " " + span("operator", "+") + " " + span("number", "0x1F") + " "
            + span("operator", "+") + " " + span("number", "2j") + " " + span("operator", "+") + " " + span("number", ".5")),
        ("# comment", span("comment", "# comment")),
        ("'it''s'", span("string", "'it''s'")),
        (#"r"\d+""#, span("string", #"r"\d+""#)),
        (#""a\nb""#, span("string", "\"a") + span("escape", "\\n") + span("string", "b\"")),
        (#"f"{x!r:>{w}} {{lit}}""#, span("string", "f\"") + span("interpolation", "{") + "x" + span("interpolation", "!r")
            + span("string", ":&gt;") + span("interpolation", "{") + "w" + span("interpolation", "}}")
            + span("string", " ") + span("escape", "{{") + span("string", "lit")
            + span("escape", "}}") + span("string", "\"")),
        (#"f"{d['k']:.3f}""#, span("string", "f\"") + span("interpolation", "{") + "d[" + span("string", "'k'") + "]"
            + span("string", ":.3f") + span("interpolation", "}") + span("string", "\"")),
        ("\"\"\"doc\nstring\"\"\"", span("string", "\"\"\"doc") + "\n" + span("string", "string\"\"\"")),
        ("@torch.no_grad()\ndef f(): pass", span("attribute", "@torch.no_grad") + "()\n" + span("keyword", "def") + " "
            + span("function", "f") + "(): " + span("keyword", "pass")),
        ("a @ b", "a " + span("operator", "@") + " b"),
        ("match = 1", "match " + span("operator", "=") + " " + span("number", "1")),
        ("match x:", span("keyword", "match") + " x:"),
        ("MAX = 3", "MAX " + span("operator", "=") + " " + span("number", "3")),
    ]

    @Test(arguments: cases)
    func highlights(_ testCase: (code: String, html: String)) {
        #expect(SyntaxHighlighter.highlight(testCase.code, language: "python") == testCase.html)
    }
}

@Suite struct ShellHighlightTests {
    static let cases: [(code: String, html: String)] = [
        ("swift build -c release", span("function", "swift") + " build -c release"),
        ("ls | grep x && echo ok", span("function", "ls") + " " + span("operator", "|") + " " + span("function", "grep")
            + " x " + span("operator", "&amp;&amp;") + " " + span("function", "echo") + " ok"),
        ("echo \"$HOME/${dir}\" 'lit $x'", span("function", "echo") + " " + span("string", "\"") + span("variable", "$HOME")
            + span("string", "/") + span("variable", "${dir}") + span("string", "\"") + " " + span("string", "'lit $x'")),
        ("x=$(date +%s)", span("variable", "x") + span("operator", "=") + span("interpolation", "$(")
            + span("function", "date") + " +%s" + span("interpolation", ")")),
        ("FOO=1 make", span("variable", "FOO") + span("operator", "=") + "1 " + span("function", "make")),
        ("for f in *.md; do wc -l \"$f\"; done", span("keyword", "for") + " f " + span("keyword", "in") + " *.md"
            + span("operator", ";") + " " + span("keyword", "do") + " " + span("function", "wc") + " -l "
            + span("string", "\"") + span("variable", "$f") + span("string", "\"") + span("operator", ";") + " "
            + span("keyword", "done")),
        ("if [ -f x ]; then rm x; fi", span("keyword", "if") + " " + span("function", "[") + " -f x ]"
            + span("operator", ";") + " " + span("keyword", "then") + " " + span("function", "rm") + " x"
            + span("operator", ";") + " " + span("keyword", "fi")),
        ("make 2>&1 # build", span("function", "make") + " " + span("number", "2") + span("operator", "&gt;&amp;")
            + span("number", "1") + " " + span("comment", "# build")),
        ("echo a#b $#", span("function", "echo") + " a#b " + span("variable", "$#")),
        ("cat <<'EOF'\nhello $x\nEOF\nls", span("function", "cat") + " " + span("operator", "&lt;&lt;")
            + span("string", "'EOF'") + "\n" + span("string", "hello $x") + "\n" + span("string", "EOF") + "\n"
            + span("function", "ls")),
        ("cat <<-EOF\n\tbody\n\tEOF", span("function", "cat") + " " + span("operator", "&lt;&lt;-") + span("string", "EOF")
            + "\n" + span("string", "\tbody") + "\n" + span("string", "\tEOF")),
        ("cat <<EOF\nnever ends", span("function", "cat") + " " + span("operator", "&lt;&lt;") + span("string", "EOF")
            + "\n" + span("string", "never ends")),
        ("echo `pwd`", span("function", "echo") + " " + span("interpolation", "`") + span("function", "pwd")
            + span("interpolation", "`")),
        ("echo \"a\\\"b\"", span("function", "echo") + " " + span("string", "\"a") + span("escape", "\\\"")
            + span("string", "b\"")),
    ]

    @Test(arguments: cases)
    func highlights(_ testCase: (code: String, html: String)) {
        #expect(SyntaxHighlighter.highlight(testCase.code, language: "bash") == testCase.html)
    }

    @Test func consoleSeparatesCommandsFromOutput() {
        let html = SyntaxHighlighter.highlight("$ swift test \\\n  --parallel\nok <3\n$ ls", language: "console")
        #expect(html == span("prompt", "$ ") + span("function", "swift") + " test " + span("escape", "\\")
            + "\n  --parallel\n" + span("output", "ok &lt;3") + "\n" + span("prompt", "$ ") + span("function", "ls"))
    }
}

@Suite struct LanguageTests {
    @Test(arguments: [
        ("swift", HighlightLanguage.swift), ("Swift", .swift), ("py", .python), ("python3", .python),
        ("bash", .shell), ("sh", .shell), ("zsh", .shell), ("shell", .shell), ("console", .console),
        ("shell-session", .console), ("python {linenos}", .python),
    ])
    func infoStringNamesLanguage(_ info: String, _ language: HighlightLanguage) {
        #expect(HighlightLanguage(infoString: info) == language)
    }

    @Test(arguments: ["", "rust", "text", "experiment", "swiftly"])
    func unknownLanguageIsEscapedText(_ info: String) {
        #expect(HighlightLanguage(infoString: info) == nil)
        #expect(SyntaxHighlighter.highlight("a < b && \"c\"", language: info) == "a &lt; b &amp;&amp; \"c\"")
    }

    @Test func noLanguageIsEscapedText() {
        #expect(SyntaxHighlighter.highlight("<script>", language: nil) == "&lt;script&gt;")
    }

    @Test func classNamesAreTheDocumentedSet() {
        #expect(SyntaxHighlighter.classNames == [
            "hl-keyword", "hl-literal", "hl-string", "hl-escape", "hl-interpolation", "hl-number", "hl-comment",
            "hl-type", "hl-function", "hl-attribute", "hl-operator", "hl-variable", "hl-prompt", "hl-output",
        ])
    }

    @Test func spansCloseAtLineBreaks() {
        let html = SyntaxHighlighter.highlight("/* one\ntwo */", language: "swift")
        #expect(html == span("comment", "/* one") + "\n" + span("comment", "two */"))
    }

    @Test func carriageReturnLineFeedIsOneLineBreak() {
        #expect(SyntaxHighlighter.highlight("a\r\nb\rc", language: "swift") == "a\nb\nc")
    }
}
