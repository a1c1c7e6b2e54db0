import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// Each bad schedule reports PyTorch's words (or the language's, where PyTorch has none) at the marked position.
struct ScheduleDiagnosticTests {
    static let cases: [DiagnosticTests.Case] = [
        ("1️⃣SGD(lr: 0.1).schedule(.cosineRestarts(steps: 0, multiplier: 0))",
         [("1️⃣", "Expected positive integer T_0, but got 0"), ("1️⃣", "Expected integer T_mult >= 1, but got 0")]),
        ("1️⃣SGD(lr: 0.1).schedule(.oneCycle(steps: 0, pctStart: 1.5))",
         [("1️⃣", "Expected positive integer total_steps, but got 0"), ("1️⃣", "Expected float between 0 and 1 pct_start, but got 1.5")]),
        ("1️⃣SGD(lr: 0.1).schedule(.oneCycle(steps: 10, divFactor: 0))", [("1️⃣", "Invalid div_factor: 0.0")]),
        ("1️⃣SGD(lr: 0.1).schedule(.plateau(factor: 1.5))", [("1️⃣", "Factor should be < 1.0.")]),
        ("1️⃣SGD(lr: 0.1).schedule(.plateau(patience: -1, cooldown: -2))",
         [("1️⃣", "Invalid patience: -1"), ("1️⃣", "Invalid cooldown: -2")]),
        ("1️⃣SGD(lr: 0.1).schedule(.constant(factor: 2))", [("1️⃣", "Constant multiplicative factor expected to be between 0 and 1.")]),
        ("1️⃣SGD(lr: 0.1).schedule(.constant(factor: 0))", [("1️⃣", "which PyTorch divides by at total_iters")]),
        ("1️⃣SGD(lr: 0.1).schedule(.polynomial(steps: 5, power: -1))", [("1️⃣", "Invalid power: -1.0")]),
        ("1️⃣SGD(lr: 0.1).schedule(.multiStep(milestones: [-3, 10]))", [("1️⃣", "Invalid milestone: -3")]),
        ("SGD(lr: 0.1).schedule(.multiStep(milestones: 1️⃣5))", [("1️⃣", "'milestones' must be an array of steps")]),
        ("1️⃣AdaGrad(lr: 0.1).schedule(.cyclic(maxLR: 0.5))",
         [("1️⃣", "optimizer must support momentum or beta1 with `cycle_momentum` option enabled")]),
        ("1️⃣SGD(lr: 0.1).schedule(.cyclic(maxLR: 0.5, baseMomentum: 1.2))", [("1️⃣", "Invalid base_momentum: 1.2")]),
        ("1️⃣SGD(lr: 0.1).schedule(.cyclic(maxLR: -1, stepsUp: 0))",
         [("1️⃣", "Invalid max_lr: -1.0"), ("1️⃣", "Invalid step_size_up: 0")]),
        ("SGD(lr: 0.1).schedule(.cyclic(maxLR: 0.5, mode: 1️⃣.triangle))", [("1️⃣", "did you mean '.triangular'?")]),
        ("SGD(lr: 0.1).schedule(.cyclic(maxLR: 0.5, scale: 1️⃣2))", [("1️⃣", "'scale' must be a closure of one variable")]),
        ("1️⃣SGD(lr: 0.1).schedule(.chained())", [("1️⃣", "ChainedScheduler expects at least one scheduler to be chained")]),
        ("1️⃣SGD(lr: 0.1).schedule(.chained(.exponential(gamma: 0.9), .plateau()))",
         [("1️⃣", "ChainedScheduler does not support `ReduceLROnPlateau` scheduler")]),
        ("SGD(lr: 0.1).schedule(.chained(1️⃣every: .exponential(gamma: 0.9)))", [("1️⃣", "'.chained' takes schedules without labels")]),
        ("1️⃣SGD(lr: 0.1).schedule(.warmup(steps: 5), then: .plateau())",
         [("1️⃣", "SequentialLR does not support `ReduceLROnPlateau` scheduler")]),
        ("1️⃣SGD(lr: 0.1).schedule(.cyclic(maxLR: 1), then: .exponential(gamma: 0.9))", [("1️⃣", "a sequential schedule starts with")]),
        ("SGD(lr: 0.1).schedule(.lambda 1️⃣{ x, y in x * y })", [("1️⃣", "a schedule's closure takes one variable, the step, not 2")]),
        ("SGD(lr: 0.1).schedule(.multiplicative(1️⃣0.9))", [("1️⃣", "'.multiplicative' takes a closure of the step")]),
        ("SGD(lr: 0.1).schedule(1️⃣.lambda)", [("1️⃣", "'.lambda' needs its arguments")]),
        ("SGD(lr: 0.1).schedule(1️⃣.cycle(maxLR: 1))", [("1️⃣", "unknown schedule '.cycle'; did you mean '.cyclic'?")]),
    ].map { call, expected in
        DiagnosticTests.Case(source: """
            Experiment("t") {
                Objective(.rosenbrock)
                \(call)
            }
            """, expected: expected)
    } + [
        DiagnosticTests.Case(source: """
            Schedule("t") {
                1️⃣SGD(lr: 0.1).schedule(.plateau())
            }
            """, expected: [("1️⃣", "'.plateau' needs an 'Objective': its rate follows the run's loss")]),
    ]

    @Test(arguments: cases)
    func reportsAtMarkers(_ testCase: DiagnosticTests.Case) {
        DiagnosticTests().reportsAtMarkers(testCase)
    }
}
