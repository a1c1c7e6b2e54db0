/// How far ``RunDirectives`` is: what a terminal shows as a bar under the progress lines.
public struct ProgressStatus: Equatable, Sendable {
    /// Fences that have their results, of all the fences that run.
    public var finished: Int
    public var fences: Int
    /// The share done, 0 to 1, weighted by the fences' estimated cost (cached fences left out).
    public var fraction: Double
    /// The time left at the pace so far; `nil` until a fence has computed.
    public var remainingSeconds: Double?

    public init(finished: Int, fences: Int, fraction: Double, remainingSeconds: Double?) {
        self.finished = finished
        self.fences = fences
        self.fraction = fraction
        self.remainingSeconds = remainingSeconds
    }

    /// The status in at most `width` columns (ASCII only, so every terminal counts it alike):
    /// `[=========>          ] 23/57 fences, about 4 s left`; on a narrow terminal the bar
    /// shrinks, then goes, then the time left.
    public func line(width: Int) -> String {
        let count = "\(finished)/\(fences) fences"
        let text = count + ", " + (remainingSeconds.map(Self.timeLeft) ?? "estimating the time left")
        let room = width - text.count - 3
        guard room >= 10 else { return String((text.count <= width ? text : count).prefix(max(0, width))) }
        let cells = min(30, room)
        let filled = Int((max(0, min(1, fraction)) * Double(cells)).rounded(.down))
        let bar = filled == cells ? String(repeating: "=", count: cells)
            : String(repeating: "=", count: filled) + ">" + String(repeating: " ", count: cells - filled - 1)
        return "[\(bar)] " + text
    }

    /// `about 4 s left`, `about 1 min 20 s left`; under a second, `under a second left`.
    static func timeLeft(_ seconds: Double) -> String {
        guard seconds >= 1 else { return "under a second left" }
        let whole = Int(seconds.rounded())
        return whole < 60 ? "about \(whole) s left" : "about \(whole / 60) min \(whole % 60) s left"
    }
}

/// What a build writes to standard error as it runs fences: on a terminal, each line above one
/// status line that is rewritten in place and cleared at the end; elsewhere (logs, pipes),
/// the lines alone, with no escape codes.
public enum ProgressDisplay {
    /// Returns to the start of the line and erases it.
    static let eraseLine = "\r\u{1B}[2K"

    /// The bytes that print `lines` and then show `status` (none: the status line is cleared).
    public static func terminal(lines: [String], status: String?) -> String {
        eraseLine + lines.map { $0 + "\n" }.joined() + (status ?? "")
    }

    /// The bytes that print `lines` in a log or a pipe.
    public static func plain(lines: [String]) -> String {
        lines.map { $0 + "\n" }.joined()
    }
}
