// Renders the four-optimizer bowl experiment (Deep Learning from Scratch, figure 6-8)
// end to end — parse and check the directive, run the four runs, contour,
// SVG, MathML tables — and prints the median time and the fragment's bytes against the
// targets (20 ms, 40 KB). When numpy and matplotlib are importable it times the book's
// own script, /work/shared/baselines/dlfs_fig6.py, in the same run.
//
// Run: swift run -c release RenderBenchmarks [fragment.html]
import BenchmarkSupport
import CourseDiagnostics
import ExperimentLanguage
import ExperimentPages
import Foundation
import Optimizers

let bowl = """
    Experiment("Four optimizers on an elongated bowl") {
        Objective { x, y in x * x / 20 + y * y }
        Minimum(0, 0)
        Start(-7, 2)
        Steps(30)
        Domain(x: -10...10, y: -5...5)
        Layout(.grid)
        SGD(lr: 0.95)
        SGD(lr: 0.1, momentum: 0.9).label("Momentum")
        AdaGrad(lr: 1.5)
        Adam(lr: 0.3)
    }
    """

/// Parse, run and render once; the fragment.
func render() -> String {
    var diagnostics: [Diagnostic] = []
    guard case .experiment(let experiment) = DirectiveParser.parse(
        bowl, origin: SourceOrigin(file: "bench.md", line: 1), diagnostics: &diagnostics)
    else {
        fatalError("the benchmark's directive does not check: \(diagnostics)")
    }
    let trajectories = experiment.runs.map { run in
        experiment.starts.map { start in
            RunLoop.run(experiment.objective.function, settings: RunSettings(
                start: start, steps: experiment.steps, optimizer: run.optimizer, schedule: run.schedule,
                noise: run.noise, batchSize: experiment.batchSize, seed: experiment.seed))
        }
    }
    return ExperimentPage.html(experiment, trajectories: trajectories, idPrefix: "bowl")
}

let fragment = render()  // warm-up
let timings = Timings(rounds: 51) { _ = render() }
let median = timings.median * 1e3
let bytes = fragment.utf8.count
print("coursegen bowl experiment (parse + run + contour + SVG + tables), 51 renders:")
print(String(format: "  median %.2f ms (min %.2f, max %.2f); target < 20 ms: %@", median, timings.fastest * 1e3, timings.slowest * 1e3, median < 20 ? "met" : "MISSED"))
print("  HTML fragment \(bytes) bytes; target < 40000: \(bytes < 40_000 ? "met" : "MISSED")")
if CommandLine.arguments.count > 1 {
    try fragment.write(toFile: CommandLine.arguments[1], atomically: true, encoding: .utf8)
    print("  fragment written to \(CommandLine.arguments[1])")
}

/// Runs `arguments` and returns the exit status and wall time in seconds.
func time(_ arguments: [String]) -> (Int32, Double)? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    let start = Timings.now()
    guard (try? process.run()) != nil else { return nil }
    process.waitUntilExit()
    return (process.terminationStatus, Timings.now() - start)
}

let script = "/work/shared/baselines/dlfs_fig6.py"
let output = NSTemporaryDirectory() + "dlfs_fig6.svg"
if let (status, _) = time(["python3", "-c", "import numpy, matplotlib"]), status == 0,
   FileManager.default.fileExists(atPath: script) {
    if let (status, seconds) = time(["python3", script, output]), status == 0 {
        let size = (try? FileManager.default.attributesOfItem(atPath: output)[.size] as? Int) ?? 0
        print("numpy + matplotlib baseline (\(script)), one process:")
        print(String(format: "  %.2f s, SVG %d bytes; coursegen is %.0f× faster and %.0f× smaller", seconds, size, seconds * 1000 / median, Double(size) / Double(bytes)))
    } else {
        print("baseline: \(script) failed")
    }
} else {
    print("baseline skipped: python3 cannot import numpy and matplotlib")
}
