import CourseDiagnostics
import CourseSite
import Foundation
import Hummingbird
import Logging
import ServiceLifecycle
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `coursegen serve`: builds the course, serves it, watches the chapters folder, rebuilds and
/// reloads the open pages, and writes every good build to the output folder, until SIGINT or
/// SIGTERM; then it finishes writing and exits 0.
public struct ServeSession: Sendable {
    public var site: LiveSite.Configuration
    public var output: String
    public var host = "127.0.0.1"
    public var port = 8000
    public var openBrowser = false

    public init(site: LiveSite.Configuration, output: String) {
        self.site = site
        self.output = output
    }

    /// Exit statuses: 0 after Ctrl-C, 1 when the output may not be written or the server fails, 64 for a
    /// port in use or an address that cannot be listened on.
    public func run() async -> Int32 {
        let console = ServeConsole()
        let refusals = SiteWriter(output: output).check(chaptersFolder: site.chaptersFolder)
        if refusals.containsErrors {
            console.report(refusals)
            return 1
        }
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: site.chaptersFolder, isDirectory: &isFolder), isFolder.boolValue else {
            console.report([.error("the chapters folder '\(site.chaptersFolder)' does not exist",
                                   hint: "name the folder of Markdown chapters, e.g. coursegen serve chapters/")])
            return 64
        }
        // Told at once, not after a build: the port is the usual mistake.
        if let problem = Self.listenProblem(host: host, port: port) {
            console.status(problem)
            return 64
        }

        let live = LiveSite(site)
        let writer = OutputWriter(output: output, console: console)
        let firstBuild = FirstBuild()
        let loop = BuildLoop(name: "coursegen build") {
            let outcome = live.rebuild()
            Self.report(outcome, console: console, output: output)
            if !outcome.result.diagnostics.containsErrors { writer.write(outcome.result.files) }
            firstBuild.done()
        }
        loop.request()
        let watcher = FolderWatcher(folder: site.chaptersFolder, filter: watchFilter()) { paths in
            console.status("changed: " + Self.describe(paths))
            loop.request()
        }
        watcher.start()

        var logger = Logger(label: "coursegen.serve")
        logger.logLevel = .critical
        let server = LiveServer(site: live)
        let (host, openBrowser) = (self.host, self.openBrowser)
        let app = Application(
            responder: CallbackResponder<BasicRequestContext> { request, _ in await server.respond(to: request) },
            configuration: ApplicationConfiguration(address: .hostname(host, port: port), serverName: nil),
            onServerRunning: { channel in
                let port = channel.localAddress?.port ?? 0
                Task {
                    await firstBuild.wait()
                    let url = "http://\(host.contains(":") ? "[\(host)]" : host):\(port)/"
                    console.announce("Serving at \(url) (Ctrl-C to stop)")
                    if openBrowser { Self.open(url, console: console) }
                }
            },
            logger: logger)
        Self.unblockStopSignals()
        var status: Int32 = 0
        do {
            try await app.runService()
        } catch {
            console.status("error: cannot serve at \(host):\(port): \(error)")
            status = "\(error)".contains("in use") ? 64 : 1
        }
        watcher.stop()
        // A build in progress finishes and hands its files to the writer, which writes them before
        // the output is called the last good build: its reload event may already have gone out.
        loop.stop()
        loop.waitUntilIdle()
        live.close()
        writer.finish()
        if status == 0 { console.status("stopped; '\(output)' holds the last good build") }
        return status
    }

    /// What the watcher ignores: hidden files (the result cache among them), editors' scratch
    /// files, and the output folder when it lies inside the chapters folder.
    func watchFilter() -> WatchFilter {
        let chapters = URL(fileURLWithPath: site.chaptersFolder).standardizedFileURL.path
        let out = URL(fileURLWithPath: output).standardizedFileURL.path
        return WatchFilter(excludedFolders: out.hasPrefix(chapters + "/") ? [String(out.dropFirst(chapters.count + 1))] : [])
    }

    static func report(_ outcome: LiveSite.Outcome, console: ServeConsole, output: String) {
        let time = outcome.seconds < 1 ? "\(Int((outcome.seconds * 1000).rounded())) ms" : String(format: "%.1f s", outcome.seconds)
        console.report(outcome.result.diagnostics)
        switch outcome.event {
        case .failed:
            let errors = outcome.result.diagnostics.filter { $0.severity == .error }.count
            console.status("\(errors) error\(errors == 1 ? "" : "s"); the browser shows them; still serving the last good build")
        case .reload(let change):
            let pages = change.changed.filter { $0.hasSuffix(".html") }
            if change.generation == 1 {
                console.status("built \(outcome.result.pageCount) pages in \(time)")
            } else if change.changed.isEmpty && change.removed.isEmpty {
                console.status("rebuilt in \(time): nothing changed")
            } else {
                let removed = change.removed.isEmpty ? "" : "; removed " + describe(Set(change.removed))
                console.status("rebuilt in \(time): \(pages.count) page\(pages.count == 1 ? "" : "s") changed"
                               + (pages.isEmpty ? "" : " (\(describe(Set(pages))))") + removed)
            }
        }
    }

    /// A few paths, sorted, and how many more.
    static func describe(_ paths: Set<String>) -> String {
        let sorted = paths.map { $0.isEmpty ? "." : $0 }.sorted()
        return sorted.prefix(3).joined(separator: ", ") + (sorted.count > 3 ? " and \(sorted.count - 3) more" : "")
    }

    /// Why nothing can listen at `host`:`port`, as the error line with its hint; `nil` when it can.
    /// Port 0 (any free port) is always available.
    static func listenProblem(host: String, port: Int) -> String? {
        guard (0...65535).contains(port) else {
            return "error: --port must be between 0 and 65535\nhint: --port 0 picks a free port"
        }
        var hints = addrinfo()
        hints.ai_flags = AI_PASSIVE
        hints.ai_family = AF_UNSPEC
        #if canImport(Glibc)
        hints.ai_socktype = Int32(SOCK_STREAM.rawValue)
        #else
        hints.ai_socktype = SOCK_STREAM
        #endif
        var found: UnsafeMutablePointer<addrinfo>?
        guard getaddrinfo(host, String(port), &hints, &found) == 0, let address = found else {
            return "error: cannot listen on '\(host)': no such address\nhint: --host 127.0.0.1 serves this machine only; --host 0.0.0.0 every interface"
        }
        defer { freeaddrinfo(found) }
        let socketDescriptor = socket(address.pointee.ai_family, address.pointee.ai_socktype, address.pointee.ai_protocol)
        guard socketDescriptor >= 0 else { return nil }
        defer { close(socketDescriptor) }
        var yes: Int32 = 1
        setsockopt(socketDescriptor, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        guard bind(socketDescriptor, address.pointee.ai_addr, address.pointee.ai_addrlen) != 0 else { return nil }
        switch errno {
        case EADDRINUSE:
            return "error: port \(port) is in use\nhint: stop what serves there, or choose another port: --port \(port == 65535 ? port - 1 : port + 1) (--port 0 picks a free one)"
        case EACCES:
            return "error: may not listen on port \(port)\nhint: ports below 1024 need privileges; try --port 8000"
        default:
            return "error: cannot listen on \(host):\(port): \(String(cString: strerror(errno)))\nhint: --host 127.0.0.1 serves this machine only"
        }
    }

    /// A process started by a test runner may inherit SIGINT and SIGTERM blocked; Ctrl-C must still stop it.
    static func unblockStopSignals() {
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGINT)
        sigaddset(&signals, SIGTERM)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
    }

    /// Opens `url` in the default browser; a failure only warns.
    static func open(_ url: String, console: ServeConsole) {
        #if os(macOS)
        let program = "/usr/bin/open"
        #else
        let program = "/usr/bin/env"
        #endif
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        #if os(macOS)
        process.arguments = [url]
        #else
        process.arguments = ["xdg-open", url]
        #endif
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        process.terminationHandler = { finished in
            if finished.terminationStatus != 0 {
                console.status("warning: could not open a browser (xdg-open exited \(finished.terminationStatus)); open \(url) yourself")
            }
        }
        do { try process.run() } catch {
            console.status("warning: could not open a browser: \(error.localizedDescription); open \(url) yourself")
        }
    }
}

/// Lets the startup line wait for the first build without holding a thread.
final class FirstBuild: Sendable {
    private let state = Mutex<(done: Bool, waiting: [CheckedContinuation<Void, Never>])>((false, []))

    func done() {
        let waiting = state.withLock { state -> [CheckedContinuation<Void, Never>] in
            guard !state.done else { return [] }
            state.done = true
            defer { state.waiting = [] }
            return state.waiting
        }
        for continuation in waiting { continuation.resume() }
    }

    func wait() async {
        await withCheckedContinuation { continuation in
            let resumeNow = state.withLock { state -> Bool in
                if state.done { return true }
                state.waiting.append(continuation)
                return false
            }
            if resumeNow { continuation.resume() }
        }
    }
}
