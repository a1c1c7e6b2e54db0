import Mustache

/// The bundled sidebar, templated a few times per build instead of once per page.
///
/// Every page's sidebar lists every chapter, so templating it per page costs
/// chapters² lookups (0.2 s of a 200-chapter build). Its text differs between pages
/// only in which chapter entry's `{{#current}}` section is open, and in the two
/// flags `isHome` and `referencesPage.current`. So each flag combination is templated
/// once with every entry's `current` a marker, split at the markers, and a page's
/// sidebar is the pieces joined with the current entry's mark in its place.
///
/// Only the bundled `sidebar.mustache` is known to depend on nothing else of the page;
/// a theme's own sidebar is templated per page as before. ``make(_:chapters:)`` checks
/// a whole page both ways and keeps the skeleton only when they are byte-identical.
struct SidebarSkeleton: @unchecked Sendable {
    /// What a chapter entry's `{{#current}}` writes into the template's output while splitting.
    static let marker: Character = "\u{1}"

    private struct Flags: Hashable {
        var isHome: Bool
        var isReferences: Bool
    }

    /// Per flag combination, the sidebar's text cut at each chapter entry's `current` section.
    private var pieces: [Flags: [Substring]] = [:]
    /// What the open `{{#current}}` section writes, the same for every entry.
    private var currentMark = ""
    /// The theme's templates with the `sidebar` partial replaced by the finished text.
    let library: MustacheLibrary

    private init(library: MustacheLibrary) {
        self.library = library
    }

    /// The skeleton of `renderer`'s sidebar over `chapters`, or `nil` when its pages must be
    /// templated one by one: a theme's sidebar, a course without chapters, or any difference.
    static func make(_ renderer: PageRenderer, chapters: PageRenderer.ChapterEntries) -> SidebarSkeleton? {
        guard renderer.theme.hasBundledSidebar, !chapters.entries.isEmpty else { return nil }
        var library = renderer.theme.library
        do {
            try library.register("{{{sidebarHTML}}}", named: "sidebar")
        } catch {
            return nil
        }
        var skeleton = SidebarSkeleton(library: library)
        var marked = chapters
        for i in marked.entries.indices { marked.entries[i].marksCurrent = true }
        var variants = [Flags(isHome: true, isReferences: false), Flags(isHome: false, isReferences: false)]
        if renderer.hasReferencesPage { variants.append(Flags(isHome: false, isReferences: true)) }
        for flags in variants {
            let text = skeleton.renderSidebar(renderer, flags: flags, chapters: marked, current: nil)
            let cut = text.split(separator: marker, omittingEmptySubsequences: false)
            guard cut.count == chapters.entries.count + 1 else { return nil }
            skeleton.pieces[flags] = cut
        }
        // The current entry's mark: what the first chapter's page adds to the plain sidebar.
        let plain = Flags(isHome: false, isReferences: false)
        guard let cut = skeleton.pieces[plain] else { return nil }
        let first = skeleton.renderSidebar(renderer, flags: plain, chapters: chapters, current: 0)
        let before = cut[0], after = cut[1...].joined()
        guard first.utf8.count >= before.utf8.count + after.utf8.count, first.hasPrefix(before), first.hasSuffix(after) else {
            return nil
        }
        let utf8 = first.utf8
        skeleton.currentMark = String(utf8[utf8.index(utf8.startIndex, offsetBy: before.utf8.count) ..< utf8.index(utf8.endIndex, offsetBy: -after.utf8.count)])!
        // The partial's text in its place: a theme's page template could indent it, say.
        var fast = chapters
        fast.skeleton = skeleton
        let page = PageRenderer.Page(title: "", titleHTML: "", number: nil, description: nil, body: "", contents: [],
                                     isHome: false, currentSlug: chapters.entries[0].slug, previous: nil, next: nil)
        guard renderer.render(page, chapters: fast) == renderer.render(page, chapters: chapters) else { return nil }
        return skeleton
    }

    /// The sidebar of a page with these flags whose chapter is entry `current`, if any.
    func sidebar(isHome: Bool, isReferences: Bool, current: Int?) -> String? {
        guard let cut = pieces[Flags(isHome: isHome, isReferences: isReferences)] else { return nil }
        var text = ""
        text.reserveCapacity(cut.reduce(currentMark.utf8.count) { $0 + $1.utf8.count })
        for (i, piece) in cut.enumerated() {
            if i > 0 && i - 1 == current { text += currentMark }
            text += piece
        }
        return text
    }

    private func renderSidebar(_ renderer: PageRenderer, flags: Flags, chapters: PageRenderer.ChapterEntries,
                                        current: Int?) -> String {
        renderer.sidebarRenders.add()
        let page = PageRenderer.Page(title: "", titleHTML: "", number: nil, description: nil, body: "", contents: [],
                                     isHome: flags.isHome, currentSlug: current.map { chapters.entries[$0].slug },
                                     previous: nil, next: nil, isReferences: flags.isReferences)
        return renderer.theme.library.render(renderer.context(page, chapters: chapters), withTemplate: "sidebar") ?? ""
    }
}
