import CourseDiagnostics
import CourseTestSupport
import Testing
@testable import ExperimentLanguage

/// Each bad directive reports its errors at the marked positions (1️⃣ …), with the expected words.
struct DiagnosticTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let source: String
        /// Marker and a fragment of its message, in source order.
        let expected: [(String, String)]
        var testDescription: String { expected.map(\.1).joined(separator: " / ") }
    }

    static let cases: [Case] = [
        Case(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            1️⃣Adma(lr: 0.3)
        }
        """, expected: [("1️⃣", "unknown optimizer 'Adma'; did you mean 'Adam'?")]),
        Case(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Adam(1️⃣lrr: 0.3)
        }
        """, expected: [("1️⃣", "'Adam' has no argument 'lrr'; did you mean 'lr'?")]),
        Case(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            SGD(lr: 1️⃣-0.1)
            Adam(betas: 2️⃣(0.9, 1.5))
            RMSProp(lr: 3️⃣"fast")
        }
        """, expected: [
            ("1️⃣", "Invalid learning rate: -0.1"), ("2️⃣", "Invalid beta parameter at index 1"),
            ("3️⃣", "'lr' must be a number, not a string"),
        ]),
        Case(source: """
        1️⃣Experiment("t") {
            SGD(lr: 0.1)
        }
        """, expected: [("1️⃣", "the experiment has no 'Objective'")]),
        Case(source: """
        Experiment("t") {
            Objective { x, y in 1️⃣foo(x) + x 2️⃣^ 2 + 3️⃣z }
            SGD(lr: 0.1)
        }
        """, expected: [
            ("1️⃣", "unknown function 'foo'"), ("2️⃣", "'^' is bitwise XOR in Swift"), ("3️⃣", "unknown name 'z'"),
        ]),
        Case(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            SGD(lr: 0.1).label(1️⃣"unterminated)
        }
        """, expected: [("1️⃣", "unterminated string literal")]),
        Case(source: """
        Experiment("t") 1️⃣{
            Objective(.rosenbrock)
        """, expected: [("1️⃣", "unterminated closure")]),
        Case(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            SGD(lr: 0.1)
            1️⃣SGD(lr: 0.2)
            Expect(2️⃣"Adam", closerThan: "SGD")
        }
        """, expected: [("1️⃣", "two runs are labeled 'SGD'"), ("2️⃣", "no run is labeled 'Adam'")]),
        Case(source: """
        Experiment("t") {
            Objective(.saddle)
            Steps(1️⃣1_000_000)
            SGD(lr: 0.1)
            Expect("SGD", reaches: 2️⃣1e-3)
        }
        """, expected: [("1️⃣", "the number of steps must be from 1 to 100000"), ("2️⃣", "'reaches' needs the objective's minimum value")]),
        Case(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Start(1️⃣.5, 1)
            SGD(lr: 0.1, momentum: 0.9 2️⃣-1)
        }
        """, expected: [("1️⃣", "'.5' is not a valid floating-point literal"), ("2️⃣", "'-' must have consistent whitespace")]),
        Case(source: """
        Experiment("t") {
            Objective(1️⃣.rosenbrok)
            Adam(lr: 0.1).2️⃣colour(.red)
            Layout(3️⃣.grd)
        }
        """, expected: [
            ("1️⃣", "unknown objective '.rosenbrok'; did you mean '.rosenbrock'?"), ("2️⃣", "unknown modifier '.colour'; did you mean '.color'?"),
            ("3️⃣", "did you mean '.grid'?"),
        ]),
        Case(source: """
        Formulas(.sgd, 1️⃣.adma)
        """, expected: [("1️⃣", "unknown method '.adma'; did you mean '.adam'?")]),
        Case(source: """
        Experiment("t") {
            Objective(.rosenbrock)
            Adam(betas: (0.9, 0.99), 1️⃣lr: 0.1)
        }
        """, expected: [("1️⃣", "argument 'lr' must precede 'betas'")]),
    ]

    @Test(arguments: cases)
    func reportsAtMarkers(_ testCase: Case) {
        let marked = MarkedText(testCase.source)
        let origin = SourceOrigin(file: "chapters/x.md", line: 10, columnOffset: 2)
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(marked.text, origin: origin, diagnostics: &diagnostics)
        #expect(directive == nil)
        let errors = diagnostics.filter { $0.severity == .error }
        for (marker, fragment) in testCase.expected {
            let (line, column) = marked[marker]
            let location = origin.location(line: line, column: column)
            let found = errors.contains { $0.location == location && ($0.message.contains(fragment)) }
            #expect(found, "expected '\(fragment)' at \(location); got \(errors.map { "\($0.location?.description ?? "-"): \($0.message)" })")
        }
    }

    @Test
    func printedWithCaretAndHint() {
        var diagnostics: [Diagnostic] = []
        let text = "Experiment(\"t\") {\n    Objective(.rosenbrock)\n    Adma(lr: 0.3)\n}"
        _ = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapters/03-adam.md", line: 39), diagnostics: &diagnostics)
        let chapter = String(repeating: "\n", count: 38) + text
        let printed = DiagnosticPrinter(sources: { _ in chapter }).render(diagnostics)
        #expect(printed.hasPrefix("""
        chapters/03-adam.md:41:5: error: unknown optimizer 'Adma'; did you mean 'Adam'?
                Adma(lr: 0.3)
                ^~~~
        hint: the optimizers are SGD,
        """))
    }
}
