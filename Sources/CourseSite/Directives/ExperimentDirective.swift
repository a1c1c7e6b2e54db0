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

    func render(_ block: DirectiveBlock, run: DirectiveRun?) -> String {
        guard let output = run?.output else { return "" }
        let prefix = "x" + block.idPrefix.filter { $0.isLetter || $0.isNumber }
        switch output {
        case .experiment(let result):
            return ExperimentPage.html(result.experiment, trajectories: result.trajectories, idPrefix: prefix)
        case .formulas(let table): return ExperimentPage.html(table, idPrefix: prefix)
        case .schedule(let result): return SchedulePage.html(result, idPrefix: prefix)
        case .average(let result): return AveragePage.html(result, idPrefix: prefix)
        case .training(let result): return TrainingPage.html(result, idPrefix: prefix)
        case .activations(let result): return ActivationsPage.html(result, idPrefix: prefix)
        }
    }
}
