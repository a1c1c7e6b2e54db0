import Testing
import TextFormatting

@Suite struct EscapingTests {
    @Test(arguments: [
        ("a < b && c > \"d\"", "a &lt; b &amp;&amp; c &gt; &quot;d&quot;"), ("plain 'text' ×10⁻³", "plain 'text' ×10⁻³"), ("", ""),
        // A combining mark after `"` or `<` makes one Character with it; it must not hide the quote or bracket.
        ("\"\u{301}<\u{301}", "&quot;\u{301}&lt;\u{301}"),
    ])
    func html(text: String, expected: String) {
        #expect(Escaping.html(text) == expected)
        #expect(Escaping.html(text[...]) == expected)
    }

    /// A slice from the middle of a longer text escapes its own bytes only, and text with
    /// nothing to escape comes back equal.
    @Test func htmlOfSlices() {
        let text = "«a<b» & \"c\" é>"
        let middle = text.dropFirst(2).dropLast(3)
        #expect(Escaping.html(middle) == "&lt;b» &amp; &quot;c&quot;")
        #expect(Escaping.html(text.dropFirst(2).prefix(1)) == "&lt;")
        #expect(Escaping.html("×10⁻³ «plain»") == "×10⁻³ «plain»")
    }

    @Test func htmlKeepsControlsThatTheForbiddenVariantReplaces() {
        #expect(Escaping.html("a\u{1}b\r\n") == "a\u{1}b\r\n")
        var out = "<math>"
        // Noncharacters cannot be written in a literal; build them from their values.
        let noncharacters = String(String.UnicodeScalarView([0xFDD0, 0xFFFF, 0x1FFFE].map { Unicode.Scalar($0)! }))
        Escaping.htmlReplacingForbidden("a\u{1}b\r\n\t<\u{85}" + noncharacters + "é", into: &out)
        #expect(out == "<math>a\u{FFFD}b\n\n\t&lt;\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}é")
    }

    @Test(arguments: [(0x1, true), (0x9, true), (0x20, false), (0x7E, false), (0x7F, true), (0x9F, true), (0xA0, false),
                      (0xFDCF, false), (0xFDD0, true), (0xFDEF, true), (0xFDF0, false), (0xFFFE, true), (0x10FFFF, true), (0x10FFFD, false)])
    func forbiddenCharacters(value: UInt32, forbidden: Bool) {
        #expect(Escaping.isForbidden(Unicode.Scalar(value)!) == forbidden)
    }
}
