import Foundation

/// Runs a piece of work on its own thread whenever asked, one run at a time: requests that
/// arrive while it runs are folded into one more run after it, so a change saved during a
/// build is never missed and never builds twice. Builds are long and synchronous, so they stay
/// off the threads that answer requests.
final class BuildLoop: @unchecked Sendable {
    private let condition = NSCondition()
    private var pending = false
    private var running = false
    private var stopped = false
    private let work: @Sendable () -> Void

    init(name: String, work: @escaping @Sendable () -> Void) {
        self.work = work
        let thread = Thread { [self] in loop() }
        thread.name = name
        thread.start()
    }

    /// Asks for one more run.
    func request() {
        condition.lock()
        pending = true
        condition.broadcast()
        condition.unlock()
    }

    /// No run starts after this; a run in progress finishes.
    func stop() {
        condition.lock()
        stopped = true
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until no run is in progress or pending (or the loop stopped with none in progress).
    func waitUntilIdle() {
        condition.lock()
        while running || (pending && !stopped) { condition.wait() }
        condition.unlock()
    }

    private func loop() {
        condition.lock()
        while true {
            while !pending && !stopped { condition.wait() }
            if stopped { break }
            pending = false
            running = true
            condition.unlock()
            work()
            condition.lock()
            running = false
            condition.broadcast()
        }
        condition.unlock()
    }
}
