import CourseDiagnostics
import CourseMarkdown
import Testing

private func parsed(_ text: String) -> Document {
    var diagnostics: [Diagnostic] = []
    return MarkdownParser.parse(text, origin: SourceOrigin(file: "t.md", line: 1), diagnostics: &diagnostics)
}

/// Citations are found in text only, with Pandoc's syntax, each key at its `@`'s position.
@Suite struct CitationTests {
    private func citations(_ markdown: String) -> [Citation] {
        parsed(markdown).blocks.allBlocks.flatMap { $0.inlines.allInlines }.compactMap {
            if case .citation(let citation) = $0 { return citation }
            return nil
        }
    }

    @Test func bracketedWithPrefixesLocatorsAndSeveralKeys() {
        let found = citations("A [@kingma2015] and\nthen [see @polyak1964, p. 3; -@liu2020].\n")
        #expect(found == [
            Citation(items: [.init(key: "kingma2015", position: TextPosition(line: 1, column: 4))], narrative: false, source: "[@kingma2015]"),
            Citation(items: [
                .init(key: "polyak1964", prefix: "see", locator: "p. 3", position: TextPosition(line: 2, column: 11)),
                .init(key: "liu2020", suppressesAuthor: true, position: TextPosition(line: 2, column: 31)),
            ], narrative: false, source: "[see @polyak1964, p. 3; -@liu2020]"),
        ])
    }

    @Test func narrativeButNotEmailOrCodeOrMath() {
        let found = citations("@kingma2015 showed it. Mail a@b.org or x@y, `[@code]`, $[@m]$, *em @loshchilov2019.*\n")
        #expect(found.map(\.items.first?.key) == ["kingma2015", "loshchilov2019"])
        #expect(found.filter { !$0.narrative }.isEmpty)
        // The sentence's full stop is not part of the key.
        #expect(found.last?.source == "@loshchilov2019")
    }

    @Test func chineseTextMayFollowAKey() {
        let found = citations("见 @he2015为 ReLU 推导。@glorot2010取折中。\n")
        #expect(found.map(\.items.first?.key) == ["he2015", "glorot2010"])
    }

    @Test(arguments: ["[not a citation]", "[@]", "[see@key]", "[@a; no key]", "[@a] (http://x)"])
    func bracketsThatAreNoCitation(_ text: String) {
        let found = citations(text + "\n")
        #expect(found.filter { !$0.narrative }.count == (text == "[@a] (http://x)" ? 1 : 0))
    }

    @Test func withoutAHookACitationRendersAsWritten() {
        let html = HTMLRenderer().render(parsed("See [@a; @b, p. 2] and @c.\n"))
        #expect(html == "<p>See [@a; @b, p. 2] and @c.</p>\n")
    }
}
