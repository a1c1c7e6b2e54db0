// Builds the course in chapters/ (or the folder given) as `coursegen build` does and prints
// the median wall time of each case. Run from the package's folder:
//   swift run -c release CourseBuildBenchmarks [cold] [cached] [--jobs N] [chapters]
// cold: every fence computes (the result cache is neither read nor written), on N workers
// (default: the machine's processors).
// cached: every result comes from the folder's `.coursegen-cache/` (build the course once
// first), and the site is written to a temporary folder, as `coursegen build` without
// `--no-cache` does; a round in which a training trains is an error. A case is one entry of
// `cases`, so more can be added beside them. Each case prints its median wall time and the
// median CPU time of its rounds (every thread's user and system time), which the machine's
// other work moves less.
import BenchmarkSupport
import CourseDiagnostics
import CourseSite
import Foundation
import Scheduling

var arguments = Array(CommandLine.arguments.dropFirst())
var jobs = WorkerPool.processorCount
if let flag = arguments.firstIndex(of: "--jobs"), flag + 1 < arguments.count, let n = Int(arguments[flag + 1]), n >= 1 {
    jobs = n
    arguments.removeSubrange(flag...flag + 1)
}
/// One way of building the course: its name, how many rounds, and the build's options.
struct BuildCase {
    var name: String
    var rounds: Int
    var options: (_ chapters: String) -> BuildOptions
    /// Whether each round writes the site too, to a temporary folder.
    var writes = false
}

/// The progress lines of trainings that trained in a cached round, which should be none.
final class Computed: @unchecked Sendable {
    private let lock = NSLock()
    private var lines: [String] = []
    func add(_ line: String) { lock.withLock { lines.append(line) } }
    var first: String? { lock.withLock { lines.first } }
}
let computed = Computed()
let output = NSTemporaryDirectory() + "coursegen-cached-benchmark-\(getpid())"

let cases = [
    BuildCase(name: "cold", rounds: 3) { chapters in
        var options = StandardBuild.options(chaptersFolder: chapters)
        options.cache = nil
        options.jobs = jobs
        return options
    },
    BuildCase(name: "cached", rounds: 9, options: { chapters in
        var options = StandardBuild.options(chaptersFolder: chapters)
        options.jobs = jobs
        options.progress = { line in computed.add(line) }
        return options
    }, writes: true),
]

// Arguments naming a case pick the cases; another is the chapters folder.
let caseNames = arguments.filter { name in cases.contains { $0.name == name } }
let chapters = arguments.first { name in !cases.contains { $0.name == name } } ?? "chapters"

/// The CPU time (user and system, every thread) this process has used so far, in seconds.
func processorSeconds() -> Double {
    var usage = rusage()
    getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
    func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
    return seconds(usage.ru_utime) + seconds(usage.ru_stime)
}

for buildCase in cases where caseNames.isEmpty || caseNames.contains(buildCase.name) {
    var pages = 0
    // CPU time moves less than wall time with the machine's load: the cold build's work is its trainings.
    var processor = [Double]()
    let timings = Timings(rounds: buildCase.rounds) {
        let start = processorSeconds()
        defer { processor.append(processorSeconds() - start) }
        let result = SiteBuilder(chaptersFolder: chapters, options: buildCase.options(chapters)).build()
        if result.diagnostics.containsErrors {
            FileHandle.standardError.write(Data("the course in '\(chapters)' does not build: \(result.diagnostics.first!)\n".utf8))
            exit(1)
        }
        pages = result.pageCount
        if buildCase.writes {
            do {
                try SiteWriter(output: output).write(result.files)
            } catch {
                FileHandle.standardError.write(Data("the site could not be written to '\(output)': \(error)\n".utf8))
                exit(1)
            }
        }
        if buildCase.name == "cached", let line = computed.first {
            FileHandle.standardError.write(Data("a cached build computed (\(line)); build the course once first\n".utf8))
            exit(1)
        }
    }
    if buildCase.writes { try? FileManager.default.removeItem(atPath: output) }
    let cpu = processor.sorted()[processor.count / 2]
    print(String(format: "%@ build of %@ (%d pages, %d jobs): median %.2f s (fastest %.2f s, slowest %.2f s, %d rounds), %.1f s of CPU (median)",
                 buildCase.name, chapters, pages, jobs, timings.median, timings.fastest, timings.slowest, timings.seconds.count, cpu))
}
