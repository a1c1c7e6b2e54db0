import Optimizers

/// How a page cites a method's paper. A course with a `references.bib` binds ``resolver``
/// while a page renders, and the formula tables cite the course's entry for the paper
/// (linked to the chapter's references) instead of the catalog's plain "Kingma & Ba 2015".
public enum PaperCitations {
    /// The citation markup for a paper, or `nil` to show the catalog's own citation text.
    @TaskLocal public static var resolver: (@Sendable (PaperReference) -> String?)?

    /// The paper's citation as markup: the resolver's, else the catalog's text, escaped.
    static func html(_ reference: PaperReference) -> String {
        resolver?(reference) ?? HTML.escape(reference.citation)
    }
}
