import CourseDiagnostics
import CourseMarkdown
import ExperimentLanguage
import Experiments
import FileAccess
import Foundation
import Scheduling
import TextFormatting

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
    /// Spells LaTeX as plain text where a heading's or an alt text's math can have no markup
    /// (`<title>`, attributes); the LaTeX itself by default.
    public var mathText: @Sendable (_ latex: String) -> String = { $0 }
    /// Emit the author's raw HTML (GFM's tag filter still applies).
    public var allowHTML = false
    /// What the build's directives may cost together, and each fence alone.
    public var budget = CostBudget.standard
    /// Where the results of builders that compute are read and written; `nil` runs everything.
    public var cache: ResultCache?
    /// Receives a line for each training that actually trains (``RunDirectives``).
    public var progress: (@Sendable (String) -> Void)?
    /// Receives how far running the fences is, and `nil` when it is done (``RunDirectives``).
    public var status: (@Sendable (ProgressStatus?) -> Void)?
    /// How many fences and runs compute at once (`--jobs`); 1 is the serial build.
    public var jobs = WorkerPool.processorCount
    /// Build chapters marked `draft: true` too.
    public var includeDrafts = false
    /// What a build keeps for the next build of the same folder in the process, so that it
    /// re-does only what an edit changed (``BuildMemo``); `nil` does everything every time.
    public var memo: BuildMemo?
    /// Render each fence once for its chapter's page and print.html (``FenceFragments``); tests
    /// turn it off to compare with rendering each fence at each place.
    var sharesFenceFragments = true
    /// Render each chapter once for its page and print.html (``RenderPages/runForPageAndPrint(_:directives:results:printedFrom:fragments:)``);
    /// tests turn it off to compare with rendering print.html's chapters again.
    var rendersPrintWithPages = true

    public init(directives: DirectiveRegistry = DirectiveRegistry(), math: @escaping MathRenderer, highlight: @escaping Highlighter) {
        self.directives = directives
        self.math = math
        self.highlight = highlight
    }
}

/// The pipeline: chapters folder → pages → site files, with every diagnostic. Its stages,
/// in order: `CourseLoader` (the chapters), ``CollectDirectives``, the cost gate
/// (``CollectedDirectives/overBudget(_:)``), ``RunDirectives``, ``NumberLabels``, ``RenderPages``, then the pages
/// laid out in the theme with their linked files; `SiteWriter` writes them.
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
        /// The search index's size and the pages' text size it is measured against (``BuildSearchIndex``).
        public var search: SearchSize?
        /// How many times the theme's sidebar template was rendered: a few per build for the bundled
        /// sidebar (``SidebarSkeleton``), once per page for a theme's own.
        public var sidebarTemplateRenders = 0
    }

    /// What search costs: `assets/search-index.js` against the UTF-8 bytes of the pages' visible text.
    public struct SearchSize: Sendable {
        public var indexBytes: Int
        public var scriptBytes: Int
        public var textBytes: Int
        public var sections: Int
        /// The index as a share of the text, in percent.
        public var percent: Double { textBytes == 0 ? 0 : 100 * Double(indexBytes) / Double(textBytes) }
    }

    public func build() -> Result {
        guard let memo = options.memo else { return buildOnce() }
        return memo.build { buildOnce() }
    }

    private func buildOnce() -> Result {
        var diagnostics: [Diagnostic] = []
        // The files beside the chapters, by name, size and time: what the memo's later stages key on.
        let besideChapters = options.memo == nil ? [] : FileStamp.all(in: chaptersFolder)
        var loader = CourseLoader(folder: chaptersFolder, includeDrafts: options.includeDrafts, mathText: options.mathText)
        loader.memo = options.memo
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
        let strings = CourseStrings.load(
            language: settings.language, at: homeMatter.languageLocation ?? SourceLocation(file: loaded.home?.displayPath ?? "index.md", line: 1, column: 1),
            folder: folder, diagnostics: &diagnostics)

        var byFile: [String: Chapter] = [:]
        for chapter in loaded.chapters { byFile[chapter.fileName] = chapter }
        if let home = loaded.home { byFile["index.md"] = home }
        let resolver = LinkResolver(chaptersByFile: byFile, folder: folder,
                                    generatedPaths: Set(["assets/style.css", "index.html", SiteWriter.markerName,
                                                             SearchScript.indexPath, SearchScript.scriptPath]
                                                        + loaded.chapters.map(\.pageName)
                                                        + CourseLoader.generatedPages.map { $0 + ".html" }))

        let pages: [Chapter] = (loaded.home.map { [$0] } ?? []) + loaded.chapters
        let references = CourseReferences.load(folder: folder, diagnostics: &diagnostics)
        diagnostics += CourseReferences.check(pages, references: references)
        var collect = CollectDirectives(directives: options.directives)
        collect.memo = options.memo
        let collected = collect.run(pages.map { .markdown(file: $0.displayPath, blocks: $0.document.blocks) })
        // Nothing runs over budget; other errors still let every page be checked, so all are reported.
        let overBudget = collected.overBudget(options.budget)
        guard overBudget.isEmpty else {
            return Result(files: [], diagnostics: (diagnostics + overBudget).sortedByLocation(), pageCount: 0)
        }
        var runDirectives = RunDirectives(cache: options.cache, jobs: options.jobs, progress: options.progress, status: options.status)
        runDirectives.memo = options.memo
        let results = runDirectives.run(collected)
        // Every page's equations and figures are numbered before any renders, so a chapter can
        // refer to a figure of a later one.
        let labels = NumberLabels().run(pages, directives: collected)
        diagnostics += labels.diagnostics
        var linker = resolver
        linker.labels = labels
        var renderPages = RenderPages(allowHTML: options.allowHTML, math: options.math, highlight: options.highlight,
                                      resolver: linker, strings: strings, pageLanguage: settings.language,
                                      mathText: options.mathText, references: references, labels: labels)
        renderPages.memo = options.memo.map { memo in
            RenderMemo(memo: memo, context: memo.context(.render, RenderContext(
                files: besideChapters, allowHTML: options.allowHTML, language: settings.language, pages: pages, labels: labels)))
        }
        // Each fence once, for its chapter's page and print.html; with a memo, only the fences an
        // edit changed.
        let fragments = options.sharesFenceFragments ? renderPages.fragments(directives: collected, results: results) : nil
        // Each chapter once for its page and print.html, where the fences are too and no page name
        // could read as a URL's scheme beside a hole (``PageIDs/both(_:holes:)``).
        let firstChapterBody = loaded.home != nil ? 1 : 0
        let rendered: [RenderPages.RenderedBody], printedBodies: [RenderPages.RenderedBody]?
        if let fragments, options.rendersPrintWithPages, !loaded.chapters.contains(where: { $0.pageName.utf8.contains { ":&%".utf8.contains($0) } }) {
            (rendered, printedBodies) = renderPages.runForPageAndPrint(pages, directives: collected, results: results,
                                                                        printedFrom: firstChapterBody, fragments: fragments)
        } else {
            rendered = renderPages.run(pages, directives: collected, results: results, fragments: fragments)
            printedBodies = nil
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
        if let references { diagnostics += references.unused(cited: Set(rendered.flatMap(\.cited))) }
        guard let theme, !diagnostics.containsErrors else {
            return Result(files: [], diagnostics: diagnostics.sortedByLocation(), pageCount: 0)
        }

        var pageRenderer = PageRenderer(theme: theme, course: settings, strings: strings)
        // The course's reference list, when anything is cited: every entry with the pages that cite it.
        let citingPages = zip(pages, rendered).filter { !$0.1.cited.isEmpty }
        let referencesPage = references.flatMap { references in
            citingPages.isEmpty ? nil : CourseReferencesPage(references: references, strings: strings,
                                                             citing: citingPages.map { ($0.0, $0.1.cited) })
        }
        pageRenderer.hasReferencesPage = referencesPage != nil
        let renderer = pageRenderer
        let entries = renderer.chapterEntries(chapters, parts: loaded.parts)
        let layout = LayoutMemo(memo: options.memo, renderer: renderer, entries: entries, context: options.memo.map { memo in
            memo.context(.layout, LayoutContext(files: besideChapters, course: settings, hasReferencesPage: referencesPage != nil,
                                                entries: entries, parts: loaded.parts))
        })
        let hasIndex = loaded.home != nil
        let homeBody = hasIndex ? rendered[0].html : ""
        // Search, print.html and the pages' layout read only the rendered bodies: the first two
        // run beside the third, so that the serial part of each has the other core's company.
        let searchPages = (hasIndex ? [SearchIndex.Page(href: "index.html", label: settings.title, title: settings.title,
                                                        html: homeBody, number: nil)] : [])
            + chapters.enumerated().map { k, chapter in
                SearchIndex.Page(href: chapter.pageName,
                                 label: strings.text("search.resultPage", ["chapter": strings.text("page.chapterNumber", ["number": String(chapter.number)]),
                                                                           "title": chapter.title]),
                                 title: chapter.title, html: rendered[firstChapterBody + k].html, number: chapter.number)
            }
        let searchMemo = options.memo
        let searching = BackgroundWork { BuildSearchIndex(strings: strings, memo: searchMemo).run(searchPages, textBytes: 0) }
        // print.html: every chapter, its ids and links placed in the one document; rendered here
        // only when the pages' render could not serve it. What rendering finds was reported for
        // the chapter's own page already.
        let printChapters = loaded.chapters, parts = loaded.parts
        let printDirectives = CollectedDirectives(pages: Array(collected.pages.dropFirst(firstChapterBody)))
        let printing = BackgroundWork { [renderPages] in
            let printIDs = PageIDs.document(chapters)
            let printBodies = printedBodies ?? renderPages.run(printChapters, directives: printDirectives,
                                                               results: results, firstPage: firstChapterBody, ids: printIDs, fragments: fragments)
            let printPage = renderer.renderPrint(zip(chapters, printBodies).map { chapter, body in
                PageRenderer.PrintChapter(chapter: chapter, body: body.html, contentsHTML: body.contentsHTML)
            }, parts: parts, ids: printIDs)
            return (page: printPage, finding: ScriptScan.findings(in: printPage).first)
        }
        // Page i is the home page for i = 0, else chapter i - 1. Pages are independent.
        let html = ConcurrentMap.map(Array(0...chapters.count)) { i -> String in
            if i == 0 {
                // index.md writes its own introduction; without it the home page lists the chapters.
                return layout.render(PageRenderer.Page(
                    title: settings.title, titleHTML: hasIndex ? rendered[0].titleHTML : Escaping.html(settings.title),
                    number: nil, description: settings.description, body: homeBody,
                    contents: [], isHome: true, listChapters: !hasIndex, currentSlug: nil, previous: nil,
                    next: chapters.first))
            }
            let k = i - 1
            let chapter = chapters[k]
            return layout.render(PageRenderer.Page(
                title: chapter.title, titleHTML: chapter.titleHTML, number: chapter.number,
                description: chapter.frontMatter.description,
                body: rendered[firstChapterBody + k].html,
                contents: chapter.contents + rendered[firstChapterBody + k].appendedContents.map(\.entry),
                contentsHTML: rendered[firstChapterBody + k].contentsHTML + rendered[firstChapterBody + k].appendedContents.map(\.html),
                isHome: false,
                currentSlug: chapter.slug,
                previous: k > 0 ? chapters[k - 1] : nil,
                next: k + 1 < chapters.count ? chapters[k + 1] : nil))
        }
        // The last gate: whatever a theme's data or partials combine to, no page runs script.
        // Each finished page is read once, for script and for its visible text's size.
        let memo = options.memo
        let pageScans = ConcurrentMap.map(html) { page in memo?.scan(page) ?? PageScan(page) }
        let (printPage, printFinding) = printing.value()
        if let finding = printFinding {
            diagnostics.append(.error(
                "page 'print.html' would contain \(finding.what)",
                at: SourceLocation(file: loaded.home?.displayPath ?? chaptersFolder, line: 1, column: 1),
                hint: "pages of coursegen run no script; check the templates in the chapters folder's 'theme/'"))
        }
        for (i, scan) in pageScans.enumerated() {
            guard let finding = scan.finding else { continue }
            let source = i == 0 ? (loaded.home?.displayPath ?? chaptersFolder) : chapters[i - 1].displayPath
            diagnostics.append(.error(
                "page '\(i == 0 ? "index.html" : chapters[i - 1].pageName)' would contain \(finding.what)",
                at: SourceLocation(file: source, line: 1, column: 1),
                hint: "pages of coursegen run no script; check the templates in the chapters folder's 'theme/'"))
        }
        // Search: the index from the rendered pages, and search.html, whose two scripts are the only ones.
        var search = searching.value()
        search.textBytes = pageScans.reduce(0) { $0 + $1.visibleTextBytes }
        let searchTitle = strings.text("search.title")
        let searchPage = layout.render(PageRenderer.Page(
            title: searchTitle, titleHTML: Escaping.html(searchTitle), number: nil, description: nil, body: search.searchBody,
            contents: [], isHome: false, currentSlug: nil, previous: nil, next: nil, isSearch: true))
        if let finding = ScriptScan.findings(in: SearchScript.withoutItsScripts(searchPage)).first {
            diagnostics.append(.error(
                "page 'search.html' would contain \(finding.what)",
                at: SourceLocation(file: loaded.home?.displayPath ?? chaptersFolder, line: 1, column: 1),
                hint: "search.html runs only assets/search-index.js and assets/search.js; check the templates in the chapters folder's 'theme/'"))
        }
        guard !diagnostics.containsErrors else {
            return Result(files: [], diagnostics: diagnostics.sortedByLocation(), pageCount: 0)
        }
        var files: [(path: String, bytes: [UInt8])] = [("index.html", Array(html[0].utf8))]
        for (k, chapter) in chapters.enumerated() {
            files.append((chapter.pageName, Array(html[k + 1].utf8)))
        }
        files.append(("print.html", Array(printPage.utf8)))
        if let referencesPage {
            files.append((CourseReferencesPage.pageName, Array(layout.render(referencesPage.page).utf8)))
        }
        files.append(("search.html", Array(searchPage.utf8)))
        files.append(("assets/style.css", Array(theme.stylesheet.utf8)))
        files.append((SearchScript.indexPath, Array(search.indexScript.utf8)))
        files.append((SearchScript.scriptPath, Array(SearchScript.text.utf8)))
        let searchSize = SearchSize(indexBytes: search.indexScript.utf8.count, scriptBytes: SearchScript.text.utf8.count,
                                    textBytes: search.textBytes, sections: search.sectionCount)
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
        return Result(files: files, diagnostics: diagnostics.sortedByLocation(), pageCount: loaded.chapters.count + 2, search: searchSize,
                      sidebarTemplateRenders: renderer.sidebarRenders.value)
    }
}
