import CourseDiagnostics
import Testing
@testable import ExperimentLanguage

/// `lowerLossThan` and the series claims (`loss:`, `distance:`, `stepSize:`, `effectiveLearningRate:`): what they check
/// to, and the errors a wrong one gets.
struct SeriesClaimFormTests {
    private func parse(_ claims: String, objective: String = "Objective(.rosenbrock)") -> (Experiment?, [String]) {
        let text = """
            Experiment("t") {
                \(objective)
                Steps(100)
                Adam(lr: 0.1)
                SGD(lr: 0.001)
                Lookahead(SGD(lr: 0.01)).label("Lookahead(SGD)")
                Lookahead(AdaGrad(lr: 0.01)).label("Lookahead(AdaGrad)")
                \(claims)
            }
            """
        return parsedExperiment(text)
    }

    @Test func theFormsCheckToTheirKinds() throws {
        let (experiment, diagnostics) = parse("""
            Expect("Adam", lowerLossThan: "SGD")
                Expect("Adam", loss: .below(1e-3), at: 50)
                Expect("Adam", loss: .below(0.5))
                Expect("Adam", distance: .above(2), over: 0...10)
                Expect("SGD", stepSize: .decreasing, over: 10...100)
                Expect("SGD", loss: .increasing, over: 0...1)
                Expect("Adam", lowerLossThan: "SGD", over: 1...100)
                Expect("Adam", lowerLossThan: "SGD", at: 50, start: 1)
                Expect("Adam", effectiveLearningRate: .increasing)
                Expect("Lookahead(AdaGrad)", effectiveLearningRate: .below(0.1), over: 5...10, start: 1)
            """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(try #require(experiment).expectations.map(\.kind) == [
            .lowerLossThan(label: "Adam", other: "SGD", steps: nil, start: nil),
            .series(label: "Adam", series: .loss, shape: .below(1e-3), steps: 50...50, start: nil),
            .series(label: "Adam", series: .loss, shape: .below(0.5), steps: 0...100, start: nil),
            .series(label: "Adam", series: .distance, shape: .above(2), steps: 0...10, start: nil),
            .series(label: "SGD", series: .stepSize, shape: .decreasing, steps: 10...100, start: nil),
            .series(label: "SGD", series: .loss, shape: .increasing, steps: 0...1, start: nil),
            .lowerLossThan(label: "Adam", other: "SGD", steps: 1...100, start: nil),
            .lowerLossThan(label: "Adam", other: "SGD", steps: 50...50, start: 0),
            .series(label: "Adam", series: .effectiveLearningRate, shape: .increasing, steps: 1...100, start: nil),
            .series(label: "Lookahead(AdaGrad)", series: .effectiveLearningRate, shape: .below(0.1), steps: 5...10, start: 0),
        ])
    }

    @Test(arguments: [
        ("Expect(\"Adam\", lowerLossThan: \"Adam\")", "a run cannot be compared with itself"),
        ("Expect(\"Adam\", los: .below(1))", "unknown claim 'los'; did you mean 'loss'?"),
        ("Expect(\"Adam\", loss: .bellow(1))", "unknown shape '.bellow'; did you mean '.below'?"),
        ("Expect(\"Adam\", loss: .decreasing, at: 5)", "one step has no direction: '.decreasing' needs a window"),
        ("Expect(\"Adam\", loss: .below(1), at: 5, over: 1...5)", "a claim is about one step ('at:') or a window ('over:'), not both"),
        ("Expect(\"Adam\", loss: .below(1), at: 101)", "'at' must be from 0 to the experiment's 100 steps, not 101"),
        ("Expect(\"Adam\", stepSize: .below(1), at: 0)", "'at' must be from 1 to the experiment's 100 steps, not 0"),
        ("Expect(\"Adam\", loss: .below(1), over: 0...200)", "'over' must be a range of whole steps from 0 to the experiment's 100, not 0...200"),
        ("Expect(\"Adam\", loss: .below, at: 5)", "unknown shape '.below'"),
        ("Expect(\"Adam\", lowerLossThan: \"Sgd\", over: 1...10)", "no run is labeled 'Sgd'; did you mean 'SGD'?"),
        ("Expect(\"Adam\", lowerLossThan: \"SGD\", over: 0...200)", "'over' must be a range of whole steps from 0 to the experiment's 100, not 0...200"),
        ("Expect(\"Adam\", lowerLossThan: \"SGD\", over: 0.5...10)", "'over' must be a range of whole steps from 0 to the experiment's 100, not 0.5...10"),
        ("Expect(\"Adam\", lowerLossThan: \"SGD\", at: 5, over: 1...5)", "a claim is about one step ('at:') or a window ('over:'), not both"),
        ("Expect(\"Adam\", lowerLossThan: \"SGD\", start: 2)", "'start' must be 1, the experiment's only start, not 2"),
        ("Expect(\"Adam\", lowerLossThan: \"SGD\", within: 5)", "'Expect' has no argument 'within'"),
        ("Expect(\"SGD\", effectiveLearningRate: .increasing)", "'SGD' runs SGD, which has no effective learning rate"),
        ("Expect(\"Lookahead(SGD)\", effectiveLearningRate: .below(1))", "'Lookahead(SGD)' runs Lookahead, which has no effective learning rate"),
        ("Expect(\"Adam\", effectiveLearningRate: .below(1), at: 0)", "'at' must be from 1 to the experiment's 100 steps, not 0"),
        ("Expect(\"Adam\", effectiveLearningRate: .increasing, at: 3)", "one step has no direction: '.increasing' needs a window"),
        ("Expect(\"Adam\", efectiveLearningRate: .increasing)", "unknown claim 'efectiveLearningRate'; did you mean 'effectiveLearningRate'?"),
    ])
    func mistakesAreReported(_ claim: String, _ message: String) {
        let (_, diagnostics) = parse(claim)
        #expect(diagnostics.contains { $0.hasPrefix(message) }, "\(diagnostics)")
    }

    @Test func theMissingRateNamesTheMethodsThatHaveOne() throws {
        var diagnostics: [Diagnostic] = []
        let text = """
            Experiment("t") {
                Objective(.rosenbrock)
                SWATS(lr: 0.1)
                Expect("SWATS", effectiveLearningRate: .increasing, over: 1...10)
            }
            """
        _ = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics)
        let error = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(error.location?.line == 4)
        #expect(error.hint?.contains("AdaGrad, RMSProp, Adadelta, Adam, AMSGrad, AdamW, Adamax, NAdam, RAdam, Rprop, Yogi, SparseAdam, and Lookahead around one of them") == true,
                "\(error.hint ?? "")")
    }

    @Test func distanceNeedsAKnownMinimiser() {
        let (_, diagnostics) = parse("Expect(\"Adam\", distance: .below(1))", objective: "Objective { x, y in x * x + y * y }")
        #expect(diagnostics == ["'distance' needs a known minimiser, and this objective has none"])
    }
}

/// `text`, an `Experiment` fence's body, checked: the experiment (nil after an error) and every message.
func parsedExperiment(_ text: String) -> (Experiment?, [String]) {
    var diagnostics: [Diagnostic] = []
    let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics)
    guard case .experiment(let experiment)? = directive else { return (nil, diagnostics.map(\.message)) }
    return (experiment, diagnostics.map(\.message))
}
