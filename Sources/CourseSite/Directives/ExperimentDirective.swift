import CourseDiagnostics
import ExperimentLanguage
import ExperimentPages
import Experiments

/// The `experiment` directive: parse and check the fence, run it, check its
/// claims, and render what a student sees.
///
/// Every builder that computes goes through `cache` when there is one; trainings announce
/// themselves to `progress` when they actually train.
struct ExperimentDirective: DirectiveHandler {
    let name = "experiment"
    var cache: ResultCache?
    var progress: BuildProgress?

    func estimate(_ block: DirectiveBlock) -> DirectiveCost? {
        var ignored: [Diagnostic] = []
        return DirectiveParser.parse(block.body, origin: block.origin, diagnostics: &ignored).map(DirectiveCost.of)
    }

    func render(_ block: DirectiveBlock) -> DirectiveOutput {
        var diagnostics: [Diagnostic] = []
        guard let directive = DirectiveParser.parse(block.body, origin: block.origin, diagnostics: &diagnostics) else {
            return DirectiveOutput(html: "", diagnostics: diagnostics)
        }
        let prefix = "x" + block.idPrefix.filter { $0.isLetter || $0.isNumber }
        switch directive {
        case .experiment(let experiment):
            let result = ExperimentRunner.run(experiment, cache: cache)
            diagnostics += ClaimChecker.check(result)
            let html = ExperimentPage.html(experiment, trajectories: result.trajectories, idPrefix: prefix)
            return DirectiveOutput(html: html, diagnostics: diagnostics, result: .experiment(result))
        case .formulas(let table):
            return DirectiveOutput(html: ExperimentPage.html(table, idPrefix: prefix), diagnostics: diagnostics)
        case .schedule(let study):
            let result = ScheduleRunner.run(study, cache: cache)
            diagnostics += ScheduleClaimChecker.check(result)
            return DirectiveOutput(html: SchedulePage.html(result, idPrefix: prefix), diagnostics: diagnostics)
        case .average(let study):
            let result = AverageRunner.run(study, cache: cache)
            diagnostics += AverageClaimChecker.check(result)
            return DirectiveOutput(html: AveragePage.html(result, idPrefix: prefix), diagnostics: diagnostics)
        case .training(let study):
            let announce = progress?.reach(study.title)
            let (result, problems) = TrainingRunner.run(study, cache: cache, willTrain: announce)
            diagnostics += problems
            guard let result else { return DirectiveOutput(html: "", diagnostics: diagnostics) }
            diagnostics += TrainingClaimChecker.check(result)
            return DirectiveOutput(html: TrainingPage.html(result, idPrefix: prefix), diagnostics: diagnostics, result: .training(result))
        case .activations(let study):
            let (result, problems) = ActivationsRunner.run(study, cache: cache)
            diagnostics += problems
            guard let result else { return DirectiveOutput(html: "", diagnostics: diagnostics) }
            diagnostics += ActivationsClaimChecker.check(result)
            return DirectiveOutput(html: ActivationsPage.html(result, idPrefix: prefix), diagnostics: diagnostics)
        }
    }
}
