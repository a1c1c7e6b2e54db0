import Bibliography
import Localization
import TextFormatting

/// `references.html`: every work the course cites, by author then year, each with links back
/// to the pages that cite it (to the work's entry in that page's list).
struct CourseReferencesPage {
    static let pageName = "references.html"

    let page: PageRenderer.Page

    init(references: CourseReferences, strings: StringCatalog, citing: [(Chapter, [String])]) {
        let formatter = ReferenceFormatter(bibliography: references.bibliography, strings: strings)
        var citedBy: [String: [Chapter]] = [:]
        for (chapter, keys) in citing {
            for key in keys { citedBy[key, default: []].append(chapter) }
        }
        var body = "<ul class=\"references\">\n"
        for entry in references.bibliography.sorted(citedBy.keys) {
            let anchor = Escaping.html(ReferenceFormatter.anchor(entry.key))
            let links = (citedBy[entry.key] ?? []).map { chapter in
                let title = chapter.number > 0
                    ? strings.text("page.chapterNumber", ["number": String(chapter.number)]) + strings.text("punctuation.colon") + chapter.title
                    : chapter.title
                return "<a href=\"\(Escaping.html(chapter.pageName))#\(anchor)\">\(Escaping.html(title))</a>"
            }
            body += "<li id=\"\(anchor)\">\(formatter.entryHTML(entry))"
            body += "<span class=\"cited-in\">" + strings.html("references.citedIn", ["chapters": strings.list(links)], escape: Escaping.html) + "</span></li>\n"
        }
        body += "</ul>\n"
        let title = strings.text("references.title")
        page = PageRenderer.Page(title: title, titleHTML: Escaping.html(title), number: nil, description: nil,
                                 body: body, contents: [], isHome: false, currentSlug: "references",
                                 previous: nil, next: nil, isReferences: true)
    }
}
