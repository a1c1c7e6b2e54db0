/// The publication a method comes from, for the formula table's citation.
///
/// Only the method specs of this module make one, so the memberwise initializer serves.
public struct PaperReference: Hashable, Sendable {
    /// Authors and year as cited in text: "Kingma & Ba 2015".
    public let citation: String
    public let title: String
    public let url: String
}

extension PaperReference {
    /// A paper on arXiv, linked by its identifier: `arXiv: "1412.6980"`.
    init(citation: String, title: String, arXiv identifier: String) {
        self.init(citation: citation, title: title, url: "https://arxiv.org/abs/\(identifier)")
    }

    /// A publication linked by its DOI: `doi: "10.1007/BF01589116"`.
    init(citation: String, title: String, doi: String) {
        self.init(citation: citation, title: title, url: "https://doi.org/\(doi)")
    }
}
