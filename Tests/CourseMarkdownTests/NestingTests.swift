import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import CourseMarkdown

private func parse(_ text: String) -> (Document, [Diagnostic]) {
    var diagnostics: [Diagnostic] = []
    let document = MarkdownParser.parse(text, origin: SourceOrigin(file: "t.md", line: 1), diagnostics: &diagnostics)
    return (document, diagnostics)
}

/// Deep nesting is a located error, never a stack overflow (issue 11, item 6), and long
/// inputs stay linear.
@Suite struct NestingTests {
    /// The inputs: 25,000 `>` overflowed the renderer's stack, 80,000 `*` each side the converter's.
    @Test(arguments: [
        (String(repeating: ">", count: 25_000) + " x\n", 1, 101),
        (String(repeating: "*", count: 80_000) + "x" + String(repeating: "*", count: 80_000) + "\n", 1, 1),
        (String(repeating: "- ", count: 200) + "x\n", 1, 101),
        ("intro\n\n" + String(repeating: "![", count: 300) + "x" + String(repeating: "](u)", count: 300) + "\n", 3, 199),
    ])
    func deepNestingIsAnErrorAtItsPlace(text: String, line: Int, column: Int) {
        let (document, diagnostics) = parse(text)
        #expect(document.blocks.isEmpty)
        #expect(diagnostics.count == 1)
        let error = diagnostics.first
        #expect(error?.message.hasPrefix("Markdown is nested ") == true)
        #expect(error?.message.hasSuffix(" levels deep; the limit is 100") == true)
        #expect(error?.location == SourceLocation(file: "t.md", line: line, column: column))
        #expect(error?.hint != nil)
        // Rendering what is left (nothing) and printing the error with its caret must hold too.
        _ = HTMLRenderer().render(document)
        let printed = DiagnosticPrinter(sources: { _ in text }).render(diagnostics)
        #expect(printed.hasPrefix("t.md:\(line):\(column): error: Markdown is nested"))
    }

    /// Nesting up to the limit is accepted and renders: 98 block quotes around a paragraph
    /// and its text are 100 levels; text in emphasis 48 deep in a paragraph in 50 block quotes too.
    @Test func nestingAtTheLimitRenders() {
        let quotes = String(repeating: ">", count: 98) + " x\n"
        let (deep, errors) = parse(quotes)
        #expect(errors.isEmpty)
        let html = HTMLRenderer().render(deep)
        #expect(html.components(separatedBy: "<blockquote>").count - 1 == 98)

        let mixed = String(repeating: ">", count: 50) + " " + String(repeating: "*", count: 48) + "x" + String(repeating: "*", count: 48) + "\n"
        let (document, mixedErrors) = parse(mixed)
        #expect(mixedErrors.isEmpty)
        #expect(!HTMLRenderer().render(document).isEmpty)
        #expect(!parse(String(repeating: ">", count: 99) + " x\n").1.isEmpty)
    }

    /// Joining cmark's text pieces stays linear: a 2 MB paragraph of special characters.
    @Test func longParagraphOfSpecialCharactersParsesInLinearTime() {
        let timing = Fuzz.scaling { repeats in
            _ = parse(String(repeating: "a!b[c]d<e ", count: repeats * 10))
        }
        #expect(timing.large / timing.small < 60, "\(timing)")
    }

    /// Footnotes are numbered through a dictionary: 20,000 took 37 s when each reference
    /// searched the list of those seen.
    @Test func manyFootnotesRenderInLinearTime() {
        let timing = Fuzz.scaling { repeats in
            let n = repeats * 2
            let text = (0..<n).map { "x[^\($0)] " }.joined() + "\n\n" + (0..<n).map { "[^\($0)]: n\n" }.joined()
            _ = HTMLRenderer().render(parse(text).0)
        }
        #expect(timing.large / timing.small < 60, "\(timing)")
    }
}
