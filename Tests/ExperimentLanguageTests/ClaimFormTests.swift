import CourseDiagnostics
import CourseTestSupport
import Optimizers
import Testing
@testable import ExperimentLanguage

/// The `misses` and `endsNear` claims and the `Sampling` statement: what they check to, and
/// every error at its marked position, with no second error for the same mistake.
struct ClaimFormTests {
    private func parse(_ source: String) -> (Experiment?, [Diagnostic], MarkedText) {
        let marked = MarkedText(source)
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(marked.text, origin: SourceOrigin(file: "c.md", line: 10), diagnostics: &diagnostics)
        guard case .experiment(let experiment)? = directive else { return (nil, diagnostics, marked) }
        return (experiment, diagnostics, marked)
    }

    @Test func theNewFormsCheckToTheirKinds() throws {
        let (experiment, diagnostics, _) = parse("""
            Experiment("t") {
                Objective(.himmelblau)
                Start(0, 0)
                Start(-1, 1)
                Steps(200)
                Adam(lr: 0.1)
                Expect("Adam", misses: 1e-3, within: 5)
                Expect("Adam", misses: 1e-9)
                Expect("Adam", endsNear: (3, 2), within: 0.1)
                Expect("Adam", endsNear: (-2.8, 3.1), within: 0.5, start: 2)
            }
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let kinds = try #require(experiment).expectations.map(\.kind)
        #expect(kinds == [
            .misses(label: "Adam", tolerance: 1e-3, within: 5),
            .misses(label: "Adam", tolerance: 1e-9, within: 200),
            .endsNear(label: "Adam", point: [3, 2], within: 0.1, start: nil),
            .endsNear(label: "Adam", point: [-2.8, 3.1], within: 0.5, start: 1),
        ])
    }

    @Test func oneDimensionalObjectivesTakeANumber() throws {
        let (experiment, diagnostics, _) = parse("""
            Experiment("t") {
                Objective { x in (x - 1) * (x - 1) }
                Start(3)
                SGD(lr: 0.1)
                Expect("SGD", endsNear: 1, within: 0.01)
                Expect("SGD", endsNear: (1), within: 0.01)
            }
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(try #require(experiment).expectations.map(\.kind) == [
            .endsNear(label: "SGD", point: [1], within: 0.01, start: nil),
            .endsNear(label: "SGD", point: [1], within: 0.01, start: nil),
        ])
    }

    @Test func samplingIsReadAndDefaultsToShuffling() throws {
        func sampling(_ statement: String) throws -> MiniBatchSampling {
            let (experiment, diagnostics, _) = parse("""
                Experiment("t") {
                    Objective(.linearRegression(samples: 100, noise: 0.5))
                    BatchSize(1)
                    \(statement)
                    SGD(lr: 0.05)
                }
                """)
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            return try #require(experiment).sampling
        }
        #expect(try sampling("") == .shuffledEpochs)
        #expect(try sampling("Sampling(.shuffledEpochs)") == .shuffledEpochs)
        #expect(try sampling("Sampling(.withReplacement)") == .withReplacement)
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let source: String
        /// Marker and a fragment of its message, in source order: the only errors expected.
        let expected: [(String, String)]
        var testDescription: String { expected.map(\.1).joined(separator: " / ") }
    }

    static let cases: [Case] = [
        Case(source: """
        Experiment("t") {
            Objective { x, y in x * x + y * y }
            SGD(lr: 0.1)
            Expect("SGD", misses: 1️⃣1e-3, within: 10)
        }
        """, expected: [("1️⃣", "'misses' needs the objective's minimum value, which is not known")]),
        Case(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Steps(50)
            SGD(lr: 0.001)
            Expect("SGD", misses: 1️⃣0, within: 2️⃣60)
        }
        """, expected: [("1️⃣", "the tolerance must be > 0, not 0")]),
        Case(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Steps(50)
            SGD(lr: 0.001)
            Expect("SGD", misses: 1e-3, within: 1️⃣60)
        }
        """, expected: [("1️⃣", "'within' must be from 0 to the experiment's 50 steps, not 60")]),
        Case(source: """
        Experiment("t") {
            Objective(.himmelblau)
            Start(0, 0)
            Start(1, 1)
            Adam(lr: 0.1)
            Expect("Adam", endsNear: 1️⃣(3, 2, 1), within: 0.1)
            Expect("Adam", endsNear: (3, 2), within: 2️⃣-1)
            Expect("Adam", endsNear: (3, 2), within: 0.1, start: 3️⃣3)
            Expect("Adam", endsNear: (3, 2), within: 0.1, start: 4️⃣0)
            Expect("Adam", endsNear: (5️⃣x: 3, y: 2), within: 0.1)
            Expect("Adam", endsNear: (3, 6️⃣"two"), within: 0.1)
            Expect(7️⃣"Adma", endsNear: (3, 2), within: 0.1)
        }
        """, expected: [
            ("1️⃣", "the point needs two coordinates, as in (3, 2) for this objective, not 3"),
            ("2️⃣", "the distance must be > 0, not -1"),
            ("3️⃣", "'start' must be from 1 to the experiment's 2 starts, not 3"),
            ("4️⃣", "'start' must be from 1 to the experiment's 2 starts, not 0"),
            ("5️⃣", "the point takes unlabeled coordinates"),
            ("6️⃣", "the y coordinate must be a number"),
            ("7️⃣", "no run is labeled 'Adma'; did you mean 'Adam'?"),
        ]),
        Case(source: """
        Experiment("t") {
            Objective(.himmelblau)
            Adam(lr: 0.1)
            1️⃣Expect("Adam", endsNear: (3, 2))
            Expect("Adam", 2️⃣endNear: (3, 2), within: 0.1)
        }
        """, expected: [
            ("1️⃣", "'Expect' is missing argument 'within:'"),
            ("2️⃣", "unknown claim 'endNear'; did you mean 'endsNear'?"),
        ]),
        Case(source: """
        Experiment("t") {
            Objective(.himmelblau)
            1️⃣Sampling(.withReplacement)
            SGD(lr: 0.01)
        }
        """, expected: [("1️⃣", "'Sampling' needs 'BatchSize'")]),
        Case(source: """
        Experiment("t") {
            Objective(.linearRegression(samples: 100, noise: 0.5))
            BatchSize(4)
            Sampling(1️⃣.withReplacment)
            SGD(lr: 0.01)
        }
        """, expected: [("1️⃣", "unknown sampling '.withReplacment'; did you mean '.withReplacement'?")]),
        Case(source: """
        1️⃣Experimnt("t") {
            Objective(.himmelblau)
            SGD(lr: 0.01)
        }
        """, expected: [("1️⃣", "unknown builder 'Experimnt'; did you mean 'Experiment'?")]),
    ]

    @Test(arguments: cases)
    func reportsExactlyTheMarkedErrors(_ testCase: Case) {
        let (experiment, diagnostics, marked) = parse(testCase.source)
        #expect(experiment == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        let origin = SourceOrigin(file: "c.md", line: 10)
        for (marker, fragment) in testCase.expected {
            let (line, column) = marked[marker]
            let location = origin.location(line: line, column: column)
            let found = errors.contains { $0.location == location && $0.message.contains(fragment) }
            #expect(found, "expected '\(fragment)' at \(location); got \(errors.map { "\($0.location?.description ?? "-"): \($0.message)" })")
        }
        #expect(errors.count == testCase.expected.count, "\(errors.map(\.message))")
    }
}
