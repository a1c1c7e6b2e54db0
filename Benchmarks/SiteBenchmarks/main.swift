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
