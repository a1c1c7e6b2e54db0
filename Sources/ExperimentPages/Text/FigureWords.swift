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
            sentences.append(Words.text("outcome.closest", ["label": best.label(in: experiment), "distance": Numbers.text(best.distanceToMinimum!)]))
        } else if let best = finished.filter({ $0.finalLoss != nil }).min(by: { $0.finalLoss! < $1.finalLoss! }) {
            sentences.append(Words.text("outcome.lowest", ["label": best.label(in: experiment), "value": Numbers.text(best.finalLoss!)]))
        }
        let diverged = summaries.filter { $0.divergedAt != nil }
        if diverged.isEmpty {
            sentences.append(Words.text(summaries.count > 1 ? "outcome.noRunDiverged" : "outcome.runDidNotDiverge"))
        } else {
            let runs = diverged.map { Words.text("outcome.divergedAtStep", ["label": $0.label(in: experiment), "step": String($0.divergedAt!)]) }
            sentences.append(Words.text("outcome.diverged", ["runs": Words.strings.phrases(runs)]))
        }
        return Words.strings.sentences(sentences)
    }

    /// "Paths of SGD, Momentum, AdaGrad and Adam on the contours of f, 30 steps from (−7, 2)."
    static func landscape(_ experiment: Experiment) -> String {
        let names = list(experiment.runs.map(\.label))
        let starts = experiment.starts.map(Numbers.point)
        let arguments: KeyValuePairs = ["names": names, "steps": Words.steps(experiment.steps), "starts": list(starts)]
        if experiment.objective.dimension == 1 { return Words.text("landscape.curve", arguments) }
        return Words.text(experiment.layout == .grid ? "landscape.pathsGrid" : "landscape.paths", arguments)
    }

    /// What a figure of `experiment` says about its runs that are evaluated at another point than
    /// their iterate (`key` is `landscape.twoPoints` or `loss.twoPoints`); empty when none is.
    static func twoPoints(_ key: String, _ experiment: Experiment) -> String {
        let labels = experiment.runs.filter(\.optimizer.evaluatesAverage).map(\.label)
        return labels.isEmpty ? "" : Words.text(key, ["labels": list(labels)])
    }

    /// The words a figure writes inside itself: its legend's marks, the notes on paths that
    /// stop short, the markers' tooltips.
    static var figure: FigureVocabulary {
        var words = FigureVocabulary(
            start: Words.text("figure.start"), end: Words.text("figure.end"), minimum: Words.text("figure.minimum"),
            testPoint: Words.text("figure.testPoint"), classLabel: Words.strings.template("figure.class"),
            step: Words.strings.template("figure.step"), minimumAt: Words.strings.template("figure.minimumAt"),
            diverged: Words.strings.template("figure.diverged"), startsOutside: Words.strings.template("figure.startsOutside"),
            leaves: Words.strings.template("figure.leaves"), isUnspaced: Words.strings.language.isUnspaced,
            comma: Words.text("punctuation.comma"), colon: Words.text("punctuation.colon"))
        words.evaluatedPoint = Words.text("figure.evaluatedPoint")
        words.iterateOf = Words.strings.template("figure.iterateOf")
        words.evaluatedOf = Words.strings.template("figure.evaluatedOf")
        return words
    }

    /// A caption's text after its title: `reading`, how to read the figure, then `summary`,
    /// the data summary that is also the SVG's `<desc>`. Sighted readers see both; the
    /// summary is hidden from screen readers here, which hear it as the figure's description,
    /// so each sentence is announced once.
    static func caption(reading: String, summary: String) -> String {
        guard !summary.isEmpty else { return HTML.escape(reading) }
        let hidden = "<span aria-hidden=\"true\">" + HTML.escape(summary) + "</span>"
        return reading.isEmpty ? hidden : HTML.escape(reading) + Words.sentenceGap + hidden
    }

    /// A figure's accessible name and description, with ``figure``'s words for inside it.
    static func text(idPrefix: String, title: String, description: String) -> FigureText {
        var text = FigureText(idPrefix: idPrefix, title: title, description: description, words: figure)
        text.language = Words.languageAttribute.isEmpty ? nil : Words.strings.language.tag
        return text
    }

    /// The caption of the table that lists a figure's runs when there are too many for a
    /// legend inside it.
    static var legendCaption: String { Words.text("legend.caption") }

    /// The y axis of test accuracy, in percent.
    static var accuracyAxis: String { Words.text("axis.testAccuracy") }

    /// The y axis of the panel that zooms on the second half of training.
    static var accuracyZoomAxis: String { Words.text("axis.accuracyZoom") }

    /// The y axes of validation accuracy, and of the zoomed panels when validation has panels too.
    static var validationAccuracyAxis: String { Words.text("axis.validationAccuracy") }
    static var validationZoomAxis: String { Words.text("axis.validationZoom") }
    static var testZoomAxis: String { Words.text("axis.testZoom") }

    /// The accuracy figure's caption, with the zoomed panel when there is one.
    static func accuracy(evaluationInterval: Int, zoomed: Bool, validation: Bool = false, runs: Int = 1) -> String {
        let interval: KeyValuePairs = ["interval": String(evaluationInterval)]
        guard validation else { return Words.text(zoomed ? "training.testAccuracyZoomed" : "training.testAccuracy", interval) }
        let key = "training.validationAccuracy" + (runs > 1 ? "Compared" : "") + (zoomed ? "Zoomed" : "")
        return Words.text(key, interval)
    }

    static func list(_ items: [String]) -> String { Words.strings.list(items) }
}
