import CourseDiagnostics
import Optimizers

/// Checks the body of `Average("…") { … }` and builds the typed ``AverageStudy``,
/// reporting every problem it finds.
struct AverageChecker {
    var reader: ValueReader
    let source: String
    let hadSyntaxErrors: Bool

    /// Weights of one `WeightedAverage`, at most.
    static let maximumWeights = 1_000

    func check(_ input: BuilderInput, _ diagnostics: inout [Diagnostic]) -> AverageStudy? {
        let errorsBefore = diagnostics.count
        let (title, builderRange) = (input.title, input.builderRange)
        let averageCalls = input.runs.map(\.expr)
        let expects = input.all("Expect")

        var seed = Experiment.defaultSeed
        if let call = input.first("Seed"), let argument = call.singleArgument(reader, &diagnostics),
           let value = reader.seed(argument.value, &diagnostics) {
            seed = value
        }
        // The number of samples bounds windows and claims even when the signal has an error.
        var series: (signal: Signal?, samples: Int?) = (nil, nil)
        if let call = input.required("Series", &diagnostics) {
            series = self.series(call, reader, &diagnostics)
        }

        var averages: [AverageDescription] = []
        var labelRanges: [String: SourceRange] = [:]
        for expr in averageCalls {
            guard let average = self.average(expr, samples: series.samples, reader, &diagnostics) else { continue }
            if let first = labelRanges[average.label] {
                diagnostics.append(reader.error(
                    "two averages are labeled '\(average.label)'", Self.baseCallee(expr)?.range ?? expr.range,
                    hint: "give one a label of its own with .label(\"…\")", notes: [reader.note("the other average is here", first)]))
                continue
            }
            labelRanges[average.label] = Self.baseCallee(expr)?.range ?? expr.range
            averages.append(average)
        }
        BuilderChecker.reportRunCount(
            averageCalls.count, of: .average, maximum: Limits.maximumRuns, none: "no average to compute",
            example: "'ExponentialAverage(beta: 0.9)' or 'MovingAverage(window: 10)'", split: "fences", at: builderRange, reader,
            hadSyntaxErrors: hadSyntaxErrors, &diagnostics)

        var expectations: [AverageExpectation] = []
        let labels = averages.map(\.label)
        for call in expects {
            if let claim = expectation(call, labels: labels, madeUp: averages.contains(where: \.isDefaultLabel),
                                       samples: series.samples, reader, &diagnostics) {
                expectations.append(claim)
            }
        }

        guard diagnostics.count == errorsBefore, let signal = series.signal, let samples = series.samples else { return nil }
        return AverageStudy(
            title: title, signal: signal, samples: samples, seed: seed, averages: averages,
            expectations: expectations, source: source, location: reader.location(builderRange))
    }

    /// `Series(.noisySine(period: 100, amplitude: 1, noise: 0.5), samples: 200)`.
    private func series(_ call: BuilderCall, _ reader: ValueReader, _ diagnostics: inout [Diagnostic]) -> (signal: Signal?, samples: Int?) {
        guard let matched = call.matchArguments(to: [.init(nil), .init("samples", required: false)], reader, &diagnostics) else {
            return (nil, nil)
        }
        var samples = AverageStudy.defaultSamples
        var samplesFailed = false
        if let argument = matched[1] {
            if let value = reader.integer(argument.value, "the number of samples", in: 1...Limits.maximumSamples, &diagnostics) {
                samples = value
            } else {
                samplesFailed = true
            }
        }
        let signal = self.signal(matched[0]!.value, samples: samples, reader, &diagnostics)
        return samplesFailed ? (nil, nil) : (signal, samples)
    }

    private func signal(_ expr: ExprSyntax, samples: Int, _ reader: ValueReader, _ diagnostics: inout [Diagnostic]) -> Signal? {
        let names = StatementSpec.signals.map(\.name)
        guard let member = reader.member(expr, "the signal", choices: names, &diagnostics) else { return nil }
        guard let entry = StatementSpec.signals.first(where: { $0.name == member.name }) else {
            reader.unknownMember(member, "signal", choices: names, &diagnostics)
            return nil
        }
        let spelled = entry.parameters.map { ($0.label.map { "\($0): " } ?? "") + "…" }.joined(separator: ", ")
        guard let arguments = member.arguments else {
            diagnostics.append(reader.error("'.\(member.name)' needs its arguments", member.range, hint: "write .\(member.name)(\(spelled))"))
            return nil
        }
        let parameters = entry.parameters.map { ArgumentMatcher.Parameter($0.label, required: $0.defaultValue == nil) }
        guard let matched = ArgumentMatcher(origin: reader.origin).match(
            arguments, to: parameters, callee: "." + member.name, calleeRange: member.nameRange, diagnostics: &diagnostics)
        else { return nil }
        var values: [Double] = []
        var failed = false
        for (index, parameter) in entry.parameters.enumerated() {
            guard let argument = matched[index] else {
                values.append(parameter.defaultValue!)
                continue
            }
            let what = parameter.label.map { "'\($0)'" } ?? "the value"
            let value = parameter.label == "at"
                ? reader.integer(argument.value, what, &diagnostics).map(Double.init)
                : reader.number(argument.value, what, &diagnostics)
            guard let value else {
                failed = true
                continue
            }
            let range = reader.resolve(argument.value).range
            switch parameter.label {
            case "noise" where value < 0:
                diagnostics.append(reader.error("the noise's standard deviation must be ≥ 0, not \(NumberText.format(value))", range))
                failed = true
            case "period" where value <= 0:
                diagnostics.append(reader.error("the period must be > 0 observations, not \(NumberText.format(value))", range))
                failed = true
            case "at" where !(1...Double(samples)).contains(value):
                diagnostics.append(reader.error("the step must be at an observation from 1 to \(samples), not \(NumberText.format(value))", range))
                failed = true
            default:
                break
            }
            values.append(value)
        }
        guard !failed else { return nil }
        switch member.name {
        case "noisySine": return .sine(period: values[0], amplitude: values[1], noise: values[2])
        case "step": return .step(at: Int(values[0]), from: values[1], to: values[2], noise: values[3])
        default: return .constant(values[0], noise: values[1])
        }
    }

    /// One average call with its `.label` and `.color`.
    private func average(_ expr: ExprSyntax, samples: Int?, _ reader: ValueReader, _ diagnostics: inout [Diagnostic]) -> AverageDescription? {
        let chains = OptimizerCallChecker(reader: reader)
        guard let (call, modifierList) = chains.splitChain(expr, &diagnostics),
              case .call(let callee, let arguments, let trailing, _) = call.kind, let name = callee.calleeName
        else { return nil }
        if let trailing {
            diagnostics.append(reader.error("'\(name)' takes no closure", trailing.range))
            return nil
        }
        var failed = false
        for modifier in modifierList where modifier.name == "schedule" || modifier.name == "gradientNoise" {
            diagnostics.append(reader.error("'.\(modifier.name)' belongs to optimizer calls, not averages", modifier.nameRange,
                                            hint: "an average takes .label and .color"))
            failed = true
        }
        let modifiers = chains.modifiers(modifierList.filter { $0.name != "schedule" && $0.name != "gradientNoise" }, &diagnostics)
        let method = self.method(name, callee.range, arguments, samples: samples, reader, &diagnostics)
        guard let method, let modifiers, !failed else { return nil }
        return AverageDescription(
            method: method, call: SyntaxPrinter.print(expr), label: modifiers.label ?? method.defaultLabel, isDefaultLabel: modifiers.label == nil,
            color: modifiers.color, location: reader.location(callee.range))
    }

    private func method(
        _ name: String, _ range: SourceRange, _ arguments: [ArgumentSyntax], samples: Int?, _ reader: ValueReader,
        _ diagnostics: inout [Diagnostic]
    ) -> AverageMethod? {
        let matcher = ArgumentMatcher(origin: reader.origin)
        switch name {
        case "MovingAverage":
            guard let matched = matcher.match(arguments, to: [.init("window")], callee: name, calleeRange: range, diagnostics: &diagnostics),
                  let window = reader.integer(matched[0]!.value, "the window", &diagnostics) else { return nil }
            let limit = samples ?? Limits.maximumSamples
            guard (1...limit).contains(window) else {
                diagnostics.append(reader.error("the window must be from 1 to the \(limit) samples, not \(window)",
                                                reader.resolve(matched[0]!.value).range))
                return nil
            }
            return .moving(window: window)
        case "WeightedAverage":
            guard let matched = matcher.match(arguments, to: [.init("weights")], callee: name, calleeRange: range, diagnostics: &diagnostics)
            else { return nil }
            let value = reader.resolve(matched[0]!.value)
            guard case .array(let elements) = value.kind else {
                diagnostics.append(reader.error("the weights must be an array of numbers such as [4, 3, 2, 1]", value.range))
                return nil
            }
            guard (1...Self.maximumWeights).contains(elements.count) else {
                diagnostics.append(reader.error(
                    elements.isEmpty ? "the weights cannot be empty" : "at most \(Self.maximumWeights) weights are allowed, not \(elements.count)",
                    value.range, hint: "the first weight is the newest observation's"))
                return nil
            }
            var weights: [Double] = []
            for element in elements {
                guard let weight = reader.number(element, "a weight", &diagnostics) else { return nil }
                guard weight >= 0 else {
                    diagnostics.append(reader.error("a weight must be ≥ 0, not \(NumberText.format(weight))", reader.resolve(element).range))
                    return nil
                }
                weights.append(weight)
            }
            guard weights[0] > 0 else {
                diagnostics.append(reader.error("the newest observation's weight must be > 0", reader.resolve(elements[0]).range,
                                                hint: "otherwise the first average has nothing to weigh"))
                return nil
            }
            return .weighted(weights: weights)
        default:
            guard let matched = matcher.match(arguments, to: [.init("beta"), .init("biasCorrection", required: false)],
                                              callee: name, calleeRange: range, diagnostics: &diagnostics),
                  let beta = reader.number(matched[0]!.value, "'beta'", &diagnostics) else { return nil }
            var corrected = false
            if let argument = matched[1] {
                guard let flag = reader.bool(argument.value, "'biasCorrection'", &diagnostics) else { return nil }
                corrected = flag
            }
            guard beta >= 0, beta < 1 else {
                diagnostics.append(reader.error("Invalid beta: \(NumberText.format(beta)) (beta must be in [0, 1))",
                                                reader.resolve(matched[0]!.value).range,
                                                hint: "β sets a memory of about 1/(1 − β) observations"))
                return nil
            }
            return .exponential(beta: beta, biasCorrection: corrected)
        }
    }

    /// `Expect("a", smootherThan: "b", over: 1...50)` or `Expect("a", closerThan: "b")`.
    private func expectation(
        _ call: BuilderCall, labels: [String], madeUp: Bool, samples: Int?, _ reader: ValueReader, _ diagnostics: inout [Diagnostic]
    ) -> AverageExpectation? {
        guard call.noClosure(reader, &diagnostics) else { return nil }
        let claims = ["smootherThan", "closerThan"]
        let forms = "Expect(\"β = 0.9\", smootherThan: \"β = 0.5\") or Expect(\"corrected\", closerThan: \"raw\", over: 1...10)"
        guard call.arguments.count >= 2, call.arguments[0].label == nil, let form = call.arguments[1].label else {
            diagnostics.append(reader.error("'Expect' needs an average's label and a claim", call.expr.range, hint: "write \(forms)"))
            return nil
        }
        guard claims.contains(form) else {
            let suggestion = Suggestion.closest(to: form, in: claims)
            diagnostics.append(reader.error(
                "unknown claim '\(form)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                call.arguments[1].labelRange ?? call.arguments[1].range, hint: "an average's claims are \(forms)"))
            return nil
        }
        guard let matched = ArgumentMatcher(origin: reader.origin).match(
            call.arguments, to: [.init(nil), .init(form), .init("over", required: false)], callee: "Expect",
            calleeRange: call.nameRange, diagnostics: &diagnostics)
        else { return nil }
        // A page in another language shows a made-up label in its words; claims still name it as here.
        let note = madeUp ? "a label made up from an average's arguments is named as written here in every language; '.label(\"…\")' names an average in yours" : nil
        let label = reader.runLabel(matched[0]!.value, labels: labels, what: "average", note: note, &diagnostics)
        let other = reader.runLabel(matched[1]!.value, labels: labels, what: "average", note: note, &diagnostics)
        var window: ClosedRange<Int>?
        if let samples { window = 1...samples }
        if let argument = matched[2] {
            window = observations(argument.value, samples: samples, needsTwo: form == "smootherThan", reader, &diagnostics)
            if window == nil { return nil }
        }
        if let label, label == other {
            diagnostics.append(reader.error("an average cannot be compared with itself", reader.resolve(matched[1]!.value).range))
            return nil
        }
        guard let label, let other, let window else { return nil }
        let kind: AverageExpectation.Kind = form == "smootherThan"
            ? .smootherThan(label: label, other: other) : .closerThan(label: label, other: other)
        return AverageExpectation(kind: kind, window: window, call: SyntaxPrinter.print(call.expr), location: reader.location(call.nameRange))
    }

    /// `a...b`: observations 1 ≤ a ≤ b ≤ N (a < b when the claim compares differences).
    private func observations(
        _ expr: ExprSyntax, samples: Int?, needsTwo: Bool, _ reader: ValueReader, _ diagnostics: inout [Diagnostic]
    ) -> ClosedRange<Int>? {
        let value = reader.resolve(expr)
        guard case .binary(let op, let opRange, let lhs, let rhs) = value.kind, op == "..." || op == "..<" else {
            diagnostics.append(reader.error("'over' must be a closed range of observations such as 1...10", value.range))
            return nil
        }
        if op == "..<" {
            diagnostics.append(reader.error("'over' must be a closed range", opRange, hint: "write '...' instead of '..<'"))
            return nil
        }
        let low = reader.integer(lhs, "the first observation", &diagnostics)
        let high = reader.integer(rhs, "the last observation", &diagnostics)
        guard let low, let high else { return nil }
        guard let samples else { return nil }
        guard 1 <= low, low <= high, high <= samples else {
            diagnostics.append(reader.error("'over' must lie within observations 1...\(samples), not \(low)...\(high)", value.range))
            return nil
        }
        if needsTwo, low == high {
            diagnostics.append(reader.error("smoothness needs at least two observations, not \(low)...\(high)", value.range))
            return nil
        }
        return low...high
    }

    private static func baseCallee(_ expr: ExprSyntax) -> ExprSyntax? {
        var current = expr
        while case .call(let callee, _, _, _) = current.kind, case .member(let base, _, _) = callee.kind {
            current = base
        }
        guard case .call(let callee, _, _, _) = current.kind else { return nil }
        return callee
    }
}

extension BuilderDescription {
    static let average = BuilderDescription(
        "Average", noun: "average", article: "an", signature: "Average(_ title: String) { statements }",
        form: .titled(example: "Average(\"…\") { Series(.constant(1, noise: 0.5)); ExponentialAverage(beta: 0.9) }"),
        statements: [
            StatementDescription("Series", signature: "Series(_ signal: .signal, samples: Int = 100)", required: true,
                                 missingHint: "add 'Series(.noisySine(period: 100, amplitude: 1, noise: 0.5), samples: 200)'",
                                 summary: "The clean signal and its Gaussian noise, observed at t = 1 … samples. Required."),
            StatementDescription("Seed", signature: "Seed(_ seed: UInt64)", summary: "Seed of the noise; 42 by default."),
            StatementDescription(
                "Expect", signature: "Expect(_ label: String, smootherThan: String | closerThan: String, over: ClosedRange = all)", repeatable: true,
                summary: "Smaller total variation, or smaller RMS distance to the clean signal, over observations a...b."),
        ],
        runs: .calls(StatementSpec.averages, what: "averages"),
        statementExample: "'Series(…)' or an average such as 'ExponentialAverage(beta: 0.9)'",
        summary: "A noisy series drawn from the seed and moving, weighted and exponentially weighted averages of it."
    ) { input, diagnostics in
        AverageChecker(reader: input.reader, source: input.source, hadSyntaxErrors: input.hadSyntaxErrors)
            .check(input, &diagnostics).map(Directive.average)
    }
}
