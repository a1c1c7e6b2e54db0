import CourseDiagnostics
import ExperimentLanguage
import ExperimentPages
import Experiments

/// The `experiment` directive: parse and check the fence, run it, check its
/// claims, and render what a student sees.
struct ExperimentDirective: DirectiveHandler {
    let name = "experiment"

    func render(_ block: DirectiveBlock) -> DirectiveOutput {
        var diagnostics: [Diagnostic] = []
        guard let directive = DirectiveParser.parse(block.body, origin: block.origin, diagnostics: &diagnostics) else {
            return DirectiveOutput(html: "", diagnostics: diagnostics)
        }
        let prefix = "x" + block.idPrefix.filter { $0.isLetter || $0.isNumber }
        switch directive {
        case .experiment(let experiment):
            let result = ExperimentRunner.run(experiment)
            diagnostics += ClaimChecker.check(result)
            let html = ExperimentPage.html(experiment, trajectories: result.trajectories, idPrefix: prefix)
            return DirectiveOutput(html: html, diagnostics: diagnostics)
        case .formulas(let table):
            return DirectiveOutput(html: ExperimentPage.html(table, idPrefix: prefix), diagnostics: diagnostics)
        case .schedule(let study):
            let result = ScheduleRunner.run(study)
            diagnostics += ScheduleClaimChecker.check(result)
            return DirectiveOutput(html: SchedulePage.html(result, idPrefix: prefix), diagnostics: diagnostics)
        case .average(let study):
            let result = AverageRunner.run(study)
            diagnostics += AverageClaimChecker.check(result)
            return DirectiveOutput(html: AveragePage.html(result, idPrefix: prefix), diagnostics: diagnostics)
        }
    }
}
