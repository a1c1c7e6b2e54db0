import CourseDiagnostics
import Testing
@testable import ExperimentLanguage

/// `Expect(…, rate:)` and `.rate(over:)`: what they check to, and the errors a wrong one gets.
struct RateClaimFormTests {
    private func parse(_ claims: String, objective: String = "Objective(.quadratic(a: 1, b: 10))") -> (Experiment?, [String]) {
        let text = """
            Experiment("t") {
                \(objective)
                Start(-8, 1)
                Start(3, 2)
                Steps(100)
                SGD(lr: 0.18)
                \(claims)
            }
            """
        return parsedExperiment(text)
    }

    @Test func theFormsCheckToTheirKinds() throws {
        let (experiment, diagnostics) = parse("""
            Expect("SGD", rate: .near(0.82, within: 0.01), over: 20...100)
                Expect("SGD", rate: .below(0.9))
                Expect("SGD", rate: .above(0.5), over: 0...10, start: 2)
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(try #require(experiment).expectations.map(\.kind) == [
            .rate(label: "SGD", bound: .near(0.82, within: 0.01), steps: 20...100, start: nil),
            .rate(label: "SGD", bound: .below(0.9), steps: 0...100, start: nil),
            .rate(label: "SGD", bound: .above(0.5), steps: 0...10, start: 1),
        ])
    }

    @Test(arguments: [
        ("Expect(\"SGD\", rat: .below(1))", "unknown claim 'rat'; did you mean 'rate'?"),
        ("Expect(\"SGD\", rate: .nearly(0.8, within: 0.1))", "unknown bound '.nearly'; did you mean '.near'?"),
        ("Expect(\"SGD\", rate: .near(0.8))", "'.near' takes a rate and 'within:', its largest difference"),
        ("Expect(\"SGD\", rate: .near(0.8, within: 0))", "'within' must be > 0, not 0"),
        ("Expect(\"SGD\", rate: .below(0.8, 0.9))", "'.below' takes one unlabeled bound"),
        ("Expect(\"SGD\", rate: .below(0.8), over: 5...5)", "'over' must have its lower bound below its upper bound, not 5...5"),
        ("Expect(\"SGD\", rate: .below(0.8), over: 5...101)", "'over' must be a range of whole steps from 0 to the experiment's 100, not 5...101"),
        ("Expect(\"SGD\", rate: .below(0.8), at: 5)", "'Expect' has no argument 'at'"),
        ("Expect(\"SGD\", rate: .below(0.8), start: 3)", "'start' must be from 1 to the experiment's 2 starts, not 3"),
    ])
    func aWrongClaimIsAnError(_ claim: String, _ message: String) {
        let (_, diagnostics) = parse(claim)
        #expect(diagnostics.first == message, "\(diagnostics)")
    }

    @Test func aRateNeedsAKnownMinimiser() {
        let (_, diagnostics) = parse("Expect(\"SGD\", rate: .below(0.9))", objective: "Objective { x, y in x * x + y * y }")
        #expect(diagnostics == ["'rate' measures how fast the distance to the minimiser shrinks, and this objective has no known minimiser"])
    }

    @Test(arguments: [
        ("=Result(\"SGD\", .rate(over: 20...100), decimals: 4)", nil),
        ("=Result(\"SGD\", .rate(20...100), decimals: 4)", "'.rate' takes the window it is measured over"),
        ("=Result(\"SGD\", .rate, decimals: 4)", "'.rate' takes the window it is measured over"),
        ("=Result(\"SGD\", .rate(over: 20...20), decimals: 4)", "'over' must have its lower bound below its upper bound, not 20...20"),
    ])
    func theQuantityTakesAWindow(_ text: String, _ message: String?) {
        var diagnostics: [Diagnostic] = []
        let reference = ResultReference.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics)
        #expect(diagnostics.first?.message == message, "\(diagnostics)")
        if message == nil { #expect(reference?.quantity == .rate(over: 20...100)) }
    }
}
