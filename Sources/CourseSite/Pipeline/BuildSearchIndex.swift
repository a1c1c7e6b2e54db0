import Localization
import TextFormatting

/// The stage that makes the course searchable from its rendered pages: the index
/// (`assets/search-index.js`, ``SearchIndex``), the body of `search.html` (its form, the
/// place for results, and the term index that serves without script), and the sizes the
/// build reports. It reads only rendered HTML, so what is found is what the pages show.
struct BuildSearchIndex {
    var strings: StringCatalog
    /// Keeps each page's sections for the next build in the process, by its title and body.
    var memo: BuildMemo?

    struct Output {
        var indexScript: String
        var searchBody: String
        /// UTF-8 bytes of the pages' visible text (the home page and the chapters), for the budget.
        var textBytes: Int
        var sectionCount: Int
    }

    /// `pages` in the course's order, each with its rendered body; `textBytes` the size of the
    /// finished pages' visible text (``visibleTextBytes(_:)``), the index's budget.
    func run(_ pages: [SearchIndex.Page], textBytes: Int) -> Output {
        let index = memo.map { SearchIndex(pages: pages, memo: $0) } ?? SearchIndex(pages: pages)
        let script = index.script()
        let stopWords = Set(strings.text("search.stopWords").split(separator: " ").map { SearchTokenizer.key(String($0)) })
        return Output(indexScript: script, searchBody: body(index, terms: index.terms(stopWords: stopWords)),
                      textBytes: textBytes,
                      sectionCount: index.sections.reduce(0) { $0 + $1.count })
    }

    private func body(_ index: SearchIndex, terms: [SearchIndex.Term]) -> String {
        func attribute(_ text: String) -> String { Escaping.html(text) }
        var out = """
        <form class="search-form" action="search.html" method="get" role="search">
        <label for="search-page-q">\(Escaping.html(strings.text("search.label")))</label>
        <input type="search" id="search-page-q" name="q" autocomplete="off">
        <button type="submit">\(Escaping.html(strings.text("search.submit")))</button>
        </form>
        <p class="search-intro">\(Escaping.html(strings.text("search.intro")))</p>
        <div id="search-results" class="search-results" aria-live="polite" \
        data-count-one="\(attribute(strings.template("search.count", count: 1)))" \
        data-count-other="\(attribute(strings.template("search.count", count: 2)))" \
        data-none="\(attribute(strings.template("search.none")))"></div>
        <section class="term-index-section" aria-labelledby="term-index">
        <h2 id="term-index">\(Escaping.html(strings.text("search.termIndex")))</h2>
        <ul class="term-index">

        """
        for term in terms {
            let links = term.places.map { place -> String in
                let page = index.pages[place.page]
                let section = index.sections[place.page][place.section]
                let href = page.href + (section.id.isEmpty ? "" : "#" + section.id)
                let heading = SearchIndex.plainText(section.heading)
                let text = page.number.map { strings.text("search.termPlace", ["section": heading, "chapter": String($0)]) } ?? heading
                return "<a href=\"\(attribute(href))\">\(Escaping.html(text))</a>"
            }
            out += "<li><span class=\"term\">\(Escaping.html(term.display))</span> \(links.joined(separator: strings.text("list.separator")))</li>\n"
        }
        out += "</ul>\n</section>\n"
        return out
    }

    private static let body = Array("body".utf8)
    /// Elements whose text no reader sees.
    private static let invisible = ["script", "style", "annotation", "title"].map { Array($0.utf8) }

    /// The UTF-8 bytes of what a reader of `html` can see: the text of its `<body>` (formulas'
    /// TeX annotations, scripts and styles left out), each run of white space counted as one.
    static func visibleTextBytes(_ html: String) -> Int {
        // The page's own bytes, read in place.
        var html = html
        return html.withUTF8 { visibleTextBytes(in: $0) }
    }

    private static func visibleTextBytes(in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        var i = 0
        var inBody = false
        var skip: [UInt8]?
        var space = false
        var name: [UInt8] = []
        func lower(_ b: UInt8) -> UInt8 { b >= 65 && b <= 90 ? b + 32 : b }
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "<") {
                var j = i + 1
                let closing = j < bytes.count && bytes[j] == UInt8(ascii: "/")
                if closing { j += 1 }
                name.removeAll(keepingCapacity: true)
                while j < bytes.count, bytes[j] != UInt8(ascii: ">"), bytes[j] != UInt8(ascii: " "), bytes[j] != UInt8(ascii: "\n"), bytes[j] != UInt8(ascii: "/") {
                    name.append(lower(bytes[j])); j += 1
                }
                while j < bytes.count, bytes[j] != UInt8(ascii: ">") { j += 1 }
                i = j + 1
                if name == Self.body { inBody = !closing }
                if let skipped = skip {
                    if closing, name == skipped { skip = nil }
                } else if !closing, Self.invisible.contains(name) {
                    skip = name
                }
                continue
            }
            if inBody, skip == nil {
                let b = bytes[i]
                if b == 32 || b == 9 || b == 10 || b == 13 {
                    space = true
                } else {
                    if space { count += 1; space = false }
                    // A character reference is one character: count the bytes it stands for.
                    if b == UInt8(ascii: "&"), let end = bytes[i...].prefix(12).firstIndex(of: UInt8(ascii: ";")) {
                        count += String(decoding: bytes[(i + 1)..<end], as: UTF8.self) == "nbsp" ? 2 : 1
                        i = end + 1
                        continue
                    }
                    count += 1
                }
            }
            i += 1
        }
        return count
    }
}
