import CourseDiagnostics
import NeuralNetworks

/// Checks the body of `Activations("…") { … }` and builds the typed ``ActivationsStudy``,
/// reporting every problem it finds at its place.
struct ActivationsChecker {
    /// Widest layer, most inputs, most histogram bins and most rows a fence may ask for.
    static let maximumUnits = 1024
    static let maximumInputs = 10_000
    static let maximumBins = 200
    static let maximumRows = 8

    func check(_ input: BuilderInput, _ diagnostics: inout [Diagnostic]) -> ActivationsStudy? {
        let errorsBefore = diagnostics.count
        let (title, builderRange, reader) = (input.title, input.builderRange, input.reader)
        let weights = input.all("Weights")
        let expects = input.all("Expect")

        var configuration = ActivationHistogramsConfiguration(title: title, rows: [])
        if let call = input.first("Network"), let matched = call.matchArguments(
            to: [.init("layers", required: false), .init("units", required: false), .init("activation", required: false)], reader, &diagnostics) {
            if let argument = matched[0], let value = reader.integer(argument.value, "the number of layers", in: 1...Limits.maximumLayers, &diagnostics) {
                configuration.layers = value
            }
            if let argument = matched[1], let value = reader.integer(argument.value, "the number of units", in: 1...Self.maximumUnits, &diagnostics) {
                configuration.units = value
            }
            if let argument = matched[2], let activation = reader.activation(argument.value, &diagnostics) {
                configuration.activation = activation
            }
        }
        if let call = input.first("Inputs"), let value = call.integer("the number of inputs", in: 1...Self.maximumInputs, reader, &diagnostics) {
            configuration.inputSamples = value
        }
        if let call = input.first("Histogram"),
           let matched = call.matchArguments(to: [.init("bins", required: false), .init("range", required: false)], reader, &diagnostics) {
            if let argument = matched[0], let value = reader.integer(argument.value, "the number of bins", in: 1...Self.maximumBins, &diagnostics) {
                configuration.bins = value
            }
            if let argument = matched[1], let range = reader.range(argument.value, "the histogram range", &diagnostics) {
                configuration.range = range
            }
        }
        if let call = input.first("Seed"), let argument = call.singleArgument(reader, &diagnostics),
           let seed = reader.seed(argument.value, &diagnostics) {
            configuration.seed = seed
        }

        var calls: [String] = []
        var labelRanges: [String: SourceRange] = [:]
        for call in weights {
            guard let argument = call.singleArgument(reader, &diagnostics),
                  let initialization = reader.initialization(argument.value, &diagnostics)
            else { continue }
            var label = String(SyntaxPrinter.print(reader.resolve(argument.value)).drop { $0 == "." })
            var failed = false
            for modifier in call.modifiers {
                guard modifier.name == "label" else {
                    diagnostics.append(reader.error("unknown modifier '.\(modifier.name)' of 'Weights'", modifier.nameRange, hint: "'Weights' takes only .label"))
                    failed = true
                    continue
                }
                guard let argument = ArgumentMatcher(origin: reader.origin).match(
                    modifier.arguments, to: [.init(nil)], callee: ".label", calleeRange: modifier.nameRange, diagnostics: &diagnostics)?[0],
                    let text = reader.label(argument.value, &diagnostics)
                else { failed = true; continue }
                label = text
            }
            if failed { continue }
            if let first = labelRanges[label] {
                diagnostics.append(reader.error("two rows are labeled '\(label)'", call.nameRange,
                                                hint: "give one a label of its own with .label(\"…\")", notes: [reader.note("the other row is here", first)]))
                continue
            }
            labelRanges[label] = call.nameRange
            configuration.rows.append(.init(label: label, initialization: initialization))
            calls.append(SyntaxPrinter.print(call.expr))
        }
        if weights.isEmpty { input.reportMissing("Weights", &diagnostics) }
        if weights.count > Self.maximumRows {
            diagnostics.append(reader.error("an activation study has at most \(Self.maximumRows) rows, not \(weights.count)", builderRange))
        }

        var expectations: [ActivationExpectation] = []
        let labels = configuration.rows.map(\.label)
        for call in expects {
            if let claim = expectation(call, reader, labels: labels, layers: configuration.layers, &diagnostics) { expectations.append(claim) }
        }
        guard diagnostics.count == errorsBefore else { return nil }
        for problem in configuration.validationErrors { diagnostics.append(reader.error(problem, builderRange)) }
        guard diagnostics.count == errorsBefore else { return nil }
        return ActivationsStudy(
            title: title, configuration: configuration, calls: calls, expectations: expectations, source: input.source,
            location: reader.location(builderRange))
    }

    /// The claim forms of `Expect` in an activation study.
    static let claims = ["stdAbove", "stdBelow", "saturatedAbove", "widerThan"]

    /// `Expect("std 1", layer: 5, saturatedAbove: 0.5)`.
    private func expectation(
        _ call: BuilderCall, _ reader: ValueReader, labels: [String], layers: Int, _ diagnostics: inout [Diagnostic]
    ) -> ActivationExpectation? {
        guard call.noClosure(reader, &diagnostics) else { return nil }
        guard call.arguments.count == 3, call.arguments[0].label == nil, call.arguments[1].label == "layer",
              let form = call.arguments[2].label else {
            diagnostics.append(reader.error("'Expect' needs a row's label, a layer and a claim", call.expr.range,
                                            hint: "write Expect(\"Xavier\", layer: 5, stdAbove: 0.1)"))
            return nil
        }
        guard Self.claims.contains(form) else {
            let suggestion = Suggestion.closest(to: form, in: Self.claims)
            diagnostics.append(reader.error(
                "unknown claim '\(form)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), call.arguments[2].labelRange ?? call.arguments[2].range,
                hint: "an activation study's claims are " + Self.claims.map { "\($0):" }.joined(separator: ", ")))
            return nil
        }
        guard let label = reader.runLabel(call.arguments[0].value, labels: labels, what: "row", &diagnostics),
              let layer = reader.integer(call.arguments[1].value, "the layer", in: 1...layers, &diagnostics)
        else { return nil }
        let value = call.arguments[2].value
        let kind: ActivationExpectation.Kind
        switch form {
        case "widerThan":
            guard let other = reader.runLabel(value, labels: labels, what: "row", &diagnostics) else { return nil }
            guard other != label else {
                diagnostics.append(reader.error("a row cannot be compared with itself", reader.resolve(value).range))
                return nil
            }
            kind = .widerThan(other)
        default:
            guard let x = reader.number(value, "'\(form)'", &diagnostics) else { return nil }
            guard x >= 0, form != "saturatedAbove" || x <= 1 else {
                diagnostics.append(reader.error(
                    form == "saturatedAbove" ? "the saturated share is a fraction from 0 to 1, not \(NumberText.format(x))"
                        : "a standard deviation is ≥ 0, not \(NumberText.format(x))", reader.resolve(value).range))
                return nil
            }
            kind = form == "stdAbove" ? .stdAbove(x) : form == "stdBelow" ? .stdBelow(x) : .saturatedAbove(x)
        }
        return ActivationExpectation(label: label, layer: layer, kind: kind, call: SyntaxPrinter.print(call.expr), location: reader.location(call.nameRange))
    }
}

extension BuilderDescription {
    static let activations = BuilderDescription(
        "Activations", noun: "activation study", article: "an", signature: "Activations(_ title: String) { statements }",
        form: .titled(example: "Activations(\"…\") { Weights(.xavierNormal) }"),
        statements: [
            StatementDescription("Network", signature: "Network(layers: Int = 5, units: Int = 100, activation: .sigmoid)",
                                 summary: "The stack of dense layers without biases; five of 100 sigmoid units by default."),
            StatementDescription("Weights", signature: "Weights(_ initialization: .initializer)", required: true, repeatable: true,
                                 modifiers: ["label"], missingHint: "add one row per initialisation, such as 'Weights(.xavierNormal)'",
                                 summary: "One row of histograms: the layers' weights drawn with this initialisation. Takes .label(\"…\")."),
            StatementDescription("Inputs", signature: "Inputs(_ count: Int)",
                                 summary: "How many standard-normal input vectors to feed; 1,000 by default."),
            StatementDescription("Histogram", signature: "Histogram(bins: Int = 30, range: ClosedRange? = nil)",
                                 summary: "Bins and range of every histogram; the activation's own range by default ([0, 3] for ReLU)."),
            StatementDescription("Seed", signature: "Seed(_ seed: UInt64)", summary: "Seed of the inputs and the weights; 0 by default."),
            StatementDescription("Expect", signature: "Expect(_ label: String, layer: Int, stdAbove: Double) and other claims", repeatable: true,
                                 summary: "A claim about one layer's activations under one row's weights."),
        ],
        statementExample: "'Weights(.xavierNormal)'",
        summary: "Histograms of each layer's activations for standard-normal inputs, one row per weight initialisation."
    ) { input, diagnostics in
        ActivationsChecker().check(input, &diagnostics).map(Directive.activations)
    }
}
