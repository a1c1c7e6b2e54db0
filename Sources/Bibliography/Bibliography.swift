import CourseDiagnostics

/// The entries of a course's `references.bib`, looked up by key or by the identifiers a
/// paper has elsewhere (DOI, arXiv, URL), with the letters that tell apart two works an
/// author–year citation would write alike ("Kingma 2015a", "Kingma 2015b").
public struct Bibliography: Sendable {
    public let entries: [BibEntry]
    private let byKey: [String: Int]
    private let byLowercasedKey: [String: Int]
    private let suffixes: [String: String]

    public init(_ entries: [BibEntry]) {
        self.entries = entries
        var byKey: [String: Int] = [:], lowered: [String: Int] = [:]
        for (i, entry) in entries.enumerated() {
            byKey[entry.key] = i
            lowered[entry.key.lowercased()] = lowered[entry.key.lowercased()] ?? i
        }
        self.byKey = byKey
        byLowercasedKey = lowered
        // Works whose citations read alike get a, b, … in the order a reference list shows them
        // (all their names, then the title), so "2015a" comes before "2015b" in every list.
        var groups: [String: [BibEntry]] = [:]
        for entry in entries { groups[Self.citationIdentity(entry), default: []].append(entry) }
        var suffixes: [String: String] = [:]
        for (_, group) in groups where group.count > 1 {
            let ordered = group.sorted { Self.sortKey($0, suffix: nil).lexicographicallyPrecedes(Self.sortKey($1, suffix: nil)) }
            for (i, entry) in ordered.enumerated() {
                suffixes[entry.key] = String(UnicodeScalar(UInt8(ascii: "a") + UInt8(min(i, 25))))
            }
        }
        self.suffixes = suffixes
    }

    /// The entry of `key`; BibTeX keys match without regard to case.
    public subscript(key: String) -> BibEntry? {
        (byKey[key] ?? byLowercasedKey[key.lowercased()]).map { entries[$0] }
    }

    public var keys: [String] { entries.map(\.key) }

    /// The year as citations write it, with its letter when another work reads alike: "2015a".
    public func citedYear(_ entry: BibEntry) -> String? {
        entry.year.map { $0 + (suffixes[entry.key] ?? "") }
    }

    /// Whether `entry` needs a letter after its year.
    public func suffix(of entry: BibEntry) -> String? { suffixes[entry.key] }

    /// The entry that is the same work as a paper known by `key`, `doi`, `arXiv` identifier or `url`.
    public func entry(key: String?, doi: String?, arXiv: String?, url: String?) -> BibEntry? {
        if let key, let entry = self[key] { return entry }
        if let doi = doi?.lowercased(), let entry = entries.first(where: { $0.doi == doi }) { return entry }
        if let arXiv, let entry = entries.first(where: { $0.arXiv == arXiv }) { return entry }
        if let url = url.map(Self.normalised), let entry = entries.first(where: { $0.url.map(Self.normalised) == url }) { return entry }
        return nil
    }

    /// The names a citation shows: the authors, else the editors.
    public static func citedNames(_ entry: BibEntry) -> [PersonName] {
        entry.authors.isEmpty ? entry.editors : entry.authors
    }

    /// Entries in the order of a reference list: first name's family, then year, then title.
    public func sorted(_ keys: some Sequence<String>) -> [BibEntry] {
        // Each entry's key once: it parses the entry's names.
        Array(Set(keys)).compactMap { self[$0] }
            .map { (entry: $0, key: Self.sortKey($0, suffix: suffixes[$0.key])) }
            .sorted { $0.key.lexicographicallyPrecedes($1.key) }
            .map(\.entry)
    }

    private static func sortKey(_ entry: BibEntry, suffix: String?) -> [String] {
        let names = citedNames(entry)
        let first = names.map { $0.family.lowercased() + " " + $0.given.lowercased() }
        return (first.isEmpty ? [entry.text("title")?.lowercased() ?? ""] : first)
            + ["\u{10FFFF}", (entry.year ?? "") + (suffix ?? ""), entry.text("title")?.lowercased() ?? "", entry.key]
    }

    /// What an author–year citation shows of a work, before its year's letter.
    private static func citationIdentity(_ entry: BibEntry) -> String {
        let names = citedNames(entry).map(\.family)
        let shown = names.count > 2 ? [names[0], "et al."] : names
        return (shown.isEmpty ? [entry.text("title") ?? entry.key] : shown).joined(separator: "|") + "|" + (entry.year ?? "")
    }

    private static func normalised(_ url: String) -> String {
        var url = url.lowercased()
        for scheme in ["https://", "http://"] where url.hasPrefix(scheme) { url.removeFirst(scheme.count) }
        if url.hasPrefix("www.") { url.removeFirst(4) }
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
