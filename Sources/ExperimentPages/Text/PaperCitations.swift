import Optimizers

/// How a page cites a method's paper. A course with a `references.bib` binds ``resolver``
/// while a page renders, and the formula tables cite the course's entry for the paper
/// (linked to the chapter's references) instead of the catalog's plain "Kingma & Ba 2015".
public enum PaperCitations {
    /// The course's citations of papers, while a page renders.
    @TaskLocal public static var resolver: Resolver?

    /// The citation markup for a paper, or `nil` to show the catalog's own citation text. (A
    /// task-local optional closure crashed release builds in `swift_task_localValuePush`; a
    /// struct holding the closure does not.)
    public struct Resolver: Sendable {
        public var cite: @Sendable (PaperReference) -> String?

        public init(_ cite: @escaping @Sendable (PaperReference) -> String?) {
            self.cite = cite
        }
    }

    /// The paper's citation as markup: the resolver's, else the catalog's text, escaped.
    static func html(_ reference: PaperReference) -> String {
        resolver?.cite(reference) ?? HTML.escape(reference.citation)
    }
}
