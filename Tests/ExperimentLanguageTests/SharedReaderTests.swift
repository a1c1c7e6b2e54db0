import CourseDiagnostics
import Testing
@testable import ExperimentLanguage

/// The readers every builder shares (a bounded integer, a plain choice, a member's numeric
/// arguments, a label, a number ≥ 0, the run count) word their errors the same in every
/// builder and report them at the marked value (1️⃣ …).
struct SharedReaderTests {
    static let cases: [DiagnosticTests.Case] = [
        DiagnosticTests.Case(source: """
        Training("t") {
            Dataset(.moons(samples: 1️⃣0))
            Network(hidden: [2️⃣0], initialization: .kaimingNormal(mode: 3️⃣.fanInn))
            BatchSize(4️⃣0)
            L2(5️⃣-0.5)
            Sampling(6️⃣.shuffled)
            SGD(lr: 0.1)
            Adam(lr: 0.1).label(7️⃣" ")
            Expect("SGD", testAccuracy: 8️⃣1.5)
        }
        """, expected: [
            ("1️⃣", "'samples' must be from 1 to 100000, not 0"), ("2️⃣", "a layer width must be from 1 to 4096, not 0"),
            ("3️⃣", "unknown fan mode '.fanInn'; did you mean '.fanIn'?"),
            ("4️⃣", "the batch size must be from 1 to 65536, not 0"), ("5️⃣", "the L2 coefficient must be ≥ 0, not -0.5"),
            ("6️⃣", "unknown sampling '.shuffled'"), ("7️⃣", "a label cannot be empty"),
            ("8️⃣", "the test accuracy is a fraction from 0 to 1, not 1.5"),
        ]),
        DiagnosticTests.Case(source: """
        Training("t") {
            Dataset(.spirals(noise: 1️⃣-1))
            Network(hidden: [10], activation: 2️⃣.rleu, initialization: .kaimingNormal(nonlinearity: 3️⃣.tanhh))
            Iterations(4️⃣100_001)
            SGD(lr: 0.1)
            Expect("SGD", testAccuracyWithin: 0.1, of: 5️⃣"SGD")
        }
        """, expected: [
            ("1️⃣", "'noise' must be ≥ 0, not -1"), ("2️⃣", "unknown activation '.rleu'; did you mean '.relu'?"),
            ("3️⃣", "unknown nonlinearity '.tanhh'; did you mean '.tanh'?"),
            ("4️⃣", "the number of iterations must be from 1 to 100000, not 100001"), ("5️⃣", "a run cannot be compared with itself"),
        ]),
        DiagnosticTests.Case(
            source: "1️⃣Training(\"t\") {\n    Dataset(.digits)\n    Network(hidden: [10])\n"
                + (1...17).map { "    SGD(lr: 0.1).label(\"r\($0)\")\n" }.joined() + "}",
            expected: [("1️⃣", "the training has 17 optimizer calls; at most 16 are allowed")]),
        DiagnosticTests.Case(source: """
        Experiment("t") {
            Objective(.rosenbrock(a: 2️⃣"one"))
            Steps(1️⃣0)
            Layout(3️⃣.gird)
            SGD(lr: 0.1).4️⃣colr(.red)
            Adam(lr: 0.1).color(5️⃣.purpel)
            Adam(lr: 0.1).schedule(6️⃣.cosine).label("c")
            Adam(lr: 0.1).schedule(.cosine(steps: 7️⃣1.5)).label("d")
            LBFGS(lr: 1, lineSearch: 8️⃣.strongWolf)
        }
        """, expected: [
            ("1️⃣", "the number of steps must be from 1 to 100000, not 0"), ("2️⃣", "'a' must be a number, not a string"),
            ("3️⃣", "unknown layout '.gird'; did you mean '.grid'?"), ("4️⃣", "unknown modifier '.colr'; did you mean '.color'?"),
            ("5️⃣", "unknown colour '.purpel'; did you mean '.purple'?"), ("6️⃣", "'.cosine' needs its arguments"),
            ("7️⃣", "'steps' must be an integer, not 1.5"), ("8️⃣", "unknown value of 'lineSearch' '.strongWolf'"),
        ]),
        DiagnosticTests.Case(source: """
        Activations("t") {
            Network(layers: 1️⃣17, units: 2️⃣0)
            Inputs(3️⃣0)
            Histogram(bins: 4️⃣201)
            Weights(.xavierNormal).label(5️⃣"")
            Weights(.normal(std: 0.01)).label("n")
            Expect("n", layer: 6️⃣6, stdAbove: 0.1)
        }
        """, expected: [
            ("1️⃣", "the number of layers must be from 1 to 16, not 17"), ("2️⃣", "the number of units must be from 1 to 1024, not 0"),
            ("3️⃣", "the number of inputs must be from 1 to 10000, not 0"), ("4️⃣", "the number of bins must be from 1 to 200, not 201"),
            ("5️⃣", "a label cannot be empty"), ("6️⃣", "the layer must be from 1 to 5, not 6"),
        ]),
        DiagnosticTests.Case(source: """
        Formulas(.sgd, .adam, 1️⃣.sgd)
        """, expected: [("1️⃣", "'.sgd' is listed twice")]),
        DiagnosticTests.Case(
            source: "1️⃣Average(\"t\") {\n    Series(.constant(1, noise: 0.5))\n"
                + (1...65).map { "    MovingAverage(window: 2).label(\"m\($0)\")\n" }.joined() + "}",
            expected: [("1️⃣", "the average has 65 averages; at most 64 are allowed")]),
        DiagnosticTests.Case(
            source: "1️⃣Schedule(\"t\") {\n" + (1...65).map { "    SGD(lr: 0.1).label(\"s\($0)\")\n" }.joined() + "}",
            expected: [("1️⃣", "the schedule has 65 optimizer calls; at most 64 are allowed")]),
    ]

    @Test(arguments: cases)
    func reportsAtMarkers(_ testCase: DiagnosticTests.Case) {
        DiagnosticTests().reportsAtMarkers(testCase)
    }
}
