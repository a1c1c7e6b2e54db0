import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import CourseMarkdown

private func parse(_ text: String) -> (Document, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let document = MarkdownParser.parse(text, origin: SourceOrigin(file: "t.md", line: 1), diagnostics: &diagnostics)
    return (document, diagnostics)
}

/// No spelling of a script URL reaches a page (issue 11, item 7).
@Suite struct URLPolicyTests {
    /// Every spelling of a script URL the issue lists, and those a browser also reads as one.
    static let refused: [(String, String)] = [
        ("javascript:alert(1)", "javascript"),
        ("JAVASCRIPT:alert(1)", "javascript"),
        ("JaVaScRiPt:alert(1)", "javascript"),
        ("java&#115;cript:alert(1)", "javascript"),
        ("java&#x73;cript:alert(1)", "javascript"),
        ("java&#115cript:alert(1)", "javascript"),
        ("javascript&colon;alert(1)", "javascript"),
        (" javascript:alert(1)", "javascript"),
        ("\u{1}\u{1F} javascript:alert(1)", "javascript"),
        ("java\tscript:alert(1)", "javascript"),
        ("java\nscript:alert(1)", "javascript"),
        ("java\r\nscript:alert(1)", "javascript"),
        ("java&Tab;script:alert(1)", "javascript"),
        ("java&#9;script:alert(1)", "javascript"),
        ("java%73cript:alert(1)", "javascript"),
        ("javascript%3Aalert(1)", "javascript"),
        ("%6A%61vascript:alert(1)", "javascript"),
        ("vbscript:msgbox(1)", "vbscript"),
        ("data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==", "data"),
        ("data:image/svg+xml,<svg onload=alert(1)>", "data"),
        ("file:///etc/passwd", "file"),
        ("livescript:x", "livescript"),
    ]

    @Test(arguments: refused)
    func scriptURLsAreRefused(url: String, scheme: String) {
        #expect(URLPolicy.refusedScheme(in: url) == scheme)
    }

    @Test(arguments: [
        "https://example.org/a?b#c", "HTTP://EXAMPLE.ORG", "mailto:someone@example.org", "images/plot.png",
        "02-momentum.md#nesterov", "#anchor", "//example.org/x", "", "a/b:c", "?q=javascript:x", "./javascript:x.md",
        "java script:x", "ja\u{200B}vascript:x",
    ])
    func safeURLsAreKept(url: String) {
        #expect(URLPolicy.refusedScheme(in: url) == nil)
    }

    /// Printable ASCII with no `&` or `%` is judged from its bytes alone: the same scheme as
    /// the browser form's, for every kind of first character and separator.
    @Test(arguments: [
        "javascript:alert(1)", "JaVaScRiPt:x", "http://x", "HTTPS://X", "mailto:a@b", "a+b.c-d:x", "A1:x", "1abc:x",
        "+x:y", "-x:y", ".x:y", "@x:y", "[x:y", "`x:y", "{x:y", "x_y:z", "x/y:z", "x?y:z", "x#y:z", "abc", "", "#top",
        "abc:", ":", "x:", "data:text/html", "ab~c:d", "Z9:x", "z\u{7F}:x",
    ])
    func asciiSchemeAgreesWithTheBrowserForm(url: String) {
        #expect(URLPolicy.asciiScheme(of: url) == URLPolicy.scheme(of: URLPolicy.browserForm(url)))
        let general = URLPolicy.scheme(of: URLPolicy.browserForm(url)).flatMap { URLPolicy.allowedSchemes.contains($0) ? nil : $0 }
        #expect(URLPolicy.refusedScheme(in: url) == general)
    }

    /// Whatever a caller's hook returns, the renderer writes no refused URL: every form the
    /// issue lists, in links, images, autolinks and footnotes.
    @Test func rendererNeverWritesAScriptURL() {
        let text = """
            [c](javascript:alert(1)) [d](JAVASCRIPT:alert(1)) [e](java&#115;cript:alert(1)) [f](< javascript:alert(1)>)

            <javascript:alert(1)> ![i](javascript:alert(1)) [v](vbscript:msgbox) [g](data:text/html;base64,PHNjcmlwdD4=)

            Note[^1].

            [^1]: [z](javascript:alert(2))

            """
        let html = HTMLRenderer().render(parse(text).0)
        #expect(PageScan.scriptProblems(in: html) == [], "\(html)")
        #expect(!html.contains("src="), "\(html)")
        #expect(html.contains("<a>c</a>"))
        #expect(html.contains("<img alt=\"i\">"))
    }
}
