import Foundation

/// Values computed once per key, however many tasks of a ``WorkerPool`` ask for the same key,
/// at once or one after another: the first computes, the others wait for its value.
///
/// A task that waits helps with the pool's queued jobs meanwhile (as ``WorkerPool/forEach(_:_:)``
/// does), so no worker idles while there is work. A `compute` must not itself wait on the pool
/// (fork subtasks or ask this memo): the worker computing a key never waits for anyone, so every
/// waiter is released. Values are kept for the memo's lifetime: make one per build.
public final class SharedResults<Key: Hashable & Sendable, Value: Sendable>: @unchecked Sendable {
    private enum Entry {
        case computing
        case done(Value)
    }

    private var entries: [Key: Entry] = [:]
    private let lock = NSLock()
    /// How many keys were computed, and how many asks were answered by another task's value.
    private var counts = (computed: 0, shared: 0)

    public init() {}

    /// `key`'s value: computed here with `compute` if no task has asked for it yet, otherwise the
    /// value that task computed, waited for while helping `pool`.
    public func value(for key: Key, in pool: WorkerPool, compute: () -> Value) -> Value {
        let first: Bool = lock.withLock {
            guard entries[key] == nil else {
                counts.shared += 1
                return false
            }
            entries[key] = .computing
            counts.computed += 1
            return true
        }
        if first {
            let value = compute()
            lock.withLock { entries[key] = .done(value) }
            pool.wake()
            return value
        }
        var result: Value?
        pool.help {
            self.lock.withLock {
                guard case .done(let value) = self.entries[key] else { return false }
                result = value
                return true
            }
        }
        return result!
    }

    /// How many distinct keys were computed, and how many asks took another's value.
    public var statistics: (computed: Int, shared: Int) { lock.withLock { counts } }
}
