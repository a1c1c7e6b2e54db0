/// Something a method did at one step besides moving, which runs record: SWATS's switch to
/// SGD, Lookahead's synchronization. Engines report them to an ``OptimizerEventLog``; the
/// run loop and the network trainer read them from ``Optimizer/events``.
public enum OptimizerEvent: Hashable, Sendable {
    /// SWATS switched for good from Adam to momentum SGD at this 1-based step.
    case switchedToSGD(step: Int)
    /// Lookahead moved its slow weights and reset the fast ones to them at this 1-based step.
    case synchronized(step: Int)

    /// The 1-based step the event happened at.
    public var step: Int {
        switch self {
        case .switchedToSGD(let step), .synchronized(let step): step
        }
    }
}

extension Collection<OptimizerEvent> {
    /// The step of the first switch to SGD, if there was one.
    public var switchedAt: Int? {
        lazy.compactMap { if case .switchedToSGD(let step) = $0 { step } else { nil } }.first
    }

    /// The steps of every synchronization, in order.
    public var syncSteps: [Int] {
        compactMap { if case .synchronized(let step) = $0 { step } else { nil } }
    }
}
