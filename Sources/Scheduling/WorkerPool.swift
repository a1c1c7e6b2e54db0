import Foundation

/// A fixed number of threads that run a build's independent tasks in a given order, and the
/// subtasks those tasks fork, before anything else.
///
/// ``map(_:order:_:)`` runs one task per index, taken in `order` (a build gives its fences
/// longest first), and returns the results by index, so what it returns never depends on
/// scheduling. A task that calls ``forEach(_:_:)`` (a training's runs, an experiment's
/// runs) puts its subtasks at the front of the queue, so idle workers take them before
/// starting another task, and works on them itself; while subtasks it did not take are still
/// running it helps with whatever is queued, so no worker waits while there is work. With one
/// worker everything runs on the calling thread, in order: the serial build.
///
/// A pool runs one ``map(_:order:_:)`` at a time; ``forEach(_:_:)`` outside one runs its
/// subtasks as a ``map(_:order:_:)`` of their own.
public final class WorkerPool: @unchecked Sendable {
    /// How many threads run tasks at once, the calling thread included.
    public let workers: Int

    /// Tasks not yet taken, the next first.
    private var queue: [Job] = []
    private var running = false
    private let condition = NSCondition()

    /// A pool of `workers` threads (at least one).
    public init(workers: Int) {
        self.workers = max(1, workers)
    }

    /// The machine's active processor count: what `--jobs` defaults to.
    public static var processorCount: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// `transform` of every index below `count`, taken in `order` (every index once) and
    /// returned by index.
    public func map<R: Sendable>(_ count: Int, order: [Int]? = nil, _ transform: @escaping @Sendable (Int) -> R) -> [R] {
        let order = order ?? Array(0..<count)
        precondition(order.count == count && Set(order) == Set(0..<count), "an order names every index once")
        let slots = Slots<R>(count: count)
        if workers == 1 || count <= 1 {
            for index in order { slots[index] = transform(index) }
            return slots.values
        }
        let group = Group(remaining: count)
        condition.withLock {
            precondition(!running, "a pool runs one map at a time; fork inside it with forEach")
            running = true
            queue = order.map { index in Job(group: group) { slots[index] = transform(index) } }
        }
        // Every worker, even with fewer tasks than workers: their subtasks may use them.
        let helpers = workers - 1
        for _ in 0..<helpers {
            let thread = Thread { [self] in
                work(until: group)
                condition.withLock {
                    group.exited += 1
                    condition.broadcast()
                }
            }
            // Trainings keep their matrices on the heap; the stack only needs room for nested helping.
            thread.stackSize = 16 << 20
            thread.start()
        }
        work(until: group)
        condition.withLock {
            // Helpers leave once the group is done; wait so the next map starts on a quiet pool.
            while group.exited < helpers { condition.wait() }
            running = false
        }
        return slots.values
    }

    /// Runs `body` for every index below `count` and returns when all have run: inside
    /// ``map(_:order:_:)``, as subtasks that idle workers take first; outside it, as a map of
    /// their own. What `body` writes must go to a place of its own index.
    public func forEach(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        guard workers > 1, count > 1 else {
            for index in 0..<count { body(index) }
            return
        }
        let inside = condition.withLock { running }
        guard inside else {
            _ = map(count) { body($0) }
            return
        }
        let group = Group(remaining: count)
        condition.withLock {
            queue.insert(contentsOf: (0..<count).map { index in Job(group: group) { body(index) } }, at: 0)
            condition.broadcast()
        }
        work(until: group)
    }

    /// Takes queued jobs, the first first, until `group` is done.
    private func work(until group: Group) { help { group.remaining == 0 } }

    /// Takes queued jobs, the first first, until `isDone` holds; it is asked under the pool's lock,
    /// again after every job and every ``wake()``. With nothing queued the caller sleeps.
    func help(until isDone: () -> Bool) {
        condition.lock()
        while !isDone() {
            guard !queue.isEmpty else {
                condition.wait()
                continue
            }
            let job = queue.removeFirst()
            condition.unlock()
            job.run()
            condition.lock()
            job.group.remaining -= 1
            if job.group.remaining == 0 { condition.broadcast() }
        }
        condition.unlock()
    }

    /// Wakes the workers sleeping in ``help(until:)``, to ask their condition again.
    func wake() { condition.withLock { condition.broadcast() } }

    /// Subtasks that finish together; guarded by the pool's condition.
    private final class Group: @unchecked Sendable {
        var remaining: Int
        var exited = 0
        init(remaining: Int) { self.remaining = remaining }
    }

    private struct Job {
        let group: Group
        let run: () -> Void
    }
}

/// One result per index, each written by one task: no two tasks touch the same slot, and
/// the pool's lock orders the writes before ``values`` is read.
private final class Slots<R>: @unchecked Sendable {
    private let storage: UnsafeMutableBufferPointer<R?>
    init(count: Int) {
        storage = .allocate(capacity: count)
        storage.initialize(repeating: nil)
    }
    deinit {
        storage.deinitialize()
        storage.deallocate()
    }
    subscript(index: Int) -> R? {
        get { storage[index] }
        set { storage[index] = newValue }
    }
    var values: [R] { storage.map { $0! } }
}
