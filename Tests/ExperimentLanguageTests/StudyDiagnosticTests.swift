import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// Bad `Schedule` and `Average` directives report their errors at the marked positions
/// (1️⃣ …), with the expected words.
struct StudyDiagnosticTests {
    static let cases: [DiagnosticTests.Case] = [
        DiagnosticTests.Case(source: """
        Schedule("t") {
            Steps(200)
            SGD(lr: 0.1).schedule(.step(every: 50, gamma: 0.3)).label("step")
            1️⃣Adma(lr: 0.1)
            Expect(2️⃣"stpe", learningRate: 0.03, atStep: 50)
            Expect("step", learningRate: 0.03, atStep: 3️⃣200)
            Expect("step", learningRate: 4️⃣-1, atStep: 0)
        }
        """, expected: [
            ("1️⃣", "unknown optimizer 'Adma'; did you mean 'Adam'?"), ("2️⃣", "no run is labeled 'stpe'; did you mean 'step'?"),
            ("3️⃣", "the step must be from 0 to 199, not 200"), ("4️⃣", "the learning rate must be ≥ 0"),
        ]),
        DiagnosticTests.Case(source: """
        Schedule("t") {
            1️⃣Start(1, 2)
            SGD(lr: 0.1).2️⃣gradientNoise(eta: 0.1)
            3️⃣Expect("SGD", diverges: true)
            4️⃣Stpes(10)
            SGD(lr: 0.1).schedule(.cosine(steps: 100)).label("c")
            Expect("c", 5️⃣learningRat: 0.1, atStep: 0)
        }
        """, expected: [
            ("1️⃣", "'Start' needs an 'Objective' to run the calls on"), ("2️⃣", "'.gradientNoise' needs an 'Objective' to act on"),
            ("3️⃣", "'diverges' needs an 'Objective' to run the calls on"), ("4️⃣", "unknown statement 'Stpes'; did you mean 'Steps'?"),
            ("5️⃣", "'Expect' has no argument 'learningRat'; did you mean 'learningRate'?"),
        ]),
        DiagnosticTests.Case(source: """
        1️⃣Schedule("t") {
            Steps(2️⃣0)
        }
        """, expected: [("1️⃣", "the schedule has no optimizer call"), ("2️⃣", "the number of steps must be from 1 to 100000, not 0")]),
        DiagnosticTests.Case(source: """
        Schedule("t") {
            Objective(.bowl)
            Steps(50)
            SGD(lr: 0.1).label("a")
            Expect(1️⃣"b", closerThan: "a")
            Expect("a", learningRate: 0.1, atStep: 2️⃣50)
            3️⃣Layout(.grid)
        }
        """, expected: [
            ("1️⃣", "no run is labeled 'b'"), ("2️⃣", "the step must be from 0 to 49, not 50"),
            ("3️⃣", "'Layout' has no effect in a schedule, which draws no contour plot"),
        ]),
        DiagnosticTests.Case(source: """
        Average("t") {
            1️⃣Serie(.constant(1))
            ExponentialAverage(beta: 2️⃣1.5)
            MovingAverage(3️⃣windw: 10)
            WeightedAverage(weights: [4, 4️⃣-1])
            5️⃣SGD(lr: 0.1)
        }
        """, expected: [
            ("1️⃣", "unknown statement 'Serie'; did you mean 'Series'?"), ("2️⃣", "Invalid beta: 1.5 (beta must be in [0, 1))"),
            ("3️⃣", "'MovingAverage' has no argument 'windw'; did you mean 'window'?"), ("4️⃣", "a weight must be ≥ 0, not -1"),
            ("5️⃣", "'SGD' is an optimizer; an average has no runs"),
        ]),
        DiagnosticTests.Case(source: """
        Average("t") {
            Series(.noisySine(period: 1️⃣0, noise: 0.5), samples: 200)
            ExponentialAverage(beta: 0.9)
            2️⃣ExponentialAverage(beta: 0.9)
            MovingAverage(window: 3️⃣500).label("m")
            ExponentialAverage(beta: 0.5).4️⃣schedule(.cosine(steps: 10))
        }
        """, expected: [
            ("1️⃣", "the period must be > 0 observations, not 0"), ("2️⃣", "two averages are labeled 'β = 0.9'"),
            ("3️⃣", "the window must be from 1 to the 200 samples, not 500"), ("4️⃣", "'.schedule' belongs to optimizer calls, not averages"),
        ]),
        DiagnosticTests.Case(source: """
        Average("t") {
            Series(.step(at: 1️⃣500), samples: 100)
            ExponentialAverage(beta: 0.9).label("a")
            ExponentialAverage(beta: 0.5).label("b")
        }
        """, expected: [("1️⃣", "the step must be at an observation from 1 to 100, not 500")]),
        DiagnosticTests.Case(source: """
        Average("t") {
            Series(2️⃣.sine(period: 10))
            ExponentialAverage(beta: 0.9).label("a")
            ExponentialAverage(beta: 0.5).label("b")
            Expect("a", 3️⃣smoothThan: "b")
            Expect("a", closerThan: 4️⃣"c")
            Expect("a", closerThan: "b", over: 5️⃣0...300)
            Expect("a", smootherThan: "b", over: 6️⃣5...5)
            Expect("a", closerThan: 7️⃣"a")
        }
        """, expected: [
            ("2️⃣", "unknown signal '.sine'"), ("3️⃣", "unknown claim 'smoothThan'; did you mean 'smootherThan'?"),
            ("4️⃣", "no average is labeled 'c'"), ("7️⃣", "an average cannot be compared with itself"),
        ]),
        DiagnosticTests.Case(source: """
        Average("t") {
            Series(.constant(1), samples: 100)
            ExponentialAverage(beta: 0.9).label("a")
            ExponentialAverage(beta: 0.5).label("b")
            Expect("a", closerThan: "b", over: 1️⃣0...300)
            Expect("a", smootherThan: "b", over: 2️⃣5...5)
        }
        """, expected: [
            ("1️⃣", "'over' must lie within observations 1...100, not 0...300"), ("2️⃣", "smoothness needs at least two observations"),
        ]),
        DiagnosticTests.Case(source: """
        1️⃣Average("t") {
            Seed(3)
        }
        """, expected: [("1️⃣", "the average has no 'Series'"), ("1️⃣", "the average has no average to compute")]),
        DiagnosticTests.Case(source: """
        1️⃣MovingAverage(window: 3)
        """, expected: [("1️⃣", "'MovingAverage' belongs inside a builder's closure")]),
    ]

    @Test(arguments: cases)
    func reportsAtMarkers(_ testCase: DiagnosticTests.Case) {
        let marked = MarkedText(testCase.source)
        let origin = SourceOrigin(file: "chapters/x.md", line: 10, columnOffset: 2)
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(marked.text, origin: origin, diagnostics: &diagnostics)
        #expect(directive == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        for (marker, fragment) in testCase.expected {
            let (line, column) = marked[marker]
            let location = origin.location(line: line, column: column)
            let found = errors.contains { $0.location == location && $0.message.contains(fragment) }
            #expect(found, "expected '\(fragment)' at \(location); got \(errors.map { "\($0.location?.description ?? "-"): \($0.message)" })")
        }
    }

    @Test
    func defaultsAndLabelsOfAValidAverage() throws {
        var diagnostics: [Diagnostic] = []
        let text = """
            Average("t") {
                Series(.noisySine(period: 50))
                MovingAverage(window: 5)
                WeightedAverage(weights: [2, 1])
                ExponentialAverage(beta: 0.9, biasCorrection: true).color(.red)
            }
            """
        guard case .average(let study)? = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics) else {
            Issue.record("\(diagnostics)")
            return
        }
        #expect(study.samples == AverageStudy.defaultSamples && study.seed == Experiment.defaultSeed)
        #expect(study.signal == .sine(period: 50, amplitude: 1, noise: 0))
        #expect(study.averages.map(\.label) == ["moving average, w = 5", "weights 2, 1", "β = 0.9, bias-corrected"])
        #expect(study.averages.last?.color == "red")
        #expect(study.averages.last?.call == "ExponentialAverage(beta: 0.9, biasCorrection: true).color(.red)")
    }

    @Test
    func aScheduleWithoutObjectiveKeepsEachCallsRateAndClaims() throws {
        var diagnostics: [Diagnostic] = []
        let text = """
            let base = 0.1
            Schedule("t") {
                SGD(lr: base).label("constant")
                Adam(lr: base).schedule(.exponential(gamma: 0.9))
                Expect("Adam", learningRate: base * 0.9, atStep: 1)
            }
            """
        guard case .schedule(let study)? = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics) else {
            Issue.record("\(diagnostics)")
            return
        }
        #expect(study.steps == Experiment.defaultSteps && study.problem == nil)
        #expect(study.runs.map(\.label) == ["constant", "Adam"])
        #expect(study.runs[1].schedule == .exponential(gamma: 0.9))
        #expect(study.expectations.count == 1 && study.expectations[0].step == 1)
        #expect(study.expectations[0].holds(for: 0.09 * (1 + 5e-7)) && !study.expectations[0].holds(for: 0.09 * (1 + 2e-6)))
    }
}
