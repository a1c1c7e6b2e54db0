// Release benchmark of the optimizer engine, in one run:
//   - Adam and L-BFGS steps/s on 2-D Rosenbrock, gradient evaluation included;
//   - GB/s of optimizer state touched by Adam (and AdamW, AMSGrad, Momentum, RMSProp, AdaGrad, ASGD,
//     Rprop, Lion, Yogi, ScheduleFreeAdamW, ScheduleFreeSGD) on a 1,000,000-parameter vector, beside a
//     STREAM-style triad on the same machine;
//   - PyTorch's eager step rate on the same problem, when a virtual environment with torch
//     is at .venv-ref (see scripts/reference/generate.py).
// Run with `swift run -c release OptimizerBenchmarks` from the package root.
import BenchmarkSupport
import CourseDiagnostics
import ExperimentLanguage
import Foundation
import Optimizers

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

/// The processor's model name and the number of cores, for the record.
func machine() -> String {
    let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
    let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
        .flatMap { $0.split(separator: ":", maxSplits: 1).last }
        .map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown processor"
    return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores"
}

print("Machine: \(machine())")
print("2-D Rosenbrock from (−1.5, 2), medians of 7, one core:")
print("  Adam(lr: 0.01), compiled objective: \(millions(stepRate(adam, on: compiled, steps: 10_000_000, chunk: 10_000_000))) steps/s")
print("  Adam(lr: 0.01), hand-written objective: \(millions(stepRate(adam, on: HandRosenbrock(), steps: 10_000_000, chunk: 10_000_000))) steps/s")
print("  Adam(lr: 0.01), run loop recording the trajectory: \(millions(runLoopRate(adam, on: compiled, steps: 2_000_000))) steps/s")
print("  LBFGS(lr: 0.5, lineSearch: .none), restarted every 50 steps: \(millions(stepRate(lbfgsPlain, on: compiled, steps: 1_000_000, chunk: 50))) steps/s")
print("  LBFGS(maxEval: 25) with strong Wolfe search, restarted every 20 steps: \(millions(stepRate(lbfgsWolfe, on: compiled, steps: 200_000, chunk: 20))) steps/s")

// The element-wise methods on a large vector: the update alone, from a given gradient, as a
// network trainer drives it. The bytes counted are those the update must move per parameter
// and step: every vector it reads (θ, g and the state) and every vector it writes (θ and the
// state), 8 bytes each; a value read and written back counts twice, as in STREAM.
let n = 1_000_000

/// GB/s of state touched by `steps` updates of `config` on `n` parameters, median of 7 runs.
func bandwidth(_ config: OptimizerConfig, bytesPerParameter: Int, steps: Int = 20) -> Double {
    var parameters = (0..<n).map { Double($0 % 1000) * 1e-3 - 0.5 }
    var gradients = (0..<n).map { Double(($0 * 7) % 1000) * 1e-3 - 0.5 }
    guard let optimizer = Optimizer(config, dimension: n) else { fatalError("invalid \(config)") }
    let time = median {
        parameters.withUnsafeMutableBufferPointer { xp in
            gradients.withUnsafeMutableBufferPointer { gp in
                for _ in 0..<steps { optimizer.step(xp, gradient: gp) }
            }
        }
    }
    if !parameters[0].isFinite { print("non-finite") }
    return Double(n * bytesPerParameter * steps) / time / 1e9
}

/// GB/s of `rounds` passes of `body(round)` over vectors of `n` doubles moving `bytesPerElement`
/// bytes per element, median of 7 runs.
func loopBandwidth(bytesPerElement: Int, rounds: Int = 20, _ body: (Int) -> Void) -> Double {
    let time = median {
        for round in 0..<rounds { body(round) }
    }
    return Double(n * bytesPerElement * rounds) / time / 1e9
}

// STREAM triad a = b + s·c on three vectors of the same length: 24 bytes per element. STREAM
// does not count the read the cache makes of `a` before writing it (32 bytes really move), so
// the triad runs below the memory system's bandwidth for loops like the optimizers', whose
// written vectors are all read first. The in-place triad b = b + s·c is such a loop, and is
// printed beside it as the stricter yardstick.
var a = [Double](repeating: 0, count: n), b = [Double](repeating: 1, count: n), c = [Double](repeating: 2, count: n)
let (triadGBs, inPlaceGBs) = a.withUnsafeMutableBufferPointer { ap in
    b.withUnsafeMutableBufferPointer { bp in
        c.withUnsafeBufferPointer { cp in
            let triad = loopBandwidth(bytesPerElement: 24) { round in
                let s = 3.0 + Double(round)
                for i in 0..<n { ap[i] = bp[i] + s * cp[i] }
            }
            let inPlace = loopBandwidth(bytesPerElement: 24) { round in
                let s = 1e-3 * Double(round)
                for i in 0..<n { bp[i] = bp[i] + s * cp[i] }
            }
            return (triad, inPlace)
        }
    }
}
if !(a[1] > 0 && b[1] > 0) { print("non-finite") }

func gigabytes(_ rate: Double) -> String {
    String(format: "%.2f GB/s, %.0f %% of the triad, %.0f %% of the in-place triad", rate, rate / triadGBs * 100, rate / inPlaceGBs * 100)
}

print("1,000,000 parameters, 20 steps from a given gradient, medians of 7, one core, loops on \(Optimizer.longVectorInstructions):")
print("  STREAM triad a = b + s·c (24 bytes per element): \(String(format: "%.2f", triadGBs)) GB/s")
print("  in-place triad b = b + s·c (24 bytes per element): \(String(format: "%.2f", inPlaceGBs)) GB/s")
let largeCases: [(label: String, config: OptimizerConfig, bytes: Int)] = [
    ("Adam(lr: 0.001), θ g m v read, θ m v written (56 bytes)",
     OptimizerConfig(callName: "Adam", arguments: ["lr": .real(1e-3)]), 56),
    ("AdamW(lr: 0.001), as Adam (56 bytes)",
     OptimizerConfig(callName: "AdamW", arguments: ["lr": .real(1e-3)]), 56),
    ("AMSGrad(lr: 0.001), θ g m v v̂ read, θ m v v̂ written (72 bytes)",
     OptimizerConfig(callName: "AMSGrad", arguments: ["lr": .real(1e-3)]), 72),
    ("Momentum(lr: 0.01), θ g b read, θ b written (40 bytes)",
     OptimizerConfig(callName: "Momentum", arguments: ["lr": .real(0.01)]), 40),
    ("RMSProp(lr: 0.001), θ g v read, θ v written (40 bytes)",
     OptimizerConfig(callName: "RMSProp", arguments: ["lr": .real(1e-3)]), 40),
    ("AdaGrad(lr: 0.01), θ g s read, θ s written (40 bytes)",
     OptimizerConfig(callName: "AdaGrad", arguments: ["lr": .real(0.01)]), 40),
    ("ASGD(lr: 0.01, t0: 0), averaging: θ g θ̄ read, θ θ̄ written (40 bytes)",
     OptimizerConfig(callName: "ASGD", arguments: ["lr": .real(0.01), "t0": .real(0)]), 40),
    ("Rprop(lr: 0.01), θ g g̃ Δ read, θ g̃ Δ written (56 bytes)",
     OptimizerConfig(callName: "Rprop", arguments: ["lr": .real(0.01)]), 56),
    ("Lion(lr: 0.0001, weightDecay: 0.1), θ g m read, θ m written (40 bytes)",
     OptimizerConfig(callName: "Lion", arguments: ["lr": .real(1e-4), "weightDecay": .real(0.1)]), 40),
    ("Yogi(lr: 0.01), θ g m v read, θ m v written (56 bytes)",
     OptimizerConfig(callName: "Yogi", arguments: ["lr": .real(0.01)]), 56),
    ("ScheduleFreeAdamW(lr: 0.0025), y g z x v read, y z x v written (72 bytes)",
     OptimizerConfig(callName: "ScheduleFreeAdamW", arguments: ["lr": .real(0.0025)]), 72),
    ("ScheduleFreeSGD(lr: 0.1), y g z x read, y z x written (56 bytes)",
     OptimizerConfig(callName: "ScheduleFreeSGD", arguments: ["lr": .real(0.1)]), 56),
]
for (label, config, bytes) in largeCases {
    print("  \(label): \(gigabytes(bandwidth(config, bytesPerParameter: bytes)))")
}

// The methods that see shapes, on one weight matrix: Muon's five Newton–Schulz steps (bfloat16
// values, float32 products through OpenBLAS's sgemm) and Adafactor's row and column moments.
func matrixStepTime(_ config: OptimizerConfig, rows: Int, columns: Int, steps: Int) -> Double {
    let layout = ParameterLayout([.init(offset: 0, shape: .matrix(rows: rows, columns: columns), role: .hiddenWeight)])!
    guard let optimizer = Optimizer(config, layout: layout) else { fatalError("invalid \(config)") }
    let count = rows * columns
    var parameters = (0..<count).map { Double($0 % 1000) * 1e-3 - 0.5 }
    var gradients = (0..<count).map { Double(($0 * 7) % 1000) * 1e-3 - 0.5 }
    let time = median {
        parameters.withUnsafeMutableBufferPointer { xp in
            gradients.withUnsafeMutableBufferPointer { gp in
                for _ in 0..<steps { optimizer.step(xp, gradient: gp) }
            }
        }
    }
    if !parameters[0].isFinite { print("non-finite") }
    return time / Double(steps)
}

print("Matrix methods, medians of 7, one core:")
let muonTime = matrixStepTime(OptimizerConfig(callName: "Muon", arguments: ["lr": .real(0.02)]), rows: 100, columns: 100, steps: 50)
print("  Muon(lr: 0.02) on a 100×100 matrix: \(String(format: "%.1f", muonTime * 1e6)) µs per step")
let adafactorTime = matrixStepTime(OptimizerConfig(callName: "Adafactor", arguments: [:]), rows: 1000, columns: 1000, steps: 10)
print("  Adafactor() on a 1000×1000 matrix: \(String(format: "%.2f", adafactorTime * 1e3)) ms per step, "
    + "\(String(format: "%.2f", 1e6 * 8 * 5 / adafactorTime / 1e9)) GB/s of θ g U touched (40 bytes per parameter)")

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
