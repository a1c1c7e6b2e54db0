import CourseDiagnostics
import Objectives
import Optimizers

/// Checks the body of `Experiment("…") { … }` against its statement table and builds the
/// typed ``Experiment``, reporting every problem it finds.
struct ExperimentChecker {
    var reader: ValueReader
    let source: String
    /// Whether the parser already reported errors: then "missing statement" errors are
    /// left out, since the statement may be the one that failed to parse.
    let hadSyntaxErrors: Bool
    /// In one variant of a sweep, each swept value by its name, for the conditions of claims
    /// (`Expect(…, variants: .exactlyWhen(lr > 1))`); `nil` when the experiment sweeps nothing.
    var sweepValues: [String: Double]? = nil

    private typealias Call = BuilderCall

    func check(_ input: BuilderInput, _ diagnostics: inout [Diagnostic]) -> Experiment? {
        let errorsBefore = diagnostics.count
        let (title, builderRange) = (input.title, input.builderRange)
        let calls = { (name: String) in input.all(name) }
        let optimizerCalls = input.runs.map(\.expr)
        let expects = calls("Expect")

        // Pass 2: settings the objective depends on, then the objective, then the rest.
        var seed = Experiment.defaultSeed
        if let call = calls("Seed").first, let argument = call.singleArgument(reader, &diagnostics) {
            if let value = reader.seed(argument.value, &diagnostics) { seed = value }
        }
        var objective: Objective?
        if let call = input.required("Objective", &diagnostics) {
            objective = ObjectiveChecker(reader: reader).objective(
                callee: call.call, arguments: call.arguments, trailing: call.trailing, seed: seed, &diagnostics)
        }
        let dimension = objective?.dimension

        var starts: [[Double]] = []
        for call in calls("Start") {
            if let point = point(call, dimension: dimension, &diagnostics) { starts.append(point) }
        }
        if starts.count > Limits.maximumStarts {
            diagnostics.append(reader.error("an experiment has at most \(Limits.maximumStarts) starts", calls("Start")[Limits.maximumStarts].nameRange))
        }
        var minima: [[Double]] = []
        for call in calls("Minimum") {
            if let name = objective?.name {
                diagnostics.append(reader.error("'.\(name)' already knows its minima", call.nameRange,
                                                hint: "'Minimum' is for closure objectives"))
                continue
            }
            if let point = point(call, dimension: dimension, &diagnostics) { minima.append(point) }
        }
        var steps = Experiment.defaultSteps
        if let call = calls("Steps").first, let value = call.integer("the number of steps", in: 1...Limits.maximumSteps, reader, &diagnostics) {
            steps = value
        }
        var domain: Domain?
        if let call = calls("Domain").first { domain = self.domain(call, dimension: dimension, &diagnostics) }
        var layout = Layout.overlay
        if let call = calls("Layout").first, let argument = call.singleArgument(reader, &diagnostics),
           let value: Layout = reader.choice(argument.value, "the layout", noun: "layout", &diagnostics) {
            layout = value
        }
        var playback: Playback?
        if let call = calls("Play").first { playback = self.playback(call, steps: steps, &diagnostics) }
        var batchSize: Int?
        if let call = calls("BatchSize").first, let argument = call.singleArgument(reader, &diagnostics),
           let value = reader.integer(argument.value, "the batch size", &diagnostics) {
            if let objective, objective.sampleCount == nil {
                diagnostics.append(reader.error("'BatchSize' needs a finite-sum objective such as .linearRegression", call.nameRange,
                                                hint: "\(objective.name.map { "'.\($0)'" } ?? "a closure") has no samples to batch"))
            } else if let count = objective?.sampleCount, !(1...count).contains(value) {
                diagnostics.append(reader.error("the batch size must be from 1 to the \(count) samples, not \(value)", argument.value.range))
            } else {
                batchSize = value
            }
        }
        var sampling = MiniBatchSampling.shuffledEpochs
        if let call = calls("Sampling").first, let argument = call.singleArgument(reader, &diagnostics),
           let value: MiniBatchSampling = reader.choice(argument.value, "the sampling", noun: "sampling", &diagnostics) {
            if calls("BatchSize").isEmpty {
                diagnostics.append(reader.error("'Sampling' needs 'BatchSize': without it every step uses all samples", call.nameRange,
                                                hint: "add 'BatchSize(1)' for on-line steps"))
            } else {
                sampling = value
            }
        }

        // Optimizer calls, their labels, and the run limit.
        let runs = OptimizerCallChecker(reader: reader).runs(optimizerCalls, &diagnostics)
        if optimizerCalls.isEmpty, !hadSyntaxErrors {
            diagnostics.append(reader.error("the experiment has no optimizer call", builderRange,
                                            hint: "add one such as 'SGD(lr: 0.1)' or 'Adam(lr: 0.3)'"))
        }
        let startCount = max(1, starts.count)
        if optimizerCalls.count * startCount > Limits.maximumRuns {
            diagnostics.append(reader.error(
                "the experiment has \(optimizerCalls.count * startCount) runs (\(startCount) starts × \(optimizerCalls.count) optimizers); at most \(Limits.maximumRuns) are allowed",
                builderRange, hint: "split it into several experiments"))
        }

        var expectations: [Expectation] = []
        for call in expects {
            if let expectation = expectation(
                call, labels: Dictionary(uniqueKeysWithValues: runs.map { ($0.label, builderRange) }), runs: runs, steps: steps, objective: objective, minima: minima, startCount: startCount,
                &diagnostics) {
                expectations.append(expectation)
            }
        }

        guard diagnostics.count == errorsBefore, var objective else { return nil }
        if !minima.isEmpty, let f = objective.symbolic {
            let values = minima.map { f.value(at: $0) }
            objective.minima = minima
            objective.minimumValue = values.min()
        }
        return Experiment(
            title: title, objective: objective, starts: starts.isEmpty ? [objective.defaultStart] : starts, steps: steps,
            domain: domain, layout: layout, playback: playback, seed: seed, batchSize: batchSize, sampling: sampling, runs: runs, expectations: expectations,
            source: input.source, location: reader.location(builderRange))
    }

    /// `Play()` or `Play(seconds: 8)`: a duration above zero and at most ten minutes.
    private func playback(_ call: Call, steps: Int, _ diagnostics: inout [Diagnostic]) -> Playback? {
        guard let matched = call.matchArguments(to: [.init("seconds", required: false)], reader, &diagnostics) else { return nil }
        guard let argument = matched[0] else { return Playback(seconds: Playback.defaultSeconds(steps: steps)) }
        guard let seconds = reader.number(argument.value, "the duration", &diagnostics) else { return nil }
        guard seconds > 0, seconds <= Playback.maximumSeconds else {
            diagnostics.append(reader.error(
                "the duration must be above 0 and at most \(NumberText.format(Playback.maximumSeconds)) seconds, not \(NumberText.format(seconds))",
                reader.resolve(argument.value).range,
                hint: "write 'Play(seconds: 8)', or 'Play()' for \(NumberText.format(Playback.defaultSeconds(steps: steps))) seconds at \(steps) steps"))
            return nil
        }
        return Playback(seconds: seconds)
    }

    /// `Start(x, y)` / `Minimum(x)`: as many unlabeled numbers as the objective has variables.
    private func point(_ call: Call, dimension: Int?, _ diagnostics: inout [Diagnostic]) -> [Double]? {
        guard call.noClosure(reader, &diagnostics) else { return nil }
        for argument in call.arguments where argument.label != nil {
            diagnostics.append(reader.error("'\(call.name)' takes unlabeled coordinates", argument.labelRange ?? argument.range,
                                            hint: "write '\(call.name)(-1, 2)'"))
            return nil
        }
        let expected = dimension ?? call.arguments.count
        guard call.arguments.count == expected, (1...2).contains(expected) else {
            let count = dimension.map { $0 == 1 ? "one coordinate" : "two coordinates" } ?? "one or two coordinates"
            diagnostics.append(reader.error(
                "'\(call.name)' needs \(count) for this objective, not \(call.arguments.count)", call.expr.range))
            return nil
        }
        var point: [Double] = []
        for (index, argument) in call.arguments.enumerated() {
            guard let value = reader.number(argument.value, index == 0 ? "the x coordinate" : "the y coordinate", &diagnostics) else {
                return nil
            }
            point.append(value)
        }
        return point
    }

    private func domain(_ call: Call, dimension: Int?, _ diagnostics: inout [Diagnostic]) -> Domain? {
        let parameters: [ArgumentMatcher.Parameter] = dimension == 1 ? [.init("x")] : [.init("x"), .init("y")]
        guard let matched = ArgumentMatcher(origin: reader.origin).match(
            call.arguments, to: parameters, callee: "Domain", calleeRange: call.nameRange, diagnostics: &diagnostics),
            let x = reader.range(matched[0]!.value, "the x range", &diagnostics),
            plottable(x, "the x range", matched[0]!.value.range, &diagnostics)
        else { return nil }
        guard let yArgument = matched[1] else { return Domain(x: x, y: nil) }
        guard let y = reader.range(yArgument.value, "the y range", &diagnostics),
              plottable(y, "the y range", yArgument.value.range, &diagnostics) else { return nil }
        return Domain(x: x, y: y)
    }

    /// A plot window's range must have a width that a figure can divide into ticks and
    /// pixels: finite, not beyond ±10¹⁵, and not narrower than 10⁻⁹ of its bounds' size.
    private func plottable(_ range: ClosedRange<Double>, _ what: String, _ at: SourceRange, _ diagnostics: inout [Diagnostic]) -> Bool {
        let size = max(abs(range.lowerBound), abs(range.upperBound))
        let width = range.upperBound - range.lowerBound
        if size > 1e15 || !width.isFinite {
            diagnostics.append(reader.error("\(what) is too large to plot: its bounds must lie within ±10¹⁵", at,
                                            hint: "choose the window where the paths are, e.g. -5...5"))
            return false
        }
        if width < max(1e-9 * size, 1e-12) {
            diagnostics.append(reader.error("\(what) is too narrow to plot: its width must be at least 10⁻¹² and 10⁻⁹ of its bounds", at,
                                            hint: "choose the window where the paths are, e.g. -5...5"))
            return false
        }
        return true
    }

    private func expectation(
        _ call: Call, labels: [String: SourceRange], runs: [RunDescription], steps: Int, objective: Objective?, minima: [[Double]],
        startCount: Int, _ diagnostics: inout [Diagnostic]
    ) -> Expectation? {
        guard call.noClosure(reader, &diagnostics) else { return nil }
        let forms = "Expect(\"Adam\", reaches: 1e-3, within: 30), Expect(\"SGD\", misses: 1e-3, within: 300), "
            + "Expect(\"SGD\", diverges: true), Expect(\"Adam\", lowerLossThan: \"SGD\"), "
            + "Expect(\"Adam\", lowerLossThan: \"SGD\", over: 1...100), Expect(\"Adam\", closerThan: \"SGD\"), "
            + "Expect(\"Adam\", endsNear: (3, 2), within: 0.1), Expect(\"Adam\", loss: .below(1e-3), at: 50), "
            + "Expect(\"Adam\", stepSize: .decreasing, over: 10...100), Expect(\"GD\", rate: .near(0.82, within: 0.01), over: 20...100) "
            + "or Expect(\"AMSGrad\", effectiveLearningRate: .increasing, over: 1...100)"
        guard call.arguments.count >= 2, call.arguments[0].label == nil, let form = call.arguments[1].label else {
            diagnostics.append(reader.error("'Expect' needs a run's label and a claim", call.expr.range, hint: "write \(forms)"))
            return nil
        }
        let matcher = ArgumentMatcher(origin: reader.origin)
        let parameters: [ArgumentMatcher.Parameter]
        switch form {
        case "reaches": parameters = [.init(nil), .init("reaches"), .init("within", required: false)]
        case "diverges": parameters = [.init(nil), .init("diverges")]
        case "closerThan": parameters = [.init(nil), .init("closerThan")]
        case "misses": parameters = [.init(nil), .init("misses"), .init("within", required: false)]
        case "endsNear": parameters = [.init(nil), .init("endsNear"), .init("within"), .init("start", required: false)]
        case "lowerLossThan":
            parameters = [.init(nil), .init("lowerLossThan"), .init("at", required: false), .init("over", required: false), .init("start", required: false)]
        case "rate": parameters = [.init(nil), .init("rate"), .init("over", required: false), .init("start", required: false)]
        case _ where Expectation.Series(rawValue: form) != nil:
            parameters = [.init(nil), .init(form), .init("at", required: false), .init("over", required: false), .init("start", required: false)]
        default:
            let claims = ["reaches", "misses", "diverges", "lowerLossThan", "closerThan", "endsNear", "rate"] + Expectation.Series.allCases.map(\.rawValue)
            let suggestion = Suggestion.closest(to: form, in: claims)
            diagnostics.append(reader.error(
                "unknown claim '\(form)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                call.arguments[1].labelRange ?? call.arguments[1].range, hint: "the claims are \(forms)"))
            return nil
        }
        // Every claim reads one point of its runs, the iterate unless `point:` says otherwise.
        let pointIndex = parameters.count
        let variantsIndex = pointIndex + 1
        guard let matched = matcher.match(call.arguments, to: parameters + [.init("point", required: false), .init("variants", required: false)], callee: "Expect",
                                          calleeRange: call.nameRange, diagnostics: &diagnostics) else { return nil }
        guard let label = runLabel(matched[0]!.value, labels, &diagnostics) else { return nil }
        let kind: Expectation.Kind
        switch form {
        case "reaches", "misses":
            guard let tolerance = reader.number(matched[1]!.value, "the tolerance", &diagnostics) else { return nil }
            guard tolerance > 0 else {
                diagnostics.append(reader.error("the tolerance must be > 0, not \(NumberText.format(tolerance))", matched[1]!.value.range))
                return nil
            }
            var within = steps
            if let argument = matched[2] {
                guard let value = reader.integer(argument.value, "'within'", &diagnostics) else { return nil }
                guard (0...steps).contains(value) else {
                    diagnostics.append(reader.error("'within' must be from 0 to the experiment's \(steps) steps, not \(value)", argument.value.range))
                    return nil
                }
                within = value
            }
            if let objective, objective.minimumValue == nil, minima.isEmpty {
                diagnostics.append(reader.error(
                    "'\(form)' needs the objective's minimum value, which is not known", matched[1]!.value.range,
                    hint: objective.name == nil ? "state the minimiser with 'Minimum(x, y)'" : "'.\(objective.name!)' has no minimum"))
                return nil
            }
            kind = form == "reaches"
                ? .reaches(label: label, tolerance: tolerance, within: within)
                : .misses(label: label, tolerance: tolerance, within: within)
        case "endsNear":
            guard let point = claimedPoint(matched[1]!.value, dimension: objective?.dimension, &diagnostics),
                  let distance = reader.number(matched[2]!.value, "the distance", &diagnostics)
            else { return nil }
            guard distance > 0 else {
                diagnostics.append(reader.error("the distance must be > 0, not \(NumberText.format(distance))", matched[2]!.value.range))
                return nil
            }
            var start: Int?
            if let argument = matched[3] {
                guard let value = startIndex(argument, startCount: startCount, &diagnostics) else { return nil }
                start = value
            }
            kind = .endsNear(label: label, point: point, within: distance, start: start)
        case "diverges":
            guard let flag = reader.bool(matched[1]!.value, "'diverges'", &diagnostics) else { return nil }
            kind = .diverges(label: label, flag)
        case "closerThan", "lowerLossThan":
            guard let other = runLabel(matched[1]!.value, labels, &diagnostics) else { return nil }
            if other == label {
                diagnostics.append(reader.error("a run cannot be compared with itself", matched[1]!.value.range))
                return nil
            }
            if form == "closerThan" {
                kind = .closerThan(label: label, other: other)
            } else {
                // Without 'at' or 'over' the claim is about the final loss, where the curves end.
                var claimed: ClosedRange<Int>?
                if matched[2] != nil || matched[3] != nil {
                    guard let range = window(at: matched[2], over: matched[3], first: 0, steps: steps, &diagnostics) else { return nil }
                    claimed = range
                }
                var start: Int?
                if let argument = matched[4] {
                    guard let value = startIndex(argument, startCount: startCount, &diagnostics) else { return nil }
                    start = value
                }
                kind = .lowerLossThan(label: label, other: other, steps: claimed, start: start)
            }
        case "rate":
            guard let claim = rateClaim(label: label, matched, steps: steps, objective: objective, minima: minima,
                                        startCount: startCount, &diagnostics)
            else { return nil }
            kind = claim
        default:
            guard let series = Expectation.Series(rawValue: form),
                  let claim = seriesClaim(label: label, series: series, matched, run: runs.first { $0.label == label }, steps: steps,
                                          objective: objective, minima: minima, startCount: startCount, &diagnostics)
            else { return nil }
            kind = claim
        }
        var expectation = Expectation(kind: kind, call: SyntaxPrinter.print(call.expr), location: reader.location(call.nameRange))
        if let argument = matched[pointIndex] {
            guard let point = claimedPoint(argument, of: expectation, runs: runs, &diagnostics) else { return nil }
            expectation.point = point
        }
        if let argument = matched[variantsIndex] {
            guard let (scope, expected) = SweepClaim(reader: reader, values: sweepValues).scope(argument, &diagnostics) else { return nil }
            expectation.variants = scope
            expectation.expected = expected
        }
        return expectation
    }

    /// `point: .evaluated` or `point: .iterate`; `.evaluated` needs a run among the claim's that is
    /// evaluated at another point than its iterate, and a claim about a point, not about a step.
    private func claimedPoint(
        _ argument: ArgumentSyntax, of expectation: Expectation, runs: [RunDescription], _ diagnostics: inout [Diagnostic]
    ) -> RunPoint? {
        guard let point = RunPoint.read(argument, reader, &diagnostics) else { return nil }
        guard point == .evaluated else { return point }
        let range = argument.range
        if expectation.effectiveLearningRateLabel != nil {
            diagnostics.append(reader.error(
                "an effective learning rate belongs to a step, not to a point, so 'point: .evaluated' says nothing about it", range,
                hint: "drop 'point:'; claim the loss or the distance at the evaluated point instead"))
            return nil
        }
        let claimed = expectation.labels.compactMap { label in runs.first { $0.label == label } }
        guard !claimed.contains(where: \.optimizer.evaluatesAverage) else { return point }
        let methods = OptimizerCatalog.all.filter { $0.capabilities.contains(.evaluatesAverage) }.map(\.callName)
        let who = claimed.map { "'\($0.label)' runs \($0.optimizer.callName)" }.joined(separator: " and ")
        diagnostics.append(reader.error(
            "\(who), evaluated where \(claimed.count == 1 ? "it steps" : "they step"): there is no other point than the iterate", range,
            hint: "'point: .evaluated' reads the average x of \(methods.joined(separator: " and ")); drop 'point:' to claim about the iterate"))
        return nil
    }

    /// `start: 2`: a 1-based start number, returned 0-based.
    private func startIndex(_ argument: ArgumentSyntax, startCount: Int, _ diagnostics: inout [Diagnostic]) -> Int? {
        guard let value = reader.integer(argument.value, "'start'", &diagnostics) else { return nil }
        guard (1...startCount).contains(value) else {
            let range = startCount == 1 ? "1, the experiment's only start" : "from 1 to the experiment's \(startCount) starts"
            diagnostics.append(reader.error("'start' must be \(range), not \(value)", argument.value.range,
                                            hint: "starts are numbered from 1 in the order of the 'Start' statements"))
            return nil
        }
        return value - 1
    }

    /// `Expect("Adam", loss: .below(1e-3), at: 50)`, `Expect("AMSGrad", stepSize: .decreasing, over: 10...1000)`:
    /// matched arguments are the label, the shape, `at`, `over` and `start`.
    private func seriesClaim(
        label: String, series: Expectation.Series, _ matched: [Int: ArgumentSyntax], run: RunDescription?, steps: Int,
        objective: Objective?, minima: [[Double]], startCount: Int, _ diagnostics: inout [Diagnostic]
    ) -> Expectation.Kind? {
        let shapeExpr = matched[1]!.value
        let choices = ["increasing", "decreasing", "below(x)", "above(x)"]
        guard let member = reader.member(shapeExpr, "what the \(series.phrase) does", choices: choices, &diagnostics) else { return nil }
        let shape: Expectation.Shape
        switch (member.name, member.arguments) {
        case ("increasing", nil): shape = .increasing
        case ("decreasing", nil): shape = .decreasing
        case ("below", let arguments?), ("above", let arguments?):
            guard let bound = oneSidedBound(member, arguments, example: "1e-3", &diagnostics) else { return nil }
            shape = member.name == "below" ? .below(bound) : .above(bound)
        default:
            reader.unknownMember(member, "shape", choices: ["increasing", "decreasing", "below", "above"], &diagnostics)
            return nil
        }
        if series == .distance, let objective, objective.minima.isEmpty, minima.isEmpty {
            diagnostics.append(reader.error(
                "'distance' needs a known minimiser, and this objective has none", matched[1]!.labelRange ?? shapeExpr.range,
                hint: objective.name == nil ? "state the minimiser with 'Minimum(x, y)'" : "claim the loss instead"))
            return nil
        }
        if series == .effectiveLearningRate, let run, !run.optimizer.hasEffectiveLearningRate {
            let methods = OptimizerCatalog.all.filter { $0.effectiveLearningRate != nil }.map(\.callName)
            diagnostics.append(reader.error(
                "'\(label)' runs \(run.optimizer.callName), which has no effective learning rate", matched[1]!.labelRange ?? shapeExpr.range,
                hint: "an effective learning rate is η over a denominator the method keeps per coordinate; the methods with one are "
                    + "\(methods.joined(separator: ", ")), and Lookahead around one of them"))
            return nil
        }
        guard let window = window(at: matched[2], over: matched[3], first: series.firstStep, steps: steps, &diagnostics) else { return nil }
        if let at = matched[2] {
            switch shape {
            case .increasing, .decreasing:
                diagnostics.append(reader.error("one step has no direction: '.\(member.name)' needs a window", at.labelRange ?? at.range,
                                                hint: "write 'over: \(max(series.firstStep, window.lowerBound - 10))...\(window.lowerBound)'"))
                return nil
            case .below, .above: break
            }
        }
        var start: Int?
        if let argument = matched[4] {
            guard let value = startIndex(argument, startCount: startCount, &diagnostics) else { return nil }
            start = value
        }
        return .series(label: label, series: series, shape: shape, steps: window, start: start)
    }

    /// The number of `.below(x)` or `.above(x)`, as a series claim and a rate claim write it.
    private func oneSidedBound(
        _ member: ValueReader.Member, _ arguments: [ArgumentSyntax], example: String,
        _ diagnostics: inout [Diagnostic]
    ) -> Double? {
        guard arguments.count == 1, arguments[0].label == nil else {
            diagnostics.append(reader.error("'.\(member.name)' takes one unlabeled bound", member.range,
                                            hint: "write '.\(member.name)(\(example))'"))
            return nil
        }
        return reader.number(arguments[0].value, "the bound", &diagnostics)
    }

    /// `Expect("GD", rate: .near(0.82, within: 0.01), over: 20...100)`: matched arguments are the
    /// label, the bound, `over` and `start`.
    private func rateClaim(
        label: String, _ matched: [Int: ArgumentSyntax], steps: Int, objective: Objective?, minima: [[Double]], startCount: Int,
        _ diagnostics: inout [Diagnostic]
    ) -> Expectation.Kind? {
        let boundExpr = matched[1]!.value
        let choices = ["near(x, within: d)", "below(x)", "above(x)"]
        guard let member = reader.member(boundExpr, "the rate's bound", choices: choices, &diagnostics) else { return nil }
        let bound: Expectation.RateBound
        switch (member.name, member.arguments) {
        case ("near", let arguments?):
            guard arguments.count == 2, arguments[0].label == nil, arguments[1].label == "within" else {
                diagnostics.append(reader.error("'.near' takes a rate and 'within:', its largest difference", member.range,
                                                hint: "write '.near(0.82, within: 0.01)'"))
                return nil
            }
            guard let rate = reader.number(arguments[0].value, "the rate", &diagnostics),
                  let within = reader.number(arguments[1].value, "'within'", &diagnostics) else { return nil }
            guard within > 0 else {
                diagnostics.append(reader.error("'within' must be > 0, not \(NumberText.format(within))", arguments[1].value.range))
                return nil
            }
            bound = .near(rate, within: within)
        case ("below", let arguments?), ("above", let arguments?):
            guard let value = oneSidedBound(member, arguments, example: "0.9", &diagnostics) else { return nil }
            bound = member.name == "below" ? .below(value) : .above(value)
        default:
            reader.unknownMember(member, "bound", choices: ["near", "below", "above"], &diagnostics)
            return nil
        }
        if let objective, objective.minima.isEmpty, minima.isEmpty {
            diagnostics.append(reader.error(
                "'rate' measures how fast the distance to the minimiser shrinks, and this objective has no known minimiser",
                matched[1]!.labelRange ?? boundExpr.range,
                hint: objective.name == nil ? "state the minimiser with 'Minimum(x, y)'" : "claim the loss instead"))
            return nil
        }
        // The reader refuses an 'over' of one step, so the window spans at least one.
        guard let window = window(at: nil, over: matched[2], first: 0, steps: steps, &diagnostics) else { return nil }
        var start: Int?
        if let argument = matched[3] {
            guard let value = startIndex(argument, startCount: startCount, &diagnostics) else { return nil }
            start = value
        }
        return .rate(label: label, bound: bound, steps: window, start: start)
    }

    /// The steps a claim is about: `at: n` (one step), `over: a...b`, or by default every step
    /// from `first` (the first at which the quantity has a value) to `steps`; nil after an error.
    private func window(
        at: ArgumentSyntax?, over: ArgumentSyntax?, first: Int, steps: Int, _ diagnostics: inout [Diagnostic]
    ) -> ClosedRange<Int>? {
        let all = first...steps
        if at != nil, let over {
            diagnostics.append(reader.error("a claim is about one step ('at:') or a window ('over:'), not both", over.labelRange ?? over.range))
            return nil
        }
        if let at {
            guard let step = reader.integer(at.value, "'at'", &diagnostics) else { return nil }
            guard all.contains(step) else {
                diagnostics.append(reader.error("'at' must be from \(all.lowerBound) to the experiment's \(steps) steps, not \(step)", at.value.range))
                return nil
            }
            return step...step
        }
        if let over {
            guard let range = reader.range(over.value, "'over'", &diagnostics) else { return nil }
            let lower = Int(exactly: range.lowerBound), upper = Int(exactly: range.upperBound)
            guard let lower, let upper, all.contains(lower), all.contains(upper) else {
                diagnostics.append(reader.error(
                    "'over' must be a range of whole steps from \(all.lowerBound) to the experiment's \(steps), not \(SyntaxPrinter.print(over.value))",
                    over.value.range))
                return nil
            }
            return lower...upper
        }
        return all
    }

    /// `endsNear: (3, 2)`, or `endsNear: 1.5` for a 1-D objective: a point with the objective's dimension.
    private func claimedPoint(_ expr: ExprSyntax, dimension: Int?, _ diagnostics: inout [Diagnostic]) -> [Double]? {
        let resolved = reader.resolve(expr)
        var elements: [ExprSyntax] = [resolved]
        if case .tuple(let arguments) = resolved.kind {
            if let labeled = arguments.first(where: { $0.label != nil }) {
                diagnostics.append(reader.error("the point takes unlabeled coordinates", labeled.labelRange ?? labeled.range,
                                                hint: "write 'endsNear: (3, 2)'"))
                return nil
            }
            elements = arguments.map(\.value)
        }
        let expected = dimension ?? elements.count
        guard elements.count == expected, (1...2).contains(expected) else {
            let count = dimension.map { $0 == 1 ? "one coordinate" : "two coordinates, as in (3, 2)" } ?? "one or two coordinates"
            diagnostics.append(reader.error("the point needs \(count) for this objective, not \(elements.count)", resolved.range))
            return nil
        }
        var point: [Double] = []
        for (index, element) in elements.enumerated() {
            guard let value = reader.number(element, index == 0 ? "the x coordinate" : "the y coordinate", &diagnostics) else { return nil }
            point.append(value)
        }
        return point
    }

    private func runLabel(_ expr: ExprSyntax, _ labels: [String: SourceRange], _ diagnostics: inout [Diagnostic]) -> String? {
        guard let label = reader.string(expr, "a run's label", &diagnostics) else { return nil }
        guard labels[label] != nil else {
            let known = labels.keys.sorted()
            let suggestion = Suggestion.closest(to: label, in: known)
            diagnostics.append(reader.error(
                "no run is labeled '\(label)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), reader.resolve(expr).range,
                hint: known.isEmpty ? nil : "the runs are " + known.map { "'\($0)'" }.joined(separator: ", ")))
            return nil
        }
        return label
    }
}

extension BuilderDescription {
    static let experiment = BuilderDescription(
        "Experiment", noun: "experiment", article: "an", signature: "Experiment(_ title: String) { statements }",
        form: .titled(example: "Experiment(\"…\") { Objective(.rosenbrock); Adam(lr: 0.1) }"),
        statements: experimentStatements + [play, phaseDiagram], runs: .optimizers,
        statementExample: "'Steps(30)' or an optimizer call such as 'Adam(lr: 0.1)'",
        summary: "Optimizer paths on one objective, drawn as a figure."
    ) { input, diagnostics in
        SweepChecker(input: input).check(&diagnostics) { input, values, diagnostics in
            ExperimentChecker(reader: input.reader, source: input.source, hadSyntaxErrors: input.hadSyntaxErrors, sweepValues: values)
                .check(input, &diagnostics)
        }.map(Directive.experiment)
    }

    /// `Play`, which only an `Experiment` takes: a `Schedule` draws no paths to play.
    static let play = StatementDescription(
        "Play", signature: "Play(seconds: Double)",
        summary: "A play button that draws the paths step by step over the seconds (default: 5 steps a second, 4 to 12 s), in step with a cursor on the loss curves.")

    /// `PhaseDiagram`, which only an `Experiment` of two sweeps takes.
    static let phaseDiagram = StatementDescription(
        "PhaseDiagram", signature: "PhaseDiagram(.stepsTo(loss: Double) | .finalLoss | .diverged, run: String)",
        summary: "With two sweeps: a heat map of the summary over the grid, each cell choosing the variant shown; the theory's convergence region drawn over it on a quadratic.")

    /// The statements inside `Experiment { … }`, besides optimizer calls; a `Schedule` with an
    /// `Objective` takes them too.
    static let experimentStatements: [StatementDescription] = [
        StatementDescription("Objective", signature: "Objective(.builtin) | Objective { x, y in formula }", required: true,
                             missingHint: "add 'Objective(.rosenbrock)' or 'Objective { x, y in x * x + y * y }'",
                             summary: "The function to minimise: a built-in or a closure of one or two variables. Required."),
        StatementDescription("Start", signature: "Start(_ x: Double, _ y: Double)", repeatable: true,
                             summary: "A start point; each start gets one path per optimizer. Defaults to the objective's start."),
        StatementDescription("Steps", signature: "Steps(_ count: Int)", summary: "Optimizer steps per run, 1 to 100,000; 100 by default."),
        StatementDescription("Domain", signature: "Domain(x: ClosedRange, y: ClosedRange)",
                             summary: "The plot window; derived from the paths when absent. 1-D objectives give only x."),
        StatementDescription("Layout", signature: "Layout(.overlay | .grid)",
                             summary: "One plot for all paths (.overlay, the default) or one panel per optimizer (.grid)."),
        StatementDescription("Seed", signature: "Seed(_ seed: UInt64)",
                             summary: "Seed for everything stochastic (noise, data, mini-batches); 42 by default."),
        StatementDescription("Minimum", signature: "Minimum(_ x: Double, _ y: Double)", repeatable: true,
                             summary: "A known minimiser of a closure objective, so distances to it and f − f* can be shown."),
        StatementDescription("BatchSize", signature: "BatchSize(_ size: Int)",
                             summary: "Samples per step for .linearRegression and .logisticRegression; full batch when absent."),
        StatementDescription("Sampling", signature: "Sampling(.shuffledEpochs | .withReplacement)",
                             summary: "How BatchSize's batches are drawn: a fresh shuffle each epoch (the default) or uniform draws with replacement."),
        StatementDescription(
            "Expect", signature: "Expect(_ label: String, reaches:within: | misses:within: | diverges: | lowerLossThan:at:over:start: | closerThan: | endsNear:within:start: | loss:at:over:start: | distance:at:over:start: | stepSize:at:over:start: | effectiveLearningRate:at:over:start: | rate:over:start:, point:, variants:)",
            repeatable: true, summary: "A claim about the runs, checked after they finish; a false claim is an error."),
    ]
}
