/// The publication a method comes from, for the formula table's citation.
///
/// Only the method specs of this module make one, so the memberwise initializer serves.
public struct PaperReference: Hashable, Sendable {
    /// Authors and year as cited in text: "Kingma & Ba 2015".
    public let citation: String
    public let title: String
    public let url: String
}
