import Bibliography
import CourseDiagnostics
import CourseMarkdown
import ExperimentLanguage
import ExperimentPages
import Experiments
import Localization
import TextFormatting

/// The stage that renders every page's Markdown to HTML: headings, links (checked),
/// math, highlighted code, each directive fence from what ``RunDirectives`` gave it, and
/// `=Result(…)` references from the page's results. It runs nothing.
struct RenderPages: Sendable {
    var allowHTML: Bool
    var math: BuildOptions.MathRenderer
    var highlight: BuildOptions.Highlighter
    var resolver: LinkResolver
    /// The words of the course's language, and the language its pages declare.
    var strings: StringCatalog = PageStrings.catalog(for: .english)
    var pageLanguage = "en"
    /// Spells math as plain text in an image's alt text (``BuildOptions/mathText``).
    var mathText: @Sendable (String) -> String = { $0 }
    /// The course's `references.bib`, when it has one: citations link to each page's list.
    var references: CourseReferences?

    /// Each page's body, in the order of `pages`, which are the pages ``CollectDirectives`` read.
    func run(_ pages: [Chapter], directives: CollectedDirectives, results: DirectiveResults) -> [RenderedBody] {
        // Pages are independent.
        ConcurrentMap.map(Array(pages.enumerated())) { page in
            PageStrings.with(strings, pageLanguage: pageLanguage) {
                renderBody(page.element, fences: directives.pages[page.offset], results: results)
            }
        }
    }

    struct RenderedBody: Sendable {
        var html: String
        /// The page's title and its contents entries as phrasing markup.
        var titleHTML: String
        var contentsHTML: [String]
        var diagnostics: [Diagnostic]
        var assets: [AssetLink]
        /// The keys of the works the page cites, in prose or through a method's paper, sorted.
        var cited: [String] = []
        /// The contents entry of a references section the page appended, with its title's markup.
        var appendedContents: [(entry: ContentsEntry, html: String)] = []
    }

    /// A file a page links, and where.
    struct AssetLink: Sendable {
        var path: String
        var location: SourceLocation
    }

    private final class Collector {
        var diagnostics: [Diagnostic] = []
        var assets: [AssetLink] = []
    }

    private func renderBody(_ chapter: Chapter, fences: [CollectedFence], results: DirectiveResults) -> RenderedBody {
        let collector = Collector()
        let file = chapter.displayPath
        var renderer = HTMLRenderer()
        renderer.allowHTML = allowHTML
        renderer.mathText = mathText
        renderer.words.linkToSection = strings.text("page.linkToSection")
        renderer.words.footnotes = strings.text("page.footnotes")
        renderer.words.backToReference = strings.template("page.backToReference")
        renderer.words.done = strings.text("page.taskDone")
        renderer.words.toDo = strings.text("page.taskToDo")
        renderer.headingIDs = chapter.headingIDs
        renderer.words.titleSeparator = strings.text("punctuation.colon")
        let strings = self.strings
        // Every callout's label and id come from the chapter's numbering and the catalog.
        renderer.calloutFrame = { callout in
            let anchor = chapter.callouts.anchors[callout.position]
            guard callout.kind == .exercise, let ordinal = anchor?.ordinal else {
                return HTMLRenderer.CalloutFrame(label: strings.text("callout.\(callout.kind.rawValue)"), id: anchor?.id)
            }
            // "Exercise 3.2" in chapter 3; the home page's exercises have no chapter number.
            let number = chapter.number > 0 ? "\(chapter.number).\(ordinal)" : "\(ordinal)"
            return HTMLRenderer.CalloutFrame(label: strings.text("callout.exercise", ["number": number]), id: anchor?.id)
        }
        var document = chapter.document
        if chapter.firstHeadingIsTitle, let index = document.blocks.firstIndex(where: { if case .heading = $0 { return true }; return false }) {
            document.blocks.remove(at: index)
            renderer.headingIDs = Array(chapter.headingIDs.dropFirst())
        }
        renderer.rewriteURL = { url, position in
            switch resolver.resolve(url, at: position, in: chapter) {
            case .keep(let kept): return kept
            case .page(let page): return page
            case .asset(let url, let path):
                collector.assets.append(AssetLink(
                    path: path, location: SourceLocation(file: file, line: position.line, column: position.column)))
                return url
            case .broken(let url, let diagnostic):
                collector.diagnostics.append(diagnostic)
                return url
            }
        }
        let highlight = self.highlight
        renderer.highlight = { code, language in highlight(code, language) }
        let math = self.math
        renderer.math = { latex, display, position in
            math(latex, display, SourceLocation(file: file, line: position.line, column: position.column), &collector.diagnostics)
        }
        // Every directive ran before the prose is rendered, so a result reference can quote
        // any directive of the page, and the code-block hook only shows a fence's results.
        var fragments: [TextPosition: String] = [:]
        let citations = PageCitations(references: references, strings: strings)
        if let formatter = citations.formatter {
            renderer.citation = { citation, linked in
                let html = formatter.html(citation, linked: linked)
                if html != nil { citations.record(citation.items.compactMap { formatter.bibliography[$0.key]?.key }) }
                return html
            }
        }
        for fence in fences {
            let run = results[fence.id]
            collector.diagnostics += fence.diagnostics + (run?.diagnostics ?? [])
            fragments[fence.position] = PaperCitations.$resolver.withValue(citations.paperResolver) {
                fence.handler.render(fence.block, run: run)
            }
        }
        let outputs = fences.compactMap { results[$0.id]?.output }
        // A directive with errors has no runs; a reference to one of them is explained, not merely unknown.
        let failed = fences.filter { fence in
            results[fence.id]?.output == nil && (fence.diagnostics + (results[fence.id]?.diagnostics ?? [])).containsErrors
        }.count
        renderer.codeBlock = { code in
            code == PageCitations.marker ? PageCitations.markerHTML : fragments[code.position]
        }
        let referencesHeading = citations.formatter == nil ? nil
            : PageCitations.referencesSection(in: document.blocks, title: strings.text("references.title"))
        if let referencesHeading { document.blocks.insert(.codeBlock(PageCitations.marker), at: referencesHeading.end) }
        renderer.codeSpan = { text, position in
            guard ResultReference.isReference(text) else { return nil }
            // cmark places the span at its text's first byte, which the origin calls column 1.
            let origin = SourceOrigin(file: file, line: position.line, columnOffset: position.column - 1)
            guard let reference = ResultReference.parse(text, origin: origin, diagnostics: &collector.diagnostics) else {
                return "<code>\(Escaping.html(text))</code>"
            }
            switch ResultReferenceResolver.resolve(reference, in: outputs, failed: failed) {
            case .success(let number): return Escaping.html(number)
            case .failure(let problem):
                collector.diagnostics.append(problem)
                return "<code>\(Escaping.html(text))</code>"
            }
        }
        var html = renderer.render(document)
        var titleHTML = Escaping.html(chapter.title)
        if chapter.frontMatter.title == nil, chapter.firstHeadingIsTitle,
           case .heading(_, let inlines, _)? = chapter.document.blocks.first(where: { if case .heading = $0 { return true }; return false }) {
            titleHTML = renderer.renderPhrase(inlines)
        }
        let contentsHTML = chapter.contents.map { renderer.renderPhrase($0.inlines) }
        if allowHTML {
            // Allowed raw HTML still runs no script: GitHub's tag filter leaves handlers and script URLs.
            for (html, position) in Self.rawHTML(in: chapter.document.blocks) {
                for finding in ScriptScan.findings(in: HTMLRenderer.tagFilter(html)) {
                    collector.diagnostics.append(.error(
                        "raw HTML would put \(finding.what) in the page",
                        at: SourceLocation(file: file, line: position.line, column: position.column),
                        hint: "pages of coursegen run no script, even with --allow-html"))
                }
            }
        }
        if !allowHTML, let first = Self.firstRawHTML(in: chapter.document.blocks) {
            collector.diagnostics.append(Diagnostic(
                .warning, "raw HTML is shown as text, not emitted",
                at: SourceLocation(file: file, line: first.line, column: first.column),
                hint: "pass --allow-html to emit the chapters' HTML"))
        }
        // The list goes where the author's References section ends, else in a section of its own at the end.
        let cited = citations.cited
        var appended: [(entry: ContentsEntry, html: String)] = []
        if let formatter = citations.formatter, !cited.isEmpty {
            let list = citations.list(cited, formatter: formatter)
            if html.contains(PageCitations.markerHTML) {
                html = html.replacing(PageCitations.markerHTML, with: list)
            } else {
                let title = strings.text("references.title")
                let taken = chapter.headingIDSet.union(PageRenderer.reservedIDs)
                let base = HeadingSlugger.slugify(title).isEmpty ? "references" : HeadingSlugger.slugify(title)
                let id = taken.contains(base) ? (2...).lazy.map { "\(base)-\($0)" }.first { !taken.contains($0) }! : base
                html += "<section class=\"references\" aria-labelledby=\"\(id)\">\n<h2 id=\"\(id)\">\(Escaping.html(title))"
                    + " <a class=\"self-link\" href=\"#\(id)\" aria-label=\"\(Escaping.html(strings.text("page.linkToSection")))\">#</a></h2>\n"
                    + list + "</section>\n"
                appended.append((ContentsEntry(level: 2, id: id, title: title), Escaping.html(title)))
            }
        } else if html.contains(PageCitations.markerHTML) {
            html = html.replacing(PageCitations.markerHTML, with: "")
        }
        return RenderedBody(html: html, titleHTML: titleHTML, contentsHTML: contentsHTML,
                            diagnostics: collector.diagnostics, assets: collector.assets,
                            cited: cited, appendedContents: appended)
    }

    static func firstRawHTML(in blocks: [Block]) -> TextPosition? {
        rawHTML(in: blocks).first { _ in true }?.1
    }

    /// Every piece of raw HTML (blocks and inline) with its position, in document order, lazily.
    static func rawHTML(in blocks: [Block]) -> some Sequence<(String, TextPosition)> {
        blocks.allBlocks.lazy.flatMap { block -> [(String, TextPosition)] in
            if case .htmlBlock(let html, let position) = block { return [(html, position)] }
            return block.inlines.allInlines.compactMap { inline in
                if case .html(let html, let position) = inline { return (html, position) }
                return nil
            }
        }
    }
}
