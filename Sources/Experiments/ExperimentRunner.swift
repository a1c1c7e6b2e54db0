import Dispatch
import ExperimentLanguage
import Optimizers

/// Runs an ``Experiment``: one optimizer run per call and start, each independent.
///
/// Runs are spread over the machine's cores and written into their own slots, so the
/// result does not depend on the number of threads or on scheduling.
public enum ExperimentRunner {
    /// The experiment's result through `cache`: a valid entry for this directive and
    /// coursegen version is used instead of running; otherwise `willRun` is called, the
    /// runs run, and the entry is written (a write that fails only costs the next build its speed).
    public static func run(_ experiment: Experiment, cache: ResultCache?, willRun: (() -> Void)? = nil) -> ExperimentResult {
        guard let cache else {
            willRun?()
            return run(experiment)
        }
        let key = cache.key(experiment)
        if let result = cache.result(for: key, experiment: experiment) { return result }
        willRun?()
        let result = run(experiment)
        cache.store(result, for: key)
        return result
    }

    /// Runs every run of the experiment.
    public static func run(_ experiment: Experiment) -> ExperimentResult {
        let starts = experiment.starts
        let runs = experiment.runs
        let jobs = runs.count * starts.count
        // Only the runs a claim is about record their effective learning rates.
        let recording = Set(experiment.expectations.compactMap(\.effectiveLearningRateLabel))
        let slots = UnsafeMutableBufferPointer<Trajectory?>.allocate(capacity: jobs)
        slots.initialize(repeating: nil)
        defer { slots.deallocate() }
        nonisolated(unsafe) let output = slots
        let work: @Sendable (Int) -> Void = { job in
            let run = runs[job / starts.count]
            let start = starts[job % starts.count]
            let settings = RunSettings(
                start: start, steps: experiment.steps, optimizer: run.optimizer, schedule: run.schedule,
                noise: run.noise, batchSize: experiment.batchSize, sampling: experiment.sampling, seed: experiment.seed,
                recordsEffectiveLearningRate: recording.contains(run.label))
            output[job] = RunLoop.run(experiment.objective.function, settings: settings)
        }
        // Short 2-D runs cost microseconds: threads only pay off for long ones.
        if jobs > 1 && experiment.steps * jobs >= 20_000 {
            DispatchQueue.concurrentPerform(iterations: jobs, execute: work)
        } else {
            for job in 0..<jobs { work(job) }
        }
        let trajectories = runs.indices.map { r in
            starts.indices.map { s in slots[r * starts.count + s]! }
        }
        return ExperimentResult(experiment: experiment, trajectories: trajectories)
    }
}
