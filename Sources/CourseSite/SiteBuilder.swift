import CourseDiagnostics
import CourseMarkdown
import ExperimentLanguage
import Experiments
import FileAccess
import Foundation

/// How a build renders math and code, and which directives it knows.
public struct BuildOptions: Sendable {
    /// Renders LaTeX whose first byte is at `location` to markup (MathML), appending
    /// what is wrong with it to `diagnostics`.
    public typealias MathRenderer = @Sendable (_ latex: String, _ display: Bool, _ location: SourceLocation,
                                               _ diagnostics: inout [Diagnostic]) -> String
    /// Highlights code of a language to HTML, or `nil` for plain text.
    public typealias Highlighter = @Sendable (_ code: String, _ language: String) -> String?

    public var directives: DirectiveRegistry
    public var math: MathRenderer
    public var highlight: Highlighter
    /// Emit the author's raw HTML (GFM's tag filter still applies).
    public var allowHTML = false
    /// What the build's directives may cost together; each handler checks its own fence.
    public var budget = CostBudget.standard
    /// Build chapters marked `draft: true` too.
    public var includeDrafts = false

    public init(directives: DirectiveRegistry = DirectiveRegistry(), math: @escaping MathRenderer, highlight: @escaping Highlighter) {
        self.directives = directives
        self.math = math
        self.highlight = highlight
    }
}

/// The pipeline: chapters folder → pages → site files, with every diagnostic.
public struct SiteBuilder: Sendable {
    public var chaptersFolder: String
    public var options: BuildOptions

    public init(chaptersFolder: String, options: BuildOptions) {
        self.chaptersFolder = chaptersFolder
        self.options = options
    }

    /// The site's files and every problem found. The files are meaningful only
    /// when `diagnostics` holds no error.
    public struct Result: Sendable {
        public var files: [(path: String, bytes: [UInt8])]
        public var diagnostics: [Diagnostic]
        public var pageCount: Int
    }

    public func build() -> Result {
        var diagnostics: [Diagnostic] = []
        let loader = CourseLoader(folder: chaptersFolder, includeDrafts: options.includeDrafts)
        guard let loaded = loader.load(diagnostics: &diagnostics) else {
            return Result(files: [], diagnostics: diagnostics, pageCount: 0)
        }
        let folder = loaded.folder
        let theme = Theme.load(folder: folder, diagnostics: &diagnostics)
        let homeMatter = loaded.home?.frontMatter ?? FrontMatter()
        let settings = CourseSettings(
            title: homeMatter.title ?? loaded.home?.title ?? "Course",
            author: homeMatter.author,
            language: homeMatter.language ?? "en",
            description: homeMatter.description)

        var byFile: [String: Chapter] = [:]
        for chapter in loaded.chapters { byFile[chapter.fileName] = chapter }
        if let home = loaded.home { byFile["index.md"] = home }
        let resolver = LinkResolver(chaptersByFile: byFile, folder: folder,
                                    generatedPaths: Set(["assets/style.css", "index.html", SiteWriter.markerName]
                                                        + loaded.chapters.map(\.pageName)))

        let pages: [Chapter] = (loaded.home.map { [$0] } ?? []) + loaded.chapters
        // Before anything runs: what all directives would cost together.
        let costs = ConcurrentMap.map(pages) { chapter in estimateDirectives(chapter) }.flatMap { $0 }
        let overFence = costs.compactMap { CostMessages.overFenceBudget($0.0, options.budget, at: $0.1) }
        let overBudget = overFence.isEmpty ? CostMessages.overBuildBudget(costs, options.budget) : overFence
        // Nothing runs over budget; other errors still let every page be checked, so all are reported.
        guard overBudget.isEmpty else {
            return Result(files: [], diagnostics: (diagnostics + overBudget).sortedByLocation(), pageCount: 0)
        }

        // Every page's body, in parallel: pages are independent.
        let rendered = ConcurrentMap.map(pages) { chapter in
            renderBody(chapter, resolver: resolver)
        }
        // Each linked file once, with the first place that links it (for its diagnostics).
        var assets: [String: SourceLocation] = [:]
        var titled = loaded.chapters
        for k in titled.indices { titled[k].titleHTML = rendered[(loaded.home != nil ? 1 : 0) + k].titleHTML }
        let chapters = titled
        for page in rendered {
            diagnostics += page.diagnostics
            for link in page.assets where assets[link.path].map({ link.location < $0 }) ?? true {
                assets[link.path] = link.location
            }
        }
        guard let theme, !diagnostics.containsErrors else {
            return Result(files: [], diagnostics: diagnostics.sortedByLocation(), pageCount: 0)
        }

        let renderer = PageRenderer(theme: theme, course: settings)
        let entries = PageRenderer.ChapterEntries(chapters)
        let hasIndex = loaded.home != nil
        let homeBody = hasIndex ? rendered[0].html : ""
        let firstChapterBody = loaded.home != nil ? 1 : 0
        // Page i is the home page for i = 0, else chapter i - 1. Pages are independent.
        let html = ConcurrentMap.map(Array(0...chapters.count)) { i -> String in
            if i == 0 {
                // index.md writes its own introduction; without it the home page lists the chapters.
                return renderer.render(PageRenderer.Page(
                    title: settings.title, titleHTML: hasIndex ? rendered[0].titleHTML : HTMLEscaping.escape(settings.title),
                    number: nil, description: settings.description, body: homeBody,
                    contents: [], isHome: true, listChapters: !hasIndex, currentSlug: nil, previous: nil,
                    next: chapters.first),
                    chapters: entries)
            }
            let k = i - 1
            let chapter = chapters[k]
            return renderer.render(PageRenderer.Page(
                title: chapter.title, titleHTML: chapter.titleHTML, number: chapter.number,
                description: chapter.frontMatter.description,
                body: rendered[firstChapterBody + k].html, contents: chapter.contents,
                contentsHTML: rendered[firstChapterBody + k].contentsHTML, isHome: false,
                currentSlug: chapter.slug,
                previous: k > 0 ? chapters[k - 1] : nil,
                next: k + 1 < chapters.count ? chapters[k + 1] : nil),
                chapters: entries)
        }
        // The last gate: whatever a theme's data or partials combine to, no page runs script.
        for (i, page) in html.enumerated() {
            guard let finding = ScriptScan.findings(in: page).first else { continue }
            let source = i == 0 ? (loaded.home?.displayPath ?? chaptersFolder) : chapters[i - 1].displayPath
            diagnostics.append(.error(
                "page '\(i == 0 ? "index.html" : chapters[i - 1].pageName)' would contain \(finding.what)",
                at: SourceLocation(file: source, line: 1, column: 1),
                hint: "pages of coursegen run no script; check the templates in the chapters folder's 'theme/'"))
        }
        guard !diagnostics.containsErrors else {
            return Result(files: [], diagnostics: diagnostics.sortedByLocation(), pageCount: 0)
        }
        var files: [(path: String, bytes: [UInt8])] = [("index.html", Array(html[0].utf8))]
        for (k, chapter) in chapters.enumerated() {
            files.append((chapter.pageName, Array(html[k + 1].utf8)))
        }
        files.append(("assets/style.css", Array(theme.stylesheet.utf8)))
        // Linked files are read only from inside the chapters folder, each and all of them bounded.
        var assetBytes = 0
        for (asset, location) in assets.sorted(by: { $0.key < $1.key }) {
            do {
                let file = try folder.open(asset)
                guard assetBytes + file.size <= SiteLimits.totalAssetBytes else {
                    diagnostics.append(.error(
                        "the files the chapters link add up to more than \(SiteLimits.totalAssetBytes) bytes", at: location,
                        hint: "link large files from where they are published, e.g. https://…"))
                    break
                }
                let bytes = try file.readAll(limit: SiteLimits.assetBytes)
                assetBytes += bytes.count
                files.append((asset, bytes))
            } catch {
                diagnostics.append(LinkResolver.unreadable(error, folder: folder, url: asset, path: asset, at: location))
            }
        }
        return Result(files: files, diagnostics: diagnostics.sortedByLocation(), pageCount: loaded.chapters.count + 1)
    }

    private struct RenderedBody: Sendable {
        var html: String
        /// The page's title and its contents entries as phrasing markup.
        var titleHTML: String
        var contentsHTML: [String]
        var diagnostics: [Diagnostic]
        var assets: [AssetLink]
    }

    /// A file a page links, and where.
    private struct AssetLink: Sendable {
        var path: String
        var location: SourceLocation
    }

    private final class Collector {
        var diagnostics: [Diagnostic] = []
        var assets: [AssetLink] = []
    }

    private func renderBody(_ chapter: Chapter, resolver: LinkResolver) -> RenderedBody {
        let collector = Collector()
        let file = chapter.displayPath
        var renderer = HTMLRenderer()
        renderer.allowHTML = options.allowHTML
        renderer.headingIDs = chapter.headingIDs
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
        let highlight = options.highlight
        renderer.highlight = { code, language in highlight(code, language) }
        let math = options.math
        renderer.math = { latex, display, position in
            math(latex, display, SourceLocation(file: file, line: position.line, column: position.column), &collector.diagnostics)
        }
        // Every directive runs before the prose is rendered, so a result reference can quote
        // any directive of the page and rendering runs nothing.
        var outputs: [TextPosition: DirectiveOutput] = [:]
        var results: [RunOutput] = []
        for code in Self.codeBlocks(in: document.blocks) {
            guard let (handler, block) = Self.directive(code, in: file, directives: options.directives, number: outputs.count + 1)
            else { continue }
            let output = handler.render(block)
            collector.diagnostics += output.diagnostics
            outputs[code.position] = output
            if let result = output.result { results.append(result) }
        }
        renderer.codeBlock = { code in outputs[code.position]?.html }
        renderer.codeSpan = { text, position in
            guard ResultReference.isReference(text) else { return nil }
            // cmark places the span at its text's first byte, which the origin calls column 1.
            let origin = SourceOrigin(file: file, line: position.line, columnOffset: position.column - 1)
            guard let reference = ResultReference.parse(text, origin: origin, diagnostics: &collector.diagnostics) else {
                return "<code>\(HTMLEscaping.escape(text))</code>"
            }
            switch ResultReferenceResolver.resolve(reference, in: results) {
            case .success(let number): return HTMLEscaping.escape(number)
            case .failure(let problem):
                collector.diagnostics.append(problem)
                return "<code>\(HTMLEscaping.escape(text))</code>"
            }
        }
        let html = renderer.render(document)
        var titleHTML = HTMLEscaping.escape(chapter.title)
        if chapter.frontMatter.title == nil, chapter.firstHeadingIsTitle,
           case .heading(_, let inlines, _)? = chapter.document.blocks.first(where: { if case .heading = $0 { return true }; return false }) {
            titleHTML = renderer.renderPhrase(inlines)
        }
        let contentsHTML = chapter.contents.map { renderer.renderPhrase($0.inlines) }
        if options.allowHTML {
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
        if !options.allowHTML, let first = Self.firstRawHTML(in: chapter.document.blocks) {
            collector.diagnostics.append(Diagnostic(
                .warning, "raw HTML is shown as text, not emitted",
                at: SourceLocation(file: file, line: first.line, column: first.column),
                hint: "pass --allow-html to emit the chapters' HTML"))
        }
        return RenderedBody(html: html, titleHTML: titleHTML, contentsHTML: contentsHTML,
                            diagnostics: collector.diagnostics, assets: collector.assets)
    }

    /// The handler and block of a fenced code block whose info string names a directive.
    private static func directive(
        _ code: CodeBlock, in file: String, directives: DirectiveRegistry, number: Int
    ) -> (any DirectiveHandler, DirectiveBlock)? {
        guard code.fenced, let handler = directives.handler(named: code.language) else { return nil }
        return (handler, DirectiveBlock(
            name: code.language, info: code.info, body: code.literal,
            origin: SourceOrigin(file: file, line: code.bodyLine, columnOffset: code.indent),
            location: SourceLocation(file: file, line: code.position.line, column: code.position.column),
            idPrefix: "d\(number)-"))
    }

    /// Each directive fence of a chapter with its estimated cost, in document order.
    private func estimateDirectives(_ chapter: Chapter) -> [(DirectiveCost, SourceLocation)] {
        var out: [(DirectiveCost, SourceLocation)] = []
        for code in Self.codeBlocks(in: chapter.document.blocks) {
            if let (handler, directive) = Self.directive(code, in: chapter.displayPath, directives: options.directives, number: out.count + 1),
               let cost = handler.estimate(directive) {
                out.append((cost, directive.location))
            }
        }
        return out
    }

    /// Every code block, in document order, inside quotes, lists and footnotes too.
    private static func codeBlocks(in blocks: [Block]) -> [CodeBlock] {
        var out: [CodeBlock] = []
        var pending = Array(blocks.reversed())
        while let block = pending.popLast() {
            switch block {
            case .codeBlock(let code): out.append(code)
            case .blockQuote(let inner), .footnoteDefinition(_, let inner): pending += inner.reversed()
            case .list(let list): pending += list.items.flatMap(\.blocks).reversed()
            default: continue
            }
        }
        return out
    }

    /// Every piece of raw HTML with its position, in document order.
    static func rawHTML(in blocks: [Block]) -> [(String, TextPosition)] {
        var found: [(String, TextPosition)] = []
        func inInlines(_ inlines: [Inline]) {
            for inline in inlines {
                switch inline {
                case .html(let html, let p): found.append((html, p))
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c, _): inInlines(c)
                default: continue
                }
            }
        }
        func inBlocks(_ blocks: [Block]) {
            for block in blocks {
                switch block {
                case .htmlBlock(let html, let p): found.append((html, p))
                case .paragraph(let inlines, _), .heading(_, let inlines, _): inInlines(inlines)
                case .blockQuote(let inner), .footnoteDefinition(_, let inner): inBlocks(inner)
                case .list(let list): for item in list.items { inBlocks(item.blocks) }
                case .table(let table): for cell in table.header + table.rows.flatMap({ $0 }) { inInlines(cell) }
                default: continue
                }
            }
        }
        inBlocks(blocks)
        return found
    }

    static func firstRawHTML(in blocks: [Block]) -> TextPosition? {
        func inInlines(_ inlines: [Inline]) -> TextPosition? {
            for inline in inlines {
                switch inline {
                case .html(_, let p): return p
                case .emphasis(let c), .strong(let c), .strikethrough(let c), .link(_, _, let c, _):
                    if let p = inInlines(c) { return p }
                default: continue
                }
            }
            return nil
        }
        for block in blocks {
            switch block {
            case .htmlBlock(_, let p): return p
            case .paragraph(let inlines, _), .heading(_, let inlines, _): if let p = inInlines(inlines) { return p }
            case .blockQuote(let inner), .footnoteDefinition(_, let inner): if let p = firstRawHTML(in: inner) { return p }
            case .list(let list): for item in list.items { if let p = firstRawHTML(in: item.blocks) { return p } }
            case .table(let table):
                for cell in table.header + table.rows.flatMap({ $0 }) { if let p = inInlines(cell) { return p } }
            default: continue
            }
        }
        return nil
    }
}
