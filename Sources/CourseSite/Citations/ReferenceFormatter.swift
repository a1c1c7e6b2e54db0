import Bibliography
import CourseMarkdown
import Localization
import TextFormatting

/// Writes citations author–year ("(Kingma and Ba 2015)", "Kingma and Ba (2015)",
/// "（Kingma 和 Ba，2015）") and reference-list entries, every word from the course's catalog.
/// Latin names stay as written in every language.
struct ReferenceFormatter {
    var bibliography: Bibliography
    var strings: StringCatalog
    /// What the page's ids start with: nothing on the chapter's own page, its prefix in
    /// `print.html` (``PageIDs``).
    var idPrefix = ""

    /// The id of an entry in a page's reference list.
    static func anchor(_ key: String) -> String { "ref-" + key }

    /// The id of `entry` in this page's reference list.
    func anchor(_ entry: BibEntry) -> String { idPrefix + Self.anchor(entry.key) }

    /// What a citation shows of the names: "Kingma", "Kingma and Ba", "Liu et al."; an
    /// organisation whole; the title when the work has no author or editor.
    func names(_ entry: BibEntry) -> String {
        let names = Bibliography.citedNames(entry).map(\.family)
        // BibTeX's "and others" leaves the rest unnamed.
        if names.count > 1, names.last == "others" { return strings.text("citation.manyAuthors", ["first": names[0]]) }
        switch names.count {
        case 0: return entry.text("title") ?? entry.key
        case 1: return names[0]
        case 2: return strings.text("citation.twoAuthors", ["first": names[0], "second": names[1]])
        default: return strings.text("citation.manyAuthors", ["first": names[0]])
        }
    }

    func year(_ entry: BibEntry) -> String {
        bibliography.citedYear(entry) ?? strings.text("citation.noYear")
    }

    /// "Kingma and Ba 2015": a method's paper in a formula table.
    func authorYear(_ entry: BibEntry) -> String {
        strings.text("citation.authorYear", ["authors": names(entry), "year": year(entry)])
    }

    /// A citation as markup, each work linked to its entry in the page's reference list unless
    /// `linked` is false. `nil` for a narrative `@word` that is no key: it stays text.
    func html(_ citation: Citation, linked: Bool) -> String? {
        if citation.narrative {
            guard let item = citation.items.first, let entry = bibliography[item.key] else { return nil }
            let text = strings.text("citation.narrative", ["authors": names(entry), "year": year(entry)])
            return "<span class=\"citation\">" + link(Escaping.html(text), to: entry, linked: linked) + "</span>"
        }
        let parts = citation.items.map { item -> String in
            guard let entry = bibliography[item.key] else { return Escaping.html("@" + item.key) }
            var text = item.suppressesAuthor ? year(entry) : authorYear(entry)
            if !item.locator.isEmpty { text = strings.text("citation.withLocator", ["citation": text, "locator": item.locator]) }
            let linkedText = link(Escaping.html(text), to: entry, linked: linked)
            return item.prefix.isEmpty ? linkedText : Escaping.html(item.prefix + " ") + linkedText
        }
        let joined = parts.joined(separator: Escaping.html(strings.text("citation.separator")))
        return "<span class=\"citation\">" + strings.html("citation.parenthetical", ["citations": joined], escape: Escaping.html) + "</span>"
    }

    /// `html` as a link to the entry's place in the page's list.
    func link(_ html: String, to entry: BibEntry, linked: Bool) -> String {
        link(html, toKey: entry.key, linked: linked)
    }

    /// `html` as a link to the place in the page's list of the entry with `key`.
    func link(_ html: String, toKey key: String, linked: Bool) -> String {
        linked ? "<a href=\"#\(Escaping.html(idPrefix + Self.anchor(key)))\">\(html)</a>" : html
    }

    /// A reference list's entry, as the content of its `<li>`:
    /// names. year. “Title.” *Venue* volume(number): pages. Publisher. Note. DOI or URL.
    func entryHTML(_ entry: BibEntry) -> String {
        var sentences: [String] = []
        let authors = entry.authors, editors = entry.editors
        var people = authors.isEmpty ? editors : authors
        let unnamed = people.count > 1 && people.last?.family == "others"
        if unnamed { people.removeLast() }
        if !people.isEmpty {
            let written = people.enumerated().map { i, name in i == 0 ? name.inverted : name.natural }
            var names = Self.names(written, strings: strings)
            if unnamed { names = strings.text("citation.manyAuthors", ["first": names]) }
            if authors.isEmpty { names = strings.text("references.editors", ["names": names]) }
            sentences.append(Escaping.html(names))
        }
        sentences.append(Escaping.html(year(entry)))
        if let title = entry.text("title") {
            switch entry.kind {
            case .book: sentences.append("<cite>\(Escaping.html(title))</cite>")
            default:
                // "Title." with its stop inside the quotes, as a quoted title ends.
                let stop = title.hasSuffix("?") || title.hasSuffix("!") ? "" : "."
                sentences.append("“\(Escaping.html(Self.withoutFinalStop(title)))\(stop)”")
            }
        }
        let volume = [entry.text("volume"), entry.text("number").map { "(\($0))" }].compactMap { $0 }.joined()
        let pages = entry.text("pages")
        switch entry.kind {
        case .article:
            var venue = entry.text("journal").map { "<i>\(Escaping.html($0))</i>" } ?? ""
            if !volume.isEmpty { venue += " " + Escaping.html(volume) }
            if let pages { venue += Escaping.html((volume.isEmpty ? ", " : ": ") + pages) }
            if !venue.isEmpty { sentences.append(venue) }
        case .inproceedings:
            if let booktitle = entry.text("booktitle") {
                var venue = strings.html("references.in", ["venue": "<i>\(Escaping.html(booktitle))</i>"], escape: Escaping.html)
                if let pages { venue += Escaping.html(", " + pages) }
                sentences.append(venue)
            }
        case .book, .misc, .online:
            if let how = entry.text("howpublished") { sentences.append(Escaping.html(how)) }
            if let pages { sentences.append(Escaping.html(pages)) }
        }
        let publisher = [entry.text("address"), entry.text("publisher") ?? entry.text("institution") ?? entry.text("school")]
            .compactMap { $0 }.joined(separator: ": ")
        if !publisher.isEmpty { sentences.append(Escaping.html(publisher)) }
        if let note = entry.text("note") { sentences.append(Escaping.html(note)) }
        var out = sentences.map { Self.endsSentence($0) ? $0 : $0 + "." }.joined(separator: " ")
        if let target = Self.target(entry) {
            out += " <a href=\"\(Escaping.html(target.href))\">\(Escaping.html(target.text))</a>"
        }
        return out
    }

    /// Names in a list's entry: "Liu, L., H. Jiang and J. Han"; in Chinese, commas only, as GB/T 7714 writes them.
    static func names(_ names: [String], strings: StringCatalog) -> String {
        switch names.count {
        case 0: return ""
        case 1: return names[0]
        case 2: return strings.text("references.twoNames", ["first": names[0], "second": names[1]])
        default:
            return strings.text("references.lastName", ["rest": names.dropLast().joined(separator: ", "), "last": names[names.count - 1]])
        }
    }

    /// Where an entry links: its DOI, else its URL, else its arXiv abstract; only http(s).
    static func target(_ entry: BibEntry) -> (href: String, text: String)? {
        if let doi = entry.text("doi").map({ $0.hasPrefix("http") ? $0 : "https://doi.org/" + $0 }), isWeb(doi) {
            return (doi, doi)
        }
        if let url = entry.url, isWeb(url) { return (url, url) }
        if let arXiv = entry.arXiv { return ("https://arxiv.org/abs/" + arXiv, "arXiv:" + arXiv) }
        return nil
    }

    private static func isWeb(_ url: String) -> Bool {
        url.hasPrefix("https://") || url.hasPrefix("http://")
    }

    private static func endsSentence(_ html: String) -> Bool {
        guard let last = html.last else { return true }
        return ".?!”".contains(last) || html.hasSuffix("?</cite>") || html.hasSuffix("!</cite>")
    }

    /// "Title." inside quotes would end with two stops; the quote's own stop goes inside it.
    private static func withoutFinalStop(_ title: String) -> String {
        title.hasSuffix(".") ? String(title.dropLast()) : title
    }
}
