import Dispatch

/// A value computed on another thread while the caller goes on with other work; ``value``
/// waits for it. The build's later stages are independent of one another (search, print.html,
/// the pages' layout), and each has a serial part that would otherwise leave a core idle.
final class BackgroundWork<T: Sendable>: @unchecked Sendable {
    // @unchecked: `result` is written once, before `done` is signalled, and read only after it.
    private var result: T?
    private let done = DispatchSemaphore(value: 0)

    /// Starts `work` at once on a thread of the system's pool.
    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async { [self] in
            result = work()
            done.signal()
        }
    }

    /// The work's result, once it has finished; call it once.
    func value() -> T {
        done.wait()
        return result!
    }
}
