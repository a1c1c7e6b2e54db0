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
    public static func html(_ result: TrainingStudyResult, idPrefix: String) -> String {
        let study = result.study
        let prefix = FigureText.isValidPrefix(idPrefix) ? idPrefix : "x" + idPrefix.filter { $0.isLetter || $0.isNumber }
        let outcome = outcomeWords(result)
        var out = "<section class=\"cg-experiment cg-training\" id=\"\(HTML.escape(prefix))\">\n"
        out += TrainingTables.setup(result)

        let lossWords = "Training loss (mini-batch cross-entropy) per iteration on a log scale: the raw values faint, "
            + "their moving average over about \(smoothingWindow(study)) iterations on top."
        let loss = TrainingFigures.loss(result, text: FigureWords.text(idPrefix: prefix + "-l", title: study.title, description: lossWords + " " + outcome))
        let key = legendTable(result)
        out += "<figure class=\"cg-figure\">\n\(loss)\(key)<figcaption><strong>\(HTML.escape(study.title)).</strong> "
        out += HTML.escape(lossWords + " " + outcome) + "</figcaption></figure>\n"

        let zoomed = TrainingFigures.accuracyLayout(
            TrainingFigures.accuracyLines(result) + TrainingFigures.validationLines(result), iterations: study.configuration.iterations).zoom != nil
        let hasValidation = study.configuration.hasValidation
        let accuracyWords = FigureWords.accuracy(
            evaluationInterval: study.configuration.evaluationInterval, zoomed: zoomed, validation: hasValidation, runs: study.runs.count)
        let accuracyTitle = (hasValidation ? "Validation and test accuracy: " : "Test accuracy: ") + study.title
        let accuracy = TrainingFigures.accuracy(
            result, text: FigureWords.text(idPrefix: prefix + "-a", title: accuracyTitle, description: accuracyWords + " " + outcome))
        out += "<figure class=\"cg-figure\">\n\(accuracy)\(key)<figcaption>\(HTML.escape(accuracyWords))</figcaption></figure>\n"

        let regionWords = "What each trained network predicts over the plane, one panel per run; "
            + "training points filled, test points hollow, the class shown by colour and shape."
        if let regions = TrainingFigures.decisionRegions(
            result, text: FigureWords.text(idPrefix: prefix + "-d", title: "Decision regions: " + study.title, description: regionWords)) {
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
                var sentence = "\(best.0) reached the highest validation accuracy (\(TrainingTables.percent(validation(best))))"
                if finished.count > 1, let worst = finished.min(by: { validation($0) < validation($1) }), worst.0 != best.0 {
                    sentence += "; \(worst.0) the lowest (\(TrainingTables.percent(validation(worst))))"
                }
                if pairs.count == 1 { sentence = "The network reached a validation accuracy of \(TrainingTables.percent(validation(best)))" }
                sentences.append(sentence + ".")
                sentences.append((pairs.count == 1 ? "Its" : "\(best.0)'s") + " test accuracy is \(TrainingTables.percent(best.1.testAccuracy)).")
            }
        } else if let best = finished.max(by: { $0.1.testAccuracy < $1.1.testAccuracy }) {
            var sentence = "\(best.0) reached the highest test accuracy (\(TrainingTables.percent(best.1.testAccuracy)))"
            if finished.count > 1, let worst = finished.min(by: { $0.1.testAccuracy < $1.1.testAccuracy }), worst.0 != best.0 {
                sentence += "; \(worst.0) the lowest (\(TrainingTables.percent(worst.1.testAccuracy)))"
            }
            if pairs.count == 1 { sentence = "The network reached a test accuracy of \(TrainingTables.percent(best.1.testAccuracy))" }
            sentences.append(sentence + ".")
        }
        let diverged = pairs.filter { $0.1.divergedAt != nil }
        if diverged.isEmpty {
            sentences.append(pairs.count > 1 ? "No run diverged." : "The run did not diverge.")
        } else {
            sentences.append("Diverged: " + diverged.map { "\($0.0) at iteration \($0.1.divergedAt!)" }.joined(separator: ", ") + ".")
        }
        return sentences.joined(separator: " ")
    }
}

extension TrainingStudyResult: PageOutput {
    public func html(idPrefix: String) -> String { TrainingPage.html(self, idPrefix: idPrefix) }
}
