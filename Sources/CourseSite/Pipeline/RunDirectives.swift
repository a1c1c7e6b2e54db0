import CourseDiagnostics
import ExperimentLanguage
import Experiments

/// What every fence's run gave, by fence.
public struct DirectiveResults: Sendable {
    /// Per page, per fence: its run, `nil` for a fence that did not run.
    var pages: [[DirectiveRun?]]

    /// The run of `fence`, `nil` when it did not run.
    public subscript(_ fence: FenceID) -> DirectiveRun? { pages[fence.page][fence.index] }

    /// The results of a page's fences that ran, in document order: what its prose may quote.
    public func outputs(page: Int) -> [RunOutput] { pages[page].compactMap { $0?.output } }
}

/// The stage that runs every checked fence (``DirectiveRunner``) through the result cache:
/// pages in parallel, a page's fences in document order. Nothing else in a build runs a directive.
public struct RunDirectives: Sendable {
    /// Where results are read and written; `nil` runs everything and stores nothing.
    public var cache: ResultCache?
    /// Receives `[3/12] training "…"` for each training that actually trains; the total is the
    /// trainings collected.
    public var progress: (@Sendable (String) -> Void)?
    /// Keeps each fence's run for the next build in the process, by its text and place.
    var memo: BuildMemo?

    public init(cache: ResultCache?, progress: (@Sendable (String) -> Void)? = nil) {
        self.cache = cache
        self.progress = progress
    }

    public func run(_ collected: CollectedDirectives) -> DirectiveResults {
        let reporter = progress.map { BuildProgress(total: collected.trainingCount, write: $0) }
        let cache = cache, memo = memo
        return DirectiveResults(pages: ConcurrentMap.map(collected.pages) { fences in
            fences.map { fence -> DirectiveRun? in
                guard let directive = fence.directive else { return nil }
                var announce: (@Sendable () -> Void)?
                if case .training(let study) = directive { announce = reporter?.reach(study.title) }
                let run = { DirectiveRunner.run(directive, cache: cache, willTrain: announce) }
                return memo.map { $0.run(fence.block, cached: cache != nil, run: run) } ?? run()
            }
        })
    }
}
