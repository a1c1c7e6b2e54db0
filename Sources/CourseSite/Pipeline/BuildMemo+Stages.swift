import CourseDiagnostics
import CourseMarkdown
import ExperimentLanguage
import Experiments
import Foundation

// The keys each stage looks its work up by (``BuildMemo``): everything the work reads.

extension BuildMemo {
    /// A chapter file parsed: `parse` reads nothing but `bytes`, the name and the place.
    struct LoadKey: Hashable, Sendable {
        var name: String
        var displayPath: String
        var isIndex: Bool
        var bytes: [UInt8]
    }

    struct Loaded: @unchecked Sendable {
        var chapter: Chapter?
        var diagnostics: [Diagnostic]
    }

    /// The chapter `bytes` parse to, with what parsing found; the chapter carries the serial of
    /// its entry (``Chapter/memoSource``), which later stages key on in place of its text.
    func chapter(_ key: LoadKey, parse: () -> (Chapter?, [Diagnostic])) -> (Chapter?, [Diagnostic]) {
        let loaded = value(.load, key) { () -> Loaded in
            var (chapter, diagnostics) = parse()
            chapter?.memoSource = nextSerial()
            return Loaded(chapter: chapter, diagnostics: diagnostics)
        }
        return (loaded.chapter, loaded.diagnostics)
    }

    /// A fence as its handler reads it: its text and where it is (its diagnostics carry its lines).
    struct FenceKey: Hashable, Sendable {
        var name: String
        var info: String
        var body: String
        var origin: SourceOrigin
        var location: SourceLocation
        var idPrefix: String

        init(_ block: DirectiveBlock) {
            name = block.name
            info = block.info
            body = block.body
            origin = block.origin
            location = block.location
            idPrefix = block.idPrefix
        }
    }

    struct Checked: @unchecked Sendable {
        var directive: Directive?
        var diagnostics: [Diagnostic]
    }

    /// The fence checked by its handler (the registry is the memo's build's, always the same).
    func checked(_ block: DirectiveBlock, check: () -> (Directive?, [Diagnostic])) -> (Directive?, [Diagnostic]) {
        let checked = value(.check, FenceKey(block)) { () -> Checked in
            let (directive, diagnostics) = check()
            return Checked(directive: directive, diagnostics: diagnostics)
        }
        return (checked.directive, checked.diagnostics)
    }

    struct RunKey: Hashable, Sendable {
        var fence: FenceKey
        var cached: Bool
    }

    struct Ran: @unchecked Sendable {
        var run: DirectiveRun?
    }

    /// The fence's run: a function of its text, since checking is (a run is deterministic).
    func run(_ block: DirectiveBlock, cached: Bool, run: () -> DirectiveRun?) -> DirectiveRun? {
        value(.run, RunKey(fence: FenceKey(block), cached: cached)) { Ran(run: run()) }.run
    }
}

/// What rendering one page reads besides the page itself: every page's place, names and ids,
/// the numbered labels' targets, the options, and the files beside the chapters.
struct RenderContext: Hashable, Sendable {
    struct PageFacts: Hashable, Sendable {
        var fileName: String
        var displayPath: String
        var slug: String
        var title: String
        var number: Int
        var part: Int?
        var frontMatter: FrontMatter
        var headingIDs: [String]
        var calloutIDs: [String]
        var contents: [String]
    }

    struct LabelFacts: Hashable, Sendable {
        var file: String
        var displayPath: String
        var pageName: String
        var targets: [String: LabelTarget]
        var order: [String]
    }

    var files: [FileStamp]
    var allowHTML: Bool
    var language: String
    var pages: [PageFacts]
    var labels: [LabelFacts]

    init(files: [FileStamp], allowHTML: Bool, language: String, pages: [Chapter], labels: CourseLabels) {
        self.files = files
        self.allowHTML = allowHTML
        self.language = language
        // Positions are left out: a prose edit moves the callouts and formulas below it, which
        // only the page's own render reads (its own source and labels are in its key).
        self.pages = pages.map { chapter in
            PageFacts(fileName: chapter.fileName, displayPath: chapter.displayPath, slug: chapter.slug, title: chapter.title,
                      number: chapter.number, part: chapter.part, frontMatter: chapter.frontMatter,
                      headingIDs: chapter.headingIDs, calloutIDs: chapter.callouts.ids,
                      contents: chapter.contents.map { "\($0.level) \($0.id) \($0.title)" })
        }
        self.labels = labels.pages.map { page in
            LabelFacts(file: page.file, displayPath: page.displayPath, pageName: page.pageName, targets: page.targets, order: page.order)
        }
    }
}

/// One page's render, on its own page or in `print.html`.
struct RenderKey: Hashable, Sendable {
    var context: MemoContext
    var source: UInt64
    var index: Int
    var number: Int
    var part: Int?
    var inDocument: Bool
    /// Rendered once for the page and the document, with holes (``PageIDs/both(_:holes:)``).
    var bothPlaces: Bool
    var equations: [TextPosition: [String?]]
    var figures: [TextPosition: NumberedFigure]
}

/// The memo a ``RenderPages`` consults, with the build's context.
struct RenderMemo: Sendable {
    var memo: BuildMemo
    var context: MemoContext

    func body(_ chapter: Chapter, index: Int, ids: PageIDs, labels: CourseLabels,
              render: () -> RenderPages.RenderedBody) -> RenderPages.RenderedBody {
        // A chapter not loaded through the memo has no serial of its own: render it.
        guard chapter.memoSource != 0 else { return render() }
        let own = index < labels.pages.count ? labels.pages[index] : nil
        let key = RenderKey(context: context, source: chapter.memoSource, index: index, number: chapter.number, part: chapter.part,
                            inDocument: ids.isDocument, bothPlaces: ids.holes != nil, equations: own?.equations ?? [:], figures: own?.figures ?? [:])
        return memo.value(ids.isDocument ? .print : .render, key) { Rendered(body: render()) }.body
    }

    struct Rendered: @unchecked Sendable {
        var body: RenderPages.RenderedBody
    }
}

/// What laying out a page reads: the page, the sidebar's entries, the course, and the theme's files.
struct LayoutKey: Hashable, Sendable {
    struct Neighbour: Hashable, Sendable {
        var pageName: String
        var title: String
        var titleHTML: String

        init?(_ chapter: Chapter?) {
            guard let chapter else { return nil }
            pageName = chapter.pageName
            title = chapter.title
            titleHTML = chapter.titleHTML
        }
    }

    var context: MemoContext
    var title: String
    var titleHTML: String
    var number: Int?
    var description: String?
    var body: ExactText
    var contents: [String]
    var contentsHTML: [String]
    var isHome: Bool
    var listChapters: Bool
    var currentSlug: String?
    var previous: Neighbour?
    var next: Neighbour?
    var isReferences: Bool
    var isSearch: Bool

    init(_ page: PageRenderer.Page, context: MemoContext) {
        self.context = context
        title = page.title
        titleHTML = page.titleHTML
        number = page.number
        description = page.description
        body = ExactText(page.body)
        contents = page.contents.map { "\($0.level) \($0.id) \($0.title)" }
        contentsHTML = page.contentsHTML
        isHome = page.isHome
        listChapters = page.listChapters
        currentSlug = page.currentSlug
        previous = Neighbour(page.previous)
        next = Neighbour(page.next)
        isReferences = page.isReferences
        isSearch = page.isSearch
    }
}

/// What every page's layout reads besides the page: the course, the sidebar, the theme's files.
struct LayoutContext: Hashable, Sendable {
    struct Entry: Hashable, Sendable {
        var href: String
        var slug: String
        var title: String
        var titleHTML: String
        var number: Int
        var description: String?
        var partTitle: String?
    }

    var files: [FileStamp]
    var course: CourseSettings
    var hasReferencesPage: Bool
    var entries: [Entry]
    var parts: [Part]

    init(files: [FileStamp], course: CourseSettings, hasReferencesPage: Bool, entries: PageRenderer.ChapterEntries, parts: [Part]) {
        self.files = files
        self.course = course
        self.hasReferencesPage = hasReferencesPage
        self.entries = entries.entries.map {
            Entry(href: $0.href, slug: $0.slug, title: $0.title, titleHTML: $0.titleHTML, number: $0.number,
                  description: $0.description, partTitle: $0.partTitle)
        }
        self.parts = parts
    }
}

/// A file beside the chapters as a build sees it without reading it: its path, kind, size,
/// modification time and inode (a link's target for a symbolic link). Markdown files enter by
/// name only: the loader keys them by their bytes.
struct FileStamp: Hashable, Sendable {
    var path: String
    var size: Int64
    var modified: Int64
    var modifiedNanoseconds: Int64
    var inode: UInt64
    var link: String?

    /// Every entry under `folder`, sorted by path; hidden folders (`.git`, the result cache) are left out.
    static func all(in folder: String) -> [FileStamp] {
        var stamps: [FileStamp] = []
        func walk(_ relative: String, depth: Int) {
            let path = relative.isEmpty ? folder : folder + "/" + relative
            guard depth < 32, let names = try? FileManager.default.contentsOfDirectory(atPath: path) else { return }
            for name in names.sorted() {
                let inner = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard lstat(folder + "/" + inner, &info) == 0 else { continue }
                let kind = info.st_mode & S_IFMT
                if kind == S_IFDIR {
                    if name.hasPrefix(".") { continue }
                    stamps.append(FileStamp(path: inner + "/", size: 0, modified: 0, modifiedNanoseconds: 0, inode: 0, link: nil))
                    walk(inner, depth: depth + 1)
                    continue
                }
                if kind == S_IFREG && name.hasSuffix(".md") {
                    stamps.append(FileStamp(path: inner, size: -1, modified: 0, modifiedNanoseconds: 0, inode: 0, link: nil))
                    continue
                }
                let link = kind == S_IFLNK ? (try? FileManager.default.destinationOfSymbolicLink(atPath: folder + "/" + inner)) : nil
                #if os(Linux)
                let modified = info.st_mtim
                #else
                let modified = info.st_mtimespec
                #endif
                stamps.append(FileStamp(path: inner, size: Int64(info.st_size), modified: Int64(modified.tv_sec),
                                        modifiedNanoseconds: Int64(modified.tv_nsec), inode: UInt64(info.st_ino), link: link))
            }
        }
        walk("", depth: 0)
        return stamps
    }
}

/// A page laid out in the theme, through the memo when the build has one.
struct LayoutMemo: Sendable {
    var memo: BuildMemo?
    var renderer: PageRenderer
    var entries: PageRenderer.ChapterEntries
    var context: MemoContext?

    func render(_ page: PageRenderer.Page) -> String {
        guard let memo, let context else { return renderer.render(page, chapters: entries) }
        return memo.value(.layout, LayoutKey(page, context: context)) { renderer.render(page, chapters: entries) }
    }
}

/// What the last gates read off a finished page: its first script finding, and the size of its
/// visible text for the search index's budget.
struct PageScan: Sendable {
    var finding: ScriptScan.Finding?
    var visibleTextBytes: Int

    init(_ page: String) {
        finding = ScriptScan.findings(in: page).first
        visibleTextBytes = BuildSearchIndex.visibleTextBytes(page)
    }
}

extension BuildMemo {
    /// `page` scanned, or its scan from a build that finished it byte for byte the same.
    func scan(_ page: String) -> PageScan {
        value(.scan, ExactText(page)) { PageScan(page) }
    }
}

extension SearchIndex {
    struct MemoKey: Hashable, Sendable {
        var title: String
        var html: ExactText
    }

    struct MemoSections: @unchecked Sendable {
        var scanned: (sections: [SearchSections.Section], keys: [[String: Int]])
    }

    /// The index of `pages`, each page's sections scanned and their keys found only when its
    /// title or body changed.
    init(pages: [Page], memo: BuildMemo) {
        let scanned = ConcurrentMap.map(pages) { page in
            memo.value(.search, MemoKey(title: page.title, html: ExactText(page.html))) {
                MemoSections(scanned: Self.scan(page))
            }.scanned
        }
        self.init(pages: pages, scanned: scanned)
    }
}

/// A key's text hashed and compared by its UTF-8 bytes. `String` normalises (NFC) to hash and
/// compare, which made keying whole pages by their HTML most of a rebuild's time; two texts that
/// are canonically equal but spelt with other code points only miss the memo.
struct ExactText: Hashable, Sendable {
    let text: String
    /// The bytes' hash, computed once: a memo rehashes its keys as it grows and forgets.
    private let bytesHash: Int

    init(_ text: String) {
        self.text = text
        var hasher = Hasher()
        var bytes = text
        bytes.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        bytesHash = hasher.finalize()
    }

    static func == (a: Self, b: Self) -> Bool {
        guard a.bytesHash == b.bytesHash else { return false }
        var a = a.text, b = b.text
        return a.withUTF8 { x in
            b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) }
        }
    }

    func hash(into hasher: inout Hasher) { hasher.combine(bytesHash) }
}
