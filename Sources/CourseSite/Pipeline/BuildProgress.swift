import Foundation

/// Follows ``RunDirectives`` for a person watching: a line for each training that actually
/// trains (`[3/12] training "Four optimizers on handwritten digits"`) and the state of the whole
/// stage (``ProgressStatus``) as fences start and finish.
///
/// A training is numbered by its place among the trainings collected, in document order, so a
/// number names the same fence in every build. Lines come out in the order the fences were
/// taken (longest first), whatever order the workers reach them in: each fence's line waits
/// until every fence taken before it has started computing or turned out cached, which takes
/// a cache lookup. One lock guards the counts and both outputs, so lines never interleave.
final class BuildProgress: @unchecked Sendable {
    /// What is known of a fence before it runs.
    struct Fence {
        /// Its estimated operations (``DirectiveCost``).
        var cost: Double
        /// The title of a training, announced when it trains; `nil` for other builders.
        var training: String?
    }

    private let fences: [Fence]
    /// Fence by place in the order taken.
    private let order: [Int]
    /// Place in the order taken, by fence.
    private let place: [Int]
    /// The document-order number of each training among the trainings, by fence.
    private let trainingNumber: [Int?]
    private let trainingCount: Int
    private let line: (@Sendable (String) -> Void)?
    private let status: (@Sendable (ProgressStatus?) -> Void)?
    private let clock: @Sendable () -> Double
    private let lock = NSLock()

    /// Per place: `nil` while undecided, else the line to print (empty for none).
    private var decided: [String?]
    /// The first place whose line is not printed yet.
    private var nextPlace = 0
    private var computing: [Bool]
    private var finishedCount = 0
    /// Operations of the fences that computed and finished, and of those that came from the cache.
    private var computedCost = 0.0
    private var cachedCost = 0.0
    private var startTime: Double?

    init(fences: [Fence], order: [Int], line: (@Sendable (String) -> Void)?, status: (@Sendable (ProgressStatus?) -> Void)?,
         clock: @escaping @Sendable () -> Double = { ProcessInfo.processInfo.systemUptime }) {
        self.fences = fences
        self.order = order
        var place = [Int](repeating: 0, count: fences.count)
        for (k, fence) in order.enumerated() { place[fence] = k }
        self.place = place
        var count = 0
        trainingNumber = fences.map { fence in
            guard fence.training != nil else { return nil }
            count += 1
            return count
        }
        trainingCount = count
        self.line = line
        self.status = status
        self.clock = clock
        decided = Array(repeating: nil, count: fences.count)
        computing = Array(repeating: false, count: fences.count)
    }

    /// A worker took `fence`; a fence that is not a training has no line.
    func started(_ fence: Int) {
        lock.withLock {
            if startTime == nil { startTime = clock() }
            if fences[fence].training == nil { decide(fence, "") }
            report()
        }
    }

    /// `fence` found no result in the cache and computes now.
    func computes(_ fence: Int) {
        lock.withLock {
            computing[fence] = true
            if let title = fences[fence].training, let number = trainingNumber[fence] {
                decide(fence, "[\(number)/\(trainingCount)] training \"\(title)\"")
            }
            report()
        }
    }

    /// `fence` has its result.
    func finished(_ fence: Int) {
        lock.withLock {
            decide(fence, "")
            finishedCount += 1
            if computing[fence] { computedCost += fences[fence].cost } else { cachedCost += fences[fence].cost }
            report()
        }
    }

    /// Every fence finished: the status is cleared.
    func end() {
        lock.withLock { status?(nil) }
    }

    /// Records the line of `fence` (once) and prints every line now due, in the order taken.
    private func decide(_ fence: Int, _ text: String) {
        guard decided[place[fence]] == nil else { return }
        decided[place[fence]] = text
        while nextPlace < decided.count, let text = decided[nextPlace] {
            if !text.isEmpty { line?(text) }
            nextPlace += 1
        }
    }

    private func report() {
        guard let status else { return }
        let total = fences.reduce(0) { $0 + $1.cost } - cachedCost
        var remaining: Double?
        // Fences run at the pace the finished ones ran at, counted from when the first started.
        if let startTime, computedCost > 0 {
            let rate = computedCost / max(clock() - startTime, 1e-3)
            remaining = max(0, total - computedCost) / rate
        }
        status(ProgressStatus(finished: finishedCount, fences: fences.count,
                              fraction: total > 0 ? min(1, computedCost / total) : Double(finishedCount) / Double(max(1, fences.count)),
                              remainingSeconds: remaining))
    }
}
