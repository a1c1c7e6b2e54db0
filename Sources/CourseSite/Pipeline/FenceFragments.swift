import ExperimentPages

/// Every directive fence of the course rendered once, for its chapter's page and for
/// `print.html` alike. A fence's figures are most of what a cached build computes (contours,
/// paths, tables), and the two places differ only in the chapter's id prefix (``PageIDs``),
/// so a fragment is rendered with holes where the prefix goes and each place fills them.
///
/// A hole is a word of random letters drawn for each build (``hole``), which no input can
/// foresee, so nothing but a hole is ever filled; it is made of letters because a figure
/// keeps only letters and digits of its id prefix. Two kinds: ``prefixHole`` takes the page's
/// prefix as it is (`c3-`: the figure's id, the links to the page's reference list),
/// ``idHole`` starts the fence's ``DirectiveBlock/idPrefix`` and takes the prefix's letters
/// and digits (`c3`, so that `xd1-p-s0` becomes `xc3d1-p-s0`).
struct FenceFragments: Sendable {
    /// A fence's markup with its holes, and the keys of the works it cites (methods' papers).
    struct Fragment: Sendable {
        var html: String
        var cited: [String]
    }

    /// The build's hole: `Z` and 23 random lower-case letters (108 bits).
    let hole: String
    var prefixHole: String { hole + "p" }
    var idHole: String { hole + "i" }

    /// Each fence's fragment.
    var fragments: [FenceID: Fragment] = [:]

    init() {
        var generator = SystemRandomNumberGenerator()
        hole = "Z" + String((0..<23).map { _ in Character(Unicode.Scalar(UInt8(ascii: "a") + UInt8.random(in: 0..<26, using: &generator))) })
    }

    subscript(_ fence: FenceID) -> Fragment? { fragments[fence] }

    /// `html` with its holes filled for a page whose ids start with `prefix` (``PageIDs/prefix(in:)``).
    func fill(_ html: String, prefix: String) -> String {
        let idPart = prefix.filter { $0.isLetter || $0.isNumber }
        var html = html, hole = self.hole
        return html.withUTF8 { bytes in
            hole.withUTF8 { hole in
                var out: [UInt8] = []
                out.reserveCapacity(bytes.count + 64)
                let first = hole[0]
                let width = hole.count + 1
                var i = 0
                while i < bytes.count {
                    if bytes[i] == first, i + width <= bytes.count,
                       UnsafeBufferPointer(rebasing: bytes[i ..< i + hole.count]).elementsEqual(hole) {
                        out.append(contentsOf: (bytes[i + hole.count] == UInt8(ascii: "p") ? prefix : idPart).utf8)
                        i += width
                    } else {
                        out.append(bytes[i])
                        i += 1
                    }
                }
                return String(decoding: out, as: UTF8.self)
            }
        }
    }
}

extension RenderPages {
    /// Every fence of `directives` rendered once with holes for the page's ids (``FenceFragments``),
    /// fences of all pages on all cores. `firstPage` as in ``run(_:directives:results:firstPage:ids:fragments:)``.
    func fragments(directives: CollectedDirectives, results: DirectiveResults, firstPage: Int = 0) -> FenceFragments {
        var shared = FenceFragments()
        let holes = shared
        let fences = directives.pages.enumerated().flatMap { page, fences in fences.map { (page: page, fence: $0) } }
        let rendered = ConcurrentMap.map(fences.map { ($0.page, $0.fence) }) { page, fence -> (FenceID, FenceFragments.Fragment) in
            PageStrings.with(strings, pageLanguage: pageLanguage) {
                (fence.id, fragment(fence, index: firstPage + page, results: results, holes: holes))
            }
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
        return FenceFragments.Fragment(html: html, cited: citations.cited)
    }
}
