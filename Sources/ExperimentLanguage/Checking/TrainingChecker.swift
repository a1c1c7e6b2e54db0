import CourseDiagnostics
import NeuralNetworks
import Optimizers

/// Checks the body of `Training("…") { … }` against its statement table and builds the
/// typed ``TrainingStudy``, reporting every problem it finds at its place.
///
/// Optimizer calls and their modifiers are read by the same ``OptimizerCallChecker`` as
/// in `Experiment`, so a call copied from a 2-D experiment trains a network unchanged.
struct TrainingChecker {
    var reader: ValueReader
    let source: String
    let hadSyntaxErrors: Bool

    /// Widest hidden layer a fence may ask for.
    static let maximumWidth = 4096
    /// Most optimizer calls in one training builder.
    static let maximumRuns = 16
    /// Largest mini-batch.
    static let maximumBatchSize = 65_536

    func check(_ input: BuilderInput, _ diagnostics: inout [Diagnostic]) -> TrainingStudy? {
        let errorsBefore = diagnostics.count
        let (title, builderRange) = (input.title, input.builderRange)
        let optimizerCalls = input.runs.map(\.expr)
        let expects = input.all("Expect")

        var configuration = TrainingConfiguration(
            title: title, iterations: TrainingStudy.defaultIterations, seed: TrainingStudy.defaultSeed)
        var datasetRead = false, networkRead = false
        if let call = input.required("Dataset", &diagnostics) {
            datasetRead = dataset(call, reader, into: &configuration, &diagnostics)
        }
        if let call = input.required("Network", &diagnostics) {
            networkRead = network(call, reader, into: &configuration, &diagnostics)
        }
        if let call = input.first("BatchSize"), let value = call.integer("the batch size", in: 1...Self.maximumBatchSize, reader, &diagnostics) {
            configuration.batchSize = value
            if configuration.batchNorm, value == 1, let argument = call.arguments.first {
                diagnostics.append(reader.error(
                    TrainingConfiguration.batchNormNeedsTwoSamples, reader.resolve(argument.value).range,
                    hint: "normalise over 'BatchSize(2)' or more, or remove 'batchNorm: true' from 'Network'"))
            }
        }
        if let call = input.first("Iterations"), let value = call.integer("the number of iterations", in: 1...Limits.maximumSteps, reader, &diagnostics) {
            configuration.iterations = value
            configuration.evaluationInterval = max(1, value / 40)
        }
        if let call = input.first("EvaluationInterval"),
           let value = call.integer("the evaluation interval", in: 1...Limits.maximumSteps, reader, &diagnostics) {
            configuration.evaluationInterval = value
        }
        if let call = input.first("Seed"), let argument = call.singleArgument(reader, &diagnostics), let value = reader.seed(argument.value, &diagnostics) {
            configuration.seed = value
        }
        if let call = input.first("L2"), let argument = call.singleArgument(reader, &diagnostics),
           let value = reader.nonNegative(argument.value, "the L2 coefficient", &diagnostics) {
            configuration.l2 = value
        }
        if let call = input.first("Sampling"), let argument = call.singleArgument(reader, &diagnostics),
           let sampling: BatchSampling = reader.choice(argument.value, "the sampling", noun: "sampling", &diagnostics) {
            configuration.sampling = sampling
            // Epochs of one sample make batches of one, which have no variance to normalise by.
            if sampling == .shuffledEpochs, configuration.batchNorm, configuration.trainingSamples == 1 {
                diagnostics.append(reader.error(
                    TrainingConfiguration.batchNormNeedsTwoSamples + ", and epochs of 1 training sample make batches of 1",
                    reader.resolve(argument.value).range,
                    hint: "train on 'trainingSamples: 2' or more, or draw batches '.withReplacement'"))
            }
        }
        if let call = input.first("ClipGradients") {
            configuration.clipping = clipping(call, reader, &diagnostics)
        }

        let runs = OptimizerCallChecker(reader: reader).runs(optimizerCalls, &diagnostics) { spec, _, callee in
            guard spec.capabilities.contains(.needsHessian) else { return nil }
            return reader.error(
                "'\(spec.callName)' needs second derivatives, which a network's training loop does not compute", callee.range,
                hint: "use a first-order method, or L-BFGS, which builds its curvature from gradients")
        }
        BuilderChecker.reportRunCount(
            optimizerCalls.count, of: .training, maximum: Self.maximumRuns, none: "no optimizer call",
            example: "'SGD(lr: 0.01)' or 'Adam(lr: 0.001)'", split: "trainings", at: builderRange, reader,
            hadSyntaxErrors: hadSyntaxErrors, &diagnostics)
        configuration.runs = runs.map { TrainingRun(label: $0.label, optimizer: $0.optimizer, schedule: $0.schedule, noise: $0.noise) }

        var expectations: [TrainingExpectation] = []
        let labels = runs.map(\.label)
        for call in expects {
            if let claim = expectation(call, reader, labels: labels, hasValidation: configuration.hasValidation, &diagnostics) {
                expectations.append(claim)
            }
        }

        guard diagnostics.count == errorsBefore, datasetRead, networkRead else { return nil }
        // The checks above mirror the configuration's own; anything they missed is still reported.
        for problem in configuration.validationErrors {
            diagnostics.append(reader.error(problem, builderRange))
        }
        guard diagnostics.count == errorsBefore else { return nil }
        return TrainingStudy(
            title: title, configuration: configuration, runs: runs, expectations: expectations, source: source,
            location: reader.location(builderRange))
    }

    /// `Dataset(.digits, test: 0.2, validation: 0.2, trainingSamples: 500)`.
    ///
    /// Both fractions are of the whole dataset; where its size is known before anything is
    /// read (every source but `.mnist`), fractions that leave no training sample are an error here.
    private func dataset(_ call: BuilderCall, _ reader: ValueReader, into configuration: inout TrainingConfiguration, _ diagnostics: inout [Diagnostic]) -> Bool {
        let parameters: [ArgumentMatcher.Parameter] = [
            .init(nil), .init("test", required: false), .init("validation", required: false), .init("trainingSamples", required: false),
        ]
        guard let matched = call.matchArguments(to: parameters, reader, &diagnostics), let source = reader.dataset(matched[0]!.value, &diagnostics)
        else { return false }
        configuration.dataset = source
        if let argument = matched[1] {
            guard let fraction = reader.number(argument.value, "the test fraction", &diagnostics) else { return false }
            guard fraction > 0, fraction < 1 else {
                diagnostics.append(reader.error("the test fraction must lie strictly between 0 and 1, not \(NumberText.format(fraction))",
                                                reader.resolve(argument.value).range))
                return false
            }
            if case .mnist = source {
                diagnostics.append(reader.error("MNIST keeps its own test set of 10,000 images", argument.labelRange ?? argument.range,
                                                hint: "remove 'test:'"))
                return false
            }
            configuration.testFraction = fraction
        }
        if let argument = matched[2] {
            let range = reader.resolve(argument.value).range
            let hint = "'validation: 0.2' holds out a fifth of all samples to choose methods on, besides the test set"
            guard let fraction = reader.number(argument.value, "the validation fraction", &diagnostics) else { return false }
            guard fraction >= 0, fraction < 1 else {
                diagnostics.append(reader.error(
                    "the validation fraction must lie from 0 up to (not including) 1, not \(NumberText.format(fraction))", range, hint: hint))
                return false
            }
            // MNIST's test set is its own, so only the validation fraction takes from its training images.
            if source.name != "mnist", configuration.testFraction + fraction >= 1 {
                diagnostics.append(reader.error(
                    "the test (\(NumberText.format(configuration.testFraction))) and validation (\(NumberText.format(fraction))) fractions "
                        + "add up to \(NumberText.format(configuration.testFraction + fraction)), leaving nothing to train on", range,
                    hint: "both are fractions of the whole dataset; keep their sum below 1, e.g. 'test: 0.2, validation: 0.2'"))
                return false
            }
            configuration.validationFraction = fraction
        }
        if let total = source.sampleCount, source.parameterProblem == nil {
            let held = DatasetSource.count(configuration.testFraction, of: total) + DatasetSource.count(configuration.validationFraction, of: total)
            if held >= total, let argument = matched[2] ?? matched[1] {
                let what = matched[2] == nil ? "a test fraction of \(NumberText.format(configuration.testFraction))"
                    : "test and validation fractions of \(NumberText.format(configuration.testFraction)) and \(NumberText.format(configuration.validationFraction))"
                diagnostics.append(reader.error(
                    "\(what) hold out all \(total) samples, leaving no training samples", reader.resolve(argument.value).range,
                    hint: "each fraction holds out ⌈n · fraction⌉ samples; lower them or use more samples"))
                return false
            }
        }
        if let argument = matched[3] {
            guard let samples = reader.integer(argument.value, "the number of training samples", in: 1...Limits.maximumSamples, &diagnostics)
            else { return false }
            configuration.trainingSamples = samples
        }
        return true
    }

    /// `ClipGradients(norm: 1)` or `ClipGradients(value: 0.5)`: exactly one of the two, a positive finite threshold.
    private func clipping(_ call: BuilderCall, _ reader: ValueReader, _ diagnostics: inout [Diagnostic]) -> GradientClipping? {
        guard let matched = call.matchArguments(to: [.init("norm", required: false), .init("value", required: false)], reader, &diagnostics)
        else { return nil }
        let hint = "write 'ClipGradients(norm: 1)' to rescale a gradient longer than 1, or 'ClipGradients(value: 0.5)' to clamp each component to [−0.5, 0.5]"
        switch (matched[0], matched[1]) {
        case (let argument?, nil), (nil, let argument?):
            let byNorm = matched[0] != nil
            let what = byNorm ? "the largest gradient norm" : "the largest gradient component"
            guard let threshold = reader.number(argument.value, what, &diagnostics) else { return nil }
            guard threshold > 0, threshold.isFinite else {
                diagnostics.append(reader.error(
                    "\(what) must be > 0, not \(NumberText.format(threshold))", reader.resolve(argument.value).range,
                    hint: byNorm ? "a norm of 0 would stop every step; 'ClipGradients(norm: 1)' rescales only longer gradients"
                        : "a bound of 0 would stop every step; 'ClipGradients(value: 0.5)' clamps each component to [−0.5, 0.5]"))
                return nil
            }
            return byNorm ? .norm(threshold) : .value(threshold)
        case (nil, nil):
            diagnostics.append(reader.error("'ClipGradients' needs 'norm:' or 'value:'", call.expr.range, hint: hint))
            return nil
        case (_?, let second?):
            diagnostics.append(reader.error(
                "'ClipGradients' clips by norm or by value, not both", second.range, hint: hint))
            return nil
        }
    }

    /// `Network(hidden: [100, 100], activation: .relu, initialization: .kaimingNormal, biasInitialization: .zeros, dropout: 0.5, batchNorm: true)`.
    private func network(_ call: BuilderCall, _ reader: ValueReader, into configuration: inout TrainingConfiguration, _ diagnostics: inout [Diagnostic]) -> Bool {
        let parameters: [ArgumentMatcher.Parameter] = [
            .init("hidden"), .init("activation", required: false), .init("initialization", required: false),
            .init("biasInitialization", required: false), .init("dropout", required: false), .init("batchNorm", required: false),
        ]
        guard let matched = call.matchArguments(to: parameters, reader, &diagnostics) else { return false }
        let errorsBefore = diagnostics.count
        if let hidden = reader.widths(matched[0]!.value, maximum: Self.maximumWidth, maximumCount: Limits.maximumLayers, &diagnostics) {
            configuration.hidden = hidden
        }
        if let argument = matched[1], let activation = reader.activation(argument.value, &diagnostics) {
            configuration.activation = activation
        }
        if let argument = matched[2], let initialization = reader.initialization(argument.value, &diagnostics) {
            configuration.initialization = initialization
        }
        if let argument = matched[3], let bias = reader.biasInitialization(argument.value, &diagnostics) {
            configuration.biasInitialization = bias
        }
        if let argument = matched[4], let dropout = reader.probability(argument.value, "the dropout probability", &diagnostics) {
            configuration.dropout = dropout
        }
        if let argument = matched[5], let batchNorm = reader.bool(argument.value, "'batchNorm'", &diagnostics) {
            if batchNorm, configuration.hidden.isEmpty, diagnostics.count == errorsBefore {
                diagnostics.append(reader.error(
                    TrainingConfiguration.batchNormWithoutHiddenLayers, argument.range,
                    hint: "batch normalisation normalises a hidden layer before its activation: give the network one, e.g. 'hidden: [100]', or remove 'batchNorm: true'"))
            } else {
                configuration.batchNorm = batchNorm
            }
        }
        return diagnostics.count == errorsBefore
    }

    /// How a training claim's value is read, and the claim it then makes about the run labeled first.
    enum ClaimValue: Sendable {
        typealias Kind = TrainingExpectation.Kind
        /// A fraction from 0 to 1, called `what` in messages: `testAccuracy: 0.95`.
        case fraction(_ what: String, @Sendable (String, Double) -> Kind)
        /// A training loss above 0: `trainLossBelow: 0.1`.
        case loss(@Sendable (String, Double) -> Kind)
        /// `true` or `false`: `diverges: true`.
        case flag(@Sendable (String, Bool) -> Kind)
        /// Another run's label: `lowerTrainLossThan: "SGD"`.
        case other(@Sendable (String, String) -> Kind)
        /// A difference of accuracies, then another run's label after `of:`.
        case within(@Sendable (String, Double, String) -> Kind)
    }

    /// The claim forms of `Expect` in a training.
    static let claims: [(form: String, value: ClaimValue)] = [
        ("testAccuracy", .fraction("the test accuracy") { .testAccuracy(label: $0, atLeast: $1) }),
        ("trainAccuracy", .fraction("the training accuracy") { .trainAccuracy(label: $0, atLeast: $1) }),
        ("testAccuracyBelow", .fraction("the test accuracy") { .testAccuracyBelow(label: $0, $1) }),
        ("trainLossBelow", .loss { .trainLossBelow(label: $0, $1) }),
        ("lowerTrainLossThan", .other { .lowerTrainLossThan(label: $0, other: $1) }),
        ("higherTestAccuracyThan", .other { .higherTestAccuracyThan(label: $0, other: $1) }),
        ("testAccuracyWithin", .within { .testAccuracyWithin(label: $0, tolerance: $1, other: $2) }),
        ("validationAccuracy", .fraction("the validation accuracy") { .validationAccuracy(label: $0, atLeast: $1) }),
        ("validationAccuracyBelow", .fraction("the validation accuracy") { .validationAccuracyBelow(label: $0, $1) }),
        ("higherValidationAccuracyThan", .other { .higherValidationAccuracyThan(label: $0, other: $1) }),
        ("validationAccuracyWithin", .within { .validationAccuracyWithin(label: $0, tolerance: $1, other: $2) }),
        ("gapAbove", .fraction("the accuracy gap") { .gapAbove(label: $0, $1) }),
        ("gapBelow", .fraction("the accuracy gap") { .gapBelow(label: $0, $1) }),
        ("smallerGapThan", .other { .smallerGapThan(label: $0, other: $1) }),
        ("diverges", .flag { .diverges(label: $0, $1) }),
    ]

    private func expectation(
        _ call: BuilderCall, _ reader: ValueReader, labels: [String], hasValidation: Bool, _ diagnostics: inout [Diagnostic]
    ) -> TrainingExpectation? {
        guard call.noClosure(reader, &diagnostics) else { return nil }
        let examples = "Expect(\"Adam\", testAccuracy: 0.95), Expect(\"Adam\", lowerTrainLossThan: \"SGD\") or Expect(\"Adam\", testAccuracyWithin: 0.02, of: \"Momentum\")"
        guard call.arguments.count >= 2, call.arguments[0].label == nil, let form = call.arguments[1].label else {
            diagnostics.append(reader.error("'Expect' needs a run's label and a claim", call.expr.range, hint: "write \(examples)"))
            return nil
        }
        guard let entry = Self.claims.first(where: { $0.form == form }) else {
            let forms = Self.claims.map(\.form)
            let suggestion = Suggestion.closest(to: form, in: forms)
            diagnostics.append(reader.error(
                "unknown claim '\(form)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                call.arguments[1].labelRange ?? call.arguments[1].range,
                hint: "a training's claims are " + forms.map { "\($0):" }.joined(separator: ", ")))
            return nil
        }
        if form.hasPrefix("validation") || form.hasPrefix("higherValidation"), !hasValidation {
            diagnostics.append(reader.error(
                "'\(form):' is about the validation set, and this training holds none out", call.arguments[1].labelRange ?? call.arguments[1].range,
                hint: "add 'validation:' to 'Dataset', e.g. 'Dataset(.digits, test: 0.2, validation: 0.2)'"))
            return nil
        }
        var parameters: [ArgumentMatcher.Parameter] = [.init(nil), .init(form)]
        if case .within = entry.value { parameters.append(.init("of")) }
        guard let matched = ArgumentMatcher(origin: reader.origin).match(
            call.arguments, to: parameters, callee: "Expect", calleeRange: call.nameRange, diagnostics: &diagnostics),
            let label = reader.runLabel(matched[0]!.value, labels: labels, &diagnostics)
        else { return nil }
        let value = matched[1]!.value
        func fraction(_ what: String) -> Double? {
            guard let x = reader.number(value, what, &diagnostics) else { return nil }
            guard (0...1).contains(x) else {
                diagnostics.append(reader.error("\(what) is a fraction from 0 to 1, not \(NumberText.format(x))", reader.resolve(value).range,
                                                hint: "write 0.95 for 95 %"))
                return nil
            }
            return x
        }
        func other(_ expr: ExprSyntax) -> String? {
            guard let other = reader.runLabel(expr, labels: labels, &diagnostics) else { return nil }
            guard other != label else {
                diagnostics.append(reader.error("a run cannot be compared with itself", reader.resolve(expr).range))
                return nil
            }
            return other
        }
        let kind: TrainingExpectation.Kind
        switch entry.value {
        case .fraction(let what, let claim):
            guard let x = fraction(what) else { return nil }
            kind = claim(label, x)
        case .loss(let claim):
            guard let x = reader.number(value, "the training loss", &diagnostics) else { return nil }
            guard x > 0 else {
                diagnostics.append(reader.error("the training loss must be > 0, not \(NumberText.format(x))", reader.resolve(value).range,
                                                hint: "cross-entropy is never negative, so no run gets below 0"))
                return nil
            }
            kind = claim(label, x)
        case .flag(let claim):
            guard let flag = reader.bool(value, "'\(form)'", &diagnostics) else { return nil }
            kind = claim(label, flag)
        case .other(let claim):
            guard let b = other(value) else { return nil }
            kind = claim(label, b)
        case .within(let claim):
            guard let x = fraction("the accuracy difference"), let b = other(matched[2]!.value) else { return nil }
            kind = claim(label, x, b)
        }
        return TrainingExpectation(kind: kind, call: SyntaxPrinter.print(call.expr), location: reader.location(call.nameRange))
    }
}

extension BuilderDescription {
    static let training = BuilderDescription(
        "Training", noun: "training", duplicateNoun: "a training builder", signature: "Training(_ title: String) { statements }",
        form: .titled(example: "Training(\"…\") { Dataset(.digits); Network(hidden: [100, 100]); Adam(lr: 0.001) }"),
        statements: [
            StatementDescription(
                "Dataset", signature: "Dataset(_ source: .dataset, test: Double = 0.2, validation: Double = 0, trainingSamples: Int? = nil)",
                required: true, missingHint: "add 'Dataset(.digits, test: 0.2)'",
                summary: "The data: .digits, .spirals(…), .moons(…), .blobs(…) or .mnist(path:); the test fraction; the validation fraction (of the whole dataset, 0 = none); optionally a smaller training set. Required."),
            StatementDescription(
                "Network", signature: "Network(hidden: [Int], activation: .relu, initialization: .kaimingNormal, biasInitialization: .zeros, dropout: 0, batchNorm: false)",
                required: true, missingHint: "add 'Network(hidden: [100, 100, 100, 100], activation: .relu, initialization: .kaimingNormal)'",
                summary: "Dense hidden layers of the given widths, their activation, how weights and biases start, dropout after each hidden layer, and batch normalisation before each activation. Required."),
            StatementDescription("BatchSize", signature: "BatchSize(_ size: Int)", summary: "Samples per mini-batch; 128 by default."),
            StatementDescription("Iterations", signature: "Iterations(_ count: Int)",
                                 summary: "Optimizer steps per run, 1 to 100,000; 2,000 by default."),
            StatementDescription("Seed", signature: "Seed(_ seed: UInt64)",
                                 summary: "Seed of the split, the initial weights, the batches and dropout; 0 by default."),
            StatementDescription("L2", signature: "L2(_ lambda: Double)",
                                 summary: "Adds (λ/2)‖W‖² over the weights (not the biases) to the loss; 0 by default."),
            StatementDescription("ClipGradients", signature: "ClipGradients(norm: Double) or ClipGradients(value: Double)",
                                 summary: "Clips every step's gradient before the optimizer: rescaled to the norm when longer (torch's clip_grad_norm_), or each component clamped (clip_grad_value_). None by default."),
            StatementDescription("Sampling", signature: "Sampling(.withReplacement | .shuffledEpochs)",
                                 summary: "Batches of independent draws (the default, as Deep Learning from Scratch), or a fresh permutation each epoch."),
            StatementDescription("EvaluationInterval", signature: "EvaluationInterval(_ iterations: Int)",
                                 summary: "Accuracy is measured every this many iterations; a fortieth of the run by default."),
            StatementDescription("Expect", signature: "Expect(_ label: String, testAccuracy: Double) and other claims", repeatable: true,
                                 summary: "A claim about a run's final figures, checked after training; a false claim fails the build."),
        ],
        runs: .optimizers, statementExample: "'Iterations(2000)' or an optimizer call such as 'Adam(lr: 0.001)'",
        summary: "A network trained on a dataset once per optimizer call: loss curves, test accuracy, final figures."
    ) { input, diagnostics in
        TrainingChecker(reader: input.reader, source: input.source, hadSyntaxErrors: input.hadSyntaxErrors)
            .check(input, &diagnostics).map(Directive.training)
    }
}
