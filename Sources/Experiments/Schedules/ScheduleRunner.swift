import CourseDiagnostics
import ExperimentLanguage
import Optimizers
import Scheduling

/// A `Schedule` builder's behaviour: computes each call's learning rates and its runs on the
/// objective, and checks its claims (``check(_:)``).
public enum ScheduleRunner {
    /// The study's result through `cache`, as ``ExperimentRunner/run(_:cache:pool:willRun:)`` does:
    /// one entry holds the rates and the runs on the objective.
    public static func run(
        _ study: ScheduleStudy, cache: ResultCache?, pool: WorkerPool = WorkerPool(workers: WorkerPool.processorCount),
        willRun: (() -> Void)? = nil
    ) -> ScheduleResult {
        ResultCache.through(cache, ScheduleResultCoding.self, of: study, key: { $0.key(study) }, willRun: willRun) {
            run(study, pool: pool)
        }
    }

    /// The rates are the schedule's over the call's configured η (for `Lookahead`, its inner
    /// method's), exactly those ``RunLoop`` uses; a call without a schedule keeps η.
    /// The runs on the schedule's objective, when it has one, run as ``ExperimentRunner`` runs them, on `pool`.
    public static func run(_ study: ScheduleStudy, pool: WorkerPool = WorkerPool(workers: WorkerPool.processorCount)) -> ScheduleResult {
        let problem = study.problem.map { ExperimentRunner.run($0, pool: pool) }
        let rates = study.runs.enumerated().map { index, run in
            // A plateau's rates follow the run's loss: those of the run from the first start, as far as it went.
            if run.schedule?.dependsOnLoss == true, let problem, problem.trajectories.indices.contains(index),
               let trajectory = problem.trajectories[index].first {
                return trajectory.learningRates
            }
            return learningRates(run, steps: study.steps)
        }
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

// MARK: - Claims

/// Decides whether each claim of a `Schedule` builder holds: its learning-rate claims, and
/// the experiment's claims about the runs on its objective.
extension ScheduleRunner {
    public static func check(_ result: ScheduleResult) -> [Diagnostic] {
        var diagnostics = result.study.expectations.compactMap { check($0, in: result) }
        if let problem = result.problem { diagnostics += ExperimentRunner.check(problem) }
        // Both kinds of claim mix in the fence; report them in the order they are written.
        return diagnostics.sorted { a, b in
            (a.location?.line ?? 0, a.location?.column ?? 0) < (b.location?.line ?? 0, b.location?.column ?? 0)
        }
    }

    static func check(_ claim: ScheduleExpectation, in result: ScheduleResult) -> Diagnostic? {
        guard let rates = result.rates(claim.label), rates.indices.contains(claim.step) else {
            return .error("claim is false: no run is labelled '\(claim.label)'", at: claim.location)
        }
        let rate = rates[claim.step]
        if claim.holds(for: rate) { return nil }
        var message = "claim is false: the learning rate of '\(claim.label)' at step \(claim.step) is \(Format.number(rate)), "
        message += "not \(Format.number(claim.learningRate))"
        if let first = rates.firstIndex(where: claim.holds) { message += "; it is \(Format.number(claim.learningRate)) first at step \(first)" }
        return .error(message, at: claim.location, length: claim.call.unicodeScalars.count,
                      hint: "steps count from 0; the rate is compared within a relative \(Format.number(ScheduleExpectation.relativeTolerance))")
    }
}

extension ScheduleStudy: RunnableDirective {
    public func run(cache: ResultCache?, pool: WorkerPool, shared: SharedRuns?, willRun: (@Sendable () -> Void)?) -> DirectiveRun {
        let result = ScheduleRunner.run(self, cache: cache, pool: pool, willRun: willRun)
        // Includes the claims about the runs on the schedule's objective, when it has one.
        return DirectiveRun(output: result, diagnostics: ScheduleRunner.check(result))
    }
}
