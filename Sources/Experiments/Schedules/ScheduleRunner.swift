import ExperimentLanguage
import Optimizers

/// Computes a ``ScheduleStudy``: each call's learning rates, and its runs on the objective.
public enum ScheduleRunner {
    /// The study's result through `cache`, as ``ExperimentRunner/run(_:cache:willRun:)`` does:
    /// one entry holds the rates and the runs on the objective.
    public static func run(_ study: ScheduleStudy, cache: ResultCache?, willRun: (() -> Void)? = nil) -> ScheduleResult {
        guard let cache else {
            willRun?()
            return run(study)
        }
        let key = cache.key(study)
        if let result = cache.result(for: key, study: study) { return result }
        willRun?()
        let result = run(study)
        cache.store(result, for: key)
        return result
    }

    /// The rates are the schedule's over the call's configured η (for `Lookahead`, its inner
    /// method's), exactly those ``RunLoop`` uses; a call without a schedule keeps η.
    public static func run(_ study: ScheduleStudy) -> ScheduleResult {
        let rates = study.runs.map { learningRates($0, steps: study.steps) }
        let problem = study.problem.map(ExperimentRunner.run)
        return ScheduleResult(study: study, learningRates: rates, problem: problem)
    }

    /// The learning rate of each of the first `steps` steps of `run`.
    public static func learningRates(_ run: RunDescription, steps: Int) -> [Double] {
        // The checker has validated the configuration, so the optimizer exists; the
        // dimension does not matter for the rate.
        guard let base = Optimizer(run.optimizer, dimension: 1)?.baseLearningRate else {
            preconditionFailure("a checked optimizer call has a valid configuration")
        }
        return run.schedule?.learningRates(base: base, count: steps) ?? Array(repeating: base, count: steps)
    }
}
