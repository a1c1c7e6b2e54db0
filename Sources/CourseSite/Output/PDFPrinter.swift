import Foundation

/// Prints a built site's `print.html` to a PDF through headless Chromium
/// (`--print-to-pdf`), the way `coursegen pdf` does. The PDF is written beside its
/// destination under a temporary name, checked, and renamed over the destination in one
/// step: a failed or interrupted print never leaves a half-written file and never replaces a
/// good PDF.
public struct PDFPrinter: Sendable {
    /// The browser's executable.
    public var browser: String
    /// Seconds the browser may take before it is killed.
    public var timeout: Double

    public init(browser: String, timeout: Double) {
        self.browser = browser
        self.timeout = timeout
    }

    /// Why no PDF was written; ``description`` says it as a sentence, ``hint`` what to do.
    public enum Failure: Error, CustomStringConvertible, Sendable {
        /// No browser at the path an environment variable names.
        case browserMissing(variable: String, path: String)
        /// No browser named `chromium`, `chromium-browser` or `google-chrome` on `PATH`.
        case browserNotFound
        case browserFailed(status: Int32, output: String)
        case timedOut(seconds: Double)
        case notAPDF(String)
        case cannotWrite(path: String, reason: String)

        public var description: String {
            switch self {
            case .browserMissing(let variable, let path):
                "\(variable) names '\(path)', which is not an executable file"
            case .browserNotFound:
                "Chromium was not found: 'coursegen pdf' prints the course through headless Chromium"
            case .browserFailed(let status, let output):
                "Chromium failed (exit status \(status))" + (output.isEmpty ? "" : ":\n" + output)
            case .timedOut(let seconds):
                "Chromium did not finish printing within \(Self.seconds(seconds)) s and was stopped"
            case .notAPDF(let reason):
                "Chromium did not write a PDF: \(reason)"
            case .cannotWrite(let path, let reason):
                "cannot write '\(path)': \(reason)"
            }
        }

        public var hint: String {
            switch self {
            case .browserMissing(let variable, _):
                "point \(variable) at Chromium's executable, or unset it to look for 'chromium' on PATH"
            case .browserNotFound:
                "install it (on Debian and Ubuntu: apt-get install chromium), or set CHROMIUM to its executable"
            case .browserFailed, .notAPDF:
                "build the site with 'coursegen build' and print its print.html from a browser instead"
            case .timedOut:
                "a long course takes longer: raise --timeout"
            case .cannotWrite:
                "check that the folder exists and that you may write there; the previous file, if any, is unchanged"
            }
        }

        static func seconds(_ value: Double) -> String {
            value == value.rounded() ? String(Int(value)) : String(value)
        }
    }

    /// The browser to print with: `$CHROMIUM`, else `$CHROME`, else the first of `chromium`,
    /// `chromium-browser` and `google-chrome` on `PATH`.
    public static func findBrowser(environment: [String: String] = ProcessInfo.processInfo.environment) throws -> String {
        for variable in ["CHROMIUM", "CHROME"] {
            guard let path = environment[variable], !path.isEmpty else { continue }
            if let found = executable(path, searchPath: environment["PATH"]) { return found }
            throw Failure.browserMissing(variable: variable, path: path)
        }
        for name in ["chromium", "chromium-browser", "google-chrome"] {
            if let found = executable(name, searchPath: environment["PATH"]) { return found }
        }
        throw Failure.browserNotFound
    }

    /// `name` as an executable: a path as it is, a bare name looked up on `searchPath`.
    static func executable(_ name: String, searchPath: String?) -> String? {
        let manager = FileManager.default
        if name.contains("/") {
            var isFolder: ObjCBool = false
            return manager.fileExists(atPath: name, isDirectory: &isFolder) && !isFolder.boolValue
                && manager.isExecutableFile(atPath: name) ? name : nil
        }
        for folder in (searchPath ?? "").split(separator: ":") {
            let candidate = String(folder) + "/" + name
            var isFolder: ObjCBool = false
            if manager.fileExists(atPath: candidate, isDirectory: &isFolder), !isFolder.boolValue,
               manager.isExecutableFile(atPath: candidate) {
                return candidate
            }
        }
        return nil
    }

    /// Prints the page at `page` (a file) to `destination`, atomically.
    public func print(page: URL, to destination: String) throws {
        let target = URL(fileURLWithPath: destination)
        let folder = target.deletingLastPathComponent()
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: destination, isDirectory: &isFolder), isFolder.boolValue {
            throw Failure.cannotWrite(path: destination, reason: "it is a folder")
        }
        // The browser writes beside the destination, so the final rename stays on one file system.
        let partial = folder.appendingPathComponent(".\(target.lastPathComponent).coursegen-\(getpid())")
        defer { try? FileManager.default.removeItem(at: partial) }
        guard FileManager.default.createFile(atPath: partial.path, contents: nil) else {
            throw Failure.cannotWrite(path: destination, reason: "its folder is missing or not writable")
        }
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("coursegen-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }

        var arguments = [
            "--headless", "--disable-gpu", "--disable-dev-shm-usage", "--disable-extensions", "--no-first-run",
            "--no-default-browser-check", "--user-data-dir=" + profile.path,
            // The page numbers come from the stylesheet's @page rule, not from Chromium's header and footer.
            "--no-pdf-header-footer", "--print-to-pdf=" + partial.path,
        ]
        // Chromium refuses to run as root with its sandbox on.
        if geteuid() == 0 { arguments.append("--no-sandbox") }
        arguments.append(page.absoluteString)
        try run(arguments)

        let bytes = (try? Data(contentsOf: partial)) ?? Data()
        guard bytes.starts(with: Array("%PDF-".utf8)) else {
            throw Failure.notAPDF(bytes.isEmpty ? "the file it was to print to is empty" : "the file it wrote does not start with %PDF-")
        }
        guard bytes.suffix(1024).range(of: Data("%%EOF".utf8)) != nil else {
            throw Failure.notAPDF("the file it wrote ends before the PDF's end marker %%EOF")
        }
        guard rename(partial.path, destination) == 0 else {
            throw Failure.cannotWrite(path: destination, reason: String(cString: strerror(errno)))
        }
    }

    /// Runs the browser with `arguments`; its output is kept for the message when it fails.
    private func run(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: browser)
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        do {
            try process.run()
        } catch {
            throw Failure.browserFailed(status: -1, output: error.localizedDescription)
        }
        final class Box: @unchecked Sendable { var data = Data(); var killed = false }
        let box = Box()
        let reader = Thread { box.data = output.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let pid = process.processIdentifier
        let done = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            process.waitUntilExit()
            done.signal()
        }
        if done.wait(timeout: .now() + timeout) == .timedOut {
            box.killed = true
            // SIGKILL: a browser that hangs may not honour SIGTERM. Its helper processes end with it.
            kill(pid, SIGKILL)
            done.wait()
        }
        // A helper process the browser left may hold the pipe open: its output is only for a message.
        let deadline = Date().addingTimeInterval(5)
        while !reader.isFinished && Date() < deadline { usleep(1000) }
        if box.killed { throw Failure.timedOut(seconds: timeout) }
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            // Chromium is chatty; the last lines say what went wrong.
            let lines = String(decoding: reader.isFinished ? box.data : Data(), as: UTF8.self).split(separator: "\n").suffix(8)
            throw Failure.browserFailed(status: process.terminationStatus, output: lines.map { "  " + $0 }.joined(separator: "\n"))
        }
    }
}
