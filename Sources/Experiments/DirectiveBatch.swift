import CourseDiagnostics
import ExperimentLanguage

/// The text of one directive fence and where it sits in its file.
public struct DirectiveSource: Sendable {
    public var text: String
    public var origin: SourceOrigin

    public init(text: String, origin: SourceOrigin) {
        self.text = text
        self.origin = origin
    }
}

/// What `coursegen run` does with a file's fences: parse and check each, run the
/// experiments, check their claims, and collect every diagnostic.
public enum DirectiveBatch {
    /// The outputs of the fences that checked, in order, and every diagnostic. When any
    /// diagnostic is an error, the caller prints them and exits 1 without the JSON.
    /// Every builder that computes reads and writes `cache` when one is given.
    public static func run(
        _ sources: [DirectiveSource], cache: ResultCache? = nil, budget: CostBudget = .standard
    ) -> (outputs: [RunOutput], diagnostics: [Diagnostic]) {
        var outputs: [RunOutput] = []
        var diagnostics: [Diagnostic] = []
        for source in sources {
            guard let directive = DirectiveParser.parse(source.text, origin: source.origin, diagnostics: &diagnostics) else {
                continue
            }
            let at = SourceLocation(file: source.origin.file, line: source.origin.line, column: source.origin.columnOffset + 1)
            if let problem = CostMessages.overFenceBudget(DirectiveCost.of(directive), budget, at: at) {
                diagnostics.append(problem)
                continue
            }
            switch directive {
            case .experiment(let experiment):
                let result = ExperimentRunner.run(experiment, cache: cache)
                diagnostics += ClaimChecker.check(result)
                outputs.append(.experiment(result))
            case .formulas(let table):
                outputs.append(.formulas(table))
            case .schedule(let study):
                let result = ScheduleRunner.run(study, cache: cache)
                // Includes the claims about the runs on the schedule's objective, when it has one.
                diagnostics += ScheduleClaimChecker.check(result)
                outputs.append(.schedule(result))
            case .average(let study):
                let result = AverageRunner.run(study, cache: cache)
                diagnostics += AverageClaimChecker.check(result)
                outputs.append(.average(result))
            case .training(let study):
                let (result, problems) = TrainingRunner.run(study, cache: cache)
                diagnostics += problems
                if let result {
                    diagnostics += TrainingClaimChecker.check(result)
                    outputs.append(.training(result))
                }
            case .activations(let study):
                let (result, problems) = ActivationsRunner.run(study, cache: cache)
                diagnostics += problems
                if let result {
                    diagnostics += ActivationsClaimChecker.check(result)
                    outputs.append(.activations(result))
                }
            }
        }
        return (outputs, diagnostics)
    }
}
