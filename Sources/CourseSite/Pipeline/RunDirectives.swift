import CourseDiagnostics
import ExperimentLanguage
import Experiments
import Scheduling

/// What every fence's run gave, by fence.
public struct DirectiveResults: Sendable {
    /// Per page, per fence: its run, `nil` for a fence that did not run.
    var pages: [[DirectiveRun?]]

    /// The run of `fence`, `nil` when it did not run.
    public subscript(_ fence: FenceID) -> DirectiveRun? { pages[fence.page][fence.index] }

    /// The results of a page's fences that ran, in document order: what its prose may quote.
    public func outputs(page: Int) -> [RunOutput] { pages[page].compactMap { $0?.output } }
}

/// The stage that runs every checked fence (``DirectiveRunner``) through the result cache, on
/// `jobs` workers: every fence of every page is a task, taken longest first by its
/// ``DirectiveCost`` (``order(_:)``), and a training's or an experiment's runs are subtasks
/// that idle workers take before the next fence. Every run is seeded by its directive and its
/// result is placed by its fence, so any number of workers gives the serial build's results.
/// Nothing else in a build runs a directive.
public struct RunDirectives: Sendable {
    /// Where results are read and written; `nil` runs everything and stores nothing.
    public var cache: ResultCache?
    /// How many fences and runs compute at once; 1 is the serial build.
    public var jobs: Int
    /// Receives `[3/12] training "…"` for each training that actually trains, numbered in
    /// document order among the trainings collected, in the order they start (longest first).
    public var progress: (@Sendable (String) -> Void)?
    /// Receives the state of the whole stage as fences start and finish, and `nil` at its end
    /// (``ProgressStatus``, drawn as a bar on a terminal).
    public var status: (@Sendable (ProgressStatus?) -> Void)?
    /// Keeps each fence's run for the next build in the process, by its text and place.
    var memo: BuildMemo?

    public init(cache: ResultCache?, jobs: Int = WorkerPool.processorCount, progress: (@Sendable (String) -> Void)? = nil,
                status: (@Sendable (ProgressStatus?) -> Void)? = nil) {
        self.cache = cache
        self.jobs = jobs
        self.progress = progress
        self.status = status
    }

    public func run(_ collected: CollectedDirectives) -> DirectiveResults {
        let fences = collected.fences.filter { $0.directive != nil }
        let directives = fences.map { $0.directive! }
        let costs = directives.map { DirectiveCost.of($0).operations }
        let order = Self.order(costs)
        let reporter = BuildProgress(
            fences: directives.indices.map { k in
                guard case .training(let study) = directives[k] else { return BuildProgress.Fence(cost: costs[k], training: nil) }
                return BuildProgress.Fence(cost: costs[k], training: study.title)
            },
            order: order, line: progress, status: status)
        let cache = cache, memo = memo
        let pool = WorkerPool(workers: jobs)
        // A run two fences hold (a solution repeating its chapter's training) computes once.
        let shared = SharedRuns()
        let runs = pool.map(fences.count, order: order) { k in
            reporter.started(k)
            let compute = { DirectiveRunner.run(directives[k], cache: cache, pool: pool, shared: shared, willRun: { reporter.computes(k) }) }
            let run = memo.map { $0.run(fences[k].block, cached: cache != nil, run: compute) } ?? compute()
            reporter.finished(k)
            return run
        }
        reporter.end()
        var pages = collected.pages.map { page in [DirectiveRun?](repeating: nil, count: page.count) }
        for (k, fence) in fences.enumerated() { pages[fence.id.page][fence.id.index] = runs[k] }
        return DirectiveResults(pages: pages)
    }

    /// The order fences are taken in: the costliest first, so the longest training does not
    /// start last and hold up the build alone; equal costs in document order.
    static func order(_ costs: [Double]) -> [Int] {
        costs.indices.sorted { a, b in costs[a] != costs[b] ? costs[a] > costs[b] : a < b }
    }
}
