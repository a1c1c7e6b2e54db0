import Foundation

/// What the open pages are told after a build, over server-sent events.
public enum LiveEvent: Sendable, Equatable {
    /// A good build: the files whose bytes changed and those that are gone.
    case reload(Change)
    /// A failed build: its diagnostics, as the terminal prints them.
    case failed(Failure)

    public struct Change: Sendable, Equatable, Codable {
        public var generation: Int
        public var changed: [String]
        public var removed: [String]
    }

    public struct Failure: Sendable, Equatable {
        public var generation: Int
        public var report: String
    }

    /// The event as a server-sent event: `event: reload` with the change as JSON, or
    /// `event: failed` with the report's lines, each its own `data:` line.
    public var serverSentEvent: String {
        switch self {
        case .reload(let change):
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
            let json = (try? encoder.encode(change)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            return "event: reload\nid: \(change.generation)\ndata: \(json)\n\n"
        case .failed(let failure):
            let lines = failure.report.split(separator: "\n", omittingEmptySubsequences: false)
                .map { "data: " + $0.replacingOccurrences(of: "\r", with: "") }
            return "event: failed\nid: \(failure.generation)\n" + lines.joined(separator: "\n") + "\n\n"
        }
    }
}
