/// The publication a method comes from, for the formula table's citation.
public struct PaperReference: Hashable, Sendable {
    /// Authors and year as cited in text: "Kingma & Ba 2015".
    public let citation: String
    public let title: String
    public let url: String

    public init(citation: String, title: String, url: String) {
        self.citation = citation
        self.title = title
        self.url = url
    }
}
