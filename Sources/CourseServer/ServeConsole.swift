import CourseDiagnostics
import Foundation

/// What `serve` prints: the startup line on standard output (scripts read the port from it),
/// everything else on standard error, diagnostics exactly as `coursegen build` prints them.
public struct ServeConsole: Sendable {
    public let color = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    public init() {}

    public func report(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        status(LiveSite.report(diagnostics, color: color), newline: false)
    }

    public func status(_ line: String, newline: Bool = true) {
        FileHandle.standardError.write(Data((line + (newline ? "\n" : "")).utf8))
    }

    public func announce(_ line: String) {
        FileHandle.standardOutput.write(Data((line + "\n").utf8))
    }
}
