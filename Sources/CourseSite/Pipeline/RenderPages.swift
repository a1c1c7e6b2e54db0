import Bibliography
import CourseDiagnostics
import CourseMarkdown
import ExperimentLanguage
import ExperimentPages
import Experiments
import Localization
import MathML
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
    /// The course's equations, figures and labels, numbered (``NumberLabels``).
    var labels = CourseLabels()
    /// Keeps each page's body for the next build in the process (``RenderMemo``).
    var memo: RenderMemo?

    /// Each page's body, in the order of `pages`, which are the pages ``CollectDirectives`` read
    /// (`directives.pages[i]` are the fences of `pages[i]`). `ids` places each page's ids: on its
    /// own page, or in the one document of `print.html`, where solutions are open too.
    /// `firstPage` is the place of `pages[0]` among the pages ``NumberLabels`` numbered (1 when
    /// the home page is left out). A fence with a fragment in `fragments` (``fragments(_:directives:results:firstPage:)``)
    /// takes it, filled with the page's ids, instead of being rendered again.
    func run(_ pages: [Chapter], directives: CollectedDirectives, results: DirectiveResults,
             firstPage: Int = 0, ids: PageIDs = .ownPages, fragments: FenceFragments? = nil) -> [RenderedBody] {
        // Pages are independent.
        ConcurrentMap.map(Array(pages.enumerated())) { page in
            let render = {
                PageStrings.with(strings, pageLanguage: pageLanguage) {
                    renderBody(page.element, index: firstPage + page.offset, fences: directives.pages[page.offset], results: results,
                               ids: ids, shared: fragments)
                }
            }
            return memo.map { $0.body(page.element, index: firstPage + page.offset, ids: ids, labels: labels, render: render) } ?? render()
        }
    }

    /// Each page's body, as ``run(_:directives:results:firstPage:ids:fragments:)`` renders it on its
    /// own page, and the body of each page from `printedFrom` on as `print.html` holds it
    /// (``PageIDs/document(_:)``), from one render of each page: the chapters are rendered with
    /// `fragments`' holes where the two places differ (``PageIDs/both(_:holes:)``), and each
    /// place fills them. Diagnostics and links found are the page's.
    func runForPageAndPrint(_ pages: [Chapter], directives: CollectedDirectives, results: DirectiveResults,
                            printedFrom first: Int, fragments: FenceFragments) -> (pages: [RenderedBody], print: [RenderedBody]) {
        let printed = Array(pages[first...])
        let both = PageIDs.both(printed, holes: fragments)
        let rendered = ConcurrentMap.map(Array(pages.enumerated())) { page -> (page: RenderedBody, print: RenderedBody?) in
            let ids = page.offset >= first ? both : .ownPages
            let render = {
                PageStrings.with(strings, pageLanguage: pageLanguage) {
                    renderBody(page.element, index: page.offset, fences: directives.pages[page.offset], results: results,
                               ids: ids, shared: fragments)
                }
            }
            let body = memo.map { $0.body(page.element, index: page.offset, ids: ids, labels: labels, render: render) } ?? render()
            guard page.offset >= first else { return (body, nil) }
            return (body.filled(fragments, prefix: "", inDocument: false),
                    body.filled(fragments, prefix: PageIDs.prefix(of: page.element), inDocument: true))
        }
        return (rendered.map(\.page), rendered.compactMap(\.print))
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

        /// The body with `holes` filled for one place (``FenceFragments/fill(_:prefix:inDocument:)``).
        func filled(_ holes: FenceFragments, prefix: String, inDocument: Bool) -> RenderedBody {
            var body = self
            body.html = holes.fill(html, prefix: prefix, inDocument: inDocument)
            body.titleHTML = holes.fill(titleHTML, prefix: prefix, inDocument: inDocument)
            body.contentsHTML = contentsHTML.map { holes.fill($0, prefix: prefix, inDocument: inDocument) }
            body.appendedContents = appendedContents.map { ($0.entry, holes.fill($0.html, prefix: prefix, inDocument: inDocument)) }
            return body
        }
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

    private func renderBody(_ chapter: Chapter, index: Int, fences: [CollectedFence], results: DirectiveResults,
                            ids: PageIDs, shared: FenceFragments?) -> RenderedBody {
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
        renderer.headingIDs = chapter.headingIDs.map { ids.id($0, in: chapter) }
        renderer.footnotePrefix = ids.id(renderer.footnotePrefix, in: chapter)
        // In one document to print, a solution is printed open after its exercise: a closed
        // <details> prints as its summary alone.
        renderer.solutionsOpen = ids.isDocument
        renderer.solutionOpenAttribute = ids.holes?.openHole
        renderer.words.titleSeparator = strings.text("punctuation.colon")
        let strings = self.strings
        // Every callout's label and id come from the chapter's numbering and the catalog.
        renderer.calloutFrame = { callout in
            let anchor = chapter.callouts.anchors[callout.position]
            let id = anchor?.id.map { ids.id($0, in: chapter) }
            guard callout.kind == .exercise, let ordinal = anchor?.ordinal else {
                return HTMLRenderer.CalloutFrame(label: strings.text("callout.\(callout.kind.rawValue)"), id: id)
            }
            // "Exercise 3.2" in chapter 3; the home page's exercises have no chapter number.
            let number = chapter.number > 0 ? "\(chapter.number).\(ordinal)" : "\(ordinal)"
            return HTMLRenderer.CalloutFrame(label: strings.text("callout.exercise", ["number": number]), id: id)
        }
        var document = chapter.document
        if chapter.firstHeadingIsTitle, let index = document.blocks.firstIndex(where: { if case .heading = $0 { return true }; return false }) {
            document.blocks.remove(at: index)
            renderer.headingIDs = Array(renderer.headingIDs.dropFirst())
        }
        // Links without text are cross-references, which may name another chapter's label.
        var emptyLinks: Set<TextPosition> = []
        for block in chapter.document.blocks.allBlocks {
            for case .link(_, _, let content, let position) in block.inlines.allInlines where content.isEmpty {
                emptyLinks.insert(position)
            }
        }
        renderer.rewriteURL = { url, position in
            switch resolver.resolve(url, at: position, in: chapter, crossReference: emptyLinks.contains(position)) {
            case .keep(let kept): return kept
            case .anchor(let fragment): return ids.anchor(fragment, in: chapter)
            case .page(let page, let fragment): return ids.link(toPage: page, fragment: fragment)
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
        let labels = self.labels
        let numbered = index < labels.pages.count ? labels.pages[index] : CourseLabels.Page(file: chapter.fileName, displayPath: file, pageName: chapter.pageName)
        // `\ref` and `\eqref` name labels anywhere in the course, as `[](#label)` does.
        let references: (String) -> MathReference = { label in
            switch labels.resolve(label, from: index) {
            case .found(let target): .number(target.number)
            case .missing(let message, let hint), .ambiguous(let message, let hint): .unresolved(message: message, hint: hint)
            }
        }
        func at(_ position: TextPosition) -> SourceLocation {
            SourceLocation(file: file, line: position.line, column: position.column)
        }
        func mentionsReference(_ latex: String) -> Bool { latex.contains("\\ref") || latex.contains("\\eqref") }
        renderer.math = { latex, display, position in
            // A formula that is only a reference is a link, which MathML Core cannot hold.
            if let (label, parenthesised) = MathML.loneReference(latex), case .found(let target) = labels.resolve(label, from: index) {
                let href = target.page == index
                    ? ids.anchor(target.id, in: chapter) : ids.link(toPage: labels.pages[target.page].pageName, fragment: target.id)
                let shown = parenthesised ? "(\(target.number))" : target.number
                return "<a class=\"xref\" href=\"\(Escaping.html(href))\">\(Escaping.html(shown))</a>"
            }
            guard mentionsReference(latex) else { return math(latex, display, at(position), &collector.diagnostics) }
            let rendering = MathML.render(latex: latex, display: display ? .block : .inline, references: references)
            collector.diagnostics += rendering.errors.map { $0.diagnostic(in: latex, at: at(position)) }
            return rendering.markup
        }
        // A numbered formula has its number beside it, outside the <math>, and its label as its id.
        let plainMath = renderer.math
        renderer.displayMath = { latex, position, inParagraph in
            let element = inParagraph ? "span" : "div"
            guard let numbers = numbered.equations[position] else {
                return "<\(element) class=\"display-math\" tabindex=\"0\">\(plainMath(latex, true, position))</\(element)>"
            }
            let rendering = MathML.render(latex: latex, numbers: numbers, references: references)
            collector.diagnostics += rendering.errors.map { $0.diagnostic(in: latex, at: at(position)) }
            let box = "<\(element) class=\"display-math\" tabindex=\"0\">\(rendering.markup)</\(element)>"
            guard let number = rendering.number else { return box }
            let id = rendering.id.map { " id=\"\(Escaping.html(ids.id($0, in: chapter)))\"" } ?? ""
            return "<\(element) class=\"equation\"\(id)>\(box)<span class=\"equation-number\">\(Escaping.html(number))</span></\(element)>"
        }
        renderer.figureFrame = { figure in
            guard let numberedFigure = numbered.figures[figure.position] else { return nil }
            return HTMLRenderer.FigureFrame(label: strings.text("figure.number", ["number": numberedFigure.number]),
                                            separator: strings.text("punctuation.colon"), id: ids.id(numberedFigure.id, in: chapter))
        }
        // `[](#eq:adam-update)`: the link's text is the target's name ("Eq. (5.3)", "Figure 5.2").
        renderer.emptyLinkText = { url, _ in
            guard let target = resolver.crossReference(url, in: chapter) else { return nil }
            switch target.kind {
            case .equation: return Escaping.html(strings.text("equation.reference", ["number": target.number]))
            case .figure: return Escaping.html(strings.text("figure.number", ["number": target.number]))
            case .exercise: return Escaping.html(strings.text("callout.exercise", ["number": target.number]))
            case .section: return Escaping.html(target.number)
            }
        }
        // Every directive ran before the prose is rendered, so a result reference can quote
        // any directive of the page, and the code-block hook only shows a fence's results.
        var fragments: [TextPosition: String] = [:]
        let citations = PageCitations(references: self.references, strings: strings, idPrefix: ids.prefix(in: chapter))
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
            if let shared, let fragment = shared[fence.id] {
                // Rendered for both places, the page keeps the fragment's holes for each place to fill.
                fragments[fence.position] = ids.holes != nil ? fragment.html : shared.fill(fragment.html, prefix: ids.prefix(in: chapter))
                citations.record(fragment.cited)
                continue
            }
            var block = fence.block
            // A fence's ids keep only its prefix's letters and digits: its own hole (``FenceFragments``).
            block.idPrefix = ids.holes.map { $0.idHole + block.idPrefix } ?? ids.id(block.idPrefix, in: chapter)
            let figure = numbered.figures[fence.position].map {
                FigureNumber(id: ids.id($0.id, in: chapter), label: strings.text("figure.number", ["number": $0.number]))
            }
            let html = PaperCitations.$resolver.withValue(citations.paperResolver) {
                fence.handler.render(block, run: run, figure: figure)
            }
            // As a shared fragment: the tables of numbers stay on the chapter's page only.
            if let holes = ids.holes {
                fragments[fence.position] = holes.leavingDataTablesOutOfDocument(html)
            } else {
                fragments[fence.position] = ids.prefix(in: chapter).isEmpty ? html : FenceFragments.replacingDataTables(in: html) { _ in "" }
            }
        }
        let ran = fences.compactMap { fence in results[fence.id]?.output.map { (fence, $0) } }
        let outputs = ran.map(\.1)
        // A number quoted from a sweep switches with it, so it needs the sweep's ids.
        let outputPrefixes = ran.map { ExperimentDirective.fragmentPrefix(ids.id($0.0.block.idPrefix, in: chapter)) }
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
            case .success(let number):
                return SweptNumbers.html(reference, outputs: outputs, prefixes: outputPrefixes) ?? Escaping.html(number)
            case .failure(let problem):
                collector.diagnostics.append(problem)
                return "<code>\(Escaping.html(text))</code>"
            }
        }
        var html = renderer.render(document)
        var titleHTML = Escaping.html(chapter.title)
        if chapter.firstHeadingIsTitle,
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
            if Self.contains(html, PageCitations.markerHTML) {
                html = Self.replacing(PageCitations.markerHTML, with: list, in: html)
            } else {
                let title = strings.text("references.title")
                let taken = chapter.headingIDSet.union(PageRenderer.reservedIDs)
                let base = HeadingSlugger.slugify(title).isEmpty ? "references" : HeadingSlugger.slugify(title)
                let id = taken.contains(base) ? (2...).lazy.map { "\(base)-\($0)" }.first { !taken.contains($0) }! : base
                let placed = ids.id(id, in: chapter)
                html += "<section class=\"references\" aria-labelledby=\"\(placed)\">\n<h2 id=\"\(placed)\">\(Escaping.html(title))"
                    + " <a class=\"self-link\" href=\"#\(placed)\" aria-label=\"\(Escaping.html(strings.text("page.linkToSection")))\">#</a></h2>\n"
                    + list + "</section>\n"
                appended.append((ContentsEntry(level: 2, id: id, title: title), Escaping.html(title)))
            }
        } else if Self.contains(html, PageCitations.markerHTML) {
            html = Self.replacing(PageCitations.markerHTML, with: "", in: html)
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

extension RenderPages {
    /// `text` with every `part` replaced by `replacement`, byte for byte: the standard
    /// library's `replacing` searches a whole page character by character.
    static func replacing(_ part: String, with replacement: String, in text: String) -> String {
        ByteReplacement.replacing(part, with: replacement, in: text)
    }

    /// Whether `text` contains `part`, byte for byte: Foundation's `contains` costs a locale-aware search per page.
    static func contains(_ text: String, _ part: String) -> Bool {
        var text = text, part = part
        return text.withUTF8 { haystack in
            part.withUTF8 { needle in
                guard let first = needle.first else { return true }
                guard haystack.count >= needle.count else { return false }
                for i in 0...(haystack.count - needle.count) where haystack[i] == first {
                    if UnsafeBufferPointer(rebasing: haystack[i ..< i + needle.count]).elementsEqual(needle) { return true }
                }
                return false
            }
        }
    }
}
