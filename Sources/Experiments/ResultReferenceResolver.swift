import CourseDiagnostics
import Foundation
import ExperimentLanguage
import Optimizers
import TextFormatting

/// Turns a ``ResultReference`` in a page's prose into the rounded number it names, from the
/// results of the page's directives. A pure function of those results.
///
/// Every directive that produces runs is visible: an `Experiment`'s and a `Training`'s runs,
/// a `Schedule`'s (with or without an `Objective`), an `Average`'s lines and an
/// `Activations` study's rows, each with the quantities of its ``ResultReference/RunKind``.
public enum ResultReferenceResolver {
    /// The text that replaces the reference, or an error at the reference. `failed` counts the
    /// page's directives that did not run because of errors: the run may be in one of them.
    public static func resolve(_ reference: ResultReference, in outputs: [RunOutput], failed: Int = 0) -> Result<String, Diagnostic> {
        func fail(_ message: String, hint: String? = nil) -> Result<String, Diagnostic> {
            .failure(.error(message, at: reference.location, length: reference.text.unicodeScalars.count, hint: hint))
        }
        let directives = outputs.compactMap(Referable.init)
        let label = reference.label
        let candidates: [Referable]
        if let title = reference.title {
            let titled = directives.filter { $0.title == title }
            guard !titled.isEmpty else {
                let titles = unique(directives.map(\.title))
                let suggestion = Suggestion.closest(to: title, in: titles)
                return fail("no directive with runs on this page is titled '\(title)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                            hint: unrun(failed) ?? (titles.isEmpty ? "the page has none" : "the titles are " + titles.map { "'\($0)'" }.joined(separator: ", ")))
            }
            candidates = titled
        } else {
            candidates = directives
        }
        let holding = candidates.filter { $0.labels.contains(label) }
        guard let found = holding.first else {
            let labels = unique(candidates.flatMap(\.labels))
            let suggestion = Suggestion.closest(to: label, in: labels)
            let place = reference.title.map { "'\($0)'" } ?? "this page"
            return fail("no run \(reference.title == nil ? "on" : "in") \(place) is labeled '\(label)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                        hint: unrun(failed) ?? (labels.isEmpty ? "the page has no directive with runs" : "the runs are " + labels.map { "'\($0)'" }.joined(separator: ", ")))
        }
        guard holding.count == 1 else {
            return fail("several directives on this page have a run labeled '\(label)'",
                        hint: "name one with in: " + holding.map { "\"\($0.title)\"" }.joined(separator: " or "))
        }
        guard found.kind.has(reference.quantity) else {
            return fail("'\(reference.quantity.spelling)' is not a figure of '\(label)', \(found.kind.runPhrase)",
                        hint: hint(for: found.kind))
        }
        if reference.start != nil, found.kind != .experiment, found.kind != .scheduleOnObjective {
            return fail("'start:' chooses a start of an objective; '\(label)' is \(found.kind.runPhrase)", hint: "remove 'start:'")
        }
        if let point = reference.point {
            guard found.kind == .experiment || found.kind == .scheduleOnObjective else {
                let why = found.kind == .training ? "; a Training's accuracies and final loss are already the evaluated point's" : ""
                return fail("'point:' chooses a point of a run on an objective; '\(label)' is \(found.kind.runPhrase)\(why)", hint: "remove 'point:'")
            }
            switch reference.quantity {
            case .finalLoss, .finalGap, .finalDistance, .finalX, .finalY, .lossAt, .rate: break
            default:
                return fail("'\(reference.quantity.spelling)' is the run's, the same at its iterate and its evaluated point, so it takes no 'point:'",
                            hint: "remove 'point: .\(point.rawValue)'")
            }
        }
        switch found.number(reference) {
        case .success(let value): return .success(format(value, reference.rounding))
        case .failure(let problem): return fail(problem.message, hint: problem.hint)
        }
    }

    /// What a run of `kind` has, and for a schedule without an objective how it gets more.
    private static func hint(for kind: ResultReference.RunKind) -> String {
        let has = "the \(kind.noun)s of \(kind.directive) have \(kind.quantityList)"
        return kind == .schedule ? has + "; add 'Objective(…)' to the schedule to run its calls on one" : has
    }

    /// The hint for a run or title not found while some of the page's directives did not run.
    private static func unrun(_ failed: Int) -> String? {
        failed == 0 ? nil : "\(failed == 1 ? "a directive" : "\(failed) directives") of this page did not run because of the errors reported for "
            + (failed == 1 ? "it" : "them") + "; the run may be there"
    }

    private static func unique(_ strings: [String]) -> [String] {
        var seen: Set<String> = []
        return strings.filter { seen.insert($0).inserted }
    }

    struct Problem: Error {
        var message: String
        var hint: String?
        init(_ message: String, hint: String? = nil) {
            self.message = message
            self.hint = hint
        }
    }

    /// One directive of the page whose runs a reference can name: its title, its kind, its
    /// runs' labels and how it turns a reference to one of them into a number.
    private struct Referable {
        var title: String
        var kind: ResultReference.RunKind
        var labels: [String]
        /// The number of a reference whose label is one of `labels` and whose quantity `kind` has.
        var number: (ResultReference) -> Result<Double, Problem>

        init?(_ output: RunOutput) {
            // A sweep's runs are quoted from the variant the page shows first; the page swaps
            // in the others' numbers (`SweptNumbers`).
            self.init(direct: (output as? SweepResult)?.defaultResult ?? output)
        }

        private init?(direct output: RunOutput) {
            switch output {
            case let result as ExperimentResult:
                (title, kind, labels) = (result.experiment.title, .experiment, result.experiment.runs.map(\.label))
                number = { reference in
                    if case .learningRateAt(let step) = reference.quantity {
                        let index = result.runIndex(reference.label)!
                        let run = result.experiment.runs[index]
                        // A plateau's rates follow the run's loss: the first start's run's own.
                        let rates = run.schedule?.dependsOnLoss == true
                            ? result.trajectories[index].first?.learningRates ?? []
                            : ScheduleRunner.learningRates(run, steps: result.experiment.steps)
                        return ResultReferenceResolver.rate(step, of: reference.label, rates)
                    }
                    return ResultReferenceResolver.experimentNumber(reference, result)
                }
            case let result as ScheduleResult:
                (title, labels) = (result.study.title, result.study.runs.map(\.label))
                kind = result.problem == nil ? .schedule : .scheduleOnObjective
                number = { reference in
                    if case .learningRateAt(let step) = reference.quantity {
                        return ResultReferenceResolver.rate(step, of: reference.label, result.rates(reference.label)!)
                    }
                    // The kind has no other quantity without an objective.
                    return ResultReferenceResolver.experimentNumber(reference, result.problem!)
                }
            case let result as TrainingStudyResult:
                (title, kind, labels) = (result.study.title, .training, result.study.runs.map(\.label))
                number = { ResultReferenceResolver.trainingNumber($0, result) }
            case let result as AverageResult:
                (title, kind, labels) = (result.study.title, .average, result.study.averages.map(\.label))
                number = { ResultReferenceResolver.averageNumber($0, result) }
            case let result as ActivationsStudyResult:
                (title, kind, labels) = (result.study.title, .activations, result.result.rows.map(\.label))
                number = { ResultReferenceResolver.activationsNumber($0, result) }
            default:
                return nil
            }
        }
    }

    /// The step of a run's event for `.divergedAt` and `.switchedAt`, or why the run has none;
    /// nil for every other quantity.
    private static func eventStep(
        _ quantity: ResultReference.Quantity, of label: String, divergedAt: Int?, switchedAt: Int?
    ) -> Result<Double, Problem>? {
        switch quantity {
        case .divergedAt: divergedAt.map { .success(Double($0)) } ?? .failure(Problem("'\(label)' does not diverge"))
        case .switchedAt: switchedAt.map { .success(Double($0)) } ?? .failure(Problem("'\(label)' never switches (only SWATS does)"))
        default: nil
        }
    }

    /// η at the 0-based `step` from a run's rates, one per step it takes.
    private static func rate(_ step: Int, of label: String, _ rates: [Double], diverged: Int? = nil) -> Result<Double, Problem> {
        guard step < rates.count else {
            let why = diverged.map { "it diverges at step \($0)" } ?? "its steps are 0 to \(rates.count - 1)"
            return .failure(Problem("'\(label)' has no learning rate at step \(step): \(why)", hint: "steps count from 0, the first optimizer step"))
        }
        return .success(rates[step])
    }

    private static func experimentNumber(_ reference: ResultReference, _ result: ExperimentResult) -> Result<Double, Problem> {
        let label = reference.label
        let quantity = reference.quantity
        let experiment = result.experiment
        let index = result.runIndex(label)!
        let runs = result.trajectories[index]
        let start: Int
        if let chosen = reference.start {
            guard runs.indices.contains(chosen) else {
                return .failure(Problem("the experiment has \(runs.count) start\(runs.count == 1 ? "" : "s"), not a start \(chosen + 1)"))
            }
            start = chosen
        } else {
            guard runs.count == 1 else {
                return .failure(Problem("'\(label)' runs from \(runs.count) starts", hint: "say which with start: 1 … \(runs.count)"))
            }
            start = 0
        }
        var trajectory = runs[start]
        if reference.point == .evaluated {
            let run = experiment.runs[index]
            guard run.optimizer.evaluatesAverage else {
                let methods = OptimizerCatalog.all.filter { $0.capabilities.contains(.evaluatesAverage) }.map(\.callName)
                return .failure(Problem("'\(label)' runs \(run.optimizer.callName), evaluated where it steps: there is no other point than the iterate",
                                        hint: "'point: .evaluated' reads the average x of \(methods.joined(separator: " and ")); remove 'point:'"))
            }
            trajectory = trajectory.atEvaluationPoints
        }
        let diverged = trajectory.divergedAt.map { "'\(label)' diverges at step \($0)" }
        if let step = eventStep(quantity, of: label, divergedAt: trajectory.divergedAt, switchedAt: trajectory.switchedAt) {
            return step
        }
        switch quantity {
        case .lossAt(let step):
            guard step < trajectory.losses.count else {
                return .failure(Problem("'\(label)' has no loss at step \(step): " + (diverged ?? "it stops at step \(trajectory.losses.count - 1)")))
            }
            return .success(trajectory.losses[step])
        case .rate(let steps):
            let minima = experiment.objective.minima
            guard !minima.isEmpty else {
                return .failure(Problem("'.rate' measures how fast the distance to the minimiser shrinks, and this objective has no known minimiser",
                                        hint: "add Minimum(x, y) to the experiment"))
            }
            let distances = ExperimentRunner.components(.distance, of: trajectory, minima: minima)[0]
            guard steps.upperBound < distances.count else {
                return .failure(Problem("'\(label)' has no distance at step \(steps.upperBound): " + (diverged ?? "it stops at step \(distances.count - 1)")))
            }
            guard let rate = Expectation.measuredRate(distances, over: steps) else {
                return .failure(Problem("'\(label)' is at the minimiser at step \(steps.lowerBound), so it has no rate from there"))
            }
            return .success(rate)
        default:
            if let diverged { return .failure(Problem(diverged + ", so it has no final figures")) }
        }
        switch quantity {
        case .finalLoss: return .success(trajectory.losses.last!)
        case .finalGap:
            guard let fStar = experiment.objective.minimumValue else {
                return .failure(Problem("'.finalGap' needs the objective's minimum value, which is not known", hint: "add Minimum(x, y) to the experiment"))
            }
            return .success(trajectory.losses.last! - fStar)
        case .finalDistance:
            guard !experiment.objective.minima.isEmpty else {
                return .failure(Problem("'.finalDistance' needs a known minimiser, and this objective has none", hint: "add Minimum(x, y) to the experiment"))
            }
            let summary = reference.point == .evaluated
                ? RunSummary(experiment: experiment, runIndex: index, startIndex: start, trajectory: trajectory) : result.summaries[index][start]
            return .success(summary.distanceToMinimum ?? .infinity)
        case .finalX: return .success(trajectory.finalPoint[0])
        default:
            guard trajectory.dimension == 2 else { return .failure(Problem("the objective has one variable, so no '.finalY'")) }
            return .success(trajectory.finalPoint[1])
        }
    }

    private static func trainingNumber(_ reference: ResultReference, _ study: TrainingStudyResult) -> Result<Double, Problem> {
        let label = reference.label
        let run = study.result(label)!
        if let step = eventStep(reference.quantity, of: label, divergedAt: run.divergedAt, switchedAt: run.switchedAt) { return step }
        switch reference.quantity {
        case .testAccuracy: return .success(run.testAccuracy)
        case .trainAccuracy: return .success(run.trainAccuracy)
        case .validationAccuracy:
            guard let accuracy = run.validationAccuracy else {
                return .failure(Problem("'\(study.study.title)' holds no validation set out, so '\(label)' has no validation accuracy",
                                        hint: "add 'validation:' to its 'Dataset', e.g. 'Dataset(.digits, test: 0.2, validation: 0.2)'"))
            }
            return .success(accuracy)
        case .learningRateAt(let step): return rate(step, of: label, run.learningRates, diverged: run.divergedAt)
        default: return .success(run.finalTrainLoss)
        }
    }

    private static func averageNumber(_ reference: ResultReference, _ result: AverageResult) -> Result<Double, Problem> {
        let values = result.values(reference.label)!
        let whole = 1...values.count
        switch reference.quantity {
        case .valueAt(let t):
            guard whole.contains(t) else {
                return .failure(Problem("'\(reference.label)' has no value at observation \(t): the series has \(values.count)",
                                        hint: "observations count from 1"))
            }
            return .success(values[t - 1])
        case .finalValue: return .success(values[values.count - 1])
        case .totalVariation: return .success(AverageMath.totalVariation(values, over: whole))
        default: return .success(AverageMath.rmsDistance(values, result.signal, over: whole))
        }
    }

    private static func activationsNumber(_ reference: ResultReference, _ result: ActivationsStudyResult) -> Result<Double, Problem> {
        let layer: Int
        switch reference.quantity {
        case .stdAt(let n), .saturatedAt(let n): layer = n
        default: preconditionFailure("an Activations row has only per-layer quantities")
        }
        let layers = result.study.configuration.layers
        guard let histogram = result.histogram(reference.label, layer: layer) else {
            return .failure(Problem("'\(result.study.title)' has \(layers) layer\(layers == 1 ? "" : "s"), not a layer \(layer)",
                                    hint: "layers count from 1"))
        }
        if case .stdAt = reference.quantity { return .success(histogram.standardDeviation) }
        return .success(ActivationsStudyResult.saturatedShare(histogram))
    }

    /// The number as the reference asks: `%.nf`, `%.ng` (with `×10ⁿ` for C's `e`), a
    /// percentage, or an integer; a typographic minus.
    static func format(_ value: Double, _ rounding: ResultReference.Rounding) -> String {
        let text: String
        switch rounding {
        case .decimals(let n): text = NumberFormat.printf(value, .fixed, precision: n)
        case .significant(let n): text = NumberFormat.correctlyRoundedSignificant(value, digits: n)
        case .percent(let n): text = NumberFormat.printf(value * 100, .fixed, precision: n)
        case .integer: text = String(Int(value))
        }
        return text.hasPrefix("-") ? NumberFormat.minus + text.dropFirst() : text
    }
}
