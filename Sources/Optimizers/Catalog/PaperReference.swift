/// The publication a method comes from, for the formula table's citation.
///
/// Only the method specs of this module make one, so the memberwise initializer serves.
/// A course's `references.bib` entry for the same paper is found by ``key``, else by the DOI
/// or arXiv identifier in ``url``, else by the URL itself, so the course cites it without
/// copying the catalog's data.
public struct PaperReference: Hashable, Sendable {
    /// Authors and year as cited in text: "Kingma & Ba 2015".
    public let citation: String
    public let title: String
    public let url: String
    /// The BibTeX key a course's `references.bib` usually gives the paper, when its DOI,
    /// arXiv identifier or URL might not be in the entry.
    public var key: String? = nil

    /// The DOI when ``url`` resolves one: `10.1007/BF01589116`.
    public var doi: String? { url.hasPrefix(Self.doiResolver) ? String(url.dropFirst(Self.doiResolver.count)) : nil }

    /// The arXiv identifier when ``url`` is an arXiv abstract: `1412.6980`.
    public var arXiv: String? { url.hasPrefix(Self.arXivAbstracts) ? String(url.dropFirst(Self.arXivAbstracts.count)) : nil }

    private static let doiResolver = "https://doi.org/"
    private static let arXivAbstracts = "https://arxiv.org/abs/"
}

extension PaperReference {
    /// A paper on arXiv, linked by its identifier: `arXiv: "1412.6980"`.
    init(citation: String, title: String, arXiv identifier: String) {
        self.init(citation: citation, title: title, url: Self.arXivAbstracts + identifier)
    }

    /// A publication linked by its DOI: `doi: "10.1007/BF01589116"`.
    init(citation: String, title: String, doi: String) {
        self.init(citation: citation, title: title, url: Self.doiResolver + doi)
    }
}
