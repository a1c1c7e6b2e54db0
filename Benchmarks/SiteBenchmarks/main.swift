// Two cases, each timed in-process through the standard build and written out:
// 1. a generated course of 200 chapters of about 5 KB each (no experiments): median wall
//    time and throughput;
// 2. the course in `chapters/` from a warm result cache (a copy of the chapters and of
//    their cache; a round that trains anything fails the benchmark).
// Run: swift run -c release SiteBenchmarks
import BenchmarkSupport
import CourseDiagnostics
import CourseSite
import Foundation

let chapterCount = 200
let repetitions = 9

/// A 5 KB chapter with headings, lists, a table, code, math, links and a footnote.
func chapter(_ i: Int) -> String {
    let next = i < chapterCount ? String(format: "%03d-chapter-%d.md", i + 1, i + 1) : String(format: "%03d-chapter-%d.md", 1, 1)
    var text = "---\ntitle: Chapter \(i)\ndescription: Generated chapter \(i).\n---\n# Chapter \(i)\n\n"
    var section = 0
    while text.utf8.count < 5_000 {
        section += 1
        text += """
        ## Section \(section)

        Gradient descent moves against the gradient, $\\theta_{t+1} = \\theta_t - \\eta \\nabla f(\\theta_t)$, and *momentum* \
        keeps a running **velocity** so that consistent directions build up.[^n\(section)] See [the next chapter](\(next)#section-1) \
        and `code spans` with $x_1^2 + y^2$ inline.

        - a list item with `code`
        - another with a [link](https://example.org)

        | method | lr | steps |
        |:-------|---:|------:|
        | SGD | 0.95 | 30 |
        | Adam | 0.3 | 30 |

        ```swift
        let lr = 0.1
        for t in 0..<30 { x -= lr * gradient(x) }
        ```

        [^n\(section)]: A footnote for section \(section).


        """
    }
    return text
}

let fm = FileManager.default
let root = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("coursegen-site-bench-\(getpid())")
let chapters = root.appendingPathComponent("chapters")
try? fm.removeItem(at: root)
try fm.createDirectory(at: chapters, withIntermediateDirectories: true)
var totalBytes = 0
for i in 1...chapterCount {
    let text = chapter(i)
    totalBytes += text.utf8.count
    try Data(text.utf8).write(to: chapters.appendingPathComponent(String(format: "%03d-chapter-%d.md", i, i)))
}

let timings = try Timings(rounds: repetitions) {
    let builder = SiteBuilder(chaptersFolder: chapters.path, options: StandardBuild.options(chaptersFolder: chapters.path, useCache: false))
    let result = builder.build()
    precondition(!result.diagnostics.containsErrors, "the generated course must build: \(result.diagnostics.prefix(3))")
    try SiteWriter(output: root.appendingPathComponent("site").path).write(result.files)
}
try? fm.removeItem(at: root)
let median = timings.median
let megabytes = Double(totalBytes) / 1_000_000
print(String(format: "site build: %d chapters, %.2f MB of Markdown: median %.3f s over %d runs (min %.3f, max %.3f), %.1f MB/s, %d cores",
             chapterCount, megabytes, median, timings.seconds.count, timings.fastest, timings.slowest, megabytes / median,
             ProcessInfo.processInfo.activeProcessorCount))

// The course from a warm cache. The cache is found where the standard build looks for it,
// for the course and for its copy alike.
let course = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent().appendingPathComponent("chapters")
let courseRoot = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("coursegen-course-bench-\(getpid())")
let courseCopy = courseRoot.appendingPathComponent("chapters")
try? fm.removeItem(at: courseRoot)
try fm.createDirectory(at: courseRoot, withIntermediateDirectories: true)
try fm.copyItem(at: course, to: courseCopy)
func cacheFolder(_ chapters: URL) -> String { StandardBuild.options(chaptersFolder: chapters.path).cache!.folder }
if fm.fileExists(atPath: cacheFolder(course)), !fm.fileExists(atPath: cacheFolder(courseCopy)) {
    try fm.copyItem(atPath: cacheFolder(course), toPath: cacheFolder(courseCopy))
}
/// Trainings that actually trained (the build's progress lines).
final class TrainingCount: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    func add() { lock.withLock { count += 1 } }
    func take() -> Int { lock.withLock { defer { count = 0 }; return count } }
}
let trained = TrainingCount()
func buildCourse() throws {
    let options = StandardBuild.options(chaptersFolder: courseCopy.path, progress: { _ in trained.add() })
    let result = SiteBuilder(chaptersFolder: courseCopy.path, options: options).build()
    precondition(!result.diagnostics.containsErrors, "the course must build: \(result.diagnostics.prefix(3))")
    try SiteWriter(output: courseRoot.appendingPathComponent("site").path).write(result.files)
}
// Whatever the copied cache lacks is trained once, before the timed rounds.
let warmStart = Timings.now()
try buildCourse()
let warmed = trained.take()
let courseTimings = try Timings(rounds: repetitions) { try buildCourse() }
precondition(trained.take() == 0, "a cached build trained again")
try? fm.removeItem(at: courseRoot)
print(String(format: "cached course build: %@: median %.3f s over %d runs (min %.3f, max %.3f)%@",
             course.path, courseTimings.median, courseTimings.seconds.count, courseTimings.fastest, courseTimings.slowest,
             warmed > 0 ? String(format: "; warming the cache trained %d and took %.1f s", warmed, Timings.now() - warmStart) : ""))

// Rebuilds of the course in one process through a BuildMemo, as `coursegen serve` does after an
// edit: a copy of the course folder (default `chapters`, or the first argument) with a warm result
// cache, built and written once, then edited and rebuilt. Each round's edit is new, so nothing
// is a stale hit.
let memoCourse = CommandLine.arguments.dropFirst().first ?? course.path
if fm.fileExists(atPath: memoCourse + "/01-gradient-descent.md") {
    let copy = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("coursegen-memo-bench-\(getpid())")
    try? fm.removeItem(at: copy)
    try fm.createDirectory(at: copy, withIntermediateDirectories: true)
    let copied = copy.appendingPathComponent("chapters").path
    try fm.copyItem(atPath: memoCourse, toPath: copied)
    // A cold cache would time the trainings: the copy takes the course's, wherever the build keeps it.
    if fm.fileExists(atPath: cacheFolder(URL(fileURLWithPath: memoCourse))), !fm.fileExists(atPath: cacheFolder(URL(fileURLWithPath: copied))) {
        try fm.copyItem(atPath: cacheFolder(URL(fileURLWithPath: memoCourse)), toPath: cacheFolder(URL(fileURLWithPath: copied)))
    }
    let site = copy.appendingPathComponent("site").path
    let chapterFile = copied + "/01-gradient-descent.md"
    let original = try String(contentsOfFile: chapterFile, encoding: .utf8)
    let memo = BuildMemo()
    func build(memo: BuildMemo?) throws {
        var options = StandardBuild.options(chaptersFolder: copied)
        options.memo = memo
        let result = SiteBuilder(chaptersFolder: copied, options: options).build()
        precondition(!result.diagnostics.containsErrors, "the course must build: \(result.diagnostics.prefix(3))")
        try SiteWriter(output: site).write(result.files)
    }
    func edited(_ round: Int, _ edit: (String, Int) -> String) throws {
        try Data(edit(original, round).utf8).write(to: URL(fileURLWithPath: chapterFile))
    }
    var round = 0
    func report(_ what: String, _ timings: Timings) {
        print(String(format: "%@: median %.1f ms over %d runs (min %.1f, max %.1f)", what, timings.median * 1000,
                     timings.seconds.count, timings.fastest * 1000, timings.slowest * 1000))
    }
    try build(memo: memo)
    let prose = try Timings(rounds: repetitions) {
        round += 1
        try edited(round) { text, n in text.replacingOccurrences(of: "The zigzagging run ends", with: "The zigzagging run (\(n)) ends") }
        try build(memo: memo)
    }
    report("course rebuild after a prose edit, with memo (built and written)", prose)
    let above = try Timings(rounds: repetitions) {
        round += 1
        try edited(round) { text, n in text.replacingOccurrences(of: "\n## ", with: "\nA new line \(n).\n\n## ", options: [], range: text.range(of: "\n## ")) }
        try build(memo: memo)
    }
    report("course rebuild after a prose edit that moves the chapter's fences, with memo", above)
    let experiment = try Timings(rounds: repetitions) {
        round += 1
        try edited(round) { text, n in text.replacingOccurrences(of: "SGD(lr: 0.5).label(\"η = 0.5\")",
                                                                  with: "SGD(lr: 0.5\(String(format: "%04d", n))).label(\"η = 0.5\")") }
        try build(memo: memo)
    }
    report("course rebuild after a 2-D experiment edit (it runs), with memo", experiment)
    try? fm.removeItem(at: copy)
}
