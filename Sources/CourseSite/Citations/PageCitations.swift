import Bibliography
import Foundation
import CourseMarkdown
import ExperimentPages
import Localization
import Optimizers
import Synchronization
import TextFormatting

/// What one page cites while it renders: the prose's citations and the methods' papers in its
/// formula tables, whose keys make the page's reference list.
final class PageCitations: Sendable {
    let formatter: ReferenceFormatter?
    private let references: CourseReferences?
    private let keys = Mutex<Set<String>>([])

    /// `idPrefix`: what the page's ids start with (``PageIDs``).
    init(references: CourseReferences?, strings: StringCatalog, idPrefix: String = "") {
        self.references = references
        formatter = references.map { ReferenceFormatter(bibliography: $0.bibliography, strings: strings, idPrefix: idPrefix) }
    }

    func record(_ cited: [String]) {
        keys.withLock { $0.formUnion(cited) }
    }

    /// The keys cited so far.
    var cited: [String] { keys.withLock { $0.sorted() } }

    /// Cites a method's paper through the course's entry for it, when `references.bib` has one.
    var paperResolver: PaperCitations.Resolver? {
        guard let references, let formatter else { return nil }
        return PaperCitations.Resolver { [self] paper in
            let citation = references.papers.citation(paper) {
                references.entry(for: paper).map { (key: $0.key, text: Escaping.html(formatter.authorYear($0))) }
            }
            guard let citation else { return nil }
            record([citation.key])
            return formatter.link(citation.text, toKey: citation.key, linked: true)
        }
    }

    /// The page's reference list: the entries of `keys`, by author, then year.
    func list(_ keys: [String], formatter: ReferenceFormatter) -> String {
        var out = "<ul class=\"references\">\n"
        for entry in formatter.bibliography.sorted(keys) {
            out += "<li id=\"\(Escaping.html(formatter.anchor(entry)))\">\(formatter.entryHTML(entry))</li>\n"
        }
        return out + "</ul>\n"
    }

    /// A code block no chapter can write (an info string with a NUL), where the list goes.
    static let marker = CodeBlock(info: "\u{0}references", literal: "", fenced: true, position: .unknown, bodyLine: 0, indent: 0)
    static let markerHTML = "\u{0}coursegen-references\u{0}"

    /// Headings that name a references section: the catalog's word, and English's usual ones.
    static func isReferencesTitle(_ text: String, title: String) -> Bool {
        let text = text.trimmingCharacters(in: .whitespaces).lowercased()
        return text == title.lowercased() || ["references", "bibliography", "works cited"].contains(text)
    }

    /// The top-level heading that names the references, and the index where its section ends
    /// (the next heading of its level or above, or the end).
    static func referencesSection(in blocks: [Block], title: String) -> (heading: Int, end: Int)? {
        for (i, block) in blocks.enumerated() {
            guard case .heading(let level, let inlines, _) = block, isReferencesTitle(inlines.plainText, title: title) else { continue }
            let end = blocks[(i + 1)...].firstIndex { block in
                if case .heading(let other, _, _) = block { return other <= level }
                return false
            } ?? blocks.count
            return (i, end)
        }
        return nil
    }
}
