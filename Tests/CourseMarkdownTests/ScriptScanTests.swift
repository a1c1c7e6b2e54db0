import Testing
@testable import CourseMarkdown

/// The last gate over every finished page: what it finds, at which byte, and what it passes by.
@Suite struct ScriptScanTests {
    @Test(arguments: [
        ("<p>a</p><SCRIPT>x</SCRIPT>", [8: "a <script> tag"]),
        ("<script src=a.js></script>", [0: "a <script> tag"]),
        ("<div onclick=\"go()\">", [5: "the event handler 'onclick'"]),
        ("<svg ONLOAD='x'>", [5: "the event handler 'onload'"]),
        ("<a href=\"javascript:alert(1)\">", [3: "a 'javascript:' URL in 'href'"]),
        ("<a href=JavaScript:x>", [3: "a 'javascript:' URL in 'href'"]),
        ("<use xlink:href=\"javascript:x\"/>", [5: "a 'javascript:' URL in 'xlink:href'"]),
        ("<form action='javascript:x'>", [6: "a 'javascript:' URL in 'action'"]),
        ("<img src=\"a.png\" alt=\"é\" title='javascript:x'>", [:]),
        ("<scripts></scripts><on></on>", [:]),
        ("<p on=\"x\">text onclick=x</p>", [:]),
        ("a < b and <3", [:]),
        ("<a href=\"x\"", [:]),
        ("<a href=", [:]),
    ] as [(String, [Int: String])])
    func findsWhatWouldRunScript(html: String, expected: [Int: String]) {
        let found = ScriptScan.findings(in: html)
        #expect(Dictionary(found.map { ($0.offset, $0.what) }, uniquingKeysWith: { a, _ in a }) == expected, "\(html)")
        #expect(found.count == expected.count)
    }

    @Test func offsetsCountBytesAfterNonASCIIText() {
        let found = ScriptScan.findings(in: "<p>η → θ</p><b onmouseover=x>")
        #expect(found.map(\.offset) == ["<p>η → θ</p><b ".utf8.count])
    }
}
