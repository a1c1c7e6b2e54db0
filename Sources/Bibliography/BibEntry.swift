import CourseDiagnostics

/// One entry of `references.bib`: its type, key and fields, each field as written (LaTeX)
/// and as text, with where it was written.
public struct BibEntry: Hashable, Sendable {
    /// The entry types coursegen formats; other BibTeX types are read as `misc`.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        case article, book, inproceedings, misc, online
    }

    public var kind: Kind
    public var key: String
    /// Field names in lower case → their LaTeX value, `#` pieces and `@string`s joined.
    public var fields: [String: String]
    /// Where the entry's `@` is.
    public var location: SourceLocation
    /// Where its key is.
    public var keyLocation: SourceLocation

    public init(kind: Kind, key: String, fields: [String: String], location: SourceLocation, keyLocation: SourceLocation) {
        self.kind = kind
        self.key = key
        self.fields = fields
        self.location = location
        self.keyLocation = keyLocation
    }

    /// A field's text as a reader sees it (``LaTeXText/plain(_:)``), `nil` when absent or empty.
    public func text(_ field: String) -> String? {
        guard let raw = fields[field] else { return nil }
        let text = LaTeXText.plain(raw)
        return text.isEmpty ? nil : text
    }

    public var authors: [PersonName] { fields["author"].map(PersonName.list) ?? [] }
    public var editors: [PersonName] { fields["editor"].map(PersonName.list) ?? [] }

    /// The year: the `year` field, else the year of a biblatex `date` (`2019-05-06`).
    public var year: String? {
        if let year = text("year") { return year }
        return text("date").map { String($0.prefix(while: { $0 != "-" && $0 != "/" })) }
    }

    /// The DOI, lower-cased, without a resolver's address before it.
    public var doi: String? {
        guard var doi = text("doi") else { return nil }
        for prefix in ["https://doi.org/", "http://doi.org/", "https://dx.doi.org/", "doi:"] where doi.lowercased().hasPrefix(prefix) {
            doi = String(doi.dropFirst(prefix.count))
        }
        return doi.lowercased()
    }

    /// The arXiv identifier: `eprint` with `archiveprefix = {arXiv}` (or `eprinttype`), or one
    /// in an `arxiv.org/abs/` URL.
    public var arXiv: String? {
        if let eprint = text("eprint"), (text("archiveprefix") ?? text("eprinttype") ?? "arxiv").lowercased() == "arxiv" {
            return eprint
        }
        return url.flatMap(Self.arXiv(inURL:))
    }

    public var url: String? { text("url") }

    /// The identifier after `arxiv.org/abs/` or `arxiv.org/pdf/`, without a version or `.pdf`.
    public static func arXiv(inURL url: String) -> String? {
        for marker in ["arxiv.org/abs/", "arxiv.org/pdf/"] {
            guard let range = url.range(of: marker) else { continue }
            var id = String(url[range.upperBound...])
            if id.hasSuffix(".pdf") { id.removeLast(4) }
            if let v = id.range(of: #"v[0-9]+$"#, options: .regularExpression) { id.removeSubrange(v) }
            return id
        }
        return nil
    }
}
