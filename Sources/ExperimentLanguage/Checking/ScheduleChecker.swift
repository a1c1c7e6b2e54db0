import CourseDiagnostics
import Optimizers

/// Checks the body of `Schedule("…") { … }` and builds the typed ``ScheduleStudy``,
/// reporting every problem it finds.
///
/// Without an `Objective` the body holds `Steps`, optimizer calls and learning-rate claims.
/// With one it is an `Experiment` plus learning-rate claims: the experiment's own checker
/// reads everything but those claims, so both builders accept the same statements and
/// report the same errors.
struct ScheduleChecker {
    var reader: ValueReader
    let source: String
    let hadSyntaxErrors: Bool

    private typealias Call = (name: String, nameRange: SourceRange, expr: ExprSyntax, arguments: [ArgumentSyntax], trailing: ClosureSyntax?)

    func check(_ input: BuilderInput, _ diagnostics: inout [Diagnostic]) -> ScheduleStudy? {
        let errorsBefore = diagnostics.count
        let (title, builderRange) = (input.title, input.builderRange)
        guard let body = input.body else { return nil }
        let rateClaims = body.statements.compactMap { statement -> Call? in
            guard case .expression(let expr) = statement, let call = Self.call(expr), call.name == "Expect",
                  call.arguments.count >= 2, let form = call.arguments[1].label, Self.isRateClaim(form) else { return nil }
            return call
        }
        let hasObjective = body.statements.contains { statement in
            guard case .expression(let expr) = statement else { return false }
            return Self.call(expr)?.name == "Objective"
        }
        var reader = self.reader
        var steps = Experiment.defaultSteps
        var runs: [RunDescription] = []
        var problem: Experiment?
        if hasObjective {
            // The experiment's checker reports the statements' errors; the constants are bound
            // again here, silently, for the learning-rate claims.
            var filtered = body
            filtered.statements = body.statements.filter { statement in
                guard case .expression(let expr) = statement, let call = Self.call(expr) else { return true }
                return !rateClaims.contains { $0.nameRange == call.nameRange }
            }
            // The figure has no contour plot, so statements that only shape one would be silently ignored.
            for statement in body.statements {
                guard case .expression(let expr) = statement, let call = Self.call(expr), ["Domain", "Layout"].contains(call.name) else { continue }
                diagnostics.append(reader.error("'\(call.name)' has no effect in a schedule, which draws no contour plot", call.nameRange,
                                                hint: "remove it, or show the paths in an 'Experiment' of their own"))
            }
            filtered.statements.removeAll { statement in
                guard case .expression(let expr) = statement, let call = Self.call(expr) else { return false }
                return ["Domain", "Layout"].contains(call.name)
            }
            var experiment = BuilderInput(
                description: .experiment, title: title, builderRange: builderRange, arguments: [], body: filtered, reader: reader,
                source: source, hadSyntaxErrors: hadSyntaxErrors)
            BuilderChecker.collect(filtered, into: &experiment, &diagnostics)
            let checker = ExperimentChecker(reader: experiment.reader, source: source, hadSyntaxErrors: hadSyntaxErrors)
            problem = checker.check(experiment, &diagnostics)
            var ignored: [Diagnostic] = []
            if let problem {
                for case .let(let name, let nameRange, let value, _) in body.statements {
                    DirectiveParser.bind(name, value, nameRange: nameRange, in: &reader, &ignored)
                }
                steps = problem.steps
                runs = problem.runs
            } else {
                // The experiment's errors are reported; the calls that check still give the
                // claims their labels and steps, so the claims' own errors are reported too.
                (steps, runs) = checkWithoutObjective(body, builderRange: builderRange, reader: &reader, &ignored)
            }
        } else {
            (steps, runs) = checkWithoutObjective(body, builderRange: builderRange, reader: &reader, &diagnostics)
        }

        var labels: [String: SourceRange] = [:]
        for run in runs { labels[run.label] = builderRange }
        var expectations: [ScheduleExpectation] = []
        let claimReader = reader
        for call in rateClaims {
            if let claim = claimReader.rateClaim(call.expr, call.nameRange, call.arguments, call.trailing, labels: runs.map(\.label), steps: steps, &diagnostics) {
                expectations.append(claim)
            }
        }
        guard diagnostics.count == errorsBefore else { return nil }
        return ScheduleStudy(
            title: title, steps: steps, runs: runs, expectations: expectations, problem: problem, source: source,
            location: reader.location(builderRange))
    }

    /// `Steps`, optimizer calls and their modifiers, when there is no objective to run on: the
    /// steps and the calls that checked, every problem reported.
    private func checkWithoutObjective(
        _ body: ClosureSyntax, builderRange: SourceRange, reader: inout ValueReader, _ diagnostics: inout [Diagnostic]
    ) -> (steps: Int, runs: [RunDescription]) {
        var stepsCall: BuilderCall?
        var optimizerCalls: [ExprSyntax] = []
        let experimentOnly = BuilderDescription.experimentStatements.map(\.name).filter { !["Steps", "Objective", "Expect"].contains($0) }
        BuilderBody.walk(
            body, example: "'Steps(200)' or an optimizer call such as 'SGD(lr: 0.1).schedule(.cosine(steps: 200))'",
            chains: .silent, reader: &reader, &diagnostics
        ) { statement, reader, diagnostics in
            let call: Call = (statement.name, statement.nameRange, statement.call, statement.arguments, statement.trailing)
            if OptimizerCatalog.spec(callName: call.name) != nil {
                optimizerCalls.append(statement.expr)
                return
            }
            if !statement.modifiers.isEmpty {
                diagnostics.append(reader.error(BuilderMessage.noModifiers(call.name), call.nameRange))
                return
            }
            switch call.name {
            case "Steps":
                if let first = stepsCall {
                    diagnostics.append(reader.error(BuilderMessage.duplicate("Steps"), call.nameRange, hint: "a schedule has one 'Steps'",
                                                    notes: [reader.note("first written here", first.nameRange)]))
                } else {
                    stepsCall = statement
                }
            case "Expect":
                // Learning-rate claims are read later; the experiment's claims need runs on an objective.
                if call.arguments.count >= 2, let form = call.arguments[1].label, Self.isRateClaim(form) { return }
                let form = call.arguments.count >= 2 ? call.arguments[1].label.map { "'\($0)'" } ?? "this claim" : "this claim"
                diagnostics.append(reader.error(
                    "\(form) needs an 'Objective' to run the calls on", call.nameRange,
                    hint: "without one, claim a rate: Expect(\"cosine\", learningRate: 0.05, atStep: 100)"))
            case let name where experimentOnly.contains(name):
                diagnostics.append(reader.error("'\(name)' needs an 'Objective' to run the calls on", call.nameRange,
                                                hint: "add 'Objective(…)' to plot the runs' loss as well, or remove '\(name)'"))
            default:
                diagnostics.append(BuilderChecker.unknownStatement(call.name, call.nameRange, in: .schedule, reader))
            }
        }
        var steps = Experiment.defaultSteps
        if let call = stepsCall, let value = call.integer("the number of steps", in: 1...Limits.maximumSteps, reader, &diagnostics) {
            steps = value
        }

        let runs = OptimizerCallChecker(reader: reader).runs(optimizerCalls, &diagnostics) { _, modifiers, _ in
            guard let noise = modifiers.first(where: { $0.name == "gradientNoise" }) else { return nil }
            return reader.error("'.gradientNoise' needs an 'Objective' to act on", noise.nameRange,
                                hint: "it does not change the learning rate; add 'Objective(…)' or remove it")
        }
        for run in runs where run.schedule?.dependsOnLoss == true {
            diagnostics.append(.error(
                "'.plateau' needs an 'Objective': its rate follows the run's loss", at: run.location,
                length: run.optimizer.callName.unicodeScalars.count,
                hint: "add 'Objective(…)' to run the call on, and the schedule plots the rates of that run"))
        }
        BuilderChecker.reportRunCount(
            optimizerCalls.count, of: .schedule, maximum: Limits.maximumRuns, none: "no optimizer call",
            example: "'SGD(lr: 0.1).schedule(.cosine(steps: 100))'", split: "schedules", at: builderRange, reader,
            hadSyntaxErrors: hadSyntaxErrors, &diagnostics)
        return (steps, runs)
    }

    /// Whether an `Expect` whose claim is labeled `form` is a learning-rate claim: `learningRate`,
    /// or a misspelling nearer to it than to the experiment's claims, so that the argument
    /// matcher can suggest the right label.
    private static func isRateClaim(_ form: String) -> Bool {
        Suggestion.closest(to: form, in: ["learningRate", "reaches", "diverges", "closerThan"]) == "learningRate"
    }

    /// The call at the base of `expr`'s modifier chain, when it is a call of a plain name.
    private static func call(_ expr: ExprSyntax) -> Call? {
        var current = expr
        // Walk down `Base(…).modifier(…)…` to `Base(…)`; the chain is bounded by the expression height.
        while case .call(let callee, _, _, _) = current.kind, case .member(let base, _, _) = callee.kind {
            current = base
        }
        guard case .call(let callee, let arguments, let trailing, _) = current.kind, case .identifier(let name) = callee.kind else {
            return nil
        }
        return (name, callee.range, current, arguments, trailing)
    }
}

extension BuilderDescription {
    /// `Schedule` walks its own body: with an `Objective` the body is an `Experiment`'s
    /// (checked by the same table) plus learning-rate claims.
    static let schedule = BuilderDescription(
        "Schedule", noun: "schedule", signature: "Schedule(_ title: String) { statements }",
        form: .titled(example: "Schedule(\"…\") { SGD(lr: 0.1).schedule(.cosine(steps: 100)) }"),
        statements: [
            StatementDescription("Steps", signature: "Steps(_ count: Int)", summary: "Optimizer steps plotted, 1 to 100,000; 100 by default."),
            StatementDescription("Objective", signature: "Objective(.builtin) | Objective { x, y in formula }",
                                 summary: "Optional: run the calls on this objective too and plot their loss under the rates."),
            StatementDescription("Expect", signature: "Expect(_ label: String, learningRate: Double, atStep: Int)", repeatable: true,
                                 summary: "The run's learning rate at a 0-based step, within a relative 10⁻⁶; with an Objective, also Experiment's claims."),
        ],
        runs: .optimizers, walksBody: false,
        summary: "Learning rate against step for optimizer calls with .schedule; with an Objective, also their runs on it."
    ) { input, diagnostics in
        ScheduleChecker(reader: input.reader, source: input.source, hadSyntaxErrors: input.hadSyntaxErrors)
            .check(input, &diagnostics).map(Directive.schedule)
    }
}

extension ValueReader {
    /// `Expect("label", learningRate: 0.03, atStep: 50)`.
    func rateClaim(
        _ expr: ExprSyntax, _ nameRange: SourceRange, _ arguments: [ArgumentSyntax], _ trailing: ClosureSyntax?,
        labels: [String], steps: Int, _ diagnostics: inout [Diagnostic]
    ) -> ScheduleExpectation? {
        if let trailing {
            diagnostics.append(error("'Expect' takes no closure", trailing.range))
            return nil
        }
        guard let matched = ArgumentMatcher(origin: origin).match(
            arguments, to: [.init(nil), .init("learningRate"), .init("atStep")], callee: "Expect", calleeRange: nameRange,
            diagnostics: &diagnostics)
        else { return nil }
        let label = runLabel(matched[0]!.value, labels: labels, &diagnostics)
        let rate = number(matched[1]!.value, "the learning rate", &diagnostics)
        let step = integer(matched[2]!.value, "the step", &diagnostics)
        guard let label, let rate, let step else { return nil }
        guard rate >= 0 else {
            diagnostics.append(error("the learning rate must be ≥ 0, not \(NumberText.format(rate))", resolve(matched[1]!.value).range))
            return nil
        }
        guard (0..<steps).contains(step) else {
            diagnostics.append(error(
                "the step must be from 0 to \(steps - 1), not \(step)", resolve(matched[2]!.value).range,
                hint: "steps count from 0, the first optimizer step; there are \(steps)"))
            return nil
        }
        return ScheduleExpectation(label: label, learningRate: rate, step: step, call: SyntaxPrinter.print(expr), location: location(nameRange))
    }

    /// A string naming one of `labels`, or an error with a suggestion.
    /// `note`, when given, ends the hint that lists the labels.
    func runLabel(
        _ expr: ExprSyntax, labels: [String], what: String = "run", note: String? = nil, _ diagnostics: inout [Diagnostic]
    ) -> String? {
        guard let label = string(expr, "a \(what)'s label", &diagnostics) else { return nil }
        guard labels.contains(label) else {
            let known = labels.sorted()
            let suggestion = Suggestion.closest(to: label, in: known)
            diagnostics.append(error(
                "no \(what) is labeled '\(label)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), resolve(expr).range,
                hint: known.isEmpty ? nil : "the \(what)s are " + known.map { "'\($0)'" }.joined(separator: ", ") + (note.map { "; " + $0 } ?? "")))
            return nil
        }
        return label
    }
}
