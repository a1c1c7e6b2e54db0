// Builds a generated course of 200 chapters of about 5 KB each with the
// standard build (no experiments), writes it, and prints the median wall time
// and throughput. Run: swift run -c release SiteBenchmarks
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
             chapterCount, megabytes, median, repetitions, timings.fastest, timings.slowest, megabytes / median,
             ProcessInfo.processInfo.activeProcessorCount))

// Rebuilds of the course in one process through a BuildMemo, as `coursegen serve` does after an
// edit: a copy of the course folder (default `chapters`, or the first argument) with a warm result
// cache, built and written once, then edited and rebuilt. Each round's edit is new, so nothing
// is a stale hit.
let course = CommandLine.arguments.dropFirst().first ?? "chapters"
if fm.fileExists(atPath: course + "/01-gradient-descent.md") {
    let copy = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("coursegen-memo-bench-\(getpid())")
    try? fm.removeItem(at: copy)
    try fm.createDirectory(at: copy, withIntermediateDirectories: true)
    let copied = copy.appendingPathComponent("chapters").path
    try fm.copyItem(atPath: course, toPath: copied)
    // The result cache sits beside the chapters folder; a cold cache would time the trainings.
    let cache = URL(fileURLWithPath: course).deletingLastPathComponent().appendingPathComponent(".coursegen-cache").path
    if fm.fileExists(atPath: cache) { try fm.copyItem(atPath: cache, toPath: copy.appendingPathComponent(".coursegen-cache").path) }
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
    let cached = try Timings(rounds: repetitions) { try build(memo: nil) }
    report("course build from the result cache, no memo (built and written)", cached)
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
