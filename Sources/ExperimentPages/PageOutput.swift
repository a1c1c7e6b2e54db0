import Experiments

/// A run's output that renders to what a student sees. Each builder's page conforms its
/// result type here, beside the page, so the `experiment` directive renders any output
/// without a switch over builders.
public protocol PageOutput: RunOutput {
    /// The page's HTML; `idPrefix` keeps its element ids unique on a page of several fences.
    func html(idPrefix: String) -> String
}
