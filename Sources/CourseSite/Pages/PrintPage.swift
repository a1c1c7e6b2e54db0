import ExperimentPages
import Mustache
import TextFormatting

/// `print.html`: the whole course as one document to print or save as PDF. Chapters come in
/// course order, each starting a new printed page, grouped under their parts' titles, after a
/// table of contents that links every chapter and its sections. Each chapter's body is
/// rendered for the document (``PageIDs/document(_:)``): its ids carry the chapter's prefix,
/// its links to other chapters stay inside the document, its solutions are open.
extension PageRenderer {
    /// One chapter of the document: its body rendered with ``PageIDs/document(_:)``.
    struct PrintChapter {
        var chapter: Chapter
        var body: String
        /// The chapter's contents entries as markup, in the order of `chapter.contents`.
        var contentsHTML: [String]
    }

    /// The theme's `print` template filled with `chapters` (every chapter of the course, in
    /// order) grouped by `parts`.
    func renderPrint(_ chapters: [PrintChapter], parts: [Part], ids: PageIDs) -> String {
        // Chapters of one part sit together, parts in order; chapters before the first part
        // form a group with no title.
        var groups: [[String: Any]] = []
        var start = 0
        while start < chapters.count {
            let part = chapters[start].chapter.part
            var end = start + 1
            while end < chapters.count && chapters[end].chapter.part == part { end += 1 }
            var group: [String: Any] = [
                "hasTitle": part != nil,
                "start": chapters[start].chapter.number,
                "chapters": chapters[start..<end].map { printEntry($0, ids: ids) },
            ]
            if let part {
                group["title"] = parts[part].title
                group["id"] = "part-\(parts[part].number)"
            }
            groups.append(group)
            start = end
        }
        var context: [String: Any] = [
            "language": course.language,
            "courseTitle": course.title,
            "parts": groups,
            "strings": templateStrings,
        ]
        if PageStrings.differs(strings, from: course.language) { context["textLanguage"] = strings.language.tag }
        if let description = course.description { context["description"] = description }
        if let author = course.author { context["courseAuthor"] = author }
        return theme.library.render(context, withTemplate: "print") ?? ""
    }

    private func printEntry(_ entry: PrintChapter, ids: PageIDs) -> [String: Any] {
        let chapter = entry.chapter
        // The contents list a chapter's sections (`##`); its subsections would make it a book of its own.
        let sections: [[String: Any]] = chapter.contents.enumerated().compactMap { i, section in
            guard section.level == 2 else { return nil }
            return ["id": ids.id(section.id, in: chapter),
                    "titleHTML": i < entry.contentsHTML.count ? entry.contentsHTML[i] : Escaping.html(section.title)]
        }
        return [
            "id": ids.titleID(of: chapter),
            "number": chapter.number,
            "chapterLabel": strings.text("page.chapterNumber", ["number": String(chapter.number)]),
            "title": chapter.title,
            "titleHTML": chapter.titleHTML,
            "body": entry.body,
            "sections": sections,
            "hasSections": !sections.isEmpty,
        ]
    }
}
