import CourseDiagnostics
import Foundation
import ExperimentLanguage
import Optimizers
import TextFormatting

/// Turns a ``ResultReference`` in a page's prose into the rounded number it names, from the
/// results of the page's directives. A pure function of those results.
public enum ResultReferenceResolver {
    /// The text that replaces the reference, or an error at the reference.
    public static func resolve(_ reference: ResultReference, in outputs: [RunOutput]) -> Result<String, Diagnostic> {
        func fail(_ message: String, hint: String? = nil) -> Result<String, Diagnostic> {
            .failure(.error(message, at: reference.location, length: reference.text.unicodeScalars.count, hint: hint))
        }
        let directives: [(title: String, labels: [String], output: RunOutput)] = outputs.compactMap { output in
            if let result = output as? ExperimentResult { return (result.experiment.title, result.experiment.runs.map(\.label), output) }
            if let result = output as? TrainingStudyResult { return (result.study.title, result.study.runs.map(\.label), output) }
            return nil
        }
        let label = reference.label
        let candidates: [(title: String, labels: [String], output: RunOutput)]
        if let title = reference.title {
            let titled = directives.filter { $0.title == title }
            guard !titled.isEmpty else {
                let suggestion = Suggestion.closest(to: title, in: directives.map(\.title))
                return fail("no experiment or training on this page is titled '\(title)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                            hint: directives.isEmpty ? "the page has none" : "the titles are " + directives.map { "'\($0.title)'" }.joined(separator: ", "))
            }
            candidates = titled
        } else {
            candidates = directives
        }
        let holding = candidates.filter { $0.labels.contains(label) }
        guard let found = holding.first else {
            let labels = candidates.flatMap(\.labels)
            let suggestion = Suggestion.closest(to: label, in: labels)
            let place = reference.title.map { "'\($0)'" } ?? "this page"
            return fail("no run \(reference.title == nil ? "on" : "in") \(place) is labeled '\(label)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                        hint: labels.isEmpty ? nil : "the runs are " + labels.map { "'\($0)'" }.joined(separator: ", "))
        }
        guard holding.count == 1 else {
            return fail("several directives on this page have a run labeled '\(label)'",
                        hint: "name one with in: " + holding.map { "\"\($0.title)\"" }.joined(separator: " or "))
        }
        switch number(reference, found.output) {
        case .success(let value): return .success(format(value, reference.rounding))
        case .failure(let problem): return fail(problem.message, hint: problem.hint)
        }
    }

    private struct Problem: Error {
        var message: String
        var hint: String?
        init(_ message: String, hint: String? = nil) {
            self.message = message
            self.hint = hint
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

    private static func number(_ reference: ResultReference, _ output: RunOutput) -> Result<Double, Problem> {
        let label = reference.label
        let quantity = reference.quantity
        if let result = output as? ExperimentResult {
            guard quantity.isExperimentQuantity else {
                return .failure(Problem("'\(quantity.spelling)' is a training's figure; '\(label)' is a run of an Experiment",
                                        hint: "an Experiment's runs have .finalLoss, .finalGap, .finalDistance, .finalX, .finalY, .lossAt(n), .divergedAt, .switchedAt"))
            }
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
            let trajectory = runs[start]
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
                return .success(result.summaries[index][start].distanceToMinimum ?? .infinity)
            case .finalX: return .success(trajectory.finalPoint[0])
            default:
                guard trajectory.dimension == 2 else { return .failure(Problem("the objective has one variable, so no '.finalY'")) }
                return .success(trajectory.finalPoint[1])
            }
        }
        if let study = output as? TrainingStudyResult {
            let run = study.result(label)!
            if let step = eventStep(quantity, of: label, divergedAt: run.divergedAt, switchedAt: run.switchedAt) { return step }
            switch quantity {
            case .testAccuracy: return .success(run.testAccuracy)
            case .trainAccuracy: return .success(run.trainAccuracy)
            case .validationAccuracy:
                guard let accuracy = run.validationAccuracy else {
                    return .failure(Problem("'\(study.study.title)' holds no validation set out, so '\(label)' has no validation accuracy",
                                            hint: "add 'validation:' to its 'Dataset', e.g. 'Dataset(.digits, test: 0.2, validation: 0.2)'"))
                }
                return .success(accuracy)
            case .trainLoss: return .success(run.finalTrainLoss)
            default:
                return .failure(Problem("'\(quantity.spelling)' is an Experiment's figure; '\(label)' is a run of a Training",
                                        hint: "a Training's runs have .testAccuracy, .trainAccuracy, .validationAccuracy, .trainLoss, .divergedAt, .switchedAt"))
            }
        }
        preconditionFailure("only experiments and trainings are referenced")
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
