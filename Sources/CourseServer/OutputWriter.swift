import CourseSite
import Foundation
import Synchronization

/// Writes every good build to the output folder with ``SiteWriter`` (a staging folder swapped
/// in whole), on its own thread so a reload never waits for the disk. Builds that arrive while
/// a write runs replace each other: only the newest is written next.
final class OutputWriter: Sendable {
    private let writer: SiteWriter
    private let next = Mutex<[(path: String, bytes: [UInt8])]?>(nil)
    private let console: ServeConsole
    private nonisolated(unsafe) var loop: BuildLoop!

    init(output: String, console: ServeConsole) {
        writer = SiteWriter(output: output)
        self.console = console
        loop = BuildLoop(name: "coursegen output") { [self] in writeNewest() }
    }

    /// Writes `files` soon, instead of any build still waiting.
    func write(_ files: [(path: String, bytes: [UInt8])]) {
        next.withLock { $0 = files }
        loop.request()
    }

    /// Writes what is waiting and returns when the output is whole; for shutdown.
    func finish() {
        loop.waitUntilIdle()
        loop.stop()
    }

    private func writeNewest() {
        guard let files = next.withLock({ pending -> [(path: String, bytes: [UInt8])]? in
            defer { pending = nil }
            return pending
        }) else { return }
        do {
            try writer.write(files)
        } catch let refusal as SiteWriter.Refusal {
            console.report(refusal.diagnostics)
            console.status("'\(writer.output)' is unchanged; still serving the build")
        } catch {
            console.status("error: cannot write the site to '\(writer.output)': \(error.localizedDescription)")
        }
    }
}
