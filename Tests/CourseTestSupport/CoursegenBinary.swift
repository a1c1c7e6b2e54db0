import Foundation

/// Runs the built `coursegen` executable, as argument-parser's
/// `AssertExecuteCommand` does: it sits beside the test bundle in SwiftPM's
/// products folder, since `swift test` builds every product first.
public enum CoursegenBinary {
    public struct Outcome: Sendable {
        /// The exit code, or the signal's number when ``signalled``.
        public var status: Int32
        public var stdout: String
        public var stderr: String
        /// Whether the process was ended by a signal (a crash: SIGSEGV, SIGILL, SIGABRT…).
        public var signalled = false
        /// Whether it was still running after the timeout and was killed.
        public var timedOut = false
    }

    public static var url: URL {
        let testBinary = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var folder = testBinary.deletingLastPathComponent()
        // On Linux the tests run from `debug/<package>PackageTests.xctest`; walk up to the folder holding `coursegen`.
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("coursegen")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return folder.appendingPathComponent("coursegen")
    }

    /// Runs coursegen with `arguments` in `directory`, without a terminal and without colour;
    /// `through` names a program and its arguments to start coursegen with (e.g. `setpriv` to
    /// run as another user). With a `timeout`, a run still going after that many seconds is
    /// killed and reported as ``Outcome/timedOut``. `environment` sets (or, with an empty
    /// value, removes) variables of the test's environment for the run.
    public static func run(
        _ arguments: [String], in directory: String, through wrapper: [String] = [], timeout: Double? = nil,
        environment changes: [String: String] = [:]
    ) throws -> Outcome {
        let process = Process()
        if let program = wrapper.first {
            process.executableURL = URL(fileURLWithPath: program)
            process.arguments = Array(wrapper.dropFirst()) + [url.path] + arguments
        } else {
            process.executableURL = url
            process.arguments = arguments
        }
        process.currentDirectoryURL = URL(fileURLWithPath: directory)
        var environment = ProcessInfo.processInfo.environment
        environment["NO_COLOR"] = "1"
        for (name, value) in changes { environment[name] = value.isEmpty ? nil : value }
        process.environment = environment
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        final class Flag: @unchecked Sendable { var value = false }
        let killed = Flag()
        if let timeout {
            let pid = process.processIdentifier
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) {
                guard process.isRunning, process.processIdentifier == pid else { return }
                killed.value = true
                // SIGKILL: a child of the test runner starts with SIGTERM blocked, so terminate() would not end it.
                kill(pid, SIGKILL)
            }
        }
        // Read both pipes before waiting, so a full pipe cannot block the child.
        nonisolated(unsafe) var errData = Data()
        let reader = Thread { errData = err.fileHandleForReading.readDataToEndOfFile() }
        reader.start()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        while !reader.isFinished { usleep(1000) }
        return Outcome(status: process.terminationStatus,
                       stdout: String(decoding: outData, as: UTF8.self),
                       stderr: String(decoding: errData, as: UTF8.self),
                       signalled: process.terminationReason == .uncaughtSignal && !killed.value,
                       timedOut: killed.value)
    }
}
