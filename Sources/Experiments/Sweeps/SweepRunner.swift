import CourseDiagnostics
import ExperimentLanguage
import Scheduling

/// Runs every variant of a swept experiment, each through the result cache as the
/// experiment that writes its values would run: a variant and that experiment share one entry.
public enum SweepRunner {
    public static func run(
        _ experiment: Experiment, cache: ResultCache?, pool: WorkerPool = WorkerPool(workers: WorkerPool.processorCount),
        willRun: (() -> Void)? = nil
    ) -> SweepResult {
        let variants = experiment.sweep!.variants.map { variant in
            ExperimentRunner.run(variant, cache: cache, pool: pool, willRun: willRun)
        }
        return SweepResult(experiment: experiment, variants: variants)
    }
}
