import CourseDiagnostics
import CourseTestSupport
import NeuralNetworks
import Optimizers
import Testing
@testable import ExperimentLanguage

/// The `Training` and `Activations` builders: the issue's directive checks into the configuration
/// `Trainer.run` takes, and every bad input is reported at its place with the expected words.
struct NetworkBuilderTests {
    static func parse(_ text: String) -> (Directive?, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapters/11-x.md", line: 1), diagnostics: &diagnostics)
        return (directive, diagnostics)
    }

    @Test func theIssuesTrainingChecks() throws {
        let (directive, diagnostics) = Self.parse("""
        Training("Four optimizers on handwritten digits") {
            Dataset(.digits, test: 0.2)
            Network(hidden: [100, 100, 100, 100], activation: .relu, initialization: .kaimingNormal)
            BatchSize(128)
            Iterations(2000)
            Seed(0)
            SGD(lr: 0.01)
            Momentum(lr: 0.01, momentum: 0.9)
            AdaGrad(lr: 0.01)
            Adam(lr: 0.001)
            Expect("Adam", testAccuracy: 0.95)
            Expect("Adam", testAccuracyWithin: 0.03, of: "Momentum")
        }
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .training(let study)? = directive else {
            Issue.record("expected a training, got \(String(describing: directive))")
            return
        }
        let c = study.configuration
        #expect(study.title == "Four optimizers on handwritten digits")
        #expect(c.dataset == .digits && c.testFraction == 0.2 && c.trainingSamples == nil)
        #expect(c.hidden == [100, 100, 100, 100] && c.activation == .relu)
        #expect(c.initialization == .kaimingNormal(a: 0, mode: .fanIn, nonlinearity: .leakyRelu))
        #expect(c.biasInitialization == .zeros && c.dropout == 0 && c.l2 == 0)
        #expect(c.batchSize == 128 && c.iterations == 2000 && c.seed == 0 && c.sampling == .withReplacement)
        #expect(c.evaluationInterval == 50)
        #expect(c.runs.map(\.label) == ["SGD", "Momentum", "AdaGrad", "Adam"])
        #expect(study.runs.map(\.call) == ["SGD(lr: 0.01)", "Momentum(lr: 0.01, momentum: 0.9)", "AdaGrad(lr: 0.01)", "Adam(lr: 0.001)"])
        #expect(c.runs[1].optimizer.values["momentum"] == .real(0.9))
        #expect(study.expectations.map(\.kind) == [
            .testAccuracy(label: "Adam", atLeast: 0.95), .testAccuracyWithin(label: "Adam", tolerance: 0.03, other: "Momentum"),
        ])
        #expect(c.validationErrors.isEmpty)
    }

    @Test func everyNetworkSettingReachesTheConfiguration() throws {
        let (directive, diagnostics) = Self.parse("""
        let width = 32
        Training("Spirals") {
            Dataset(.spirals(samplesPerClass: 80, classes: 4, noise: 0.1), test: 0.25, trainingSamples: 200)
            Network(hidden: [width, width], activation: .tanh, initialization: .kaimingUniform(mode: .fanOut, nonlinearity: .tanh),
                    biasInitialization: .constant(0.1), dropout: 0.2)
            L2(1e-4)
            Sampling(.shuffledEpochs)
            EvaluationInterval(10)
            Iterations(300)
            Seed(7)
            SGDW(lr: 0.1, weightDecay: 0.01).label("decoupled").color(.purple).schedule(.cosine(steps: 300))
            Adam(lr: 0.01).gradientNoise(eta: 0.01)
            Expect("decoupled", smallerGapThan: "Adam")
            Expect("Adam", gapAbove: 0.05)
            Expect("Adam", trainLossBelow: 0.5)
            Expect("Adam", diverges: false)
        }
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .training(let study)? = directive else {
            Issue.record("expected a training")
            return
        }
        let c = study.configuration
        #expect(c.dataset == .spirals(samplesPerClass: 80, classes: 4, noise: 0.1))
        #expect(c.testFraction == 0.25 && c.trainingSamples == 200)
        #expect(c.hidden == [32, 32] && c.activation == .tanh && c.dropout == 0.2 && c.l2 == 1e-4)
        #expect(c.initialization == .kaimingUniform(a: 0, mode: .fanOut, nonlinearity: .tanh))
        #expect(c.biasInitialization == .constant(0.1))
        #expect(c.sampling == .shuffledEpochs && c.evaluationInterval == 10 && c.iterations == 300 && c.seed == 7)
        #expect(c.runs.map(\.label) == ["decoupled", "Adam"])
        #expect(c.runs[0].schedule == .cosine(steps: 300, minLR: 0) && c.runs[1].noise == GradientNoise(eta: 0.01, gamma: 0.55))
        #expect(study.runs[0].color == "purple")
        #expect(study.expectations.count == 4)
    }

    @Test func batchNormAndClippingReachTheConfigurationAndItsMeaning() throws {
        for (statement, clipping) in [("ClipGradients(norm: 2.5)", GradientClipping.norm(2.5)), ("ClipGradients(value: 0.1)", .value(0.1))] {
            let (directive, diagnostics) = Self.parse("""
            Training("Normalised") {
                Dataset(.digits)
                Network(hidden: [10, 10], batchNorm: true)
                \(statement)
                Adam(lr: 0.001)
            }
            """)
            #expect(diagnostics.isEmpty, "\(diagnostics)")
            guard case .training(let study)? = directive else {
                Issue.record("expected a training")
                return
            }
            #expect(study.configuration.batchNorm && study.configuration.clipping == clipping)
            #expect(study.configuration.validationErrors.isEmpty)
        }
        let (directive, _) = Self.parse("""
        Training("Plain") {
            Dataset(.digits)
            Network(hidden: [10], batchNorm: false)
            Adam(lr: 0.001)
        }
        """)
        guard case .training(let plain)? = directive else {
            Issue.record("expected a training")
            return
        }
        #expect(!plain.configuration.batchNorm && plain.configuration.clipping == nil)
    }

    /// Each new kind of bad input says how to fix it.
    @Test(arguments: [
        ("Network(hidden: [], batchNorm: true)", "BatchSize(8)", "hidden: [100]"),
        ("Network(hidden: [10], batchNorm: true)", "BatchSize(1)", "BatchSize(2)"),
        ("Network(hidden: [10])", "ClipGradients(norm: -1)", "ClipGradients(norm: 1)"),
        ("Network(hidden: [10])", "ClipGradients(value: 0)", "ClipGradients(value: 0.5)"),
        ("Network(hidden: [10])", "ClipGradients(norm: 1, value: 1)", "ClipGradients(value: 0.5)"),
    ])
    func batchNormAndClippingErrorsCarryHints(_ network: String, _ statement: String, _ hint: String) {
        let (directive, diagnostics) = Self.parse("""
        Training("t") {
            Dataset(.digits)
            \(network)
            \(statement)
            Adam(lr: 0.001)
        }
        """)
        #expect(directive == nil)
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first?.hint?.contains(hint) == true, "\(diagnostics)")
    }

    @Test func aValidationSetAndItsClaimsReachTheStudy() throws {
        let (directive, diagnostics) = Self.parse("""
        Training("Choosing on validation") {
            Dataset(.digits, test: 0.2, validation: 0.25, trainingSamples: 100)
            Network(hidden: [10])
            Adam(lr: 0.001)
            SGD(lr: 0.1)
            Expect("Adam", validationAccuracy: 0.5)
            Expect("Adam", validationAccuracyBelow: 0.99)
            Expect("Adam", higherValidationAccuracyThan: "SGD")
            Expect("Adam", validationAccuracyWithin: 0.1, of: "SGD")
        }
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .training(let study)? = directive else {
            Issue.record("expected a training")
            return
        }
        let c = study.configuration
        #expect(c.testFraction == 0.2 && c.validationFraction == 0.25 && c.trainingSamples == 100 && c.hasValidation)
        #expect(study.expectations.map(\.kind) == [
            .validationAccuracy(label: "Adam", atLeast: 0.5), .validationAccuracyBelow(label: "Adam", 0.99),
            .higherValidationAccuracyThan(label: "Adam", other: "SGD"),
            .validationAccuracyWithin(label: "Adam", tolerance: 0.1, other: "SGD"),
        ])
        #expect(study.expectations[2].labels == ["Adam", "SGD"])
        // Without 'validation:' there is none, as before.
        guard case .training(let plain)? = Self.parse("""
            Training("t") {
                Dataset(.digits)
                Network(hidden: [10])
                Adam(lr: 0.001)
            }
            """).0 else { return }
        #expect(plain.configuration.validationFraction == 0 && !plain.configuration.hasValidation)
    }

    @Test func theActivationsBuilderChecks() throws {
        let (directive, diagnostics) = Self.parse("""
        Activations("Sigmoid activations") {
            Network(layers: 5, units: 100, activation: .sigmoid)
            Inputs(1000)
            Histogram(bins: 20, range: 0...1)
            Weights(.normal(std: 1)).label("std 1")
            Weights(.normal(std: 0.01))
            Weights(.xavierNormal).label("Xavier")
            Expect("std 1", layer: 5, saturatedAbove: 0.5)
            Expect("normal(std: 0.01)", layer: 5, stdBelow: 0.05)
            Expect("Xavier", layer: 5, widerThan: "normal(std: 0.01)")
        }
        """)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard case .activations(let study)? = directive else {
            Issue.record("expected an activation study")
            return
        }
        let c = study.configuration
        #expect(c.layers == 5 && c.units == 100 && c.activation == .sigmoid && c.inputSamples == 1000 && c.bins == 20)
        #expect(c.range == 0...1 && c.seed == 0)
        #expect(c.rows.map(\.label) == ["std 1", "normal(std: 0.01)", "Xavier"])
        #expect(c.rows.map(\.initialization) == [.normal(mean: 0, std: 1), .normal(mean: 0, std: 0.01), .xavierNormal(gain: 1)])
        #expect(study.expectations.map(\.layer) == [5, 5, 5])
        #expect(study.expectations[2].kind == .widerThan("normal(std: 0.01)"))
    }

    struct Case: CustomTestStringConvertible, Sendable {
        let source: String
        let expected: [(String, String)]
        var testDescription: String { expected.map(\.1).joined(separator: " / ") }
    }

    static let trainingHead = """
    Training("t") {
        Dataset(.digits)
        Network(hidden: [10])

    """

    static let cases: [Case] = [
        Case(source: """
        Training("t") {
            Dataset(.digits)
            Network(hidden: [], 1️⃣batchNorm: true)
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "batch normalisation follows hidden layers, and this network has none")]),
        Case(source: """
        Training("t") {
            Dataset(.digits)
            Network(hidden: [10], batchNorm: 1️⃣1)
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "'batchNorm' must be true or false")]),
        Case(source: """
        Training("t") {
            Dataset(.digits)
            Network(hidden: [10], batchNorm: true)
            BatchSize(1️⃣1)
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "batch normalisation needs at least 2 samples per batch")]),
        Case(source: """
        Training("t") {
            Dataset(.digits, trainingSamples: 1)
            Network(hidden: [10], batchNorm: true)
            Sampling(1️⃣.shuffledEpochs)
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "epochs of 1 training sample make batches of 1")]),
        Case(source: trainingHead + """
            ClipGradients(norm: 1️⃣-1)
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "the largest gradient norm must be > 0, not -1")]),
        Case(source: trainingHead + """
            ClipGradients(value: 1️⃣0)
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "the largest gradient component must be > 0, not 0")]),
        Case(source: trainingHead + """
            1️⃣ClipGradients()
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "'ClipGradients' needs 'norm:' or 'value:'")]),
        Case(source: trainingHead + """
            ClipGradients(norm: 1, 1️⃣value: 0.5)
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "'ClipGradients' clips by norm or by value, not both")]),
        Case(source: trainingHead + """
            ClipGradients(1️⃣1)
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "missing argument label 'norm:'")]),
        Case(source: trainingHead + """
            ClipGradients(norm: 1)
            1️⃣ClipGradients(value: 1)
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "ClipGradients")]),
        Case(source: trainingHead + """
            1️⃣Adma(lr: 0.001)
        }
        """, expected: [("1️⃣", "unknown optimizer 'Adma'; did you mean 'Adam'?")]),
        Case(source: trainingHead + """
            1️⃣Iteration(100)
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "unknown statement 'Iteration'; did you mean 'Iterations'?")]),
        Case(source: """
        Training("t") {
            Dataset(1️⃣.digit)
            Network(hidden: [10], initialization: 2️⃣.kaimingNormall)
            Adam(lr: 0.001)
        }
        """, expected: [
            ("1️⃣", "unknown dataset '.digit'; did you mean '.digits'?"),
            ("2️⃣", "unknown initialisation '.kaimingNormall'; did you mean '.kaimingNormal'?"),
        ]),
        Case(source: trainingHead.replacingOccurrences(of: "Network(hidden: [10])", with: "Network(hidden: [10], initialization: .zeros, 1️⃣activation: .relu)") + """
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "argument 'activation' must precede 'initialization'")]),
        Case(source: """
        Training("t") {
            Dataset(.digits, test: 1️⃣1.5)
            Network(hidden: [10, 2️⃣0], initialization: 3️⃣.normal(std: -1), dropout: 4️⃣1)
            Adam(lr: 0.001)
        }
        """, expected: [
            ("1️⃣", "the test fraction must lie strictly between 0 and 1, not 1.5"),
            ("2️⃣", "a layer width must be from 1 to 4096, not 0"),
            ("3️⃣", "normal expects std ≥ 0.0, but found std -1"),
            ("4️⃣", "the dropout probability must lie in [0, 1), not 1"),
        ]),
        Case(source: """
        Training("t") {
            Dataset(.digits)
            Network(hidden: [10], initialization: 1️⃣.constant)
            Adam(lr: 0.001)
            Expect("Adam", 2️⃣testAcuracy: 0.9)
            Expect(3️⃣"Adamm", testAccuracy: 0.9)
            Expect("Adam", testAccuracy: 4️⃣95)
        }
        """, expected: [
            ("1️⃣", "'.constant' needs its arguments"),
            ("2️⃣", "unknown claim 'testAcuracy'; did you mean 'testAccuracy'?"),
            ("3️⃣", "no run is labeled 'Adamm'; did you mean 'Adam'?"),
            ("4️⃣", "the test accuracy is a fraction from 0 to 1, not 95"),
        ]),
        Case(source: """
        1️⃣Training("t") {
            Iterations(2️⃣0)
            3️⃣Newton()
        }
        """, expected: [
            ("1️⃣", "the training has no 'Dataset'"), ("1️⃣", "the training has no 'Network'"),
            ("2️⃣", "the number of iterations must be from 1 to 100000, not 0"),
            ("3️⃣", "'Newton' needs second derivatives"),
        ]),
        Case(source: """
        Training("t") {
            Dataset(.mnist(path: "data"), 1️⃣test: 0.2)
            Network(hidden: [10])
            2️⃣Network(hidden: [20])
            Adam(lr: 0.001)
            3️⃣Adam(lr: 0.01)
        }
        """, expected: [
            ("1️⃣", "MNIST keeps its own test set"), ("2️⃣", "duplicate 'Network'"), ("3️⃣", "two runs are labeled 'Adam'"),
        ]),
        Case(source: """
        Training("t") {
            Dataset(.digits, test: 0.2, validation: 1️⃣1)
            Network(hidden: [10])
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "the validation fraction must lie from 0 up to (not including) 1, not 1")]),
        Case(source: """
        Training("t") {
            Dataset(.digits, validation: 1️⃣-0.25)
            Network(hidden: [10])
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "the validation fraction must lie from 0 up to (not including) 1, not ")]),
        Case(source: """
        Training("t") {
            Dataset(.digits, test: 0.6, validation: 1️⃣0.4, trainingSamples: 100)
            Network(hidden: [10])
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "the test (0.6) and validation (0.4) fractions add up to 1, leaving nothing to train on")]),
        Case(source: """
        Training("t") {
            Dataset(.moons(samples: 4), test: 0.5, validation: 1️⃣0.3)
            Network(hidden: [10])
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "test and validation fractions of 0.5 and 0.3 hold out all 4 samples, leaving no training samples")]),
        Case(source: """
        Training("t") {
            Dataset(.digits, validation: 1️⃣"a fifth")
            Network(hidden: [10])
            Adam(lr: 0.001)
        }
        """, expected: [("1️⃣", "the validation fraction")]),
        Case(source: """
        Training("t") {
            Dataset(.digits, test: 0.2, validation: 0)
            Network(hidden: [10])
            Adam(lr: 0.001)
            SGD(lr: 0.1)
            Expect("Adam", 1️⃣validationAccuracy: 0.9)
            Expect("Adam", 2️⃣higherValidationAccuracyThan: "SGD")
            Expect("Adam", 3️⃣validationAccuracyWithin: 0.1, of: "SGD")
            Expect("Adam", 4️⃣validationAccuracyBelow: 0.1)
        }
        """, expected: [
            ("1️⃣", "'validationAccuracy:' is about the validation set, and this training holds none out"),
            ("2️⃣", "'higherValidationAccuracyThan:' is about the validation set"),
            ("3️⃣", "'validationAccuracyWithin:' is about the validation set"),
            ("4️⃣", "'validationAccuracyBelow:' is about the validation set"),
        ]),
        Case(source: """
        Training("t") {
            Dataset(.digits, test: 0.2, validation: 0.2)
            Network(hidden: [10])
            Adam(lr: 0.001)
            SGD(lr: 0.1)
            Expect("Adam", 1️⃣validationAcuracy: 0.9)
            Expect("Adam", validationAccuracy: 2️⃣95)
            Expect("Adam", higherValidationAccuracyThan: 3️⃣"Adam")
            Expect("Adam", validationAccuracyWithin: 0.1, of: 4️⃣"SDG")
        }
        """, expected: [
            ("1️⃣", "unknown claim 'validationAcuracy'; did you mean 'validationAccuracy'?"),
            ("2️⃣", "the validation accuracy is a fraction from 0 to 1, not 95"),
            ("3️⃣", "a run cannot be compared with itself"),
            ("4️⃣", "no run is labeled 'SDG'; did you mean 'SGD'?"),
        ]),
        Case(source: """
        Activations("a") {
            Network(layers: 3, activation: 1️⃣.softplus)
            Weights(2️⃣.xavier)
            Weights(.zeros).3️⃣color(.red)
            Weights(.ones)
            Expect("ones", layer: 4️⃣9, stdAbove: 0.1)
            Expect("ones", layer: 1, 5️⃣stdAbov: 0.1)
        }
        """, expected: [
            ("1️⃣", "unknown activation '.softplus'"),
            ("2️⃣", "unknown initialisation '.xavier'"),
            ("3️⃣", "unknown modifier '.color' of 'Weights'"),
            ("4️⃣", "the layer must be from 1 to 3, not 9"),
            ("5️⃣", "unknown claim 'stdAbov'; did you mean 'stdAbove'?"),
        ]),
        Case(source: """
        1️⃣Activations("a") {
            Seed(1)
        }
        """, expected: [("1️⃣", "the activation study has no 'Weights'")]),
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
            let found = errors.contains { $0.location == location && $0.message.contains(fragment) }
            #expect(found, "expected '\(fragment)' at \(location); got \(errors.map { "\($0.location?.description ?? "-"): \($0.message)" })")
        }
    }
}
