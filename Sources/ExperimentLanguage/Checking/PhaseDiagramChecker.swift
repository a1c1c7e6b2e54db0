import CourseDiagnostics

/// Reads `PhaseDiagram(.stepsTo(loss: 1e-6))`, `PhaseDiagram(.finalLoss)` or
/// `PhaseDiagram(.diverged, run: "SGD")` in an experiment that sweeps two values.
struct PhaseDiagramChecker {
    let reader: ValueReader

    static let forms = "'PhaseDiagram(.stepsTo(loss: 1e-6))', 'PhaseDiagram(.finalLoss)' or 'PhaseDiagram(.diverged)'"
    static let summaries = ["stepsTo", "finalLoss", "diverged"]

    /// Reports a `PhaseDiagram` in an experiment that does not sweep exactly two values, at the
    /// statement, with a note at the sweep too many; `false` when it did.
    func checkAxes(_ call: BuilderCall, sweeps: [SourceRange], _ diagnostics: inout [Diagnostic]) -> Bool {
        guard sweeps.count != 2 else { return true }
        let hint = sweeps.count < 2
            ? "sweep \(sweeps.isEmpty ? "two values" : "a second value"), as in 'Momentum(lr: Sweep(from: 0.01, to: 1, count: 10, scale: .log), momentum: Sweep(from: 0, to: 0.9, count: 10))'"
            : "write a number in place of all but two sweeps"
        diagnostics.append(reader.error(
            "a phase diagram needs two sweeps, one per axis of its grid, and this experiment has \(sweeps.count)", call.nameRange,
            hint: hint, notes: sweeps.count > 2 ? [reader.note("the third sweep is here", sweeps[2])] : []))
        return false
    }

    /// The diagram of `experiment`, the default variant of its two-axis sweep.
    func read(_ call: BuilderCall, experiment: Experiment, _ diagnostics: inout [Diagnostic]) -> PhaseDiagram? {
        guard let matched = call.matchArguments(to: [.init(nil), .init("run", required: false)], reader, &diagnostics) else { return nil }
        let choices = ["stepsTo(loss:)", "finalLoss", "diverged"]
        guard let member = reader.member(matched[0]!.value, "the summary", choices: choices, &diagnostics) else { return nil }
        let summary: PhaseDiagram.Summary
        switch (member.name, member.arguments) {
        case ("finalLoss", nil): summary = .finalLoss
        case ("diverged", nil): summary = .diverged
        case ("stepsTo", let arguments):
            guard let arguments, arguments.count == 1, arguments[0].label == "loss" else {
                diagnostics.append(reader.error("'.stepsTo' takes the loss to reach, as in '.stepsTo(loss: 1e-6)'", member.range,
                                                hint: "a cell shows the first step at which f − f* is below that loss"))
                return nil
            }
            guard let loss = reader.number(arguments[0].value, "the loss to reach", &diagnostics) else { return nil }
            guard loss > 0, loss.isFinite else {
                diagnostics.append(reader.error(
                    "the loss to reach must be a number above 0, not \(NumberText.format(loss))", reader.resolve(arguments[0].value).range,
                    hint: "f − f* is never below 0; write a small positive loss such as '.stepsTo(loss: 1e-6)'"))
                return nil
            }
            guard experiment.objective.minimumValue != nil else {
                diagnostics.append(reader.error(
                    "'.stepsTo' needs the objective's minimum value, which is not known", member.range,
                    hint: experiment.objective.name == nil
                        ? "state the minimiser with 'Minimum(x, y)', or colour the cells by '.finalLoss'"
                        : "'.\(experiment.objective.name!)' has no minimum; colour the cells by '.finalLoss' or '.diverged'"))
                return nil
            }
            summary = .stepsTo(loss: loss)
        default:
            if Self.summaries.contains(member.name) {
                diagnostics.append(reader.error("'.\(member.name)' takes no arguments", member.range, hint: "write \(Self.forms)"))
            } else {
                reader.unknownMember(member, "summary", choices: Self.summaries, &diagnostics)
            }
            return nil
        }
        let labels = experiment.runs.map(\.label)
        var runIndex = 0
        if let argument = matched[1] {
            guard let label = reader.string(argument.value, "a run's label", &diagnostics) else { return nil }
            guard let index = labels.firstIndex(of: label) else {
                let suggestion = Suggestion.closest(to: label, in: labels)
                diagnostics.append(reader.error(
                    "no run is labeled '\(label)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""), reader.resolve(argument.value).range,
                    hint: "the runs are " + labels.map { "'\($0)'" }.joined(separator: ", ")))
                return nil
            }
            runIndex = index
        } else if labels.count > 1 {
            diagnostics.append(reader.error(
                "a phase diagram colours each cell by one run, and this experiment has \(labels.count)", call.nameRange,
                hint: "name the run: 'PhaseDiagram(\(SyntaxPrinter.print(matched[0]!.value)), run: \"\(labels[0])\")'"))
            return nil
        }
        if experiment.starts.count > 1 {
            diagnostics.append(reader.error(
                "a phase diagram colours each cell by a run from one start, and this experiment has \(experiment.starts.count)", call.nameRange,
                hint: "keep one 'Start'"))
            return nil
        }
        return PhaseDiagram(summary: summary, runIndex: runIndex, location: reader.location(call.nameRange))
    }
}
