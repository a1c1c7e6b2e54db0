// Release benchmark: ms per training iteration of the Deep Learning from Scratch ch. 6
// network (4×100 ReLU, He init, batch 128) on the 8×8 digits, one thread, beside
// PyTorch's figure from /work/shared/baselines/torch_mlp_digits.py measured in the same run.
//
//   swift run -c release TrainingBenchmarks [path/to/torch_mlp_digits.py]
//
// PyTorch runs when a Python with torch and scikit-learn is found: $COURSEGEN_TORCH_PYTHON,
// else .venv-ref/bin/python in the current folder, else python3.
import BenchmarkSupport
import Dispatch
import Foundation
import NeuralNetworks
import Optimizers

let iterations = 2000
let repetitions = 5

func configuration(_ run: TrainingRun, iterations: Int) -> TrainingConfiguration {
    // One evaluation at the start and one at the end, so the figure is the training loop's.
    TrainingConfiguration(
        title: "benchmark", dataset: .digits, testFraction: 0.2, hidden: [100, 100, 100, 100], activation: .relu,
        initialization: .kaimingNormal(), batchSize: 128, iterations: iterations, seed: 0,
        evaluationInterval: iterations, runs: [run])
}

/// Median ms per iteration of `Trainer.run` (data split, initialisation and two evaluations included).
func measure(_ run: TrainingRun, kernel: MatrixKernel, iterations: Int, repetitions: Int) throws -> (ms: Double, accuracy: Double) {
    var accuracy = 0.0
    let seconds = try median(rounds: repetitions) {
        let report = try Trainer.run(configuration(run, iterations: iterations), kernel: kernel, maxConcurrentRuns: 1)
        accuracy = report.results[0].testAccuracy
    }
    return (seconds * 1e3 / Double(iterations), accuracy)
}

let runs = [
    TrainingRun(label: "SGD", optimizer: OptimizerConfig(callName: "SGD", arguments: ["lr": .real(0.01)])),
    TrainingRun(label: "Momentum", optimizer: OptimizerConfig(callName: "Momentum", arguments: ["lr": .real(0.01), "momentum": .real(0.9)])),
    TrainingRun(label: "AdaGrad", optimizer: OptimizerConfig(callName: "AdaGrad", arguments: ["lr": .real(0.01)])),
    TrainingRun(label: "Adam", optimizer: OptimizerConfig(callName: "Adam", arguments: ["lr": .real(0.001)])),
]

print("coursegen float64, \(MatrixKernel.preferred), one thread, \(iterations) iterations, median of \(repetitions):")
var ours = [String: Double]()
for run in runs {
    let (ms, accuracy) = try measure(run, kernel: .preferred, iterations: iterations, repetitions: repetitions)
    ours[run.label] = ms
    print("  \(run.label.padding(toLength: 9, withPad: " ", startingAt: 0)) \(String(format: "%.3f", ms)) ms/iteration, test accuracy \(String(format: "%.3f", accuracy))")
}
let portable = try measure(runs[3], kernel: .portable, iterations: 200, repetitions: 1)
print("  Adam with the portable Swift kernel: \(String(format: "%.3f", portable.ms)) ms/iteration (200 iterations)")

// PyTorch in the same run.
let script = CommandLine.arguments.dropFirst().first ?? "/work/shared/baselines/torch_mlp_digits.py"
let environment = ProcessInfo.processInfo.environment
let python = environment["COURSEGEN_TORCH_PYTHON"]
    ?? (FileManager.default.isExecutableFile(atPath: ".venv-ref/bin/python") ? ".venv-ref/bin/python" : "/usr/bin/env")
let process = Process()
process.executableURL = URL(fileURLWithPath: python)
process.arguments = (python == "/usr/bin/env" ? ["python3"] : []) + [script]
let pipe = Pipe()
process.standardOutput = pipe
process.standardError = FileHandle.nullDevice
guard FileManager.default.fileExists(atPath: script), (try? process.run()) != nil else {
    print("PyTorch: not measured (no \(script) or no Python)")
    exit(0)
}
let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
process.waitUntilExit()
guard process.terminationStatus == 0, !output.isEmpty else {
    print("PyTorch: not measured (torch or scikit-learn is not importable by \(python))")
    exit(0)
}
print("PyTorch (\(script)), one thread:")
for line in output.split(separator: "\n") {
    // "float64 Adam: 2.80 s for 2000 iterations (1.40 ms/it), final batch loss …"
    let words = line.split(separator: " ")
    guard words.count > 1, let label = words[1].split(separator: ":").first else { continue }
    let comparison = words[0] == "float64" ? ours[String(label)].map { String(format: " → coursegen %.3f ms/it", $0) } ?? "" : ""
    print("  \(line)\(comparison)")
}
