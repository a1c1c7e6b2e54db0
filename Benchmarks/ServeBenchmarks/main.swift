// The author's loop of `coursegen serve`, in process on a copy of the course with a warm result
// cache: an edit, then the rebuild of the live site until its event is published. Three edits:
// (1) prose in a chapter, (2) one 2-D experiment's step count, (3) one training's `.label("…")`,
// which must train nothing. Run: swift run -c release ServeBenchmarks [chapters]
import BenchmarkSupport
import CourseServer
import CourseSite
import Foundation
import Synchronization

let source = CommandLine.arguments.dropFirst().first ?? "chapters"
let fm = FileManager.default
let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("coursegen-serve-bench-\(getpid())").path
let chapters = root + "/chapters"
try? fm.removeItem(atPath: root)
try fm.createDirectory(atPath: root, withIntermediateDirectories: true)
try fm.copyItem(atPath: source, toPath: chapters)
// The result cache lives beside the chapters folder (ResultCache.beside) until it moves into it.
let cache = URL(fileURLWithPath: source).standardizedFileURL.deletingLastPathComponent().appendingPathComponent(".coursegen-cache").path
if fm.fileExists(atPath: cache) { try fm.copyItem(atPath: cache, toPath: root + "/.coursegen-cache") }
defer { try? fm.removeItem(atPath: root) }

/// A line on standard output at once (a pipe buffers `print`).
func say(_ line: String) { FileHandle.standardOutput.write(Data((line + "\n").utf8)) }

/// Lines of trainings that actually trained, from the build's progress.
let trainings = Mutex(0)
var configuration = LiveSite.Configuration(chaptersFolder: chapters)
configuration.progress = { line in trainings.withLock { $0 += line.contains("training") ? 1 : 0 } }
let site = LiveSite(configuration)
let warm = Timings(rounds: 1) {
    let first = site.rebuild()
    precondition(!first.result.diagnostics.containsErrors, "the course must build: \(first.result.diagnostics.prefix(3))")
}
say(String(format: "first build of the copy (warm cache): %.2f s, %d trainings ran", warm.median, trainings.withLock { $0 }))

func read(_ name: String) throws -> String { try String(contentsOfFile: chapters + "/" + name, encoding: .utf8) }
func write(_ name: String, _ text: String) throws { try Data(text.utf8).write(to: URL(fileURLWithPath: chapters + "/" + name)) }

/// Times `rounds` edits, each `edit(round)` then a rebuild; checks each event with `check`.
func measure(_ what: String, rounds: Int = 9, edit: (Int) throws -> Void, check: (LiveEvent.Change) -> Bool) throws {
    var round = 0
    let before = trainings.withLock { $0 }
    var bad = 0
    let timings = try Timings(rounds: rounds) {
        round += 1
        try edit(round)
        let outcome = site.rebuild()
        guard case .reload(let change) = outcome.event, check(change) else {
            bad += 1
            return
        }
    }
    let trained = trainings.withLock { $0 } - before
    say(String(format: "%@: median %.1f ms over %d edits (min %.1f, max %.1f); %d trainings ran%@", what,
                 timings.median * 1000, timings.seconds.count, timings.fastest * 1000, timings.slowest * 1000, trained,
                 bad == 0 ? "" : "; \(bad) edits gave no reload of the page (failed build?)"))
}

// (1) Prose: a sentence of the first chapter, changed each round.
let prose = "01-gradient-descent.md"
let proseText = try read(prose)
let sentence = "Its minimum is at the origin"
precondition(proseText.contains(sentence), "the benchmark edits '\(sentence)' in \(prose)")
try measure("prose edit → reload event", edit: { round in
    try write(prose, proseText.replacingOccurrences(of: sentence, with: "Its minimum (edit \(round)) is at the origin"))
}, check: { $0.changed.contains("gradient-descent.html") })
try write(prose, proseText)
site.rebuild()

// (2) A 2-D experiment: the zigzag's step count, a new one each round (so it really runs).
let steps = "    Steps(30)\n    Domain(x: -10...10, y: -5...5)\n    SGD(lr: 0.95).label(\"η = 0.95\")"
precondition(proseText.contains(steps), "the benchmark edits the zigzag experiment's Steps(30) in \(prose)")
try measure("2-D experiment edit → reload event", edit: { round in
    try write(prose, proseText.replacingOccurrences(of: steps, with: steps.replacingOccurrences(of: "Steps(30)", with: "Steps(\(30 + round))")))
}, check: { $0.changed.contains("gradient-descent.html") })
try write(prose, proseText)
site.rebuild()

// (3) A training's label: the first `.label("…")` of chapter 11, renamed with the claims that name it.
let training = "12-training-a-network.md"
let trainingText = try read(training)
let label = trainingText.components(separatedBy: ".label(\"").dropFirst().compactMap { $0.components(separatedBy: "\")").first }.first!
try measure("training label edit → reload event (label \"\(label)\")", rounds: 3, edit: { round in
    try write(training, trainingText.replacingOccurrences(of: "\"\(label)\"", with: "\"\(label) (\(round))\""))
}, check: { $0.changed.contains("training-a-network.html") })
try write(training, trainingText)
say(String(format: "%d cores; load average %@", ProcessInfo.processInfo.activeProcessorCount,
             (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"))
