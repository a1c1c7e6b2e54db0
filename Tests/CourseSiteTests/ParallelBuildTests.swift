import CourseDiagnostics
@testable import CourseSite
import CourseTestSupport
import Experiments
import Foundation
import Scheduling
import Testing

/// A parallel build is the serial build: the same pages and the same cache entries, byte for
/// byte, with every fence computed (no cache read); its progress lines come out whole, once
/// each, in the same order.
@Suite struct ParallelBuildTests {
    /// Three chapters with trainings of several runs, experiments long enough to split into
    /// runs, and a schedule, an average and activations, so fences and runs interleave on
    /// the workers.
    static func course() -> TemporaryFolder {
        let folder = TemporaryFolder("parallel-build")
        folder.write("course/chapters/index.md", "---\ntitle: Parallel course\n---\nThree chapters.\n")
        func training(_ title: String, hidden: String, iterations: Int, seed: Int) -> String {
            """
            ```experiment
            Training("\(title)") {
                Dataset(.moons(samples: 80, noise: 0.2), test: 0.25)
                Network(hidden: [\(hidden)], activation: .tanh, initialization: .xavierNormal, dropout: 0.1)
                BatchSize(16)
                Iterations(\(iterations))
                Seed(\(seed))
                SGD(lr: 0.1)
                Momentum(lr: 0.05, momentum: 0.9)
                Adam(lr: 0.02)
            }
            ```
            """
        }
        func experiment(_ title: String, steps: Int) -> String {
            """
            ```experiment
            Experiment("\(title)") {
                Objective(.rosenbrock)
                Start(-1.5, 2)
                Start(1.2, -0.5)
                Steps(\(steps))
                Seed(3)
                SGD(lr: 0.0005).gradientNoise(eta: 0.01)
                Adam(lr: 0.02)
                RMSProp(lr: 0.005)
            }
            ```
            """
        }
        folder.write("course/chapters/01-paths.md", """
            # Paths

            \(experiment("Three methods, noisy", steps: 4000))

            \(training("Small moons", hidden: "6", iterations: 60, seed: 1))

            ```experiment
            Schedule("Warm-up") {
                Steps(200)
                SGD(lr: 0.1).schedule(.cosine(steps: 200))
            }
            ```
            """)
        folder.write("course/chapters/02-networks.md", """
            # Networks

            \(training("Wide moons", hidden: "16, 16", iterations: 120, seed: 2))

            ```experiment
            Average("Smoothing") {
                Series(.constant(10, noise: 1), samples: 200)
                ExponentialAverage(beta: 0.9)
            }
            ```

            \(experiment("Three methods again", steps: 3000))
            """)
        folder.write("course/chapters/03-more.md", """
            # More

            \(training("Deep moons", hidden: "8, 8, 8", iterations: 100, seed: 3))

            ```experiment
            Activations("Two layers") {
                Network(layers: 2, units: 10, activation: .tanh)
                Inputs(50)
                Weights(.xavierNormal)
            }
            ```

            \(training("Tiny moons", hidden: "4", iterations: 40, seed: 4))
            """)
        return folder
    }

    /// A cold build of `folder`'s course on `jobs` workers: its files, its cache entries and
    /// its progress lines. Entries are written, never read.
    static func build(_ folder: TemporaryFolder, jobs: Int) -> (files: [String: [UInt8]], entries: [String: Data], lines: [String]) {
        let lines = TrainingCacheSiteTests.Lines()
        let chapters = folder.path + "/course/chapters"
        var options = StandardBuild.options(chaptersFolder: chapters, useCache: false, progress: { lines.append($0) })
        options.jobs = jobs
        let result = SiteBuilder(chaptersFolder: chapters, options: options).build()
        #expect(!result.diagnostics.containsErrors, "\(result.diagnostics)")
        var files: [String: [UInt8]] = [:]
        for file in result.files { files[file.path] = file.bytes }
        return (files, folder.snapshot("course/chapters/.coursegen-cache"), lines.all)
    }

    @Test func serialAndParallelBuildsAreByteIdentical() throws {
        let serialFolder = Self.course(), parallelFolder = Self.course()
        defer {
            serialFolder.remove()
            parallelFolder.remove()
        }
        let serial = Self.build(serialFolder, jobs: 1)
        let parallel = Self.build(parallelFolder, jobs: 3)
        #expect(serial.files.count > 5)
        #expect(serial.files.keys.sorted() == parallel.files.keys.sorted())
        for (path, bytes) in serial.files {
            #expect(parallel.files[path] == bytes, "\(path) differs between the serial and the parallel build")
        }
        // Every computing fence stored an entry, and each holds the same bytes.
        #expect(serial.entries.count == 9, "\(serial.entries.keys.sorted())")
        #expect(serial.entries == parallel.entries)
        let page = try #require(serial.files["networks.html"].map { String(decoding: $0, as: UTF8.self) })
        #expect(page.contains("cg-training"))
    }

    @Test func progressLinesAreCompleteAndInTheSameOrderSerialOrParallel() {
        let folder = Self.course()
        defer { folder.remove() }
        let serial = Self.build(folder, jobs: 1).lines
        // The costliest training first; each numbered by its place in the document.
        let expected = [
            "[2/4] training \"Wide moons\"", "[3/4] training \"Deep moons\"",
            "[1/4] training \"Small moons\"", "[4/4] training \"Tiny moons\"",
        ]
        #expect(serial == expected)
        for _ in 0..<3 {
            #expect(Self.build(folder, jobs: 4).lines == expected)
        }
    }

    @Test func fencesAreTakenLongestFirstAndTiesInDocumentOrder() {
        #expect(RunDirectives.order([1, 5, 0, 5, 9]) == [4, 1, 3, 0, 2])
        #expect(RunDirectives.order([]) == [])
    }
}

/// The pool every build runs on: results by index whatever the order, subtasks inside tasks,
/// one worker is the calling thread in the order given, and several really run at once.
@Suite struct WorkerPoolTests {
    final class Log: @unchecked Sendable {
        private let lock = NSLock()
        private var entries: [String] = []
        func add(_ entry: String) { lock.withLock { entries.append(entry) } }
        var all: [String] { lock.withLock { entries } }
    }

    @Test(arguments: [1, 2, 5])
    func resultsAreByIndexAndSubtasksAllRun(workers: Int) {
        let pool = WorkerPool(workers: workers)
        let log = Log()
        let results = pool.map(6, order: [5, 3, 1, 0, 2, 4]) { i -> [Int] in
            let parts = Parts(count: i)
            pool.forEach(i) { j in parts.set(j, i * 10 + j) }
            log.add("\(i)")
            return parts.values
        }
        #expect(results == (0..<6).map { i in (0..<i).map { i * 10 + $0 } })
        #expect(log.all.sorted() == ["0", "1", "2", "3", "4", "5"])
        // The pool can run again.
        #expect(pool.map(3) { $0 * 2 } == [0, 2, 4])
    }

    @Test func oneWorkerRunsEverythingInTheGivenOrderOnTheCallingThread() {
        let pool = WorkerPool(workers: 1)
        let log = Log()
        let caller = pthread_self()
        _ = pool.map(3, order: [2, 0, 1]) { i in
            pool.forEach(2) { j in log.add("\(i).\(j)\(pthread_equal(pthread_self(), caller) != 0 ? "" : " elsewhere")") }
            return i
        }
        #expect(log.all == ["2.0", "2.1", "0.0", "0.1", "1.0", "1.1"])
    }

    @Test func twoWorkersRunTwoTasksAtOnce() {
        // Each task waits for the other to have started: only two threads at once get both through.
        let started = [DispatchSemaphore(value: 0), DispatchSemaphore(value: 0)]
        let met = WorkerPool(workers: 2).map(2) { i -> Bool in
            started[i].signal()
            return started[1 - i].wait(timeout: .now() + 10) == .success
        }
        #expect(met == [true, true])
    }

    @Test func forEachOutsideAMapRunsOnItsOwn() {
        let parts = Parts(count: 4)
        WorkerPool(workers: 3).forEach(4) { parts.set($0, $0 * $0) }
        #expect(parts.values == [0, 1, 4, 9])
    }

    final class Parts: @unchecked Sendable {
        private let lock = NSLock()
        private var stored: [Int]
        init(count: Int) { stored = Array(repeating: -1, count: count) }
        func set(_ index: Int, _ value: Int) { lock.withLock { stored[index] = value } }
        var values: [Int] { lock.withLock { stored } }
    }
}

/// What a person watching a build sees: lines in the order fences were taken, whatever order
/// the workers report in, and a status line that fits the terminal.
@Suite struct BuildProgressTests {
    final class Clock: @unchecked Sendable {
        private let lock = NSLock()
        private var time = 100.0
        func advance(_ seconds: Double) { lock.withLock { time += seconds } }
        var now: Double { lock.withLock { time } }
    }

    final class Outputs: @unchecked Sendable {
        private let lock = NSLock()
        private var storedLines: [String] = []
        private var storedStatuses: [ProgressStatus?] = []
        func line(_ text: String) { lock.withLock { storedLines.append(text) } }
        func status(_ status: ProgressStatus?) { lock.withLock { storedStatuses.append(status) } }
        var lines: [String] { lock.withLock { storedLines } }
        var statuses: [ProgressStatus?] { lock.withLock { storedStatuses } }
    }

    @Test func aLineWaitsForTheFencesTakenBeforeIt() {
        let clock = Clock(), outputs = Outputs()
        // Document order: training A (cost 4), an experiment (cost 2), training B (cost 6).
        let fences = [BuildProgress.Fence(cost: 4, training: "A"), .init(cost: 2, training: nil), .init(cost: 6, training: "B")]
        let progress = BuildProgress(fences: fences, order: RunDirectives.order(fences.map(\.cost)),
                                     line: { outputs.line($0) }, status: { outputs.status($0) }, clock: { clock.now })
        // The second worker reaches A before the first reaches B, which was taken first.
        progress.started(0)
        progress.computes(0)
        #expect(outputs.lines.isEmpty, "A's line waits for B's")
        progress.started(2)
        progress.computes(2)
        #expect(outputs.lines == ["[2/2] training \"B\"", "[1/2] training \"A\""])
        clock.advance(2)
        progress.finished(0)
        // 4 of 12 operations in 2 s: 8 left take 4 s.
        #expect(outputs.statuses.last == ProgressStatus(finished: 1, fences: 3, fraction: 4.0 / 12, remainingSeconds: 4))
        progress.started(1)
        progress.finished(1)
        // The experiment came from the cache: its cost leaves the total.
        #expect(outputs.statuses.last == ProgressStatus(finished: 2, fences: 3, fraction: 0.4, remainingSeconds: 3))
        progress.finished(2)
        progress.end()
        #expect(outputs.lines.count == 2)
        #expect(outputs.statuses.last == .some(nil), "the status is cleared at the end")
    }

    @Test func aCachedTrainingHasNoLineAndHoldsNothingUp() {
        let outputs = Outputs()
        let fences = [BuildProgress.Fence(cost: 9, training: "Cached"), .init(cost: 1, training: "Fresh")]
        let progress = BuildProgress(fences: fences, order: [0, 1], line: { outputs.line($0) }, status: nil)
        progress.started(1)
        progress.computes(1)
        progress.started(0)
        #expect(outputs.lines.isEmpty)
        progress.finished(0)
        #expect(outputs.lines == ["[2/2] training \"Fresh\""])
    }

    @Test(arguments: [
        (ProgressStatus(finished: 23, fences: 57, fraction: 0.45, remainingSeconds: 4.2), 80,
         "[=============>                ] 23/57 fences, about 4 s left"),
        (ProgressStatus(finished: 0, fences: 57, fraction: 0, remainingSeconds: nil), 80,
         "[>                             ] 0/57 fences, estimating the time left"),
        (ProgressStatus(finished: 57, fences: 57, fraction: 1, remainingSeconds: 0.2), 80,
         "[==============================] 57/57 fences, under a second left"),
        (ProgressStatus(finished: 3, fences: 12, fraction: 0.5, remainingSeconds: 83), 50,
         "[======>      ] 3/12 fences, about 1 min 23 s left"),
        (ProgressStatus(finished: 3, fences: 12, fraction: 0.5, remainingSeconds: 83), 40, "3/12 fences, about 1 min 23 s left"),
        (ProgressStatus(finished: 3, fences: 12, fraction: 0.5, remainingSeconds: 83), 20, "3/12 fences"),
        (ProgressStatus(finished: 3, fences: 12, fraction: 0.5, remainingSeconds: 83), 5, "3/12 "),
    ])
    func theStatusLineFitsItsWidth(status: ProgressStatus, width: Int, expected: String) {
        let line = status.line(width: width)
        #expect(line == expected)
        #expect(line.count <= width)
    }

    @Test func aTerminalGetsTheStatusRewrittenInPlaceAndALogPlainLines() {
        let frame = ProgressDisplay.terminal(lines: ["[1/2] training \"A\""], status: "[=>  ] 1/2 fences")
        #expect(frame == "\r\u{1B}[2K[1/2] training \"A\"\n[=>  ] 1/2 fences")
        #expect(ProgressDisplay.terminal(lines: [], status: nil) == "\r\u{1B}[2K", "cleared at the end")
        let plain = ProgressDisplay.plain(lines: ["[1/2] training \"A\"", "[2/2] training \"B\""])
        #expect(plain == "[1/2] training \"A\"\n[2/2] training \"B\"\n")
        #expect(!plain.contains("\u{1B}") && !plain.contains("\r"))
    }
}
