import CourseDiagnostics
import CourseMarkdown
@testable import CourseSite
import CourseTestSupport
import Foundation
import Testing

/// The GitHub Flavored Markdown spec's own examples (cmark-gfm's `test/spec.txt` and
/// `test/extensions.txt`, vendored in `Fixtures/gfm/` with their licence), each built as a
/// chapter with `--allow-html` through the build's stages and compared with the spec's HTML
/// after the spec's `normalize.py`. coursegen's deliberate additions are taken out first
/// (``GFMSpec/withoutAdditions(_:)``); what differs by design is listed with its reason in
/// `Fixtures/gfm/by-design.txt`, and every other example must pass.
@Suite struct GFMSpecTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/gfm")

    @Test func everyExampleOffTheByDesignListRendersAsTheSpecSays() throws {
        let examples = try GFMSpec.examples(file: "spec") + GFMSpec.examples(file: "extensions")
        // The spec's 671 examples (two more are disabled upstream) and the extensions' 28.
        #expect(examples.filter { $0.file == "spec" }.count == 671)
        #expect(examples.filter { $0.file == "extensions" }.count == 28)
        let byDesign = try GFMSpec.byDesign()
        let built = GFMSpec.build(examples)
        let normalised = try GFMSpec.normalise(examples.map { GFMSpec.expected($0.html, demoted: GFMSpec.demotesHeadings($0)) } + built.map { GFMSpec.withoutAdditions($0.html) })
        let expected = normalised.prefix(examples.count), actual = normalised.suffix(examples.count)

        var passed = 0, differing: [String] = []
        for (k, example) in examples.enumerated() {
            let id = "\(example.file) \(example.number)"
            // As cmark-gfm's spec_tests.py: `<IGNORE>` asks only that the example builds.
            let ignored = example.html.trimmingCharacters(in: .whitespacesAndNewlines) == "<IGNORE>"
            let same = ignored || expected[expected.startIndex + k] == actual[actual.startIndex + k]
            if same { passed += 1 }
            if same, byDesign[id] != nil {
                Issue.record("\(id) is on the by-design list but renders as the spec says: take it off")
            } else if !same, byDesign[id] == nil {
                differing.append(id)
                Issue.record("""
                    \(id) (\(example.section)) differs from the spec
                    --- markdown
                    \(example.markdown)--- expected
                    \(expected[expected.startIndex + k])
                    --- coursegen
                    \(actual[actual.startIndex + k])
                    """)
            }
        }
        for id in byDesign.keys where !examples.contains(where: { "\($0.file) \($0.number)" == id }) {
            Issue.record("the by-design list names \(id), which is no example")
        }
        let refused = built.filter { $0.errors.contains { !$0.isLinkCheck } }.count
        let linkChecked = built.filter { page in !page.errors.isEmpty && page.errors.allSatisfy(\.isLinkCheck) }.count
        print("GFM spec: \(passed) of \(examples.count) examples as the spec renders them, \(byDesign.count) differ by design,"
              + " \(differing.count) fail; \(linkChecked) would stop a build at the link check alone, \(refused) at another error")
        #expect(differing.isEmpty)
    }

    /// The check above would notice nothing if stripping or normalising erased differences.
    @Test func aChangedRenderingIsCaught() throws {
        let normal = try GFMSpec.normalise(["<p>a <em>b</em></p>\n", "<p>a <strong>b</strong></p>\n",
                                            GFMSpec.withoutAdditions("<h2 id=\"x\">T <a class=\"self-link\" href=\"#x\" aria-label=\"Link to this section\">#</a></h2>\n")])
        #expect(normal[0] != normal[1])
        #expect(normal[2] == "<h2>T</h2>")
    }
}

/// Reading, building and comparing the spec's examples.
enum GFMSpec {
    struct Example {
        var file: String
        var number: Int
        var section: String
        var markdown: String
        var html: String
    }

    /// The examples of `Fixtures/gfm/<file>.txt`, numbered as cmark-gfm's `spec_tests.py`
    /// numbers them (disabled examples count but are left out); `→` is a tab.
    static func examples(file: String) throws -> [Example] {
        let text = try String(contentsOf: GFMSpecTests.folder.appendingPathComponent("\(file).txt"), encoding: .utf8)
        let fence = String(repeating: "`", count: 32)
        var examples: [Example] = []
        var number = 0, state = 0, section = "", disabled = false
        var markdown = "", html = ""
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix(fence + " example") {
                state = 1
                disabled = trimmed.split(separator: " ").contains("disabled")
            } else if trimmed == fence {
                state = 0
                number += 1
                if !disabled {
                    examples.append(Example(file: file, number: number, section: section,
                                            markdown: markdown.replacingOccurrences(of: "→", with: "\t"),
                                            html: html.replacingOccurrences(of: "→", with: "\t")))
                }
                markdown = ""
                html = ""
            } else if state == 1, trimmed == "." {
                state = 2
            } else if state == 1 {
                markdown += line + "\n"
            } else if state == 2 {
                html += line + "\n"
            } else if line.hasPrefix("#"), let space = line.firstIndex(of: " "), line[..<space].allSatisfy({ $0 == "#" }) {
                section = String(line[line.index(after: space)...]).trimmingCharacters(in: .whitespaces)
            }
        }
        return examples
    }

    /// `file number` → why that example differs by design, from `by-design.txt`.
    static func byDesign() throws -> [String: String] {
        let text = try String(contentsOf: GFMSpecTests.folder.appendingPathComponent("by-design.txt"), encoding: .utf8)
        var list: [String: String] = [:]
        for line in text.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: " ", maxSplits: 2)
            guard fields.count == 3 else { continue }
            list["\(fields[0]) \(fields[1])"] = String(fields[2]).trimmingCharacters(in: .whitespaces)
        }
        return list
    }

    /// One example's page body as the build renders it, with the build's errors.
    struct Built {
        var html: String
        var errors: [Diagnostic]
    }

    /// Every example as a chapter of one course (front matter `title: GFM example N`, then the
    /// example), loaded, collected, run, numbered and rendered by the build's stages with the
    /// standard math, highlighting and directives and `--allow-html`.
    static func build(_ examples: [Example]) -> [Built] {
        let course = TemporaryFolder("gfm-spec")
        defer { course.remove() }
        let names = examples.map { String(format: "%@-%04d.md", $0.file, $0.number) }
        for (example, name) in zip(examples, names) {
            course.write("chapters/" + name, "---\ntitle: GFM example \(example.number)\n---\n" + example.markdown)
        }
        let chapters = course.path + "/chapters"
        var options = StandardBuild.options(chaptersFolder: chapters, useCache: false, storesResults: false)
        options.allowHTML = true
        var diagnostics: [Diagnostic] = []
        let loader = CourseLoader(folder: chapters, includeDrafts: false, mathText: options.mathText)
        guard let loaded = loader.load(diagnostics: &diagnostics) else {
            Issue.record("the examples' course did not load: \(diagnostics)")
            return []
        }
        var byFile: [String: Chapter] = [:]
        for chapter in loaded.chapters { byFile[chapter.fileName] = chapter }
        var resolver = LinkResolver(chaptersByFile: byFile, folder: loaded.folder,
                                    generatedPaths: Set(loaded.chapters.map(\.pageName)))
        let collected = CollectDirectives(directives: options.directives)
            .run(loaded.chapters.map { .markdown(file: $0.displayPath, blocks: $0.document.blocks) })
        let results = RunDirectives(cache: nil).run(collected)
        let labels = NumberLabels().run(loaded.chapters, directives: collected)
        resolver.labels = labels
        let render = RenderPages(allowHTML: true, math: options.math, highlight: options.highlight, resolver: resolver,
                                 mathText: options.mathText, labels: labels)
        let bodies = render.run(loaded.chapters, directives: collected, results: results)
        let byName = Dictionary(uniqueKeysWithValues: zip(loaded.chapters.map(\.fileName), bodies))
        return names.map { name in
            let loading = diagnostics.filter { $0.location?.file.hasSuffix(name) == true && $0.severity == .error }
            guard let body = byName[name] else {
                // A chapter the loader refused (over the size limit) says why.
                if loading.isEmpty { Issue.record("\(name) was not loaded as a chapter, and nothing says why") }
                return Built(html: "", errors: loading)
            }
            return Built(html: body.html, errors: body.diagnostics.filter { $0.severity == .error } + loading)
        }
    }

    /// The spec's HTML with the page's title rule applied: a chapter whose front matter gives
    /// its title keeps its `#` headings one level down, so that the title is the page's one `<h1>`
    /// (`######` stays level 6).
    static func expected(_ html: String, demoted: Bool) -> String {
        guard demoted else { return html }
        return replacing(#"<(/?)h([1-6])>"#, in: html) { groups in
            "<\(groups[1])h\(min(Int(groups[2])! + 1, 6))>"
        }
    }

    /// Whether the example, as a chapter with a title in its front matter, has its headings
    /// moved one level down: whether it holds a `#` heading.
    static func demotesHeadings(_ example: Example) -> Bool {
        var ignored: [Diagnostic] = []
        let document = MarkdownParser.parse(example.markdown, origin: SourceOrigin(file: "example.md", line: 1), diagnostics: &ignored)
        return CourseLoader.holdsLevelOneHeading(document.blocks, besidesTheFirst: false)
    }

    /// coursegen's page body without what it adds on purpose: heading ids and self-links,
    /// the table's scroll wrapper and focusable `<pre>`, highlighting spans, task lists'
    /// classes and accessible names, `style="text-align"` for the table's `align`, and the
    /// numbered `<figure>` around an image that is alone in its paragraph with a caption.
    static func withoutAdditions(_ html: String) -> String {
        var out = replacing(#"<h([1-6]) id="[^"]*">"#, in: html) { "<h\($0[1])>" }
        out = replacing(#" <a class="self-link" href="[^"]*" aria-label="[^"]*">#</a></h([1-6])>"#, in: out) { "</h\($0[1])>" }
        out = out.replacingOccurrences(of: "<div class=\"table-wrap\" tabindex=\"0\">\n<table>", with: "<table>")
            .replacingOccurrences(of: "</table>\n</div>", with: "</table>")
            .replacingOccurrences(of: "<pre tabindex=\"0\">", with: "<pre>")
            .replacingOccurrences(of: "<ul class=\"task-list\">", with: "<ul>")
            .replacingOccurrences(of: "<ol class=\"task-list\">", with: "<ol>")
            .replacingOccurrences(of: "<li class=\"task-list-item\">", with: "<li>")
        out = replacing(#"<input type="checkbox" disabled( checked)? aria-label="[^"]*">"#, in: out) {
            $0[1].isEmpty ? "<input type=\"checkbox\" disabled=\"\" />" : "<input type=\"checkbox\" checked=\"\" disabled=\"\" />"
        }
        out = replacing(#" style="text-align: (left|center|right)""#, in: out) { " align=\"\($0[1])\"" }
        // An image alone in its paragraph with a caption is a numbered figure (as Pandoc reads it).
        out = replacing(#"(?s)<figure class="figure"[^>]*>\n(<img [^>]*>)\n<figcaption>.*?</figcaption>\n</figure>\n"#, in: out) {
            "<p>\($0[1])</p>\n"
        }
        // Highlighting spans, inside code blocks only (the code's own text is escaped, so every
        // `<span>` there is the highlighter's).
        return replacing(#"(?s)<pre><code class="language-[^"]*">.*?</code></pre>"#, in: out) { groups in
            replacing(#"</?span[^>]*>"#, in: groups[0]) { _ in "" }
        }
    }

    /// `text` with each match of `pattern` replaced by `transform(groups)` (group 0 the match).
    static func replacing(_ pattern: String, in text: String, _ transform: ([String]) -> String) -> String {
        let regex = try! NSRegularExpression(pattern: pattern)
        let source = text as NSString
        var out = ""
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: source.length)) {
            out += source.substring(with: NSRange(location: last, length: match.range.location - last))
            let groups = (0..<match.numberOfRanges).map { i in
                match.range(at: i).location == NSNotFound ? "" : source.substring(with: match.range(at: i))
            }
            out += transform(groups)
            last = match.range.location + match.range.length
        }
        return out + source.substring(from: last)
    }

    /// Each HTML text through the spec's own `normalize.py` (vendored, run by
    /// `normalize_batch.py` in one python3 process).
    static func normalise(_ texts: [String]) throws -> [String] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", GFMSpecTests.folder.appendingPathComponent("normalize_batch.py").path]
        let input = Pipe(), output = Pipe(), errors = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        let data = try JSONSerialization.data(withJSONObject: texts)
        // Written from another thread, so that a full output pipe cannot stall the writer.
        let writer = Thread {
            input.fileHandleForWriting.write(data)
            try? input.fileHandleForWriting.close()
        }
        writer.start()
        let result = output.fileHandleForReading.readDataToEndOfFile()
        let message = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try #require(process.terminationStatus == 0, "normalize_batch.py failed: \(String(decoding: message, as: UTF8.self))")
        return try #require(try JSONSerialization.jsonObject(with: result) as? [String])
    }
}

extension Diagnostic {
    /// An error of the link check (a link to a file or page the course does not have), which
    /// stops a build by design; the page's HTML is still compared.
    var isLinkCheck: Bool {
        message.hasPrefix("link ") || message.hasPrefix("the file '") || message.contains("would replace a file coursegen writes")
    }
}
