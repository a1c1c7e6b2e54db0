import CourseDiagnostics
import ExperimentLanguage

/// What running one checked directive gave: its numbers, when it has any, and every
/// diagnostic of the run (a training that cannot read its data, a false claim).
public struct DirectiveRun: Sendable {
    /// The results; `nil` when the run failed (``diagnostics`` says why).
    public var output: RunOutput?
    public var diagnostics: [Diagnostic]

    public init(output: RunOutput?, diagnostics: [Diagnostic] = []) {
        self.output = output
        self.diagnostics = diagnostics
    }
}

/// Runs a checked directive and checks its claims: the one place that knows how each
/// builder runs, for `build`, `check` and `run` alike.
public enum DirectiveRunner {
    /// The results and diagnostics of `directive`. Every builder that computes reads and
    /// writes `cache` when one is given; a training calls `willTrain` just before it
    /// actually trains (not when its results come from the cache).
    public static func run(
        _ directive: Directive, cache: ResultCache? = nil, willTrain: (@Sendable () -> Void)? = nil
    ) -> DirectiveRun {
        switch directive {
        case .experiment(let experiment):
            let result = ExperimentRunner.run(experiment, cache: cache)
            return DirectiveRun(output: result, diagnostics: ExperimentRunner.check(result))
        case .formulas(let table):
            return DirectiveRun(output: table)
        case .schedule(let study):
            let result = ScheduleRunner.run(study, cache: cache)
            // Includes the claims about the runs on the schedule's objective, when it has one.
            return DirectiveRun(output: result, diagnostics: ScheduleRunner.check(result))
        case .average(let study):
            let result = AverageRunner.run(study, cache: cache)
            return DirectiveRun(output: result, diagnostics: AverageRunner.check(result))
        case .training(let study):
            let (result, problems) = TrainingRunner.run(study, cache: cache, willTrain: willTrain)
            guard let result else { return DirectiveRun(output: nil, diagnostics: problems) }
            return DirectiveRun(output: result, diagnostics: problems + TrainingRunner.check(result))
        case .activations(let study):
            let (result, problems) = ActivationsRunner.run(study, cache: cache)
            guard let result else { return DirectiveRun(output: nil, diagnostics: problems) }
            return DirectiveRun(output: result, diagnostics: problems + ActivationsRunner.check(result))
        }
    }
}
