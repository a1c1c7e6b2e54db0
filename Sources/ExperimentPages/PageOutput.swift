import Experiments

/// A run's output that renders to what a student sees. Each builder's page conforms its
/// result type here, beside the page, so the `experiment` directive renders any output
/// without a switch over builders.
public protocol PageOutput: RunOutput {
    /// The page's HTML; `idPrefix` keeps its element ids unique on a page of several fences.
    /// `figure` numbers the output's first figure (its id, and its caption's label).
    func html(idPrefix: String, figure: FigureNumber?) -> String
}

extension PageOutput {
    /// The page's HTML without a figure number.
    public func html(idPrefix: String) -> String { html(idPrefix: idPrefix, figure: nil) }
}

/// A directive's number as a figure of its chapter: its first `<figure>` takes the id the
/// author chose (`fig:momentum-bowl`), and its caption starts with the label ("Figure 5.2").
public struct FigureNumber: Hashable, Sendable {
    public var id: String
    /// "Figure 5.2", in the course's language.
    public var label: String

    public init(id: String, label: String) {
        self.id = id
        self.label = label
    }
}

extension FigureNumber? {
    /// The first figure's start tag, with the id when there is a number.
    var figureOpen: String {
        guard let self else { return "<figure class=\"cg-figure\">" }
        return "<figure class=\"cg-figure\" id=\"\(HTML.escape(self.id))\">"
    }

    /// The caption's start tag and label: "Figure 5.2: " before the caption's words.
    var captionOpen: String {
        guard let self else { return "<figcaption>" }
        return "<figcaption><span class=\"figure-number\">\(HTML.escape(self.label))</span>\(HTML.escape(Words.text("punctuation.colon")))"
    }
}
