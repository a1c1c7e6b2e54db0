import CourseMarkdown
import TextFormatting

/// The course's search index, written as `assets/search-index.js`: a classic script that assigns
/// one global (`coursegenSearch`), so `search.html` reads it from `file://` without `fetch`.
///
/// It stores what a query needs and no more, to stay a small share of the pages' text:
/// - `pages`: `[href, label]` per page, in the course's order.
/// - `sections`: `[page, id, heading, excerpt]`: the heading's id (`0` for the text before the
///   first heading, which the page's title heads; `""` when it is `HeadingSlugger.slugify` of the
///   heading, as it mostly is), the heading as text, and the first words of the section's text (at
///   most ``excerptLength`` characters, cut at a word), which results show with the matched words
///   marked.
/// - `keys`: every key (``SearchTokenizer/key(_:)``) of every section, sorted by scalars and
///   front-coded: entries separated by a space, each a character of the code alphabet saying how
///   many UTF-16 units it shares with the entry before, then the rest. A run of CJK characters
///   gives each character and each pair of neighbours (bigrams) as keys.
/// - `postings`: per key, in the order of `keys`, separated by spaces: the sections holding it,
///   each as `section − previous section` (previous starting at −1) in ``number(_:)``'s digits;
///   or, when shorter, the
///   digit 0 and then a bitmap, six sections a character (digits 0–63, bit `i mod 6` of
///   character `i / 6` for section `i`).
///
/// The script finds phrases in headings and excerpts, where it has the words in order.
struct SearchIndex {
    struct Page {
        var href: String
        /// How results name the page: "Chapter 5 · Adam".
        var label: String
        var title: String
        var html: String
        /// The chapter's number, for the term index; `nil` for the home page.
        var number: Int?
    }

    /// Printable ASCII without space, `"` and `\`: safe in a JS string and the entries' separator.
    static let alphabet: [Character] = (0x21...0x7E).compactMap { value in
        value == 0x22 || value == 0x5C ? nil : Character(Unicode.Scalar(UInt8(value)))
    }
    /// The characters of an excerpt, at most (Unicode scalars, cut at a token).
    static let excerptLength = 64

    let pages: [Page]
    let sections: [[SearchSections.Section]]
    /// Per page, per section: the keys it is found by (``keys(of:)``).
    let sectionKeys: [[[String: Int]]]

    init(pages: [Page]) {
        // Pages are scanned independently, on all cores.
        let scanned = ConcurrentMap.map(pages) { page in Self.scan(page) }
        self.init(pages: pages, scanned: scanned)
    }

    init(pages: [Page], scanned: [(sections: [SearchSections.Section], keys: [[String: Int]])]) {
        self.pages = pages
        sections = scanned.map(\.sections)
        sectionKeys = scanned.map(\.keys)
    }

    /// A page's sections and each section's keys.
    static func scan(_ page: Page) -> (sections: [SearchSections.Section], keys: [[String: Int]]) {
        let sections = SearchSections.sections(title: page.title, html: page.html)
        return (sections, sections.map { keys(of: $0.heading + $0.text) })
    }

    /// The keys a section is found by, each with how often it occurs.
    static func keys(of tokens: [SearchTokenizer.Token]) -> [String: Int] {
        var counts: [String: Int] = [:]
        var run: [String] = []
        func endRun() {
            for k in run.indices {
                counts[run[k], default: 0] += 1
                if k + 1 < run.count { counts[run[k] + run[k + 1], default: 0] += 1 }
            }
            run = []
        }
        for token in tokens {
            if let scalar = token.text.unicodeScalars.first, token.text.unicodeScalars.count == 1, SearchTokenizer.isCJK(scalar) {
                run.append(token.text)
                continue
            }
            endRun()
            // A formula is found by its text only when that is one short word (`β1`, `vt`). Any other
            // token is one already: cutting a token again gives itself.
            guard !token.isFormula || SearchTokenizer.tokens(of: token.text).count == 1, SearchTokenizer.isWord(token.text),
                  !token.isFormula || token.text.unicodeScalars.count <= 3 else { continue }
            counts[SearchTokenizer.key(token.text), default: 0] += 1
        }
        endRun()
        return counts
    }

    /// The first words of a section's text, cut at a token.
    static func excerpt(_ tokens: [SearchTokenizer.Token]) -> String {
        var out = ""
        var length = 0
        for (index, token) in tokens.enumerated() {
            let added = (index > 0 && token.spaceBefore ? 1 : 0) + token.text.unicodeScalars.count
            if length + added > excerptLength {
                return out + "…"
            }
            if index > 0, token.spaceBefore { out += " " }
            out += token.text
            length += added
        }
        return out
    }

    /// The text of `assets/search-index.js`.
    func script() -> String {
        var flat: [(page: Int, section: SearchSections.Section)] = []
        for (p, page) in sections.enumerated() { for section in page { flat.append((p, section)) } }
        var postings: [String: [Int]] = [:]
        // Each section's keys were found with its page; postings are filled in order.
        for (index, keys) in sectionKeys.joined().enumerated() {
            for key in keys.keys {
                postings[key, default: []].append(index)
            }
        }
        let keys = postings.keys.sorted(by: Self.precedes)
        let postingText = keys.map { Self.encodedPostings(postings[$0]!.sorted(), sectionCount: flat.count) }
        var out = "// coursegen's search index, read by search.js (the format: coursegen's SearchIndex.swift).\n"
        out += "var coursegenSearch = {\n\"pages\":["
        out += pages.map { "[\(Self.quoted($0.href)),\(Self.quoted($0.label))]" }.joined(separator: ",\n")
        out += "],\n\"sections\":["
        out += flat.map { entry in
            let heading = Self.plainText(entry.section.heading)
            let id = entry.section.id.isEmpty ? "0" : HeadingSlugger.slugify(heading) == entry.section.id ? "\"\"" : Self.quoted(entry.section.id)
            return "[\(entry.page),\(id),\(Self.quoted(heading)),"
                + "\(Self.quoted(Self.excerpt(entry.section.text)))]"
        }.joined(separator: ",\n")
        out += "],\n\"keys\":\(Self.quoted(Self.frontCoded(keys))),\n\"postings\":\(Self.quoted(postingText.joined(separator: " ")))};\n"
        return out
    }

    /// Ascending section numbers as deltas or as a bitmap, whichever is shorter.
    static func encodedPostings(_ sections: [Int], sectionCount: Int) -> String {
        var previous = -1
        var list = ""
        for section in sections {
            list += number(section - previous)
            previous = section
        }
        var bits = [Int](repeating: 0, count: (sectionCount + 5) / 6)
        for section in sections { bits[section / 6] |= 1 << (section % 6) }
        while bits.last == 0 { bits.removeLast() }
        let bitmap = String(alphabet[0]) + String(bits.map { alphabet[$0] })
        return bitmap.count < list.count ? bitmap : list
    }

    /// A number ≥ 0 in the alphabet's digits: below 82, one digit; else the digit `82 + (n − 82) mod 10`
    /// followed by `(n − 82) / 10`. Small numbers, the usual gaps between sections, take one character.
    static func number(_ value: Int) -> String {
        value < 82 ? String(alphabet[value]) : String(alphabet[82 + (value - 82) % 10]) + number((value - 82) / 10)
    }

    /// Words in scalar order, each as its shared prefix's length (in UTF-16 units, as JavaScript
    /// counts) and its remaining text.
    static func frontCoded(_ words: [String]) -> String {
        var previous: [UInt16] = []
        var entries: [String] = []
        for word in words {
            let units = Array(word.utf16)
            var shared = 0
            while shared < min(units.count, previous.count, alphabet.count - 1), units[shared] == previous[shared] { shared += 1 }
            // Never cut a surrogate pair.
            if shared > 0, shared < units.count, UTF16.isTrailSurrogate(units[shared]) { shared -= 1 }
            entries.append(String(alphabet[shared]) + String(decoding: units[shared...], as: UTF16.self))
            previous = units
        }
        return entries.joined(separator: " ")
    }

    static func precedes(_ a: String, _ b: String) -> Bool { a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars) }

    /// A JSON string literal; `<` is escaped too, so the text is safe anywhere.
    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "<": out += "\\u003c"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16) }
                else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// A section's heading as plain text, spaced as the page spaces it.
    static func plainText(_ tokens: [SearchTokenizer.Token]) -> String {
        var out = ""
        for (index, token) in tokens.enumerated() {
            if index > 0, token.spaceBefore { out += " " }
            out += token.text
        }
        return out
    }
}

extension SearchIndex {
    /// One entry of the term index that `search.html` shows without script.
    struct Term {
        var display: String
        var key: String
        /// Page and section indices, in the course's order.
        var places: [(page: Int, section: Int)]
    }

    /// The course's significant terms: the words of its headings (but `stopWords` and words of
    /// fewer than three letters; a run of CJK characters is one term) and every phrase its
    /// authors set in bold, each with the sections whose heading or bold text holds it, sorted by key.
    func terms(stopWords: Set<String>) -> [Term] {
        var surfaces: [String: [String: Int]] = [:]
        for page in sections {
            for section in page {
                // How a word is spelled inside a sentence, not capitalised at a heading's or a sentence's start.
                for part in [section.heading, section.text] {
                    for (index, token) in part.enumerated() where index > 0 && SearchTokenizer.isWord(token.text) {
                        guard ![".", "!", "?", ":", "。", "！", "？", "："].contains(part[index - 1].text) else { continue }
                        surfaces[SearchTokenizer.key(token.text), default: [:]][token.text, default: 0] += 1
                    }
                }
            }
        }
        func display(_ key: String, fallback: String) -> String {
            guard let forms = surfaces[key] else { return fallback }
            return forms.max { $0.value != $1.value ? $0.value < $1.value : Self.precedes($1.key, $0.key) }!.key
        }
        var places: [String: (display: String, places: [(page: Int, section: Int)])] = [:]
        func add(_ key: String, _ shown: String, _ page: Int, _ section: Int) {
            var entry = places[key] ?? (shown, [])
            if !(entry.places.last.map { $0 == (page, section) } ?? false) { entry.places.append((page, section)) }
            places[key] = entry
        }
        for (p, page) in sections.enumerated() {
            for (s, section) in page.enumerated() {
                var run = ""
                for token in section.heading + [SearchTokenizer.Token(text: " ", spaceBefore: true)] {
                    if let scalar = token.text.unicodeScalars.first, SearchTokenizer.isCJK(scalar) {
                        run += token.text
                        continue
                    }
                    if run.unicodeScalars.count >= 2 { add(SearchTokenizer.key(run), run, p, s) }
                    run = ""
                    let key = SearchTokenizer.key(token.text)
                    guard SearchTokenizer.isWord(token.text), key.unicodeScalars.count >= 3, !stopWords.contains(key),
                          !key.unicodeScalars.allSatisfy({ $0.properties.numericType != nil }) else { continue }
                    add(key, display(key, fallback: token.text), p, s)
                }
                for phrase in section.bold {
                    let words = SearchTokenizer.tokens(of: phrase).filter { SearchTokenizer.isWord($0.text) }
                    guard (1...4).contains(words.count) else { continue }
                    let key = words.map { SearchTokenizer.key($0.text) }.joined(separator: " ")
                    guard key.unicodeScalars.count >= 2, !stopWords.contains(key),
                          !key.unicodeScalars.allSatisfy({ $0.properties.numericType != nil || $0 == "." || $0 == "," || $0 == " " }) else { continue }
                    add(key, words.count == 1 ? display(key, fallback: phrase) : phrase, p, s)
                }
            }
        }
        return places.map { Term(display: $0.value.display, key: $0.key, places: $0.value.places) }
            .sorted { $0.key != $1.key ? Self.precedes($0.key, $1.key) : Self.precedes($0.display, $1.display) }
    }
}
