import CourseDiagnostics
import ExperimentLanguage
import ExperimentPages
import Experiments
import Testing

/// The `experiment` directive renders whatever a builder's run gives through `PageOutput`,
/// and an output that does not conform would render nothing. So every builder the language
/// lists runs here, and its output must render to a non-empty page fragment.
@Suite struct EveryBuilderRendersTests {
    static let fences: [String: String] = [
        "Experiment": """
            Experiment("Bowl") {
                Objective { x, y in x * x + 2 * y * y }
                Minimum(0, 0)
                Start(1, 1)
                Steps(5)
                SGD(lr: 0.1)
            }
            """,
        "Formulas": "Formulas(.sgd, .adam)",
        "Schedule": """
            Schedule("Decay") {
                Steps(10)
                SGD(lr: 0.1).schedule(.cosine(steps: 10))
            }
            """,
        "Average": """
            Average("Smooth") {
                Series(.noisySine(period: 20, amplitude: 1, noise: 0.3), samples: 30)
                ExponentialAverage(beta: 0.9)
            }
            """,
        "Training": """
            Training("Moons") {
                Dataset(.moons(samples: 40, noise: 0.15), test: 0.25)
                Network(hidden: [4], activation: .tanh, initialization: .xavierNormal)
                BatchSize(10)
                Iterations(20)
                SGD(lr: 0.1)
            }
            """,
        "Activations": """
            Activations("Layers") {
                Network(layers: 2, units: 5, activation: .tanh)
                Inputs(10)
                Weights(.xavierNormal)
            }
            """,
    ]

    @Test func everyBuilderHasAFence() {
        #expect(Set(BuilderDescription.all.map(\.name)) == Set(Self.fences.keys))
    }

    @Test(arguments: BuilderDescription.all.map(\.name))
    func itsOutputRendersAPage(builder: String) throws {
        let text = try #require(Self.fences[builder])
        var diagnostics: [Diagnostic] = []
        let directive = try #require(DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics))
        #expect(!diagnostics.containsErrors, "\(diagnostics)")
        let run = DirectiveRunner.run(directive)
        let output = try #require(run.output, "\(builder) gave no output: \(run.diagnostics)")
        let page = try #require(output as? any PageOutput, "\(type(of: output)) does not conform to PageOutput")
        #expect(!page.html(idPrefix: "d1-").isEmpty)
    }
}
