import ExperimentLanguage
import Experiments
import NeuralNetworks
import Plotting

/// Renders a `Training` builder and its results as the HTML fragment a student sees.
///
/// In order: the setup (data, network, initial weights with their formula, loss, loop),
/// the loss curves (raw mini-batch losses faint, their moving average on top), test
/// accuracy over training, the decision regions when the data is 2-D, the formula table
/// of the methods, the results table, and the directive's source in `<details>`. The look
/// and accessibility are the 2-D experiments': inline SVG with a title and a description
/// in words, MathML formulas, tables of the numbers behind every figure. No wall times
/// appear, so a page is the same bytes on every build. Ids all start with `idPrefix`.
public enum TrainingPage {
    public static func html(_ result: TrainingStudyResult, idPrefix: String, figure number: FigureNumber? = nil) -> String {
        let study = result.study
        let prefix = FigureText.safePrefix(idPrefix)
        let outcome = outcomeWords(result)
        var out = ExperimentPage.sectionStart(class: "cg-experiment cg-training", id: prefix)
        out += TrainingTables.setup(result)

        let lossWords = Words.text("training.lossCaption", ["window": String(smoothingWindow(study))])
        let loss = TrainingFigures.loss(result, text: FigureWords.text(idPrefix: prefix + "-l", title: study.title, description: outcome))
        let key = legendTable(result)
        out += number.figureOpen + "\n\(loss)\(key)\(number.captionOpen)<strong>\(HTML.escape(Words.strings.sentence(study.title)))</strong>\(Words.sentenceGap)"
        out += FigureWords.caption(reading: lossWords, summary: outcome) + "</figcaption></figure>\n"

        let zoomed = TrainingFigures.accuracyLayout(
            TrainingFigures.accuracyLines(result) + TrainingFigures.validationLines(result), iterations: study.configuration.iterations).zoom != nil
        let hasValidation = study.configuration.hasValidation
        let accuracyWords = FigureWords.accuracy(
            evaluationInterval: study.configuration.evaluationInterval, zoomed: zoomed, validation: hasValidation, runs: study.runs.count)
        let accuracyTitle = Words.text(hasValidation ? "training.validationAccuracyTitle" : "training.testAccuracyTitle", ["title": study.title])
        let accuracy = TrainingFigures.accuracy(
            result, text: FigureWords.text(idPrefix: prefix + "-a", title: accuracyTitle, description: outcome))
        out += "<figure class=\"cg-figure\">\n\(accuracy)\(key)<figcaption>\(HTML.escape(accuracyWords))</figcaption></figure>\n"

        let regionWords = Words.text("training.regions")
        if let regions = TrainingFigures.decisionRegions(
            result, text: FigureWords.text(idPrefix: prefix + "-d", title: Words.text("training.regionsTitle", ["title": study.title]), description: "")) {
            out += "<figure class=\"cg-figure\">\n\(regions)<figcaption>\(HTML.escape(regionWords))</figcaption></figure>\n"
        }

        out += FormulaTableRenderer.runsTable(study.runs)
        out += TrainingTables.results(result)
        out += ExperimentPage.source(study.source)
        return out + "</section>\n"
    }

    /// The runs' key under a figure when there are too many for a legend inside it; empty otherwise.
    static func legendTable(_ result: TrainingStudyResult) -> String {
        let runs = result.study.runs
        guard LegendTable.isNeeded(for: runs.count) else { return "" }
        return LegendTable.html(runs.enumerated().map { .init(label: $1.label, series: $0, color: $1.color) })
    }

    static func smoothingWindow(_ study: TrainingStudy) -> Int {
        Int((1 / (1 - TrainingFigures.smoothing(iterations: study.configuration.iterations))).rounded())
    }

    /// "Adam reached the highest test accuracy (96.67 %); SGD the lowest (91.94 %). No run diverged."
    static func outcomeWords(_ result: TrainingStudyResult) -> String {
        let pairs = Array(zip(result.study.runs.map(\.label), result.report.results))
        var sentences: [String] = []
        let finished = pairs.filter { $0.1.divergedAt == nil && $0.1.halt == nil }
        if result.study.configuration.hasValidation {
            // Runs are ranked on validation accuracy, as a reader should choose between them; the test accuracy is the chosen run's estimate.
            let validation = { (pair: (String, TrainingResult)) in pair.1.validationAccuracy ?? 0 }
            if let best = finished.max(by: { validation($0) < validation($1) }) {
                sentences.append(ranking("Validation", best: best, worst: finished.min(by: { validation($0) < validation($1) }),
                                         runs: pairs.count, finished: finished.count, accuracy: validation))
                let test = TrainingTables.percent(best.1.testAccuracy)
                sentences.append(pairs.count == 1
                    ? Words.text("training.testOfOnly", ["value": test]) : Words.text("training.testOfBest", ["label": best.0, "value": test]))
            }
        } else if let best = finished.max(by: { $0.1.testAccuracy < $1.1.testAccuracy }) {
            sentences.append(ranking("Test", best: best, worst: finished.min(by: { $0.1.testAccuracy < $1.1.testAccuracy }),
                                     runs: pairs.count, finished: finished.count, accuracy: { $0.1.testAccuracy }))
        }
        let diverged = pairs.filter { $0.1.divergedAt != nil }
        if diverged.isEmpty {
            sentences.append(Words.text(pairs.count > 1 ? "outcome.noRunDiverged" : "outcome.runDidNotDiverge"))
        } else {
            let runs = diverged.map { Words.text("outcome.divergedAtIteration", ["label": $0.0, "iteration": String($0.1.divergedAt!)]) }
            sentences.append(Words.text("outcome.diverged", ["runs": Words.strings.phrases(runs)]))
        }
        return Words.strings.sentences(sentences)
    }

    /// "Adam reached the highest test accuracy (96.67 %); SGD the lowest (91.94 %)." for `kind`
    /// `Test` or `Validation`.
    private static func ranking(
        _ kind: String, best: (String, TrainingResult), worst: (String, TrainingResult)?, runs: Int, finished: Int,
        accuracy: ((String, TrainingResult)) -> Double
    ) -> String {
        let value = TrainingTables.percent(accuracy(best))
        if runs == 1 { return Words.text("training.only\(kind)", ["value": value]) }
        if finished > 1, let worst, worst.0 != best.0 {
            return Words.text("training.highestAndLowest\(kind)", [
                "best": best.0, "value": value, "worst": worst.0, "lowest": TrainingTables.percent(accuracy(worst)),
            ])
        }
        return Words.text("training.highest\(kind)", ["best": best.0, "value": value])
    }
}

extension TrainingStudyResult: PageOutput {
    public func html(idPrefix: String, figure: FigureNumber?) -> String { TrainingPage.html(self, idPrefix: idPrefix, figure: figure) }
}
