import CourseDiagnostics
import CourseMarkdown
import Foundation
import Testing

private func blocks(_ text: String) -> [Block] {
    var diagnostics: [Diagnostic] = []
    let document = MarkdownParser.parse(text, origin: SourceOrigin(file: "t.md", line: 1), diagnostics: &diagnostics)
    #expect(diagnostics.isEmpty)
    return document.blocks
}

/// A short name for each block, to state the walk's order.
private func name(_ block: Block) -> String {
    switch block {
    case .paragraph(let inlines, _): "p:" + inlines.plainText
    case .heading(let level, let inlines, _): "h\(level):" + inlines.plainText
    case .codeBlock(let code): "code:" + code.language
    case .htmlBlock: "html"
    case .blockQuote: "quote"
    case .list: "list"
    case .thematicBreak: "hr"
    case .table: "table"
    case .footnoteDefinition(let label, _): "footnote:" + label
    case .displayMath: "math"
    }
}

@Suite struct MarkdownWalkTests {
    @Test func blocksComeInDocumentOrderEachContainerBeforeItsContents() {
        let text = """
            # A

            > ## B
            > - item 1
            >
            >   ```swift
            >   x
            >   ```
            > - item 2

            Text[^n].

            [^n]: note

                indented, part of the note
            """
        #expect(blocks(text).allBlocks.map(name) == [
            "h1:A", "quote", "h2:B", "list", "p:item 1", "code:swift", "p:item 2", "p:Text.", "footnote:1", "p:note", "p:indented, part of the note",
        ])
    }

    @Test func inlinesComeInDocumentOrderWithoutImageAltText() {
        let parsed = blocks("Say *one **two** <b>three</b>* [four `five`](u) ![alt <i>six</i>](i.png)\n\n| h <i>1</i> |\n|---|\n| c |\n")
        let walked = parsed.allBlocks.flatMap { $0.inlines.allInlines }
        let words = walked.compactMap { inline -> String? in
            switch inline {
            case .text(let s): s.trimmingCharacters(in: .whitespaces).isEmpty ? nil : s.trimmingCharacters(in: .whitespaces)
            case .code(let s, _): s
            case .html(let s, _): s
            case .emphasis: "<em>"
            case .strong: "<strong>"
            case .link: "<a>"
            case .image: "<img>"
            default: nil
            }
        }
        #expect(words == ["Say", "<em>", "one", "<strong>", "two", "<b>", "three", "</b>", "<a>", "four", "five", "<img>",
                          "h", "<i>", "1", "</i>", "c"])
    }

    /// The walk keeps its own stack: a document at the nesting limit walks without recursion,
    /// and the walk stops as soon as the caller has what it asked for.
    @Test func walksAtTheNestingLimitAndStopsEarly() {
        let deep = blocks(String(repeating: ">", count: MarkdownParser.maximumNesting - 2) + " x\n\n# after\n")
        #expect(Array(deep.allBlocks).count == MarkdownParser.maximumNesting - 2 + 2)
        var visited = 0
        let firstQuote = deep.allBlocks.first { block in
            visited += 1
            if case .blockQuote = block { return true }
            return false
        }
        #expect(firstQuote != nil && visited == 1)
    }
}
