/// A page's searchable text, cut into sections at its headings with ids.
///
/// Read from the rendered page body: what the authors wrote, so prose, headings, list items,
/// callouts, figure captions, footnotes and the text of tables. Left out: code blocks, SVG
/// internals, TeX annotations and the headings' self-links; and of an experiment's output
/// (`class="cg-experiment"`: figures, tables, source), everything but its title, the bold start of
/// its figure's caption, since the rest is computed (numbers, update rules, legends) and the same
/// words in every experiment. A formula is one token of its visible text when short (`β₂`, `v_t`
/// as `vt`), else `…`.
struct SearchSections {
    struct Section: Equatable {
        /// The heading's id; `""` for the text before the first heading (the page's title).
        var id: String
        var heading: [SearchTokenizer.Token]
        var text: [SearchTokenizer.Token]
        /// The text of each `<strong>` in it: the terms its author marked.
        var bold: [String] = []
    }

    /// A formula longer than this many characters shows as `…` in snippets.
    static let longestFormula = 12

    /// The sections of a page whose title is `title` and whose body is `html`.
    static func sections(title: String, html: String) -> [Section] {
        var sections = [Section(id: "", heading: SearchTokenizer.tokens(of: title), text: [])]
        var scanner = Scanner(html: html)
        scanner.run(into: &sections)
        return sections
    }

    /// Reads the page's UTF-8 bytes: every byte of its markup is ASCII, and a byte below 0x80
    /// never occurs inside a longer character, so text between tags is cut out whole.
    private struct Scanner {
        let s: [UInt8]
        var i = 0
        init(html: String) { s = Array(html.utf8) }

        /// Elements whose content is skipped, by name, with a depth counter each.
        var skipDepth = 0
        var skipName = ""
        var inHeading = false
        var pendingSpace = false
        /// A formula's or a generated table cell's text, gathered until the element ends.
        var buffer: String?
        var bufferEnd = ""
        var generatedTableDepth = 0
        /// The text of the `<strong>` being read.
        var strong: String?
        /// Inside an experiment's output (its element's name and nesting depth), and inside its caption.
        var generatedName = ""
        var generatedDepth = 0
        var inCaption = false

        /// What an element is to the sections, by name: one lookup a tag.
        enum Role {
            /// Content that is not text a reader searches for.
            case skipped
            case heading, strong, math, table, dataCell, figcaption
            /// An element that ends a word.
            case block
        }

        static let roles: [String: Role] = {
            var roles: [String: Role] = ["h2": .heading, "h3": .heading, "h4": .heading, "strong": .strong, "b": .strong,
                                         "math": .math, "table": .table, "td": .dataCell, "figcaption": .figcaption]
            for name in ["pre", "svg", "script", "style", "annotation", "annotation-xml", "template"] { roles[name] = .skipped }
            for name in ["p", "li", "br", "div", "th", "tr", "summary", "blockquote", "dt", "dd", "ul", "ol", "section", "aside", "details", "figure", "hr"] {
                roles[name] = .block
            }
            return roles
        }()
        static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/"), equals = UInt8(ascii: "=")

        /// The bytes of the character starting at `k`.
        func width(at k: Int) -> Int {
            switch s[k] {
            case ..<0x80: 1
            case 0xF0...: 4
            case 0xE0...: 3
            default: 2
            }
        }

        /// Whether the character starting at `k` is white space (Unicode's White_Space).
        func isWhitespace(at k: Int) -> Bool {
            let b = s[k]
            if b < 0x80 { return b == 0x20 || (0x09...0x0D).contains(b) }
            var decoder = UTF8()
            var bytes = s[k..<min(k + width(at: k), s.count)].makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&bytes) else { return false }
            return SearchTokenizer.isWhitespace(scalar)
        }

        func text(_ from: Int, _ to: Int) -> String { String(decoding: s[from..<to], as: UTF8.self) }

        mutating func run(into sections: inout [Section]) {
            while i < s.count {
                if s[i] == Self.lt {
                    tag(into: &sections)
                } else {
                    guard skipDepth == 0, generatedDepth == 0 || (inCaption && strong != nil) else {
                        while i < s.count, s[i] != Self.lt { i += 1 }
                        continue
                    }
                    let start = i
                    while i < s.count, s[i] != Self.lt { i += 1 }
                    let decoded = Self.decodeEntities(text(start, i))
                    if strong != nil { strong! += decoded }
                    if buffer != nil {
                        buffer! += decoded
                    } else {
                        add(SearchTokenizer.tokens(of: decoded, leadingSpace: pendingSpace), to: &sections)
                        if decoded.unicodeScalars.last?.properties.isWhitespace == true { pendingSpace = true }
                    }
                }
            }
        }

        mutating func add(_ tokens: [SearchTokenizer.Token], to sections: inout [Section]) {
            guard !tokens.isEmpty else {
                return
            }
            pendingSpace = false
            if inHeading { sections[sections.count - 1].heading += tokens } else { sections[sections.count - 1].text += tokens }
        }

        mutating func tag(into sections: inout [Section]) {
            // Comments and declarations.
            if i + 1 < s.count, s[i + 1] == UInt8(ascii: "!") {
                while i < s.count, s[i] != Self.gt { i += 1 }
                i += 1
                return
            }
            i += 1
            let closing = i < s.count && s[i] == Self.slash
            if closing { i += 1 }
            let nameStart = i
            while i < s.count, !isWhitespace(at: i), s[i] != Self.gt, s[i] != Self.slash { i += width(at: i) }
            let nameEnd = min(i, s.count)
            // Markup's names are mostly lower case already.
            let name = s[nameStart..<nameEnd].contains(where: { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) })
                ? text(nameStart, nameEnd).lowercased() : text(nameStart, nameEnd)
            // Inside a skipped element only the tag's name counts: its attributes (an SVG path's
            // data) are passed over, not gathered. Of the others, only three are read; the last of
            // a name counts.
            let keep = skipDepth == 0
            var attributes = Attributes()
            while i < s.count, s[i] != Self.gt {
                while i < s.count, isWhitespace(at: i) || s[i] == Self.slash { i += width(at: i) }
                let attributeStart = i
                while i < s.count, !isWhitespace(at: i), s[i] != Self.equals, s[i] != Self.gt, s[i] != Self.slash { i += width(at: i) }
                let attributeEnd = min(i, s.count)
                let read = keep ? Attributes.Name(s[attributeStart..<attributeEnd]) : nil
                var value = ""
                if i < s.count, s[i] == Self.equals {
                    i += 1
                    if i < s.count, s[i] == UInt8(ascii: "\"") || s[i] == UInt8(ascii: "'") {
                        let quote = s[i]
                        i += 1
                        let valueStart = i
                        while i < s.count, s[i] != quote { i += 1 }
                        if read != nil { value = text(valueStart, min(i, s.count)) }
                        i += 1
                    } else {
                        let valueStart = i
                        while i < s.count, !isWhitespace(at: i), s[i] != Self.gt { i += width(at: i) }
                        if read != nil { value = text(valueStart, min(i, s.count)) }
                    }
                }
                if let read { attributes[read] = value }
            }
            i += 1
            if skipDepth > 0 {
                if name == skipName { skipDepth += closing ? -1 : 1 }
                return
            }
            let classes = attributes.class.map { $0.split(separator: " ") } ?? []
            let role = Self.roles[name]
            if generatedDepth > 0, name == generatedName {
                generatedDepth += closing ? -1 : 1
            } else if generatedDepth == 0, !closing, classes.contains("cg-experiment") {
                generatedName = name
                generatedDepth = 1
            }
            if role == .figcaption { inCaption = !closing }
            if !closing {
                let skipped = role == .skipped
                    || classes.contains("self-link") || classes.contains("cg-source") || attributes.ariaHidden == "true"
                if skipped {
                    skipName = name
                    skipDepth = 1
                    return
                }
            }
            switch role {
            case .heading:
                if !closing, let id = attributes.id {
                    sections.append(Section(id: Self.decodeEntities(id), heading: [], text: []))
                    inHeading = true
                } else if closing {
                    inHeading = false
                }
                pendingSpace = true
            case .strong:
                if !closing, strong == nil {
                    strong = ""
                } else if closing, let text = strong {
                    strong = nil
                    let phrase = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
                    if !phrase.isEmpty, !inHeading, !inCaption { sections[sections.count - 1].bold.append(phrase) }
                }
            case .math:
                if closing, bufferEnd == "math", let text = buffer {
                    let formula = text.filter { !$0.isWhitespace }
                    buffer = nil
                    bufferEnd = ""
                    guard !formula.isEmpty else { break }
                    let token = formula.count <= SearchSections.longestFormula ? formula : "…"
                    add([SearchTokenizer.Token(text: token, spaceBefore: pendingSpace, isFormula: true)], to: &sections)
                } else if !closing, buffer == nil {
                    buffer = ""
                    bufferEnd = "math"
                }
            case .table:
                if classes.contains(where: { $0.hasPrefix("cg-") }) || generatedTableDepth > 0 {
                    generatedTableDepth += closing ? -1 : 1
                }
                pendingSpace = true
            case .dataCell:
                // A generated table's data cells are computed numbers and formulas; its
                // caption and header cells (methods, columns) are kept.
                if generatedTableDepth > 0, !closing {
                    skipName = name
                    skipDepth = 1
                }
                pendingSpace = true
            case .block, .figcaption:
                pendingSpace = true
            case .skipped, nil:
                break
            }
        }

        /// The attributes the sections read, by name.
        struct Attributes {
            enum Name {
                case `class`, id, ariaHidden

                /// The attribute named by `bytes`, in any case, if it is one of the three.
                init?(_ bytes: ArraySlice<UInt8>) {
                    func named(_ name: StaticString) -> Bool {
                        guard bytes.count == name.utf8CodeUnitCount else { return false }
                        return zip(bytes, UnsafeBufferPointer(start: name.utf8Start, count: name.utf8CodeUnitCount)).allSatisfy { byte, letter in
                            (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 == letter : byte == letter
                        }
                    }
                    if named("class") { self = .class } else if named("id") { self = .id } else if named("aria-hidden") { self = .ariaHidden } else { return nil }
                }
            }

            var `class`: String?
            var id: String?
            var ariaHidden: String?

            subscript(_ name: Name) -> String? {
                get {
                    switch name {
                    case .class: `class`
                    case .id: id
                    case .ariaHidden: ariaHidden
                    }
                }
                set {
                    switch name {
                    case .class: `class` = newValue
                    case .id: id = newValue
                    case .ariaHidden: ariaHidden = newValue
                    }
                }
            }
        }

        /// The text of HTML with its character references decoded.
        static func decodeEntities(_ text: String) -> String {
            guard text.utf8.contains(UInt8(ascii: "&")) else { return text }
            var out = String.UnicodeScalarView()
            let scalars = Array(text.unicodeScalars)
            var k = 0
            while k < scalars.count {
                guard scalars[k] == "&", let semicolon = scalars[k...].prefix(12).firstIndex(of: ";") else {
                    out.append(scalars[k]); k += 1; continue
                }
                var nameView = String.UnicodeScalarView()
                nameView.append(contentsOf: scalars[(k + 1)..<semicolon])
                let name = String(nameView)
                var decoded: Unicode.Scalar?
                switch name {
                case "amp": decoded = "&"
                case "lt": decoded = "<"
                case "gt": decoded = ">"
                case "quot": decoded = "\""
                case "apos": decoded = "'"
                case "nbsp": decoded = " "
                default:
                    if name.hasPrefix("#x") || name.hasPrefix("#X") {
                        decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                    } else if name.hasPrefix("#") {
                        decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init)
                    }
                }
                if let decoded {
                    out.append(decoded)
                    k = semicolon + 1
                } else {
                    out.append(scalars[k]); k += 1
                }
            }
            return String(out)
        }
    }
}
