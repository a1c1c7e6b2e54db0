import CourseMarkdown
import ExperimentPages
import Foundation
import Localization
import Mustache
import TextFormatting

/// Fills the theme's `page` template for one page. All links are relative and
/// every page sits at the site's top level, so the site works from `file://`,
/// from any sub-path of a web server, and offline.
struct PageRenderer: @unchecked Sendable {
    var theme: Theme
    var course: CourseSettings
    /// The words of the page chrome, in the course's language.
    let strings: StringCatalog
    /// `strings` as templates see them, built once for every page of the site.
    let templateStrings: [String: Any]

    init(theme: Theme, course: CourseSettings, strings: StringCatalog = PageStrings.catalog(for: .english)) {
        self.theme = theme
        self.course = course
        self.strings = strings
        templateStrings = Self.templateStrings(of: strings)
    }

    /// Whether the site has `references.html`, which the sidebar links.
    var hasReferencesPage = false
    /// How many times pages were templated with the theme's own `sidebar` partial, or it alone.
    let sidebarRenders = RenderCount()

    /// A count shared by the renders of one build, which run concurrently.
    final class RenderCount: @unchecked Sendable {
        private let lock = NSLock()
        private var count = 0
        var value: Int { lock.withLock { count } }
        func add() { lock.withLock { count += 1 } }
    }

    /// Ids the page template defines, which headings may not take.
    static let reservedIDs: Set<String> = ["content", "top", "nav-toggle", "chapters-heading", "site-search"]

    struct Page {
        var title: String
        /// The title as markup for the page's heading (`title` is the plain text for `<title>`).
        var titleHTML: String
        var number: Int?
        var description: String?
        var body: String
        var contents: [ContentsEntry]
        /// Each contents entry's title as markup, in the same order.
        var contentsHTML: [String] = []
        var isHome: Bool
        /// Whether the page ends with the list of chapters: the home page when there is no `index.md`.
        var listChapters = false
        var currentSlug: String?
        var previous: Chapter?
        var next: Chapter?
        /// The course's references page itself.
        var isReferences = false
        /// `search.html`: its two scripts and the policy that allows them.
        var isSearch = false
    }

    /// The sidebar's entries, made once per site; `current` is set per page.
    struct ChapterEntries: Sendable {
        var entries: [ChapterEntry]
        /// The sidebar's groups: the chapters before the first part (untitled), then each part's.
        fileprivate var groups: [(part: Part?, range: Range<Int>)] = []
        /// The sidebar templated once for all pages, when it can be (``SidebarSkeleton``).
        var skeleton: SidebarSkeleton?

        init(_ chapters: [Chapter], parts: [Part] = []) {
            entries = chapters.map {
                ChapterEntry(href: $0.pageName, slug: $0.slug, title: $0.title, titleHTML: $0.titleHTML, number: $0.number,
                             description: $0.frontMatter.description, current: false,
                             partTitle: $0.part.map { parts[$0].title })
            }
            guard !parts.isEmpty else { return }
            var start = 0
            while start < chapters.count {
                let part = chapters[start].part
                var end = start + 1
                while end < chapters.count && chapters[end].part == part { end += 1 }
                groups.append((part.map { parts[$0] }, start..<end))
                start = end
            }
        }
    }

    /// A part as templates see it: `{{#parts}}{{title}}{{#chapters}}…{{/chapters}}{{/parts}}`.
    /// Chapters before the first part form a group with no title (`hasTitle` false).
    struct PartEntry: MustacheParent, Sendable {
        var title: String
        var number: Int?
        var chapters: [ChapterEntry]

        func child(named name: String) -> Any? {
            switch name {
            case "title": return title
            case "hasTitle": return number != nil
            case "number": return number
            case "chapters": return chapters
            // The number of its first chapter, for an `<ol start>`: numbers run on across parts.
            case "start": return chapters.first?.number ?? 1
            case "current": return chapters.contains(where: \.current)
            default: return nil
            }
        }
    }

    /// A chapter as templates see it. A type with its own lookup, rather than a
    /// dictionary, because the sidebar makes page templating O(chapters²) lookups
    /// and swift-mustache's dictionary path costs a dynamic cast per key.
    struct ChapterEntry: MustacheParent, Sendable {
        var href: String
        var slug: String
        var title: String
        var titleHTML: String
        var number: Int
        var description: String?
        var current: Bool
        /// The title of the chapter's part, if it is in one.
        var partTitle: String?
        /// Whether `current` is a marker for ``SidebarSkeleton`` to cut the sidebar at.
        var marksCurrent = false

        func child(named name: String) -> Any? {
            switch name {
            case "href": return href
            case "title": return title
            case "titleHTML": return titleHTML
            case "number": return number
            case "description": return description
            case "current": return marksCurrent ? MustacheLambda { _ in String(SidebarSkeleton.marker) } : current
            case "partTitle": return partTitle
            default: return nil
            }
        }
    }

    /// Every string as templates see it: `{{strings.page.onThisPage}}`, one level per dotted part.
    static func templateStrings(of strings: StringCatalog) -> [String: Any] {
        var root: [String: Any] = [:]
        func insert(_ parts: ArraySlice<String>, _ value: String, into node: inout [String: Any]) {
            guard let first = parts.first else { return }
            if parts.count == 1 {
                node[first] = value
                return
            }
            var child = node[first] as? [String: Any] ?? [:]
            insert(parts.dropFirst(), value, into: &child)
            node[first] = child
        }
        for key in strings.keys {
            insert(ArraySlice(key.split(separator: ".").map(String.init)), strings.template(key), into: &root)
        }
        return root
    }

    /// The sidebar's entries for this site, with the sidebar templated once for all its pages when it can be.
    func chapterEntries(_ chapters: [Chapter], parts: [Part] = []) -> ChapterEntries {
        var entries = ChapterEntries(chapters, parts: parts)
        entries.skeleton = SidebarSkeleton.make(self, chapters: entries)
        return entries
    }

    func render(_ page: Page, chapters: ChapterEntries) -> String {
        var context = context(page, chapters: chapters)
        if let skeleton = chapters.skeleton,
           let sidebar = skeleton.sidebar(isHome: page.isHome, isReferences: page.isReferences, current: currentIndex(page, chapters)) {
            context["sidebarHTML"] = sidebar
            return skeleton.library.render(context, withTemplate: "page") ?? ""
        }
        sidebarRenders.add()
        return theme.library.render(context, withTemplate: "page") ?? ""
    }

    /// The index of the page's own chapter in the sidebar, if it is a chapter.
    private func currentIndex(_ page: Page, _ chapters: ChapterEntries) -> Int? {
        guard let current = page.currentSlug else { return nil }
        return chapters.entries.firstIndex(where: { $0.slug == current })
    }

    /// Everything the page template sees.
    func context(_ page: Page, chapters: ChapterEntries) -> [String: Any] {
        var chapterList = chapters.entries
        if let index = currentIndex(page, chapters) {
            chapterList[index].current = true
        }
        func link(_ chapter: Chapter?) -> Any {
            guard let chapter else { return false }
            return ["href": chapter.pageName, "title": chapter.title, "titleHTML": chapter.titleHTML] as [String: Any]
        }
        let pageTitle = page.isHome ? course.title : "\(page.title) · \(course.title)"
        var context: [String: Any] = [
            "language": course.language,
            "pageTitle": pageTitle,
            "courseTitle": course.title,
            "title": page.title,
            "titleHTML": page.titleHTML,
            "body": page.body,
            "isHome": page.isHome,
            "listChapters": page.listChapters,
            "chapters": chapterList,
            "parts": chapters.groups.map { group in
                PartEntry(title: group.part?.title ?? "", number: group.part?.number, chapters: Array(chapterList[group.range]))
            },
            "hasParts": !chapters.groups.isEmpty,
            "contents": page.contents.enumerated().map { i, entry in
                ["level": entry.level, "id": entry.id, "title": entry.title,
                 "titleHTML": i < page.contentsHTML.count ? page.contentsHTML[i] : Escaping.html(entry.title)] as [String: Any]
            },
            "hasContents": page.contents.count >= 2,
            "previous": link(page.previous),
            "next": link(page.next),
            "hasPager": page.previous != nil || page.next != nil,
            "searchPage": page.isSearch,
        ]
        if hasReferencesPage { context["referencesPage"] = ["href": CourseReferencesPage.pageName, "current": page.isReferences] as [String: Any] }
        context["strings"] = templateStrings
        if PageStrings.differs(strings, from: course.language) { context["textLanguage"] = strings.language.tag }
        if let number = page.number {
            context["number"] = number
            context["chapterLabel"] = strings.text("page.chapterNumber", ["number": String(number)])
        }
        if let description = page.description ?? (page.isHome ? course.description : nil) { context["description"] = description }
        if let author = course.author {
            context["courseAuthor"] = author
            if page.isHome { context["author"] = author }
        }
        return context
    }
}

/// The course's settings, from `index.md`'s front matter.
public struct CourseSettings: Hashable, Sendable {
    public var title: String
    public var author: String?
    public var language: String
    public var description: String?

    public init(title: String, author: String? = nil, language: String = "en", description: String? = nil) {
        self.title = title
        self.author = author
        self.language = language
        self.description = description
    }
}
