import CourseDiagnostics
import ExperimentLanguage
import ExperimentPages
import Experiments

/// The `experiment` directive: a fence checks to a ``Directive``, and what its run gave
/// renders to what a student sees.
struct ExperimentDirective: DirectiveHandler {
    let name = "experiment"

    func check(_ block: DirectiveBlock, diagnostics: inout [Diagnostic]) -> Directive? {
        DirectiveParser.parse(block.body, origin: block.origin, diagnostics: &diagnostics)
    }

    /// Every builder's result renders itself (``PageOutput``); an output without a page renders nothing.
    func render(_ block: DirectiveBlock, run: DirectiveRun?, figure: FigureNumber?) -> String {
        guard let output = run?.output as? any PageOutput else { return "" }
        return output.html(idPrefix: Self.fragmentPrefix(block.idPrefix), figure: figure)
    }

    /// The prefix of every id in the fragment of the fence whose ids start with `idPrefix`.
    static func fragmentPrefix(_ idPrefix: String) -> String {
        "x" + idPrefix.filter { $0.isLetter || $0.isNumber }
    }
}
