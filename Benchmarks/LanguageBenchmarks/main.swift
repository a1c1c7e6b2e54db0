// Release benchmark of the directive language: parse-and-check throughput and compiled
// gradient evaluations. Run with `swift run -c release LanguageBenchmarks`.
import BenchmarkSupport
import CourseDiagnostics
import ExperimentLanguage
import Optimizers

let directive = """
// Deep Learning from Scratch, ch. 6: four optimizers on an elongated bowl
Experiment("Four optimizers on an elongated bowl") {
    Objective { x, y in x * x / 20 + y * y }
    Start(-7, 2)
    Steps(30)
    Domain(x: -10...10, y: -5...5)
    Layout(.grid)
    Seed(42)

    SGD(lr: 0.95)
    Momentum(lr: 0.1)
    AdaGrad(lr: 1.5)
    Adam(lr: 0.3).color(.purple)

    Expect("Adam", closerThan: "SGD")
}
"""

let origin = SourceOrigin(file: "bench.md", line: 1)
let parseCount = 2_000
var sink = 0
let parseTime = median {
    for _ in 0..<parseCount {
        var diagnostics: [Diagnostic] = []
        if DirectiveParser.parse(directive, origin: origin, diagnostics: &diagnostics) != nil { sink += 1 }
    }
}
print("parse-and-check: \(Int(Double(parseCount) / parseTime)) directives/s (median of 7, \(directive.utf8.count)-byte directive)")

/// Gradient evaluations per second over a walk of points, specialised on the concrete type.
@MainActor
func gradientRate<F: DifferentiableFunction>(_ f: F, around center: [Double]) -> Double {
    // One round under BENCH_ROUNDS (profiling) evaluates a hundredth as many gradients.
    let count = Timings.roundsOverride == nil ? 10_000_000 : 100_000
    var x = center
    var g = [0.0, 0.0]
    var total = 0.0
    let time = median {
        x.withUnsafeMutableBufferPointer { xp in
            g.withUnsafeMutableBufferPointer { gp in
                for i in 0..<count {
                    // Move the point a little so no evaluation can be hoisted out of the loop.
                    xp[0] = center[0] + Double(i & 1023) * 1e-6
                    total += f.valueAndGradient(UnsafeBufferPointer(xp), gp)
                }
            }
        }
    }
    // Printing the sum keeps the optimizer from discarding the evaluations.
    if !total.isFinite { print("non-finite sum") }
    return Double(count) / time
}

for name in ["rosenbrock", "beale"] {
    var diagnostics: [Diagnostic] = []
    guard case .experiment(let e)? = DirectiveParser.parse(
        "Experiment(\"b\") { Objective(.\(name)); SGD(lr: 0.001) }", origin: origin, diagnostics: &diagnostics),
        let f = e.objective.symbolic
    else { fatalError("the built-in \(name) does not check: \(diagnostics)") }
    let rate = gradientRate(f, around: e.objective.defaultStart)
    let formatted = (rate / 1e5).rounded() / 10
    print("\(name): \(formatted) M gradient evaluations/s (median of 7 × 10 M, one core)")
}
if sink == 42 { print("") }
