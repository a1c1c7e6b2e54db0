import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import NeuralNetworks
import Testing
@testable import Experiments

/// `=Result(…)` sees the runs of every directive that produces them (Experiment, Schedule with
/// and without an Objective, Training, Average lines, Activations rows), each with its own
/// quantities; a label on two directives needs `in:`.
@Suite struct ResultReferenceKindsTests {
    static let experiment = """
        Experiment("Bowl") {
            Objective { x, y in x * x + y * y }
            Minimum(0, 0)
            Start(-3, 1)
            Steps(3)
            SGD(lr: 0.25)
            Adam(lr: 0.1).schedule(.step(every: 2, gamma: 0.5))
        }
        """
    static let scheduleOnObjective = """
        Schedule("Decay on a ramp") {
            Objective { x, y in x * x + y * y }
            Minimum(0, 0)
            Start(-3, 1)
            Steps(3)
            SGD(lr: 0.25).schedule(.step(every: 1, gamma: 0.5)).label("halving")
            Adam(lr: 0.1)
        }
        """
    static let schedule = """
        Schedule("Rates only") {
            Steps(100)
            SGD(lr: 0.1).schedule(.step(every: 50, gamma: 0.3)).label("step")
            SGD(lr: 0.1).schedule(.cosine(steps: 100)).label("cosine")
        }
        """
    static let training = """
        Training("Moons") {
            Dataset(.moons(samples: 120, noise: 0.2), test: 0.25)
            Network(hidden: [8], activation: .tanh, initialization: .xavierNormal)
            BatchSize(16)
            Iterations(40)
            Seed(3)
            SGD(lr: 0.1).schedule(.step(every: 10, gamma: 0.5)).label("decayed SGD")
        }
        """
    static let average = """
        Average("Constant signal") {
            Series(.constant(10, noise: 1), samples: 50)
            Seed(3)
            ExponentialAverage(beta: 0.9).label("raw")
            MovingAverage(window: 10)
        }
        """
    static let activations = """
        Activations("Sigmoid activations") {
            Network(layers: 3, units: 20, activation: .sigmoid)
            Weights(.normal(std: 1)).label("N(0, 1)")
            Weights(.xavierNormal).label("Xavier")
        }
        """

    static func output(_ text: String) throws -> RunOutput {
        var diagnostics: [Diagnostic] = []
        let directive = try #require(DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 10), diagnostics: &diagnostics),
                                     "did not parse: \(diagnostics)")
        let run = DirectiveRunner.run(directive)
        #expect(run.diagnostics.isEmpty, "\(run.diagnostics)")
        return try #require(run.output)
    }

    /// Every kind once, run once for the whole suite.
    static let page: [RunOutput] = {
        [experiment, scheduleOnObjective, schedule, training, average, activations].map { try! output($0) }
    }()

    static func resolve(_ text: String, in outputs: [RunOutput] = page) -> Result<String, Diagnostic> {
        var diagnostics: [Diagnostic] = []
        guard let reference = ResultReference.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics) else {
            // A reference that does not parse always says why.
            return .failure(diagnostics[0])
        }
        return ResultReferenceResolver.resolve(reference, in: outputs)
    }

    static func number(_ text: String) throws -> Double {
        let string = try resolve(text).get().replacingOccurrences(of: "−", with: "-")
        return try #require(Double(string), "\(string) is not a number")
    }

    @Test func anExperimentRunHasItsFiguresAndItsLearningRate() throws {
        // SGD(lr: 0.25) on x² + y² halves the point each step: (−3, 1) → (−0.375, 0.125) after 3.
        #expect(try Self.resolve("=Result(\"SGD\", .finalX, in: \"Bowl\", decimals: 3)").get() == "−0.375")
        // Adam's step decay every 2 steps by 0.5: η₀ = η₁ = 0.1, η₂ = 0.05.
        #expect(try Self.resolve("=Result(\"Adam\", .learningRateAt(2), in: \"Bowl\", decimals: 3)").get() == "0.050")
    }

    @Test func aScheduleOnAnObjectiveHasAnExperimentsFiguresAndItsRates() throws {
        // Rates 0.25, 0.125, 0.0625 scale x by 0.5, 0.75, 0.875: −3 · 0.328125 = −0.984375.
        #expect(try Self.resolve("=Result(\"halving\", .finalX, decimals: 4)").get() == "−0.9844")
        #expect(try Self.resolve("=Result(\"halving\", .learningRateAt(2), decimals: 4)").get() == "0.0625")
        let distance = try Self.number("=Result(\"halving\", .finalDistance, significant: 6)")
        #expect(abs(distance - 0.328125 * (10.0).squareRoot()) <= 1e-5)
    }

    @Test func aScheduleWithoutAnObjectiveHasItsRates() throws {
        #expect(try Self.resolve("=Result(\"step\", .learningRateAt(50), decimals: 2)").get() == "0.03")
        #expect(try Self.resolve("=Result(\"cosine\", .learningRateAt(50), decimals: 3)").get() == "0.050")
        guard case .failure(let late) = Self.resolve("=Result(\"step\", .learningRateAt(100), decimals: 2)") else {
            Issue.record("a step past the schedule has no rate")
            return
        }
        #expect(late.message == "'step' has no learning rate at step 100: its steps are 0 to 99")
    }

    @Test func aTrainingRunHasItsAccuraciesAndItsRates() throws {
        let result = try #require(Self.page[3] as? TrainingStudyResult)
        let run = try #require(result.result("decayed SGD"))
        #expect(try Self.resolve("=Result(\"decayed SGD\", .testAccuracy, percent: 1)").get()
                == ResultReferenceResolver.format(run.testAccuracy, .percent(1)))
        #expect(try Self.resolve("=Result(\"decayed SGD\", .learningRateAt(25), decimals: 3)").get() == "0.025")
    }

    @Test func anAverageLineHasItsValuesAndTheMeasuresItsClaimsCompare() throws {
        let result = try #require(Self.page[4] as? AverageResult)
        let raw = try #require(result.values("raw"))
        // Without bias correction, v₁ = 0.1 x₁.
        #expect(abs(try Self.number("=Result(\"raw\", .valueAt(1), significant: 12)") - 0.1 * result.observations[0]) <= 1e-9)
        #expect(abs(try Self.number("=Result(\"raw\", .finalValue, significant: 12)") - raw[49]) <= 1e-9 * abs(raw[49]))
        let variation = AverageMath.totalVariation(raw, over: 1...50), distance = AverageMath.rmsDistance(raw, result.signal, over: 1...50)
        #expect(abs(try Self.number("=Result(\"raw\", .totalVariation, significant: 12)") - variation) <= 1e-9 * variation)
        #expect(abs(try Self.number("=Result(\"moving average, w = 10\", .rmsDistance, significant: 12)")
                    - AverageMath.rmsDistance(try #require(result.values("moving average, w = 10")), result.signal, over: 1...50)) <= 1e-9)
        #expect(distance > 0)
        guard case .failure(let past) = Self.resolve("=Result(\"raw\", .valueAt(51), decimals: 2)") else {
            Issue.record("an observation past the series has no value")
            return
        }
        #expect(past.message == "'raw' has no value at observation 51: the series has 50")
    }

    @Test func anActivationsRowHasItsLayersSpreadAndSaturation() throws {
        let result = try #require(Self.page[5] as? ActivationsStudyResult)
        let layer = try #require(result.histogram("N(0, 1)", layer: 3))
        #expect(try Self.resolve("=Result(\"N(0, 1)\", .stdAt(3), decimals: 4)").get() == ResultReferenceResolver.format(layer.standardDeviation, .decimals(4)))
        #expect(try Self.resolve("=Result(\"N(0, 1)\", .saturatedAt(3), percent: 1)").get()
                == ResultReferenceResolver.format(ActivationsStudyResult.saturatedShare(layer), .percent(1)))
        guard case .failure(let deep) = Self.resolve("=Result(\"Xavier\", .stdAt(4), decimals: 2)") else {
            Issue.record("a layer past the network has no activations")
            return
        }
        #expect(deep.message == "'Sigmoid activations' has 3 layers, not a layer 4")
    }

    @Test func aLabelOnTwoDirectivesOfAnyKindNeedsIn() throws {
        // "SGD" is in "Bowl"; "Adam" in "Bowl" and in the schedule on an objective: the bug was
        // that the schedule's run was invisible and the experiment's was taken silently.
        guard case .failure(let ambiguous) = Self.resolve("=Result(\"Adam\", .finalLoss, decimals: 2)") else {
            Issue.record("a label on two directives is ambiguous")
            return
        }
        #expect(ambiguous.message == "several directives on this page have a run labeled 'Adam'")
        #expect(ambiguous.hint == "name one with in: \"Bowl\" or \"Decay on a ramp\"")
        // A Schedule without an objective and an Average count as well.
        let rates = try Self.output(Self.schedule.replacingOccurrences(of: "label(\"step\")", with: "label(\"raw\")"))
        guard case .failure(let acrossKinds) = Self.resolve("=Result(\"raw\", .finalValue, decimals: 2)", in: Self.page + [rates]) else {
            Issue.record("a label on an Average and a Schedule is ambiguous")
            return
        }
        #expect(acrossKinds.hint == "name one with in: \"Constant signal\" or \"Rates only\"")
        let ramp = try #require((Self.page[1] as? ScheduleResult)?.problem)
        let adam = try #require(ramp.runIndex("Adam"))
        #expect(try Self.resolve("=Result(\"Adam\", .finalX, in: \"Decay on a ramp\", decimals: 6)").get()
                == ResultReferenceResolver.format(ramp.trajectories[adam][0].finalPoint[0], .decimals(6)))
        #expect(try Self.resolve("=Result(\"raw\", .learningRateAt(0), in: \"Rates only\", decimals: 1)", in: Self.page + [rates]).get() == "0.1")
    }

    @Test func anUnknownLabelSuggestsARunOfAnyKind() {
        guard case .failure(let typo) = Self.resolve("=Result(\"Xavir\", .stdAt(1), decimals: 2)"),
              case .failure(let line) = Self.resolve("=Result(\"rwa\", .finalValue, decimals: 2)"),
              case .failure(let rate) = Self.resolve("=Result(\"cosin\", .learningRateAt(1), decimals: 2)")
        else {
            Issue.record("unknown labels are errors")
            return
        }
        #expect(typo.message == "no run on this page is labeled 'Xavir'; did you mean 'Xavier'?")
        #expect(line.message == "no run on this page is labeled 'rwa'; did you mean 'raw'?")
        #expect(rate.message == "no run on this page is labeled 'cosin'; did you mean 'cosine'?")
        #expect(typo.hint == "the runs are 'SGD', 'Adam', 'halving', 'step', 'cosine', 'decayed SGD', 'raw', "
                + "'moving average, w = 10', 'N(0, 1)', 'Xavier'")
    }

    @Test(arguments: [
        ("=Result(\"step\", .finalLoss, decimals: 2)",
         "'.finalLoss' is not a figure of 'step', a run of a Schedule without an Objective",
         "the runs of a Schedule without an Objective have .learningRateAt(n); add 'Objective(…)' to the schedule to run its calls on one"),
        ("=Result(\"raw\", .finalLoss, decimals: 2)",
         "'.finalLoss' is not a figure of 'raw', a line of an Average",
         "the lines of an Average have .valueAt(n), .finalValue, .totalVariation, .rmsDistance"),
        ("=Result(\"Xavier\", .testAccuracy, percent: 1)",
         "'.testAccuracy' is not a figure of 'Xavier', a row of an Activations study",
         "the rows of an Activations study have .stdAt(n), .saturatedAt(n)"),
        ("=Result(\"decayed SGD\", .finalX, decimals: 2)",
         "'.finalX' is not a figure of 'decayed SGD', a run of a Training",
         "the runs of a Training have .testAccuracy, .trainAccuracy, .validationAccuracy, .trainLoss, .learningRateAt(n), .divergedAt, .switchedAt"),
        ("=Result(\"halving\", .trainLoss, decimals: 2)",
         "'.trainLoss' is not a figure of 'halving', a run of a Schedule with an Objective",
         "the runs of a Schedule with an Objective have .finalLoss, .finalGap, .finalDistance, .finalX, .finalY, .lossAt(n), .rate(over: a...b), .learningRateAt(n), .divergedAt, .switchedAt"),
        ("=Result(\"SGD\", .stdAt(1), in: \"Bowl\", decimals: 2)",
         "'.stdAt(1)' is not a figure of 'SGD', a run of an Experiment",
         "the runs of an Experiment have .finalLoss, .finalGap, .finalDistance, .finalX, .finalY, .lossAt(n), .rate(over: a...b), .learningRateAt(n), .divergedAt, .switchedAt"),
        ("=Result(\"raw\", .finalValue, start: 2, decimals: 2)",
         "'start:' chooses a start of an objective; 'raw' is a line of an Average",
         "remove 'start:'"),
    ])
    func aQuantityAKindDoesNotHaveIsAnErrorListingWhatItHas(_ text: String, _ message: String, _ hint: String) {
        guard case .failure(let problem) = Self.resolve(text) else {
            Issue.record("\(text) should fail")
            return
        }
        #expect(problem.message == message)
        #expect(problem.hint == hint)
    }

    @Test func everyKindListsOnlyQuantitiesThatExist() {
        for kind in ResultReference.RunKind.allCases {
            #expect(!kind.quantities.isEmpty)
            #expect(kind.quantities.allSatisfy(ResultReference.Quantity.names.contains), "\(kind)")
        }
        // Every quantity belongs to some kind, so none is unreachable.
        let offered = Set(ResultReference.RunKind.allCases.flatMap(\.quantities))
        #expect(offered == Set(ResultReference.Quantity.names))
    }
}
