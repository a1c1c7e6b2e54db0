import CourseDiagnostics
import Testing
@testable import CourseMarkdown

/// Destinations are percent-encoded as cmark-gfm's `houdini_escape_href` writes them, and
/// the URL policy judges the encoded form.
@Suite struct HrefEncodingTests {
    @Test(arguments: [
        ("foo\\bar", "foo%5Cbar"),
        ("my uri", "my%20uri"),
        ("/url\"title\"", "/url%22title%22"),
        ("föö", "f%C3%B6%C3%B6"),
        ("a%20b", "a%20b"),
        ("/a?b=c&d='e'#f", "/a?b=c&d='e'#f"),
        ("-_.+!*(),%#@?=;:/$~", "-_.+!*(),%#@?=;:/$~"),
        ("<>[]{}|^`", "%3C%3E%5B%5D%7B%7D%7C%5E%60"),
        ("a\tb\nc", "a%09b%0Ac"),
    ])
    func encodesAsCmarkGFM(url: String, encoded: String) {
        #expect(HrefEncoding.encode(url) == encoded)
    }

    private func render(_ markdown: String) -> String {
        var diagnostics: [Diagnostic] = []
        let document = MarkdownParser.parse(markdown, origin: SourceOrigin(file: "t.md", line: 1), diagnostics: &diagnostics)
        return HTMLRenderer().render(document)
    }

    @Test func linksAndImagesWriteEncodedDestinations() {
        #expect(render("[link](foo\\bar)\n") == "<p><a href=\"foo%5Cbar\">link</a></p>\n")
        #expect(render("[a](</my uri>)\n") == "<p><a href=\"/my%20uri\">a</a></p>\n")
        #expect(render("![i](<b c.png> \"t\")\n") == "<p><img src=\"b%20c.png\" alt=\"i\" title=\"t\"></p>\n")
        #expect(render("[a](/x?b=1&c=2)\n") == "<p><a href=\"/x?b=1&amp;c=2\">a</a></p>\n")
    }

    /// Encoding comes before the policy, and spells no script URL the policy would miss.
    @Test func encodedScriptURLsAreStillRefused() {
        for url in ["java\tscript:alert(1)", "<javascript:alert(1)>", "<\u{1}javascript:alert(1)>", "<jav&#x61;script:x>"] {
            let html = render("[a](\(url))\n")
            #expect(!html.contains("href"), "\(url): \(html)")
        }
    }
}
