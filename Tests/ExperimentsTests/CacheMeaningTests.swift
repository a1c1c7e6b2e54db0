import CourseDiagnostics
import CourseTestSupport
import ExperimentLanguage
import Foundation
import NeuralNetworks
import Testing
@testable import Experiments

/// Cache keys hold a directive's meaning, not its text (issue 16): an edit that changes only
/// what the page shows (a label, a colour, a title, a comment, whitespace, a claim) keeps the
/// key; an edit to anything the numbers depend on changes it. One table per builder kind.
@Suite struct CacheMeaningTests {
    static let experiment = """
        Experiment("Two paths") {
            Objective(.rosenbrock(a: 1, b: 100))
            Start(-1.5, 2)
            Start(1, -1)
            Steps(60)
            Seed(7)
            SGD(lr: 0.001).label("slow")
            Adam(lr: 0.05).label("adam").color(.purple)
            Expect("adam", effectiveLearningRate: .above(0))
            Expect("adam", diverges: false)
        }
        """
    static let closure = """
        Experiment("Bowl") {
            Objective { x, y in x * x + 3 * y * y }
            Start(2, 1)
            Steps(30)
            Momentum(lr: 0.1, momentum: 0.9).label("heavy ball")
        }
        """
    static let schedule = """
        Schedule("Decay on least squares") {
            Objective(.linearRegression(samples: 50, noise: 0.5))
            BatchSize(1)
            Steps(40)
            SGD(lr: 0.1).label("constant")
            SGD(lr: 0.1).schedule(.cosine(steps: 40)).label("cosine")
            Expect("constant", learningRate: 0.1, atStep: 3)
        }
        """
    static let average = """
        Average("Bias correction") {
            Series(.noisySine(period: 20, amplitude: 2, noise: 0.5), samples: 60)
            Seed(3)
            ExponentialAverage(beta: 0.9).label("raw")
            ExponentialAverage(beta: 0.9, biasCorrection: true).label("corrected")
            MovingAverage(window: 5)
            Expect("corrected", closerThan: "raw", over: 1...10)
        }
        """
    static let training = """
        Training("Moons") {
            Dataset(.moons(samples: 80, noise: 0.15), test: 0.25)
            Network(hidden: [8, 8], activation: .tanh, initialization: .xavierNormal)
            BatchSize(16)
            Iterations(80)
            SGD(lr: 0.1)
            Adam(lr: 0.02).label("adam")
            Expect("adam", diverges: false)
        }
        """
    static let activations = """
        Activations("Two layers") {
            Network(layers: 3, units: 10, activation: .tanh)
            Inputs(40)
            Weights(.xavierNormal).label("Xavier")
            Weights(.normal(std: 1)).label("N(0, 1)")
            Expect("Xavier", layer: 3, stdAbove: 0.01)
        }
        """

    /// An edit: the fence, what to replace, with what, and whether the key stays the same.
    struct Edit: CustomTestStringConvertible, Sendable {
        var name: String
        var fence: String
        var from: String
        var to: String
        var keeps: Bool
        var testDescription: String { name }
    }

    static func keep(_ name: String, _ fence: String, _ from: String, _ to: String) -> Edit {
        Edit(name: name, fence: fence, from: from, to: to, keeps: true)
    }

    static func change(_ name: String, _ fence: String, _ from: String, _ to: String) -> Edit {
        Edit(name: name, fence: fence, from: from, to: to, keeps: false)
    }

    static let edits: [Edit] = [
        // Experiment: what the page shows…
        keep("experiment title", experiment, "Two paths", "Deux chemins"),
        keep("experiment label", experiment, ".label(\"slow\")", ".label(\"plain SGD\")"),
        keep("experiment label two claims name, the claims renamed too", experiment, "\"adam\"", "\"fast\""),
        keep("experiment colour", experiment, ".color(.purple)", ".color(\"#1f77b4\")"),
        keep("experiment comment and whitespace", experiment, "    Steps(60)\n", "    // sixty steps\n    Steps( 60 )\n\n"),
        keep("experiment claim removed", experiment, "    Expect(\"adam\", diverges: false)\n", ""),
        // Flags the older methods gained later are keyed only when set, so entries cached before them stay valid.
        keep("maximize: false spelled out", experiment, "Adam(lr: 0.05)", "Adam(lr: 0.05, maximize: false)"),
        keep("decoupledWeightDecay: false spelled out", experiment, "Adam(lr: 0.05)", "Adam(lr: 0.05, decoupledWeightDecay: false)"),
        change("maximize set", experiment, "SGD(lr: 0.001)", "SGD(lr: 0.001, maximize: true)"),
        change("Adam's decoupled weight decay set", experiment, "Adam(lr: 0.05)", "Adam(lr: 0.05, decoupledWeightDecay: true)"),
        keep("experiment claim added", experiment, "    Expect(\"adam\", diverges: false)\n", "    Expect(\"adam\", diverges: false)\n    Expect(\"slow\", diverges: false)\n"),
        keep("experiment default written out", experiment, "Adam(lr: 0.05)", "Adam(lr: 0.05, betas: (0.9, 0.999), eps: 1e-8)"),
        keep("experiment number written with a point", experiment, "Start(-1.5, 2)", "Start(-1.50, 2.0)"),
        keep("experiment objective's defaults", experiment, ".rosenbrock(a: 1, b: 100)", ".rosenbrock"),
        keep("experiment number spelled otherwise", experiment, "lr: 0.05", "lr: 5e-2"),
        keep("experiment plot window", experiment, "    Steps(60)\n", "    Steps(60)\n    Domain(x: -2...2, y: -1...3)\n"),
        keep("experiment played", experiment, "    Steps(60)\n", "    Steps(60)\n    Play(seconds: 5)\n"),
        keep("closure variables renamed", closure, "{ x, y in x * x + 3 * y * y }", "{ a, b in a * a + 3 * b * b }"),
        keep("closure spacing", closure, "{ x, y in x * x + 3 * y * y }", "{ x, y in x*x + 3*y*y }"),
        // …and what the numbers depend on.
        change("experiment steps", experiment, "Steps(60)", "Steps(61)"),
        change("experiment seed", experiment, "Seed(7)", "Seed(8)"),
        change("experiment start", experiment, "Start(1, -1)", "Start(1, -1.5)"),
        change("experiment start removed", experiment, "    Start(1, -1)\n", ""),
        change("experiment learning rate", experiment, "Adam(lr: 0.05)", "Adam(lr: 0.06)"),
        change("experiment other hyperparameter", experiment, "Adam(lr: 0.05)", "Adam(lr: 0.05, betas: (0.8, 0.999))"),
        change("experiment method", experiment, "SGD(lr: 0.001)", "Momentum(lr: 0.001)"),
        change("experiment objective parameter", experiment, ".rosenbrock(a: 1, b: 100)", ".rosenbrock(a: 1, b: 10)"),
        change("experiment objective", experiment, ".rosenbrock(a: 1, b: 100)", ".himmelblau"),
        change("experiment runs swapped", experiment,
               "    SGD(lr: 0.001).label(\"slow\")\n    Adam(lr: 0.05).label(\"adam\").color(.purple)\n",
               "    Adam(lr: 0.05).label(\"adam\").color(.purple)\n    SGD(lr: 0.001).label(\"slow\")\n"),
        change("experiment effective-learning-rate claim removed (its run stores fewer series)", experiment,
               "    Expect(\"adam\", effectiveLearningRate: .above(0))\n", ""),
        change("experiment schedule", experiment, "SGD(lr: 0.001)", "SGD(lr: 0.001).schedule(.exponential(gamma: 0.9))"),
        change("closure expression", closure, "3 * y * y", "4 * y * y"),
        change("closure written in another order (it rounds otherwise)", closure, "x * x + 3 * y * y", "3 * y * y + x * x"),
        // Schedule.
        keep("schedule title and labels", schedule, "\"constant\"", "\"flat\""),
        keep("schedule claim", schedule, "atStep: 3", "atStep: 4"),
        change("schedule steps", schedule, "Steps(40)", "Steps(41)"),
        change("schedule's schedule", schedule, ".cosine(steps: 40)", ".cosine(steps: 30)"),
        change("schedule objective's data", schedule, "noise: 0.5", "noise: 0.25"),
        change("schedule batch size", schedule, "BatchSize(1)", "BatchSize(2)"),
        // Average.
        keep("average title", average, "Bias correction", "Bias"),
        keep("average label and the claim naming it", average, "\"raw\"", "\"uncorrected\""),
        keep("average claim window", average, "over: 1...10", "over: 1...12"),
        change("average seed", average, "Seed(3)", "Seed(4)"),
        change("average samples", average, "samples: 60", "samples: 61"),
        change("average signal", average, "amplitude: 2", "amplitude: 3"),
        change("average method's parameter", average, "MovingAverage(window: 5)", "MovingAverage(window: 6)"),
        // Training.
        keep("training title", training, "Training(\"Moons\")", "Training(\"Two moons\")"),
        keep("training label and the claim naming it", training, "\"adam\"", "\"Adam, lr 0.02\""),
        keep("training claim", training, "diverges: false", "diverges: false)\n    Expect(\"SGD\", diverges: false"),
        keep("training comment", training, "    BatchSize(16)\n", "    BatchSize(16) // small batches\n"),
        change("training iterations", training, "Iterations(80)", "Iterations(81)"),
        change("training seed", training, "    BatchSize(16)\n", "    BatchSize(16)\n    Seed(1)\n"),
        change("training dataset", training, "noise: 0.15", "noise: 0.2"),
        change("training test fraction", training, "test: 0.25", "test: 0.3"),
        change("training network", training, "hidden: [8, 8]", "hidden: [8, 9]"),
        change("training activation", training, "activation: .tanh", "activation: .relu"),
        change("training initialisation", training, "initialization: .xavierNormal", "initialization: .xavierUniform"),
        change("training batch size", training, "BatchSize(16)", "BatchSize(17)"),
        change("training hyperparameter", training, "Adam(lr: 0.02)", "Adam(lr: 0.03)"),
        change("training batch normalisation", training, "initialization: .xavierNormal)", "initialization: .xavierNormal, batchNorm: true)"),
        keep("training batch normalisation written off", training, "initialization: .xavierNormal)", "initialization: .xavierNormal, batchNorm: false)"),
        change("training clipping by norm", training, "    BatchSize(16)\n", "    BatchSize(16)\n    ClipGradients(norm: 1)\n"),
        change("training clipping by value", training, "    BatchSize(16)\n", "    BatchSize(16)\n    ClipGradients(value: 1)\n"),
        // Activations.
        keep("activations labels and title", activations, "Two layers", "Three layers"),
        keep("activations claim", activations, "stdAbove: 0.01", "stdAbove: 0.02"),
        keep("activations row label", activations, ".label(\"N(0, 1)\")", ".label(\"standard normal\")"),
        change("activations units", activations, "units: 10", "units: 11"),
        change("activations inputs", activations, "Inputs(40)", "Inputs(41)"),
        change("activations initialisation", activations, ".normal(std: 1)", ".normal(std: 2)"),
    ]

    static func directive(_ text: String) throws -> Directive {
        var diagnostics: [Diagnostic] = []
        guard let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "c.md", line: 1), diagnostics: &diagnostics),
              !diagnostics.containsErrors
        else {
            Issue.record("did not parse: \(diagnostics)\n\(text)")
            throw CancellationError()
        }
        return directive
    }

    static func key(_ directive: Directive) throws -> ResultCache.Key {
        let cache = ResultCache(folder: "/nonexistent", version: "test")
        switch directive {
        case .experiment(let e): return cache.key(e)
        case .schedule(let s): return cache.key(s)
        case .average(let a): return cache.key(a)
        case .training(let t): return try cache.key(t, kernel: .preferred)
        case .activations(let a): return cache.key(a, kernel: .preferred)
        case .formulas: preconditionFailure("a table is not cached")
        }
    }

    @Test(arguments: edits)
    func anEditKeepsTheKeyExactlyWhenTheNumbersCannotChange(_ edit: Edit) throws {
        #expect(edit.fence.contains(edit.from), "the edit applies")
        let edited = edit.fence.replacingOccurrences(of: edit.from, with: edit.to)
        let before = try Self.key(try Self.directive(edit.fence))
        let after = try Self.key(try Self.directive(edited))
        if edit.keeps {
            #expect(before == after, "\(before.text)\n---\n\(after.text)")
        } else {
            #expect(before != after)
            #expect(before.fileName != after.fileName)
        }
    }

    @Test func aMeaningIsDeterministicAndNamesNoLabelOrTitle() throws {
        for fence in [Self.experiment, Self.schedule, Self.average, Self.training, Self.activations] {
            let first = try Self.key(try Self.directive(fence)).text
            #expect(first == (try Self.key(try Self.directive(fence)).text))
            for word in ["Two paths", "slow", "purple", "Moons", "Xavier", "corrected", "Decay on", "Expect"] {
                #expect(!first.contains(word), "'\(word)' in\n\(first)")
            }
        }
    }

    @Test func theMeaningWritesDefaultsAndExactNumbers() throws {
        guard case .experiment(let e) = try Self.directive(Self.experiment) else { throw CancellationError() }
        let text = e.cacheMeaning.text
        // Adam's defaults are written out, each number as its bit pattern.
        #expect(text.contains("method: Adam\n"), "\(text)")
        #expect(text.contains("lr: \(CacheMeaning.number(0.05))\n"))
        #expect(text.contains("eps: \(CacheMeaning.number(1e-8))\n"))
        #expect(text.contains("recordsEffectiveLearningRate: true\n") && text.contains("recordsEffectiveLearningRate: false\n"))
        #expect(CacheMeaning.number(0.1) == "0x3fb999999999999a")
    }

    /// Every builder's model states its meaning through the protocol `DirectiveRunner` runs it by.
    @Test func everyBuilderStatesItsMeaning() throws {
        let fences = [Self.experiment, Self.schedule, Self.average, Self.training, Self.activations, "Formulas(.sgd, .adam)"]
        for fence in fences {
            let runnable = try #require(try Self.directive(fence).checked as? any RunnableDirective)
            #expect(!runnable.cacheMeaning.text.isEmpty)
        }
    }

    /// Two runs that swap places change the key; and an entry read back is laid out by the
    /// directive as it is now: its labels, with the numbers of the runs in their places.
    @Test func swappedRunsAndRenamedLabelsReadTheRightNumbers() throws {
        let folder = TemporaryFolder("meaning")
        defer { folder.remove() }
        let cache = ResultCache(folder: folder.path, version: "test")
        guard case .experiment(let original) = try Self.directive(Self.experiment) else { throw CancellationError() }
        let cold = ExperimentRunner.run(original, cache: cache)
        let renamed = Self.experiment.replacingOccurrences(of: "\"adam\"", with: "\"Adam, fast\"")
            .replacingOccurrences(of: ".label(\"slow\")", with: ".label(\"SGD, slow\")")
        guard case .experiment(let edited) = try Self.directive(renamed) else { throw CancellationError() }
        var ran = false
        let warm = ExperimentRunner.run(edited, cache: cache, willRun: { ran = true })
        #expect(!ran, "a label edit reads the entry")
        #expect(warm.trajectories == cold.trajectories)
        #expect(warm.experiment.runs.map(\.label) == ["SGD, slow", "Adam, fast"])
        #expect(ExperimentRunner.check(warm).isEmpty, "the renamed claims find their runs")

        let swapped = Self.experiment.replacingOccurrences(
            of: "    SGD(lr: 0.001).label(\"slow\")\n    Adam(lr: 0.05).label(\"adam\").color(.purple)\n",
            with: "    Adam(lr: 0.05).label(\"adam\").color(.purple)\n    SGD(lr: 0.001).label(\"slow\")\n")
        guard case .experiment(let reordered) = try Self.directive(swapped) else { throw CancellationError() }
        let again = ExperimentRunner.run(reordered, cache: cache, willRun: { ran = true })
        #expect(ran, "swapped runs are another entry")
        #expect(again.trajectories == [cold.trajectories[1], cold.trajectories[0]])
        #expect(again.summaries[0].map(\.finalLoss) == cold.summaries[1].map(\.finalLoss))
    }
}
