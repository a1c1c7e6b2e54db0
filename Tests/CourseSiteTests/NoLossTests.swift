import CourseDiagnostics
import CourseSite
import CourseTestSupport
import ExperimentLanguage
import ExperimentPages
import Experiments
import Foundation
import Testing

/// Nothing is lost between a chapter's source and its page: every word and every
/// formula of the source's text (fenced code and directives excepted) appears in the
/// rendered page's text, as often as in the source. Both sides are extracted
/// independently — the source from its raw text, not from the parsed tree — so a
/// construct the parser or renderer drops (math in a table cell) is caught.
@Suite struct NoLossTests {
    /// The course built once, its experiment fences run nothing: page name → HTML.
    private static let coursePages: [String: String] = {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        for file in courseFiles {
            let text = (try? String(contentsOf: ChapterFences.folder.appendingPathComponent(file), encoding: .utf8)) ?? ""
            folder.write("chapters/\(file)", Self.withoutResultReferences(text))
        }
        if let bib = try? String(contentsOf: ChapterFences.folder.appendingPathComponent("references.bib"), encoding: .utf8) {
            folder.write("chapters/references.bib", bib)
        }
        var pages: [String: String] = [:]
        for file in build(folder) where file.path.hasSuffix(".html") { pages[file.path] = String(decoding: file.bytes, as: UTF8.self) }
        return pages
    }()

    private static let courseFiles = ((try? FileManager.default.contentsOfDirectory(atPath: ChapterFences.folder.path)) ?? [])
        .filter { $0.hasSuffix(".md") }.sorted()

    /// Numbers inserted from results (`` `=Result(…)` ``) need the experiments run; this build
    /// leaves experiments as code, so each reference becomes a plain code span, on both sides.
    static func withoutResultReferences(_ text: String) -> String {
        SourceText.replace(#"`=Result\([^`]*\)`"#, in: text) { _ in "`result`" }
    }

    /// A citation's key becomes author and year on the page; the words around it (a prefix,
    /// a locator) must still arrive, so only the `@key` is taken out of the source's words.
    static func withoutCitationKeys(_ text: String) -> String {
        SourceText.replace(#"(?<![A-Za-z0-9.])-?@[A-Za-z0-9_]+"#, in: text) { _ in "" }
    }

    @Test(arguments: courseFiles)
    func everyWordAndFormulaOfTheCourseReachesItsPage(_ file: String) throws {
        let source = Self.withoutCitationKeys(Self.withoutResultReferences(try String(contentsOf: ChapterFences.folder.appendingPathComponent(file), encoding: .utf8)))
        // 01-gradient-descent.md → gradient-descent.html, as the README names pages.
        let slug = file == "index.md" ? "index" : String(file.dropLast(3).drop { $0.isNumber }.drop { $0 == "-" })
        let page = try #require(Self.coursePages[slug + ".html"], "no page for \(file) among \(Self.coursePages.keys.sorted())")
        expectNoLoss(source: source, page: page, file: file)
    }

    /// Documents drawn from a grammar of every container and inline construct.
    @Test(arguments: 0..<40)
    func generatedChaptersLoseNothing(_ seed: Int) {
        var generator = SeededGenerator(state: UInt64(seed) &* 0x9E37_79B9_7F4A_7C15 &+ 1)
        let source = "# Generated\n\n" + (0..<8).map { _ in Self.block(&generator) }.joined(separator: "\n")
        let folder = TemporaryFolder()
        defer { folder.remove() }
        folder.write("chapters/01-generated.md", source)
        guard let page = Self.build(folder).first(where: { $0.path == "generated.html" }) else {
            Issue.record("no page for:\n\(source)")
            return
        }
        expectNoLoss(source: source, page: String(decoding: page.bytes, as: UTF8.self), file: "seed \(seed):\n\(source)")
    }

    private static func build(_ folder: TemporaryFolder) -> [(path: String, bytes: [UInt8])] {
        let chapters = folder.path + "/chapters"
        var options = StandardBuild.options(chaptersFolder: chapters)
        // Experiment fences are excepted and run nothing; they still name their figures, so the
        // chapters' cross-references to them resolve.
        options.directives = DirectiveRegistry([SilentExperiment()])
        let result = SiteBuilder(chaptersFolder: chapters, options: options).build()
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics.prefix(3))")
        return result.files
    }

    private func expectNoLoss(source: String, page: String, file: String) {
        let expected = SourceText(source)
        let shown = PageText(page)
        let missingWords = expected.words.filter { shown.words[$0.key, default: 0] < $0.value }.keys.sorted()
        let missingFormulas = expected.formulas.filter { shown.formulas[$0.key, default: 0] < $0.value }.keys.sorted()
        #expect(missingWords.isEmpty, "\(file): words missing from the page: \(missingWords.prefix(20))")
        #expect(missingFormulas.isEmpty, "\(file): formulas missing from the page: \(missingFormulas.prefix(20))")
        #expect(!expected.words.isEmpty)
    }

    // MARK: - Generated documents

    private static let words = ["step", "rate", "loss", "minimum", "学习率", "梯度", "Adam", "β", "x2", "valley"]
    private static let formulas = ["\\theta_t", "\\eta \\nabla f", "v_{t+1} = \\mu v_t", "\\frac{1}{2}", "x^2 + y^2"]

    private static func inline(_ g: inout SeededGenerator) -> String {
        func word(_ g: inout SeededGenerator) -> String { words.randomElement(using: &g)! }
        return (0..<Int.random(in: 2...6, using: &g)).map { _ -> String in
            switch Int.random(in: 0..<7, using: &g) {
            case 0: return "$\(formulas.randomElement(using: &g)!)$"
            case 1: return "`\(word(&g))`"
            case 2: return "*\(word(&g))*"
            case 3: return "**\(word(&g)) \(word(&g))**"
            case 4: return "[\(word(&g))](https://example.org/\(word(&g)))"
            default: return word(&g)
            }
        }.joined(separator: " ")
    }

    private static func block(_ g: inout SeededGenerator) -> String {
        switch Int.random(in: 0..<8, using: &g) {
        case 0: return "## \(inline(&g))\n"
        case 1: return "| \(inline(&g)) | \(inline(&g)) |\n|---|:-:|\n| \(inline(&g)) | \(inline(&g)) |\n"
        case 2: return "- \(inline(&g))\n- \(inline(&g))\n"
        case 3: return "> \(inline(&g))\n"
        case 4:
            let label = "n\(Int.random(in: 0..<1_000_000, using: &g))"
            return "Note[^\(label)].\n\n[^\(label)]: \(inline(&g))\n"
        case 5: return "$$\(formulas.randomElement(using: &g)!)$$\n"
        case 6: return "1. \(inline(&g))\n\n   > \(inline(&g))\n"
        default: return "\(inline(&g))\n"
        }
    }
}

/// Words and formulas a reader should find, from a chapter's raw text.
struct SourceText {
    var words: [String: Int] = [:]
    var formulas: [String: Int] = [:]

    init(_ text: String) {
        var body = text
        if body.hasPrefix("---\n"), let end = body.range(of: "\n---\n", range: body.index(body.startIndex, offsetBy: 3)..<body.endIndex) {
            body = String(body[end.upperBound...])
        }
        body = Self.removingFences(body)
        // A callout's marker and its id are not text: the page shows its label instead.
        body = Self.replace(#"(?m)^((?:[ ]{0,3}>)+[ ]?)\[![A-Za-z]+\]"#, in: body) { groups in groups[1] }
        body = Self.replace(#"(?m)\{#[\w-]+\}[ \t]*$"#, in: body) { _ in " " }
        // Code spans are text as written; take them out before looking for math.
        body = Self.replace(#"(`+)(.+?)\1"#, in: body) { groups in words(of: groups[2]); return " " }
        body = Self.replace(#"\$\$([\s\S]+?)\$\$"#, in: body) { groups in add(formula: groups[1]); return " " }
        body = Self.replace(#"(?<![\\$])\$(?![\s$])([^$]*?[^\s\\])\$(?!\d)"#, in: body) { groups in add(formula: groups[1]); return " " }
        body = Self.replace(#"\]\([^)\s]*\)"#, in: body) { _ in "] " }       // link destinations are not text
        body = Self.replace(#"\[\^[^\]]+\]:?"#, in: body) { _ in " " }      // footnote labels
        body = Self.replace(#"(?m)^\s*(?:[-*+]|\d+[.)])\s+\[[ xX]\]"#, in: body) { _ in " " }  // task boxes
        body = Self.replace(#"(?m)^(?:\s*>)*\s*\d+[.)](?=\s)"#, in: body) { _ in " " }  // list numbers are markers
        words(of: body)
    }

    private mutating func add(formula: String) {
        formulas[formula.filter { !$0.isWhitespace }, default: 0] += 1
    }

    private mutating func words(of text: String) {
        for word in Self.words(text) { words[word, default: 0] += 1 }
    }

    static func words(_ text: String) -> [String] {
        text.split(whereSeparator: { !($0.isLetter || $0.isNumber) }).map(String.init)
    }

    static func removingFences(_ text: String) -> String {
        var out: [Substring] = []
        var fence: Substring?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            // A fence inside a quote (a callout) is a fence too.
            var unquoted = line
            while case let spaces = unquoted.prefix(while: { $0 == " " }).count, spaces < 4, unquoted.dropFirst(spaces).first == ">" {
                unquoted = unquoted.dropFirst(spaces + 1)
            }
            let trimmed = unquoted.drop { $0 == " " }
            if let open = fence {
                if trimmed.hasPrefix(open), trimmed.drop(while: { $0 == open.first }).allSatisfy(\.isWhitespace) { fence = nil }
                continue
            }
            if let first = trimmed.first, first == "`" || first == "~" {
                let run = trimmed.prefix { $0 == first }
                if run.count >= 3 { fence = run; continue }
            }
            out.append(line)
        }
        return out.joined(separator: "\n")
    }

    static func replace(_ pattern: String, in text: String, _ transform: ([String]) -> String) -> String {
        let regex = try! NSRegularExpression(pattern: pattern)
        let ns = text as NSString
        var out = ""
        var last = 0
        for match in regex.matches(in: text, range: NSRange(location: 0, length: ns.length)) {
            out += ns.substring(with: NSRange(location: last, length: match.range.location - last))
            let groups = (0..<match.numberOfRanges).map { i -> String in
                let r = match.range(at: i)
                return r.location == NSNotFound ? "" : ns.substring(with: r)
            }
            out += transform(groups)
            last = match.range.location + match.range.length
        }
        return out + ns.substring(from: last)
    }
}

/// Words and formulas a reader finds on a page: its text without markup, image
/// descriptions, and each formula's TeX annotation.
struct PageText {
    var words: [String: Int] = [:]
    var formulas: [String: Int] = [:]

    init(_ html: String) {
        var text = SourceText.replace(#"<annotation encoding="application/x-tex">([^<]*)</annotation>"#, in: html) { groups in
            formulas[Self.decode(groups[1]).filter { !$0.isWhitespace }, default: 0] += 1
            return " "
        }
        text = SourceText.replace(#"<math[\s\S]*?</math>"#, in: text) { _ in " " }
        text = SourceText.replace(#"\balt="([^"]*)""#, in: text) { groups in " \(groups[1]) >" }
        text = SourceText.replace(#"<[^>]*>"#, in: text) { _ in " " }
        for word in SourceText.words(Self.decode(text)) { words[word, default: 0] += 1 }
    }

    static func decode(_ text: String) -> String {
        SourceText.replace(#"&(#x?[0-9a-fA-F]+|amp|lt|gt|quot|apos);"#, in: text) { groups in
            switch groups[1] {
            case "amp": return "&"
            case "lt": return "<"
            case "gt": return ">"
            case "quot": return "\""
            case "apos": return "'"
            default:
                let hex = groups[1].hasPrefix("#x") || groups[1].hasPrefix("#X")
                let digits = groups[1].dropFirst(hex ? 2 : 1)
                return UInt32(digits, radix: hex ? 16 : 10).flatMap(Unicode.Scalar.init).map { String(Character($0)) } ?? ""
            }
        }
    }
}

/// An `experiment` fence that checks to nothing and shows nothing.
private struct SilentExperiment: DirectiveHandler {
    let name = "experiment"
    func check(_ block: DirectiveBlock, diagnostics: inout [Diagnostic]) -> Directive? { nil }
    func render(_ block: DirectiveBlock, run: DirectiveRun?, figure: FigureNumber?) -> String { "" }
}
