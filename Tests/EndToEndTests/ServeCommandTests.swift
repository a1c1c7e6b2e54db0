import CourseTestSupport
import Foundation
import Synchronization
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `coursegen serve`, the real binary on a small course: pages over HTTP, the event stream,
/// edits, a broken and a fixed directive, chapters added and deleted, the port in use, the
/// output on disk, and Ctrl-C. Waits are generous and nothing is timed: the machine is busy.
@Suite(.serialized) struct ServeCommandTests {
    static let chapter = """
        # Bowl

        The bowl experiment.

        ```experiment
        Experiment("Bowl") {
            Objective(.bowl)
            Start(-7, 2)
            Steps(3)
            SGD(lr: 0.5)
        }
        ```

        """

    static func course() -> TemporaryFolder {
        let folder = TemporaryFolder("coursegen-serve")
        folder.write("chapters/index.md", "---\ntitle: Served course\n---\nWelcome.\n")
        folder.write("chapters/01-bowl.md", chapter)
        return folder
    }

    @Test func anAuthorsLoopEditBreakFixAddDeleteAndStop() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let server = try ServeProcess(["serve", "chapters", "-o", "site", "--port", "0"], in: folder.path)
        defer { server.kill() }
        let port = try #require(server.port, "no startup line; stderr: \(server.stderr)")
        #expect(server.startupLine == "Serving at http://127.0.0.1:\(port)/ (Ctrl-C to stop)")

        let home = try HTTP.get(port, "/")
        #expect(home.status == 200)
        #expect(home.header("content-type") == "text/html; charset=utf-8")
        #expect(home.body.contains("Served course"))
        #expect(home.body.contains("<script src=\"/__coursegen/live.js\" defer></script>"))
        #expect(home.body.contains("content=\"script-src 'self'; object-src 'none'\""))
        let page = try HTTP.get(port, "/bowl.html")
        #expect(page.status == 200 && page.body.contains("The bowl experiment."))
        let script = try HTTP.get(port, "/__coursegen/live.js")
        #expect(script.status == 200 && script.header("content-type") == "text/javascript; charset=utf-8")
        #expect(try HTTP.get(port, "/assets/style.css").header("content-type") == "text/css; charset=utf-8")

        // The output folder: the same site, without the script.
        #expect(waitUntil { folder.exists("site/bowl.html") })
        for (path, data) in folder.snapshot("site") {
            #expect(!String(decoding: data, as: UTF8.self).contains("__coursegen"), "\(path)")
        }

        let events = try EventStream(port: port)
        // A prose edit: the event names the page, and the page has the new text.
        folder.write("chapters/01-bowl.md", Self.chapter.replacingOccurrences(of: "The bowl experiment.", with: "The bowl, edited."))
        let edit = try #require(events.next(named: "reload"))
        #expect(edit.contains("\"bowl.html\""))
        #expect(try HTTP.get(port, "/bowl.html").body.contains("The bowl, edited."))

        // A broken directive: the event and every page carry the diagnostic; the last good page stays.
        folder.write("chapters/01-bowl.md", Self.chapter.replacingOccurrences(of: "Steps(3)", with: "Stpes(3)"))
        let failure = try #require(events.next(named: "failed"))
        #expect(failure.contains("chapters/01-bowl.md:9:5: error:"), "\(failure)")
        #expect(failure.contains("\n        Stpes(3)\n        ^~~~~\n"))
        let broken = try HTTP.get(port, "/bowl.html")
        #expect(broken.status == 200)
        #expect(broken.body.contains("The bowl, edited."))
        #expect(broken.body.contains("<div id=\"coursegen-live-overlay\""))
        #expect(broken.body.contains("chapters/01-bowl.md:9:5: error:"))
        #expect(server.stderrEventuallyContains("chapters/01-bowl.md:9:5: error:"))
        // Fixed: the reload, and no overlay.
        folder.write("chapters/01-bowl.md", Self.chapter)
        let fixed = try #require(events.next(named: "reload"))
        #expect(fixed.contains("\"bowl.html\""))
        let clean = try HTTP.get(port, "/bowl.html")
        #expect(clean.body.contains("The bowl experiment.") && !clean.body.contains("coursegen-live-overlay"))

        // A chapter added, then deleted.
        folder.write("chapters/02-ridge.md", "# Ridge\n\nA new chapter.\n")
        let added = try #require(events.next(named: "reload"))
        #expect(added.contains("\"ridge.html\""))
        #expect(try HTTP.get(port, "/ridge.html").body.contains("A new chapter."))
        try FileManager.default.removeItem(atPath: folder.path + "/chapters/02-ridge.md")
        let deleted = try #require(events.next(named: "reload"))
        #expect(deleted.contains("\"removed\":[\"ridge.html\"]"))
        let gone = try HTTP.get(port, "/ridge.html")
        #expect(gone.status == 404 && gone.body.contains("live.js"))

        // Writes into the result cache or an editor's scratch file build nothing.
        folder.write("chapters/.coursegen-cache/x.json", "{}")
        folder.write("chapters/.01-bowl.md.swp", "x")
        #expect(events.next(named: "reload", timeout: 3) == nil)

        // Ctrl-C: exit 0, and the output is the last good build, whole.
        let last = try HTTP.get(port, "/bowl.html").body
        let outcome = server.interrupt()
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(!outcome.timedOut)
        #expect(folder.read("site/bowl.html").map { LivePageText.stripped(last) == $0 } == true)
        #expect(!folder.exists("site/ridge.html"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("staging") }.isEmpty)
    }

    @Test func pathsOutsideTheSiteAreRefusedAndMissingPagesGetANotFoundPage() throws {
        let folder = Self.course()
        defer { folder.remove() }
        folder.write("secret.txt", "top secret")
        let server = try ServeProcess(["serve", "chapters", "--port", "0", "-o", "out"], in: folder.path)
        defer { server.kill() }
        let port = try #require(server.port, "\(server.stderr)")
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/assets/../../secret.txt", "/..%5csecret.txt"] {
            let response = try HTTP.get(port, path)
            #expect(response.status == 400 || response.status == 404, "\(path)")
            #expect(!response.body.contains("top secret"), "\(path)")
        }
        for path in ["//etc/passwd", "/\(folder.path)/secret.txt", "/chapters/01-bowl.md"] {
            let response = try HTTP.get(port, path)
            #expect(response.status == 404, "\(path)")
            #expect(!response.body.contains("top secret") && !response.body.contains("root:"), "\(path)")
        }
        let missing = try HTTP.get(port, "/nowhere.html")
        #expect(missing.status == 404)
        #expect(missing.body.contains("<a href=\"/\">"))
        let events = try HTTP.get(port, "/__coursegen/events", headersOnly: true)
        #expect(events.header("content-type") == "text/event-stream; charset=utf-8")
    }

    @Test func aPortInUseExits64WithAHint() throws {
        let folder = Self.course()
        defer { folder.remove() }
        let first = try ServeProcess(["serve", "chapters", "--port", "0"], in: folder.path)
        defer { first.kill() }
        let port = try #require(first.port, "\(first.stderr)")
        let second = try CoursegenBinary.run(["serve", "chapters", "--port", String(port), "-o", "other"], in: folder.path, timeout: 120)
        #expect(second.status == 64)
        #expect(second.stderr == "error: port \(port) is in use\nhint: stop what serves there, or choose another port: --port \(port + 1) (--port 0 picks a free one)\n")
        #expect(second.stdout == "")
    }

    @Test func aCourseBrokenFromTheStartServesTheFailureUntilItIsFixed() throws {
        let folder = Self.course()
        defer { folder.remove() }
        folder.write("chapters/01-bowl.md", Self.chapter.replacingOccurrences(of: "Steps(3)", with: "Stpes(3)"))
        let server = try ServeProcess(["serve", "chapters", "--port", "0"], in: folder.path, environment: ["COURSEGEN_WATCH": "poll"])
        defer { server.kill() }
        let port = try #require(server.port, "\(server.stderr)")
        let page = try HTTP.get(port, "/bowl.html")
        #expect(page.status == 503)
        #expect(page.body.contains("chapters/01-bowl.md:9:5: error:"))
        #expect(!folder.exists("site"))
        let events = try EventStream(port: port)
        #expect(try #require(events.next(named: "failed")).contains("01-bowl.md:9:5"))
        folder.write("chapters/01-bowl.md", Self.chapter)
        #expect(events.next(named: "reload") != nil)
        #expect(try HTTP.get(port, "/bowl.html").status == 200)
        #expect(server.interrupt().status == 0)
        #expect(folder.exists("site/bowl.html"))
    }
}

/// The served page without what `serve` adds, to compare with the file on disk.
enum LivePageText {
    static func stripped(_ page: String) -> String {
        page.replacingOccurrences(of: "<link rel=\"stylesheet\" href=\"/__coursegen/live.css\"><script src=\"/__coursegen/live.js\" defer></script>", with: "")
            .replacingOccurrences(of: "content=\"script-src 'self'; object-src 'none'\"", with: "content=\"script-src 'none'; object-src 'none'\"")
    }
}

/// Polls `condition` for up to a minute.
func waitUntil(_ condition: () -> Bool) -> Bool {
    for _ in 0..<600 {
        if condition() { return true }
        usleep(100_000)
    }
    return false
}

/// `coursegen serve` running in the background, its output gathered as it comes.
final class ServeProcess: @unchecked Sendable {
    let process = Process()
    /// Standard output and error so far, appended to by the pipes' handlers.
    final class Output: Sendable {
        let text = Mutex<(stdout: String, stderr: String)>(("", ""))
        func withLock<T>(_ body: (inout (stdout: String, stderr: String)) -> T) -> T { text.withLock { body(&$0) } }
    }
    private let output = Output()
    /// The port of the startup line, once it was printed (waited for up to five minutes: the first build).
    private(set) var port: Int?
    private(set) var startupLine: String?

    init(_ arguments: [String], in directory: String, environment: [String: String] = [:]) throws {
        process.executableURL = CoursegenBinary.url
        process.arguments = arguments
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        for (name, value) in environment { env[name] = value }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        out.fileHandleForReading.readabilityHandler = { [output] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            output.withLock { $0.stdout += text }
        }
        err.fileHandleForReading.readabilityHandler = { [output] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            output.withLock { $0.stderr += text }
        }
        try process.run()
        for _ in 0..<3000 {
            let stdout = output.withLock { $0.stdout }
            if let line = stdout.split(separator: "\n").first(where: { $0.hasPrefix("Serving at ") }) {
                startupLine = String(line)
                let afterColon = line.split(separator: ":")[2]
                port = Int(afterColon.prefix { $0.isNumber })
                break
            }
            if !process.isRunning { break }
            usleep(100_000)
        }
    }

    var stderr: String { output.withLock { $0.stderr } }

    /// Whether standard error comes to contain `text` within ten seconds. The server sends the
    /// failure event and writes the terminal's diagnostics independently, and the pipe's
    /// handler appends what arrives later still, so a check right after the event can be early.
    func stderrEventuallyContains(_ text: String) -> Bool {
        for _ in 0..<100 {
            if stderr.contains(text) { return true }
            usleep(100_000)
        }
        return stderr.contains(text)
    }

    /// Sends SIGINT and waits up to two minutes for the exit.
    func interrupt() -> (status: Int32, stderr: String, timedOut: Bool) {
        Glibc.kill(process.processIdentifier, SIGINT)
        for _ in 0..<1200 where process.isRunning { usleep(100_000) }
        let timedOut = process.isRunning
        if timedOut { kill() }
        process.waitUntilExit()
        usleep(100_000)
        return (process.terminationStatus, stderr, timedOut)
    }

    func kill() {
        if process.isRunning { Glibc.kill(process.processIdentifier, SIGKILL) }
    }
}

/// A plain HTTP/1.1 client over a socket: enough to fetch a page and read an event stream.
enum HTTP {
    struct Response {
        var status: Int
        var headers: [(String, String)]
        var body: String
        func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name }?.1 }
    }

    static func connect(_ port: Int) throws -> Int32 {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(descriptor, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else {
            close(descriptor)
            throw POSIXError(.ECONNREFUSED)
        }
        return descriptor
    }

    static func send(_ descriptor: Int32, _ request: String) {
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(descriptor, $0.baseAddress, $0.count, 0) }
    }

    /// Reads what arrives within `timeout` seconds, until the peer closes (or `until` holds).
    static func read(_ descriptor: Int32, timeout: Double, until done: (String) -> Bool = { _ in false }) -> String {
        var received: [UInt8] = []
        let end = Date().addingTimeInterval(timeout)
        var buffer = [UInt8](repeating: 0, count: 65536)
        while Date() < end {
            var pending = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
            guard poll(&pending, 1, 200) > 0 else { continue }
            let count = buffer.withUnsafeMutableBytes { recv(descriptor, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            received += buffer[0..<count]
            if done(String(decoding: received, as: UTF8.self)) { break }
        }
        return String(decoding: received, as: UTF8.self)
    }

    /// GET `path`; with `headersOnly`, returns once the headers arrived (for streams).
    static func get(_ port: Int, _ path: String, headersOnly: Bool = false) throws -> Response {
        let descriptor = try connect(port)
        defer { close(descriptor) }
        send(descriptor, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        let text = read(descriptor, timeout: 60, until: { headersOnly && $0.contains("\r\n\r\n") })
        guard let split = text.range(of: "\r\n\r\n") else { return Response(status: 0, headers: [], body: text) }
        let lines = text[..<split.lowerBound].components(separatedBy: "\r\n")
        let status = Int(lines[0].split(separator: " ")[1]) ?? 0
        let headers = lines.dropFirst().compactMap { line -> (String, String)? in
            guard let colon = line.firstIndex(of: ":") else { return nil }
            return (String(line[..<colon]), line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces))
        }
        return Response(status: status, headers: headers, body: String(text[split.upperBound...]))
    }
}

/// A subscription to `/__coursegen/events`, read event by event.
final class EventStream {
    private let descriptor: Int32
    private var buffer = ""

    init(port: Int) throws {
        descriptor = try HTTP.connect(port)
        HTTP.send(descriptor, "GET /__coursegen/events HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nAccept: text/event-stream\r\n\r\n")
        buffer = Self.withoutCR(HTTP.read(descriptor, timeout: 30, until: { $0.contains(": coursegen serve") }))
    }

    deinit { close(descriptor) }

    /// The text without carriage returns: Swift reads "\r\n" as one character, which no "\n" splits.
    static func withoutCR(_ text: String) -> String {
        String(decoding: text.utf8.filter { $0 != 13 }, as: UTF8.self)
    }

    /// The data of the next event named `name` (other events are skipped), or `nil` after `timeout` seconds.
    func next(named name: String, timeout: Double = 120) -> String? {
        let end = Date().addingTimeInterval(timeout)
        while Date() < end {
            while let range = buffer.range(of: "\n\n") {
                let block = String(buffer[..<range.lowerBound])
                buffer = String(buffer[range.upperBound...])
                // Chunked transfer puts sizes between events; keep only the event's own lines.
                let lines = block.components(separatedBy: "\n")
                guard lines.contains("event: \(name)") else { continue }
                return lines.filter { $0.hasPrefix("data:") }.map { $0.hasPrefix("data: ") ? String($0.dropFirst(6)) : String($0.dropFirst(5)) }
                    .joined(separator: "\n")
            }
            buffer += Self.withoutCR(HTTP.read(descriptor, timeout: min(1, end.timeIntervalSinceNow), until: { !$0.isEmpty }))
        }
        return nil
    }
}
