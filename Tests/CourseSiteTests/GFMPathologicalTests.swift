import CourseDiagnostics
@testable import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// cmark-gfm's pathological inputs (`Fixtures/gfm/pathological_tests.py`, the cases it runs),
/// each built as a chapter through the build's stages: each renders as cmark-gfm's test expects,
/// or stops at a located limit error (nesting deeper than ``MarkdownParser/maximumNesting``);
/// none crashes, and the whole set builds in about the time of a few long chapters.
@Suite struct GFMPathologicalTests {
    /// A case's input and what its page's body must contain when it renders.
    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        var markdown: String
        var renders: @Sendable (String) -> Bool
        var testDescription: String { name }
    }

    static func contains(_ part: String) -> @Sendable (String) -> Bool { { $0.contains(part) } }

    static let cases: [Case] = [
        Case(name: "nested strong emph", markdown: String(repeating: "*a **a ", count: 65_000) + "b" + String(repeating: " a** a*", count: 65_000),
             renders: contains(String(repeating: "<em>a <strong>a ", count: 65_000) + "b" + String(repeating: " a</strong> a</em>", count: 65_000))),
        Case(name: "many emph closers with no openers", markdown: String(repeating: "a_ ", count: 65_000),
             renders: contains(String(repeating: "a_ ", count: 64_999) + "a_")),
        Case(name: "many emph openers with no closers", markdown: String(repeating: "_a ", count: 65_000),
             renders: contains(String(repeating: "_a ", count: 64_999) + "_a")),
        Case(name: "many link closers with no openers", markdown: String(repeating: "a]", count: 65_000),
             renders: contains(String(repeating: "a]", count: 65_000))),
        Case(name: "many link openers with no closers", markdown: String(repeating: "[a", count: 65_000),
             renders: contains(String(repeating: "[a", count: 65_000))),
        Case(name: "mismatched openers and closers", markdown: String(repeating: "*a_ ", count: 50_000),
             renders: contains(String(repeating: "*a_ ", count: 49_999) + "*a_")),
        Case(name: "openers and closers multiple of 3", markdown: "a**b" + String(repeating: "c* ", count: 50_000),
             renders: contains("a**b" + String(repeating: "c* ", count: 49_999) + "c*")),
        Case(name: "link openers and emph closers", markdown: String(repeating: "[ a_", count: 50_000),
             renders: contains(String(repeating: "[ a_", count: 50_000))),
        Case(name: "pattern [ (]( repeated", markdown: String(repeating: "[ (](", count: 80_000),
             renders: contains(String(repeating: "[ (](", count: 80_000))),
        Case(name: "hard link/emph case", markdown: "**x [a*b**c*](d)",
             renders: contains("**x <a href=\"d\">a<em>b**c</em></a>")),
        Case(name: "nested brackets", markdown: String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000),
             renders: contains(String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000))),
        Case(name: "nested block quotes", markdown: String(repeating: "> ", count: 50_000) + "a",
             renders: contains(String(repeating: "<blockquote>\n", count: 50_000))),
        Case(name: "deeply nested lists", markdown: (0..<1000).map { String(repeating: "  ", count: $0) + "* a\n" }.joined(),
             renders: contains("<ul>\n" + String(repeating: "<li>a\n<ul>\n", count: 999) + "<li>a</li>\n</ul>\n")),
        Case(name: "U+0000 in input", markdown: "abc\u{0}de\u{0}",
             renders: { $0.contains("abc\u{FFFD}de\u{FFFD}") || $0.contains("abcde") }),
        Case(name: "backticks", markdown: (1..<5000).map { "e" + String(repeating: "`", count: $0) }.joined(),
             renders: { html in html.hasPrefix("<p>") && html.hasSuffix("</p>\n") && html.dropFirst(3).dropLast(5).allSatisfy { $0 == "e" || $0 == "`" } }),
        Case(name: "unclosed links A", markdown: String(repeating: "[a](<b", count: 30_000),
             renders: contains(String(repeating: "[a](&lt;b", count: 30_000))),
        Case(name: "unclosed links B", markdown: String(repeating: "[a](b", count: 30_000),
             renders: contains(String(repeating: "[a](b", count: 30_000))),
        Case(name: "tables", markdown: String(repeating: "aaa\rbbb\n-\u{B}\n", count: 30_000),
             renders: contains("<p>aaa</p>\n<table>\n<thead>\n<tr>\n<th>bbb</th>\n</tr>\n</thead>\n<tbody>\n"
                               + String(repeating: "<tr>\n<td>aaa</td>\n</tr>\n<tr>\n<td>bbb</td>\n</tr>\n<tr>\n<td>-\u{B}</td>\n</tr>\n", count: 29_999)
                               + "</tbody>\n</table>\n")),
        referenceCollisions(),
    ]

    /// 50,000 link references whose labels collide in cmark's old 16-slot reference hash,
    /// each followed by a use of the first.
    static func referenceCollisions() -> Case {
        func collides(_ label: String) -> Bool {
            var h: UInt32 = 0
            for scalar in label.unicodeScalars {
                h = scalar.value &+ (h << 6) &+ (h << 16) &- h
            }
            return h % 16 == 0
        }
        var keys = (0...).lazy.map { "x\($0)" }.filter(collides).prefix(50_000).makeIterator()
        let bad = keys.next()!
        var markdown = ""
        while let key = keys.next() { markdown += "[\(key)]: /url\n\n[\(bad)]\n\n" }
        return Case(name: "reference collisions", markdown: markdown, renders: contains(String(repeating: "<p>[\(bad)]</p>\n", count: 49_999)))
    }

    @Test func everyCaseRendersOrStopsAtALocatedLimit() {
        let examples = Self.cases.enumerated().map { k, item in
            GFMSpec.Example(file: "pathological", number: k + 1, section: item.name, markdown: item.markdown, html: "")
        }
        let clock = ContinuousClock()
        var built: [GFMSpec.Built] = []
        let elapsed = clock.measure { built = GFMSpec.build(examples) }
        #expect(built.count == Self.cases.count)
        var stopped: [String] = []
        for (item, page) in zip(Self.cases, built) {
            // A link to a file that is not there stops a build at the link check, after rendering.
            if page.errors.allSatisfy(\.isLinkCheck) {
                #expect(item.renders(GFMSpec.withoutAdditions(page.html)), "\(item.name): \(page.html.prefix(300))")
            } else if page.errors.contains(where: { $0.message.hasPrefix("chapter is") }) {
                // Over the size limit: refused whole, at the file, before parsing.
                stopped.append(item.name)
                #expect(page.errors.count == 1 && page.errors[0].message.contains("the limit is"), "\(item.name): \(page.errors)")
            } else {
                stopped.append(item.name)
                // A limit, with its place in the chapter (the body starts on line 4, after the front matter).
                #expect(page.errors.count == 1, "\(item.name): \(page.errors)")
                #expect(page.errors.allSatisfy { $0.message.contains("the limit is") && ($0.location?.line ?? 0) >= 4 && ($0.location?.column ?? 0) >= 1 },
                        "\(item.name): \(page.errors)")
            }
        }
        // Nesting past the limit is refused, and the 12.5 MB of backticks past the size
        // limit; everything else renders.
        #expect(stopped == ["nested strong emph", "nested block quotes", "deeply nested lists", "backticks"])
        // About 3 MB of Markdown: linear work is a few seconds even in a debug build.
        #expect(elapsed < .seconds(120), "\(elapsed)")
        print("pathological inputs: \(Self.cases.count - stopped.count) render, \(stopped.count) stop at a limit, in \(elapsed)")
    }
}
