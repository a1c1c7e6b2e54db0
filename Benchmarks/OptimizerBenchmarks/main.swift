// Release benchmark of the optimizer engine, in one run:
//   - Adam and L-BFGS steps/s on 2-D Rosenbrock, gradient evaluation included;
//   - GB/s of optimizer state touched by Adam on a 1,000,000-parameter vector, beside a
//     STREAM-style triad on the same machine;
//   - PyTorch's eager step rate on the same problem, when a virtual environment with torch
//     is at .venv-ref (see scripts/reference/generate.py).
// Run with `swift run -c release OptimizerBenchmarks` from the package root.
import CourseDiagnostics
import ExperimentLanguage
import Foundation
import Optimizers

func now() -> Double {
    var t = timespec()
    clock_gettime(CLOCK_MONOTONIC, &t)
    return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}

/// The median of `rounds` timings of `body`, in seconds.
func median(rounds: Int = 7, _ body: () -> Void) -> Double {
    var times: [Double] = []
    for _ in 0..<rounds {
        let start = now()
        body()
        times.append(now() - start)
    }
    return times.sorted()[rounds / 2]
}

func millions(_ rate: Double) -> String { String(format: "%.2f M", rate / 1e6) }

/// Rosenbrock written by hand, as a reference point for the compiled objective.
struct HandRosenbrock: DifferentiableFunction {
    var dimension: Int { 2 }
    func value(_ p: UnsafeBufferPointer<Double>) -> Double {
        let a = 1 - p[0], b = p[1] - p[0] * p[0]
        return a * a + 100 * b * b
    }
    func valueAndGradient(_ p: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>) -> Double {
        let a = 1 - p[0], b = p[1] - p[0] * p[0]
        g[0] = -2 * a - 400 * p[0] * b
        g[1] = 200 * b
        return a * a + 100 * b * b
    }
    func hessian(_ p: UnsafeBufferPointer<Double>, _ h: UnsafeMutableBufferPointer<Double>) -> Bool { false }
}

/// The compiled Rosenbrock the directive language gives `Objective(.rosenbrock)`.
func compiledRosenbrock() -> any DifferentiableFunction {
    var diagnostics: [Diagnostic] = []
    guard case .experiment(let e)? = DirectiveParser.parse(
        "Experiment(\"b\") { Objective(.rosenbrock); Adam(lr: 0.01) }",
        origin: SourceOrigin(file: "bench", line: 1), diagnostics: &diagnostics)
    else { fatalError("Objective(.rosenbrock) does not check: \(diagnostics)") }
    return e.objective.function
}

/// Steps per second of `config` on `function`, restarting from (−1.5, 2) every `chunk`
/// steps with a fresh optimizer, so that every measured step is a real one (L-BFGS would
/// otherwise sit at the minimum taking no-op steps).
func stepRate(_ config: OptimizerConfig, on function: any DifferentiableFunction, steps: Int, chunk: Int) -> Double {
    let oracle = GradientOracle(function)
    var x = [-1.5, 2.0]
    let time = median {
        var done = 0
        while done < steps {
            guard let optimizer = Optimizer(config, dimension: 2) else { fatalError("invalid \(config)") }
            x[0] = -1.5
            x[1] = 2
            x.withUnsafeMutableBufferPointer { xp in
                for _ in 0..<min(chunk, steps - done) {
                    optimizer.step(xp, oracle: oracle)
                }
            }
            done += chunk
        }
    }
    if !x[0].isFinite { print("non-finite") }
    return Double(steps) / time
}

/// Steps per second of the whole run loop (trajectory, losses and rates recorded).
func runLoopRate(_ config: OptimizerConfig, on function: any DifferentiableFunction, steps: Int) -> Double {
    var sink = 0.0
    let time = median(rounds: 5) {
        let trajectory = RunLoop.run(function, settings: RunSettings(start: [-1.5, 2], steps: steps, optimizer: config))
        sink += trajectory.losses.last ?? 0
    }
    if !sink.isFinite { print("non-finite") }
    return Double(steps) / time
}

let adam = OptimizerConfig(callName: "Adam", arguments: ["lr": .real(0.01)])
let lbfgsPlain = OptimizerConfig(callName: "LBFGS", arguments: ["lr": .real(0.5), "lineSearch": .choice("none")])
let lbfgsWolfe = OptimizerConfig(callName: "LBFGS", arguments: ["maxEval": .integer(25)])
let compiled = compiledRosenbrock()

print("2-D Rosenbrock from (−1.5, 2), medians of 7, one core:")
print("  Adam(lr: 0.01), compiled objective: \(millions(stepRate(adam, on: compiled, steps: 10_000_000, chunk: 10_000_000))) steps/s")
print("  Adam(lr: 0.01), hand-written objective: \(millions(stepRate(adam, on: HandRosenbrock(), steps: 10_000_000, chunk: 10_000_000))) steps/s")
print("  Adam(lr: 0.01), run loop recording the trajectory: \(millions(runLoopRate(adam, on: compiled, steps: 2_000_000))) steps/s")
print("  LBFGS(lr: 0.5, lineSearch: .none), restarted every 50 steps: \(millions(stepRate(lbfgsPlain, on: compiled, steps: 1_000_000, chunk: 50))) steps/s")
print("  LBFGS(maxEval: 25) with strong Wolfe search, restarted every 20 steps: \(millions(stepRate(lbfgsWolfe, on: compiled, steps: 200_000, chunk: 20))) steps/s")

// Adam on a large vector: the update alone, from a given gradient, as a network trainer drives it.
let n = 1_000_000
var parameters = (0..<n).map { Double($0 % 1000) * 1e-3 - 0.5 }
var gradients = (0..<n).map { Double(($0 * 7) % 1000) * 1e-3 - 0.5 }
guard let large = Optimizer(OptimizerConfig(callName: "Adam", arguments: ["lr": .real(1e-3)]), dimension: n) else {
    fatalError("Adam does not build")
}
let adamSteps = 20
let adamTime = median {
    parameters.withUnsafeMutableBufferPointer { xp in
        gradients.withUnsafeMutableBufferPointer { gp in
            for _ in 0..<adamSteps { large.step(xp, gradient: gp) }
        }
    }
}
// Per parameter and step: θ read and written, g read, m and v read and written.
let adamBytes = Double(n) * 8 * 7 * Double(adamSteps)
let adamGBs = adamBytes / adamTime / 1e9

// STREAM triad a = b + s·c on three vectors of the same length: 24 bytes per element.
var a = [Double](repeating: 0, count: n), b = [Double](repeating: 1, count: n), c = [Double](repeating: 2, count: n)
let triadRounds = 20
let triadTime = median {
    a.withUnsafeMutableBufferPointer { ap in
        b.withUnsafeBufferPointer { bp in
            c.withUnsafeBufferPointer { cp in
                for round in 0..<triadRounds {
                    let s = 3.0 + Double(round)
                    for i in 0..<n { ap[i] = bp[i] + s * cp[i] }
                }
            }
        }
    }
}
let triadGBs = Double(n) * 24 * Double(triadRounds) / triadTime / 1e9
print("Adam on 1,000,000 parameters (state touched: 56 bytes per parameter): \(String(format: "%.2f", adamGBs)) GB/s")
print("STREAM triad on 1,000,000 doubles (24 bytes per element): \(String(format: "%.2f", triadGBs)) GB/s")
print("Adam / triad: \(String(format: "%.0f", adamGBs / triadGBs * 100)) %")
if !(parameters[0].isFinite && a[1] > 0) { print("non-finite") }

// PyTorch in the same run, when it is installed.
let python = FileManager.default.currentDirectoryPath + "/.venv-ref/bin/python"
let script = "/work/shared/baselines/torch_step_rate.py"
if FileManager.default.isExecutableFile(atPath: python), FileManager.default.fileExists(atPath: script) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = ["-W", "ignore", script]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do {
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        print("PyTorch eager (\(script)):")
        for line in String(decoding: output, as: UTF8.self).split(separator: "\n") { print("  " + line) }
    } catch {
        print("PyTorch baseline did not run: \(error)")
    }
} else {
    print("PyTorch baseline skipped: no .venv-ref with torch in \(FileManager.default.currentDirectoryPath)")
}
