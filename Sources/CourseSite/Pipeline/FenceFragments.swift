import ExperimentPages

/// Every directive fence of the course rendered once, for its chapter's page and for
/// `print.html` alike. A fence's figures are most of what a cached build computes (contours,
/// paths, tables), and the two places differ only in the chapter's id prefix (``PageIDs``),
/// so a fragment is rendered with holes where the prefix goes and each place fills them.
///
/// A hole is a word of random letters drawn for each build (``hole``), which no input can
/// foresee, so nothing but a hole is ever filled; it is made of letters because a figure
/// keeps only the letters and digits of its id prefix. Two kinds: ``prefixHole`` takes the
/// page's prefix as it is (`c3-`: the figure's id, the links to the page's reference list);
/// ``idHole`` starts the fence's ``DirectiveBlock/idPrefix`` (`<hole>i-d1-`) and takes the
/// prefix without its dash, the dash after the hole staying where the handler kept it
/// (`c3-d1-`) and going on a page of its own (`d1-`); the `experiment` handler keeps only
/// letters and digits, so `xd1-p-s0` becomes `xc3d1-p-s0` in print.html.
struct FenceFragments: Sendable {
    /// A fence's markup with its holes, and the keys of the works it cites (methods' papers).
    struct Fragment: Sendable {
        var html: String
        var cited: [String]
    }

    /// The build's hole: `Z` and 23 random lower-case letters (108 bits), then the kind (`p`, `i`).
    let hole: String
    var prefixHole: String { hole + "p" }
    var idHole: String { hole + "i-" }

    /// Each fence's fragment.
    var fragments: [FenceID: Fragment] = [:]

    /// Fragments with `hole` (a new one per build, or a memo's, kept across its builds).
    init(hole: String = FenceFragments.drawHole()) {
        self.hole = hole
    }

    /// `Z` and 23 random lower-case letters.
    static func drawHole() -> String {
        var generator = SystemRandomNumberGenerator()
        return "Z" + String((0..<23).map { _ in Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8.random(in: 0..<26, using: &generator))) })
    }

    subscript(_ fence: FenceID) -> Fragment? { fragments[fence] }

    /// ``PageIDs/both(_:holes:)``'s holes: a solution's ` open`, which only the document
    /// writes, and text that differs between the places (``either(onPage:inDocument:)``).
    var openHole: String { hole + "o" }

    /// `onPage` on a chapter's own page and `inDocument` in `print.html`: hole `e`, the page's
    /// text, hole `f`, the document's text, hole `g`. Each text is escaped as it is, character
    /// by character, so escaping the whole keeps the three holes and the two texts apart.
    func either(onPage: String, inDocument: String) -> String {
        onPage == inDocument ? onPage : hole + "e" + onPage + hole + "f" + inDocument + hole + "g"
    }

    /// `html` with its holes filled for a page whose ids start with `prefix` (``PageIDs/prefix(in:)``:
    /// `c3-`, or empty); `inDocument` tells the places apart (a page of its own has no prefix).
    func fill(_ html: String, prefix: String, inDocument: Bool? = nil) -> String {
        let inDocument = inDocument ?? !prefix.isEmpty
        let stem = prefix.hasSuffix("-") ? String(prefix.dropLast()) : prefix
        let hole = Array(self.hole.utf8)
        /// How many bytes of `after` there are up to the end of the hole of kind `kind`.
        func through(_ kind: String, in after: UnsafeBufferPointer<UInt8>.SubSequence) -> Int {
            let marker = hole + Array(kind.utf8)
            var i = after.startIndex
            while i + marker.count <= after.endIndex {
                if after[i] == marker[0], after[i ..< i + marker.count].elementsEqual(marker) {
                    return i + marker.count - after.startIndex
                }
                i += 1
            }
            preconditionFailure("a hole of kind \(kind) without its end")
        }
        return ByteReplacement.replacing(self.hole, in: html) { after in
            switch after.first {
            case UInt8(ascii: "p"): return (prefix, 1)
            case UInt8(ascii: "o"): return (inDocument ? " open" : "", 1)
            // Either text: the page's runs from hole e to hole f, the document's from f to g.
            case UInt8(ascii: "e"): return ("", inDocument ? through("f", in: after) : 1)
            case UInt8(ascii: "f"): return ("", inDocument ? 1 : through("g", in: after))
            case UInt8(ascii: "g"): return ("", 1)
            default:
                // An id hole: the dash after it, when the handler kept it, belongs to a prefix only.
                let dash = after.dropFirst().first == UInt8(ascii: "-")
                return (dash && !stem.isEmpty ? stem + "-" : stem, dash ? 2 : 1)
            }
        }
    }
}

extension RenderPages {
    /// Every fence of `directives` rendered once with holes for the page's ids (``FenceFragments``),
    /// fences of all pages on all cores. `firstPage` as in ``run(_:directives:results:firstPage:ids:fragments:)``.
    func fragments(directives: CollectedDirectives, results: DirectiveResults, firstPage: Int = 0) -> FenceFragments {
        var shared = memo.map { FenceFragments(hole: $0.memo.fenceHole) } ?? FenceFragments()
        let holes = shared
        let fences = directives.pages.enumerated().flatMap { page, fences in fences.map { (page: page, fence: $0) } }
        let rendered = ConcurrentMap.map(fences.map { ($0.page, $0.fence) }) { page, fence -> (FenceID, FenceFragments.Fragment) in
            let render = {
                PageStrings.with(strings, pageLanguage: pageLanguage) {
                    fragment(fence, index: firstPage + page, results: results, holes: holes)
                }
            }
            guard let memo else { return (fence.id, render()) }
            // What a fragment reads: the fence (its run is the run of that text), its figure's
            // number, and the course (references, strings, labels).
            let numbered = firstPage + page < labels.pages.count ? labels.pages[firstPage + page] : nil
            let key = FragmentKey(context: memo.context, fence: BuildMemo.FenceKey(fence.block),
                                  figure: numbered?.figures[fence.position], ran: results[fence.id]?.output != nil)
            return (fence.id, memo.memo.value(.fragment, key, compute: render))
        }
        shared.fragments = Dictionary(rendered, uniquingKeysWith: { first, _ in first })
        return shared
    }

    /// One fence rendered with ``FenceFragments``' holes where the page's prefix goes.
    private func fragment(_ fence: CollectedFence, index: Int, results: DirectiveResults,
                          holes: FenceFragments) -> FenceFragments.Fragment {
        let numbered = index < labels.pages.count ? labels.pages[index] : nil
        let citations = PageCitations(references: references, strings: strings, idPrefix: holes.prefixHole)
        var block = fence.block
        block.idPrefix = holes.idHole + block.idPrefix
        let figure = numbered?.figures[fence.position].map {
            FigureNumber(id: holes.prefixHole + $0.id, label: strings.text("figure.number", ["number": $0.number]))
        }
        let html = PaperCitations.$resolver.withValue(citations.paperResolver) {
            fence.handler.render(block, run: results[fence.id], figure: figure)
        }
        return FenceFragments.Fragment(html: holes.leavingDataTablesOutOfDocument(html), cited: citations.cited)
    }
}

extension FenceFragments {
    /// `html` with each figure's table of numbers (``DataTable``, `<details class="cg-data">` …
    /// `</details>`) kept on the chapter's page and left out of `print.html`: paper cannot open
    /// it, and the document would carry every table of every chapter (93 tables, 630 KB of the
    /// course's 5.3 MB). A fence's own markup holds no other `<details class="cg-data">`: the
    /// author's words in it are escaped.
    func leavingDataTablesOutOfDocument(_ html: String) -> String {
        Self.replacingDataTables(in: html) { either(onPage: $0, inDocument: "") }
    }

    /// `html` with each figure's table of numbers replaced by `replace(table)`.
    static func replacingDataTables(in html: String, with replace: (String) -> String) -> String {
        let open = #"<details class="cg-data">"#, close = "</details>\n"
        var out = "", rest = html[...]
        while let start = rest.firstRange(of: open), let end = rest[start.upperBound...].firstRange(of: close) {
            out += rest[..<start.lowerBound]
            out += replace(String(rest[start.lowerBound..<end.upperBound]))
            rest = rest[end.upperBound...]
        }
        return out + rest
    }
}

/// What rendering one fence's fragment reads besides the course's render context.
struct FragmentKey: Hashable, Sendable {
    var context: MemoContext
    var fence: BuildMemo.FenceKey
    var figure: NumberedFigure?
    var ran: Bool
}
