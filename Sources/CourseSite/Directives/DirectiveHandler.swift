import CourseDiagnostics
import ExperimentLanguage
import ExperimentPages
import Experiments

/// What a build knows of one kind of directive fence: how to check it and how to show what
/// it gave. Running is the same for every fence (``DirectiveRunner``), so a handler never runs
/// anything: ``CollectDirectives`` calls ``check(_:diagnostics:)`` once per fence, and
/// ``RenderPages`` calls ``render(_:run:)`` with the fence's results. Both may be called
/// concurrently for different fences and must be deterministic.
public protocol DirectiveHandler: Sendable {
    /// The info-string word this handler takes (`experiment`).
    var name: String { get }
    /// The fence parsed and checked, appending what is wrong to `diagnostics`; `nil` when it
    /// does not check, or when the fence has nothing to run.
    func check(_ block: DirectiveBlock, diagnostics: inout [Diagnostic]) -> Directive?
    /// The fence's HTML fragment from its results (`nil` when nothing ran); `figure` numbers
    /// its figure ("Figure 5.2" and the id the author chose).
    func render(_ block: DirectiveBlock, run: DirectiveRun?, figure: FigureNumber?) -> String
}
