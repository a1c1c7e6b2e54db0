import CourseDiagnostics
import CourseSite
import ExperimentLanguage
import FileAccess
import Foundation
import Synchronization

/// The site `coursegen serve` shows, independent of HTTP: it builds the course, keeps the
/// files of the last good build in memory, and on every rebuild publishes what changed
/// (``LiveEvent/reload(_:)``) or why the build failed (``LiveEvent/failed(_:)``). A failed
/// build keeps the last good files served.
public final class LiveSite: Sendable {
    /// What every build of the session is built with, chosen once on the command line.
    public struct Configuration: Sendable {
        public var chaptersFolder: String
        public var allowHTML = false
        public var includeDrafts = false
        /// `false` (`--no-cache`) runs every fence of the first build again; fresh results are still stored.
        public var useCache = true
        public var budget = CostBudget.standard
        /// Receives a line for each training that actually trains.
        public var progress: (@Sendable (String) -> Void)?

        public init(chaptersFolder: String) { self.chaptersFolder = chaptersFolder }
    }

    /// What one build came to.
    public struct Outcome: Sendable {
        /// What was published to the open pages.
        public var event: LiveEvent
        /// The build itself: its files (empty when it failed) and every diagnostic.
        public var result: SiteBuilder.Result
        /// The build's wall time, in seconds.
        public var seconds: Double
    }

    public let configuration: Configuration
    /// What each build keeps for the next, so a rebuild re-does only what the edit changed.
    private let memo = BuildMemo()

    private struct State {
        /// The last good build's files, by site-relative path.
        var files: [String: [UInt8]] = [:]
        var hasGoodBuild = false
        /// The diagnostics of the latest build, as the terminal prints them, while it failed.
        var failure: String?
        var generation = 0
        var subscribers: [Int: AsyncStream<LiveEvent>.Continuation] = [:]
        var nextSubscriber = 0
        var closed = false
        var builds = 0
    }
    private let state = Mutex(State())

    public init(_ configuration: Configuration) {
        self.configuration = configuration
    }

    /// The options of every build of the session, constructed here and nowhere else.
    func buildOptions(firstBuild: Bool) -> BuildOptions {
        // `--no-cache` forces the first build; later builds after an edit read what it stored.
        var options = StandardBuild.options(
            chaptersFolder: configuration.chaptersFolder, useCache: configuration.useCache || !firstBuild,
            storesResults: true, budget: configuration.budget, progress: configuration.progress)
        options.allowHTML = configuration.allowHTML
        options.includeDrafts = configuration.includeDrafts
        options.memo = memo
        return options
    }

    /// The one function that builds the course.
    func buildSite(firstBuild: Bool) -> SiteBuilder.Result {
        SiteBuilder(chaptersFolder: configuration.chaptersFolder, options: buildOptions(firstBuild: firstBuild)).build()
    }

    /// Builds the course, keeps the files when the build is good, and publishes the event to every subscriber.
    @discardableResult
    public func rebuild() -> Outcome {
        let firstBuild = state.withLock { state -> Bool in
            state.builds += 1
            return state.builds == 1
        }
        let start = Date()
        let result = buildSite(firstBuild: firstBuild)
        let seconds = Date().timeIntervalSince(start)
        let event: LiveEvent
        if result.diagnostics.containsErrors {
            let report = Self.report(result.diagnostics)
            event = state.withLock { state in
                state.generation += 1
                state.failure = report
                return .failed(LiveEvent.Failure(generation: state.generation, report: report))
            }
        } else {
            var fresh: [String: [UInt8]] = [:]
            for file in result.files { fresh[file.path] = file.bytes }
            event = state.withLock { state in
                let changed = fresh.filter { state.files[$0.key] != $0.value }.keys.sorted()
                let removed = state.files.keys.filter { fresh[$0] == nil }.sorted()
                state.files = fresh
                state.hasGoodBuild = true
                state.failure = nil
                state.generation += 1
                return .reload(LiveEvent.Change(generation: state.generation, changed: changed, removed: removed))
            }
        }
        publish(event)
        return Outcome(event: event, result: result, seconds: seconds)
    }

    private func publish(_ event: LiveEvent) {
        let subscribers = state.withLock { Array($0.subscribers.values) }
        for subscriber in subscribers { subscriber.yield(event) }
    }

    /// The events of every later build; while the course is broken, its failure comes first, so
    /// a page opened then shows the overlay too. Ends at ``close()``.
    public func events() -> AsyncStream<LiveEvent> {
        let (stream, continuation) = AsyncStream.makeStream(of: LiveEvent.self, bufferingPolicy: .bufferingNewest(32))
        let id: Int? = state.withLock { state in
            guard !state.closed else { return nil }
            let id = state.nextSubscriber
            state.nextSubscriber += 1
            state.subscribers[id] = continuation
            if let failure = state.failure {
                continuation.yield(.failed(LiveEvent.Failure(generation: state.generation, report: failure)))
            }
            return id
        }
        guard let id else {
            continuation.finish()
            return stream
        }
        continuation.onTermination = { [weak self] _ in
            self?.state.withLock { _ = $0.subscribers.removeValue(forKey: id) }
        }
        return stream
    }

    /// Ends every event stream, for shutdown; later subscribers get a stream that ends at once.
    public func close() {
        let subscribers = state.withLock { state in
            state.closed = true
            defer { state.subscribers = [:] }
            return Array(state.subscribers.values)
        }
        for subscriber in subscribers { subscriber.finish() }
    }

    /// The file at a site-relative path in the last good build.
    public func file(_ path: String) -> [UInt8]? {
        state.withLock { $0.files[path] }
    }

    /// What the served pages show: whether any build was good, and the latest failure.
    public var status: (hasGoodBuild: Bool, failure: String?) {
        state.withLock { ($0.hasGoodBuild, $0.failure) }
    }

    /// How many subscribers are listening now.
    public var subscriberCount: Int { state.withLock { $0.subscribers.count } }

    /// Diagnostics as `coursegen build` prints them without colour: `file:line:col: error: …`,
    /// the source line and its caret.
    public static func report(_ diagnostics: [Diagnostic], color: Bool = false) -> String {
        // Source lines are quoted only from regular files no larger than a chapter may be.
        let printer = DiagnosticPrinter(color: color, sources: { path in
            (try? BoundedFile.read(path, limit: SiteLimits.chapterBytes)).flatMap { String(validating: $0, as: UTF8.self) }
        })
        return printer.render(diagnostics)
    }
}
