import CourseDiagnostics
import ExperimentLanguage
import Scheduling

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

/// A checked builder that runs: it computes its output (through `cache` when given) and checks
/// its claims. Each builder conforms its model beside its runner, and states its meaning in
/// `Cache/Meanings/`.
public protocol RunnableDirective: CheckedDirective {
    /// Everything its numbers depend on and nothing else (see ``CacheMeaning``): its result
    /// cache entry's key, so that an edit to a label, a colour, a title, a comment or a claim
    /// finds the same entry. A required member, so that a new builder cannot forget it.
    var cacheMeaning: CacheMeaning { get }

    /// Its output and every diagnostic of the run; independent parts of the run (a training's
    /// or an experiment's runs) are subtasks of `pool`, and a part another fence of the build
    /// computes too is computed once, through `shared`. `willRun` is called just before it
    /// actually computes (not when its results come from the cache).
    func run(cache: ResultCache?, pool: WorkerPool, shared: SharedRuns?, willRun: (@Sendable () -> Void)?) -> DirectiveRun
}

/// Runs a checked directive: for `build`, `check` and `run` alike.
public enum DirectiveRunner {
    /// The results and diagnostics of `directive`. Every builder that computes reads and
    /// writes `cache` when one is given, runs its independent parts as subtasks of `pool` (all
    /// cores by default), and calls `willRun` just before it actually computes (not when its
    /// results come from the cache). Fences of one build given the same `shared` compute each
    /// of their common runs once.
    public static func run(
        _ directive: Directive, cache: ResultCache? = nil, pool: WorkerPool = WorkerPool(workers: WorkerPool.processorCount),
        shared: SharedRuns? = nil, willRun: (@Sendable () -> Void)? = nil
    ) -> DirectiveRun {
        guard let runnable = directive.checked as? any RunnableDirective else {
            preconditionFailure("\(type(of: directive.checked)) does not run: conform it to RunnableDirective beside its runner")
        }
        return runnable.run(cache: cache, pool: pool, shared: shared, willRun: willRun)
    }
}
