/// Where one optimizer's engines report their events, in the order they happen. A wrapper
/// and its inner method share one log, so a wrapped SWATS's switch is the run's switch.
final class OptimizerEventLog {
    private(set) var events: [OptimizerEvent] = []

    func record(_ event: OptimizerEvent) {
        events.append(event)
    }
}
