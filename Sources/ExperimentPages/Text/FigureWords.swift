import ExperimentLanguage
import Experiments
import Plotting

/// The sentences of the figures' descriptions and captions: what happened, in words.
enum FigureWords {
    /// "Adam ended closest to the minimum (distance 0.0012). SGD diverged at step 7."
    static func outcome(_ experiment: Experiment, summaries: [RunSummary]) -> String {
        var sentences: [String] = []
        let finished = summaries.filter { $0.divergedAt == nil && $0.halt == nil }
        if let best = finished.filter({ $0.distanceToMinimum != nil }).min(by: { $0.distanceToMinimum! < $1.distanceToMinimum! }) {
            sentences.append("\(best.label(in: experiment)) ended closest to a minimum (distance \(Numbers.text(best.distanceToMinimum!))).")
        } else if let best = finished.filter({ $0.finalLoss != nil }).min(by: { $0.finalLoss! < $1.finalLoss! }) {
            sentences.append("\(best.label(in: experiment)) ended lowest (f = \(Numbers.text(best.finalLoss!))).")
        }
        let diverged = summaries.filter { $0.divergedAt != nil }
        if diverged.isEmpty {
            sentences.append(summaries.count > 1 ? "No run diverged." : "The run did not diverge.")
        } else {
            let list = diverged.map { "\($0.label(in: experiment)) at step \($0.divergedAt!)" }
            sentences.append("Diverged: " + list.joined(separator: ", ") + ".")
        }
        return sentences.joined(separator: " ")
    }

    /// "Paths of SGD, Momentum, AdaGrad and Adam on the contours of f, 30 steps from (−7, 2)."
    static func landscape(_ experiment: Experiment) -> String {
        let names = list(experiment.runs.map(\.label))
        let starts = experiment.starts.map(Numbers.point)
        let from = starts.count == 1 ? "from \(starts[0])" : "from \(list(starts))"
        if experiment.objective.dimension == 1 {
            return "Iterates of \(names) on the curve of f, \(experiment.steps) steps \(from)."
        }
        let layout = experiment.layout == .grid ? ", one panel per method" : ""
        return "Paths of \(names) over the contours of f\(layout), \(experiment.steps) steps \(from)."
    }

    /// The words a figure writes inside itself: its legend's marks, the notes on paths that
    /// stop short, the markers' tooltips.
    static let figure = FigureVocabulary(
        start: "start", end: "end", minimum: "minimum", testPoint: "test point (hollow)", classLabel: "class {class}",
        step: "step {step}", minimumAt: "minimum at {at}", diverged: "{label} diverged at step {step} ↗",
        startsOutside: "{label} starts outside the plot", leaves: "{label} leaves the plot at step {step}")

    /// A figure's accessible name and description, with ``figure``'s words for inside it.
    static func text(idPrefix: String, title: String, description: String) -> FigureText {
        FigureText(idPrefix: idPrefix, title: title, description: description, words: figure)
    }

    /// The caption of the table that lists a figure's runs when there are too many for a
    /// legend inside it.
    static let legendCaption = "Key to the lines"

    /// The y axis of test accuracy, in percent.
    static let accuracyAxis = "test accuracy (%)"

    /// The y axis of the panel that zooms on the second half of training.
    static let accuracyZoomAxis = "zoomed in (%)"

    /// The y axes of validation accuracy, and of the zoomed panels when validation has panels too.
    static let validationAccuracyAxis = "validation accuracy (%)"
    static let validationZoomAxis = "validation, zoomed (%)"
    static let testZoomAxis = "test, zoomed (%)"

    /// The accuracy figure's caption, with the zoomed panel when there is one.
    static func accuracy(evaluationInterval: Int, zoomed: Bool, validation: Bool = false, runs: Int = 1) -> String {
        guard validation else {
            var text = "Test accuracy during training, measured every \(evaluationInterval) iterations"
            text += zoomed ? "; below, the second half of training on an axis fitted to it, so small differences show." : "."
            return text
        }
        let panels = zoomed ? "panels" : "panel"
        var text = "Validation accuracy (upper \(panels))" + (runs > 1 ? ", on which the runs are compared," : "")
            + " and test accuracy (lower \(panels)), measured every \(evaluationInterval) iterations"
        text += zoomed ? "; each zoomed panel shows the second half of training on an axis fitted to it, so small differences show." : "."
        return text
    }

    static func list(_ items: [String]) -> String {
        switch items.count {
        case 0: return ""
        case 1: return items[0]
        case 2: return items[0] + " and " + items[1]
        default: return items.dropLast().joined(separator: ", ") + " and " + items.last!
        }
    }
}
