/// Where the ids of a rendered chapter live: on the chapter's own page, or in one document
/// that holds every chapter (`print.html`). In the document each chapter's ids take the
/// chapter's prefix (`c3-`): its headings' (`c3-momentum`), its callouts' (`c3-ex-decay`), its
/// footnotes' (`c3-fn-1`) and its directive fragments' (the fence prefix `d1-` becomes
/// `c3-d1-`, so `xd1-p-s0` becomes `xc3d1-p-s0`), and a link to a chapter, with or without a
/// fragment, becomes a link inside the document. Every id a renderer writes goes through
/// ``id(_:in:)``, so no two chapters' ids meet.
///
/// A third placing, ``both(_:holes:)``, renders a chapter once for both places: where the two
/// differ it writes ``FenceFragments``' holes, and ``BothPlaces`` fills them for each place.
struct PageIDs: Sendable {
    /// Each chapter's prefix in the document, by page name; empty for pages on their own.
    private var prefixes: [String: String] = [:]
    /// The build's holes, when the chapters are rendered for both places at once.
    private(set) var holes: FenceFragments?

    /// Every chapter on its own page: ids and links as written.
    static let ownPages = PageIDs()

    /// Every chapter of `chapters` in one document.
    static func document(_ chapters: [Chapter]) -> PageIDs {
        var ids = PageIDs()
        for chapter in chapters { ids.prefixes[chapter.pageName] = prefix(of: chapter) }
        return ids
    }

    /// Every chapter of `chapters` rendered once for its own page and for the document, with
    /// `holes` where the two differ (``BothPlaces``).
    static func both(_ chapters: [Chapter], holes: FenceFragments) -> PageIDs {
        var ids = document(chapters)
        ids.holes = holes
        return ids
    }

    /// The prefix of a chapter's ids in a document: `c<number>-`. Headings never take ids of
    /// this form in the document, since all of theirs start with it too; no prefix is
    /// another's start (`c3-`, `c31-`), and a fence's `xc3d1` reads back one way only.
    static func prefix(of chapter: Chapter) -> String { "c\(chapter.number)-" }

    /// Whether the chapters are rendered into one document.
    var isDocument: Bool { !prefixes.isEmpty && holes == nil }

    /// The prefix of `chapter`'s ids: empty on its own page, the prefix hole for both places.
    func prefix(in chapter: Chapter) -> String {
        guard let prefix = prefixes[chapter.pageName] else { return "" }
        return holes?.prefixHole ?? prefix
    }

    /// The id `id` of `chapter` takes.
    func id(_ id: String, in chapter: Chapter) -> String { prefix(in: chapter) + id }

    /// The id of a chapter's title (the page's `<h1 id="top">`): `top`, or `c3-top` in the document.
    func titleID(of chapter: Chapter) -> String { id("top", in: chapter) }

    /// A link from `chapter` to its own `#fragment` (as written, percent-encoding kept).
    func anchor(_ fragment: String, in chapter: Chapter) -> String {
        if let holes {
            // Most anchors differ only by the chapter's prefix.
            guard LinkResolver.builtInAnchors.contains(fragment) else { return "#" + id(fragment, in: chapter) }
            return holes.either(onPage: PageIDs.ownPages.anchor(fragment, in: chapter),
                                inDocument: withoutHoles.anchor(fragment, in: chapter))
        }
        guard isDocument else { return "#" + fragment }
        // The page template's landmarks are the chapter's title in the document.
        if LinkResolver.builtInAnchors.contains(fragment) { return "#" + titleID(of: chapter) }
        return "#" + id(fragment, in: chapter)
    }

    /// A link to the chapter page `page` and its `fragment`.
    func link(toPage page: String, fragment: String?) -> String {
        if let holes {
            return holes.either(onPage: PageIDs.ownPages.link(toPage: page, fragment: fragment),
                                inDocument: withoutHoles.link(toPage: page, fragment: fragment))
        }
        guard isDocument else { return page + (fragment.map { "#" + $0 } ?? "") }
        // The home page is not in the document: its place there is the document's own top.
        guard let prefix = prefixes[page] else { return "#top" }
        guard let fragment, !LinkResolver.builtInAnchors.contains(fragment) else { return "#" + prefix + "top" }
        return "#" + prefix + fragment
    }

    /// The document's placing, for what a hole stands for there.
    private var withoutHoles: PageIDs {
        var ids = self
        ids.holes = nil
        return ids
    }
}
