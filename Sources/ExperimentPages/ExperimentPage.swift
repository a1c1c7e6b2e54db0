import ExperimentLanguage
import Experiments
import MathML
import Objectives
import Optimizers
import Plotting
import SyntaxHighlighting

/// Renders a checked directive and its runs as the HTML fragment a student sees.
///
/// An experiment becomes, in order: the objective with its gradient, the paths figure,
/// the loss-curve figure, the formula table, the results table, and the directive's
/// source in a `<details>` block. Every figure is inline SVG and every formula MathML,
/// so the page needs no script and fetches nothing. Output is byte-deterministic.
///
/// Ids in the fragment all start with `idPrefix`, so several fragments can share a page.
/// Colours come from the CSS custom properties that ``Palette`` documents.
public enum ExperimentPage {
    /// The fragment of an experiment, given one trajectory per run and start:
    /// `trajectories[run][start]`, runs in the order of `experiment.runs`.
    public static func html(
        _ experiment: Experiment, trajectories: [[Trajectory]], idPrefix: String, figure number: FigureNumber? = nil
    ) -> String {
        let prefix = FigureText.safePrefix(idPrefix)
        var unused: String?
        let parts = parts(experiment, trajectories: trajectories, idPrefix: prefix, figure: number, sharedBackground: nil, background: &unused)
        var out = ExperimentPage.sectionStart(class: "cg-experiment", id: prefix)
        out += objective(experiment.objective)
        out += parts.figures + parts.formulas + parts.results
        out += source(experiment.source)
        return out + "</section>\n"
    }

    /// What an experiment's fragment shows of its runs: the paths figure and the loss curve
    /// (`figures`), the formula table and the results table. A sweep shows these once per
    /// variant (its formula tables as one, whose values switch), the objective and the source once.
    struct Parts {
        var figures: String
        var formulas: String
        var results: String
    }

    /// The parts of one experiment; `figure` numbers the paths figure (its id, when `numberID`),
    /// and `sharedBackground` names the element that draws its contours and axes, whose
    /// definitions (for the wide and the narrow drawing) are returned in `background`.
    static func parts(
        _ experiment: Experiment, trajectories: [[Trajectory]], idPrefix prefix: String, figure number: FigureNumber?,
        numberID: Bool = true, sharedBackground: String?, background: inout String?
    ) -> Parts {
        precondition(trajectories.count == experiment.runs.count, "one list of trajectories per run")
        precondition(trajectories.allSatisfy { $0.count == experiment.starts.count }, "one trajectory per start")
        let summaries = ExperimentResult(experiment: experiment, trajectories: trajectories).allSummaries
        let outcome = FigureWords.outcome(experiment, summaries: summaries)
        let title = experiment.title

        let landscapeWords = Words.strings.sentences([FigureWords.landscape(experiment), FigureWords.twoPoints("landscape.twoPoints", experiment)])
        let key = legendTable(experiment)
        let animation = experiment.playback.map {
            PathAnimation(playing: "#\(prefix)-play:checked~figure", seconds: $0.seconds, steps: experiment.steps)
        }
        let landscape = LandscapeSVG.svg(
            experiment, trajectories: trajectories, listsSeries: key.isEmpty, animation: animation,
            text: FigureWords.text(idPrefix: prefix + "-p", title: title, description: outcome),
            sharedBackground: sharedBackground, background: &background)
        // A grid titles each panel with its run; an overlay needs the key.
        let landscapeKey = experiment.layout == .grid && experiment.objective.dimension == 2 ? "" : key
        let figureOpen = numberID ? number.figureOpen : "<figure class=\"cg-figure\">"
        var out = animation == nil ? "" : playControls(prefix)
        out += figureOpen + "\n\(landscape)\(landscapeKey)\(number.captionOpen)<strong>\(HTML.escape(Words.strings.sentence(title)))</strong>\(Words.sentenceGap)"
        out += FigureWords.caption(reading: landscapeWords, summary: outcome) + "</figcaption></figure>\n"
        out += DataTable.html(LandscapeSVG.data(experiment, trajectories: trajectories), curve: experiment.objective.dimension == 1)

        let fStar = experiment.objective.minimumValue != nil
        let lossWords = Words.text(fStar ? "loss.distance" : "loss.value")
        let scheduled = experiment.runs.contains { $0.schedule != nil }
        let lossCaption = Words.strings.sentences([
            lossWords, FigureWords.twoPoints("loss.twoPoints", experiment), scheduled ? Words.text("loss.scheduled") : ""])
        let loss = LossSVG.svg(
            experiment, trajectories: trajectories, listsSeries: key.isEmpty, animation: animation,
            text: FigureWords.text(idPrefix: prefix + "-l", title: Words.text("loss.title", ["title": title]), description: outcome))
        out += "<figure class=\"cg-figure\">\n\(loss)\(key)<figcaption>\(HTML.escape(lossCaption))</figcaption></figure>\n"

        return Parts(figures: out, formulas: FormulaTableRenderer.experimentTable(experiment),
                     results: ResultsTable.html(experiment, summaries: summaries))
    }

    /// The play and pause controls of an experiment with `Play`: checkboxes before the two
    /// figures, whose `:checked` state the figures' own CSS (``PathAnimation``) and the theme's
    /// read, each named by its label; no script. Playing again after stopping replays.
    static func playControls(_ prefix: String) -> String {
        let id = HTML.escape(prefix)
        var out = "<input type=\"checkbox\" id=\"\(id)-play\" class=\"cg-play-toggle\">"
        out += "<input type=\"checkbox\" id=\"\(id)-pause\" class=\"cg-play-pause\">\n"
        out += "<div class=\"cg-play\"><label for=\"\(id)-play\" class=\"cg-play-button\"><span class=\"cg-play-icon\" aria-hidden=\"true\"></span>"
        out += HTML.escape(Words.text("play.play")) + "</label>"
        out += "<label for=\"\(id)-pause\" class=\"cg-pause-button\"><span class=\"cg-play-icon\" aria-hidden=\"true\"></span>"
        out += HTML.escape(Words.text("play.pause")) + "</label></div>\n"
        return out
    }

    /// The key to the lines under a figure, when an experiment draws more lines (runs ×
    /// starts) than a legend inside the figure shows well; empty otherwise.
    static func legendTable(_ experiment: Experiment) -> String {
        var entries: [LegendTable.Entry] = []
        for (run, description) in experiment.runs.enumerated() {
            for start in experiment.starts {
                let label = experiment.starts.count > 1 ? Words.fromStart(description.label, start) : description.label
                entries.append(.init(label: label, series: run, color: description.color))
            }
        }
        return LegendTable.isNeeded(for: entries.count) ? LegendTable.html(entries) : ""
    }

    /// The fragment of a standalone `Formulas(…)` directive: the update rules with the
    /// symbol legend and each hyperparameter's default.
    public static func html(_ formulas: FormulaTable, idPrefix: String) -> String {
        "<section class=\"cg-formulas-only\">\n" + FormulaTableRenderer.standaloneTable(formulas) + "</section>\n"
    }

    /// f as a formula, with each partial derivative.
    static func objective(_ objective: Objective) -> String {
        let variables = objective.variableNames.joined(separator: ", ")
        var latex = "\\begin{aligned} f(\(variables)) &= \(objective.latex)"
        for (name, partial) in zip(objective.variableNames, objective.gradientLatex) {
            latex += " \\\\ \\frac{\\partial f}{\\partial \(name)} &= \(partial)"
        }
        latex += "\\end{aligned}"
        var out = "<div class=\"cg-objective\"><p>"
        if let fStar = objective.minimumValue {
            let value = "<var>f</var>* = \(HTML.escape(Numbers.text(fStar)))"
            if objective.minima.isEmpty {
                out += Words.html("objective.gradientWithMinimum", ["value": value])
            } else {
                let points = objective.minima.map(Numbers.point).map(HTML.escape).joined(separator: ", ")
                out += Words.html("objective.gradientWithMinimumAt", ["value": value, "points": points])
            }
        } else {
            out += Words.html("objective.gradient")
        }
        out += "</p><div class=\"display-math\" tabindex=\"0\">" + MathML.render(latex: latex, display: .block).markup + "</div></div>\n"
        return out
    }

    /// The `<section>` a builder's fragment opens with: its classes, the id every id in it
    /// starts with, and `lang` when its words are not in the page's language.
    static func sectionStart(class classes: String, id prefix: String) -> String {
        "<section class=\"\(classes)\" id=\"\(HTML.escape(prefix))\"\(Words.languageAttribute)>\n"
    }

    /// The directive's source, for readers who want to rerun or change it.
    static func source(_ text: String) -> String {
        "<details class=\"cg-source\"><summary>\(HTML.escape(Words.text("source.summary")))</summary><pre tabindex=\"0\"><code class=\"language-swift\">"
            + SyntaxHighlighter.highlight(text, language: .swift) + "</code></pre></details>\n"
    }
}

extension ExperimentResult: PageOutput {
    public func html(idPrefix: String, figure: FigureNumber?) -> String { ExperimentPage.html(experiment, trajectories: trajectories, idPrefix: idPrefix, figure: figure) }
}

extension FormulaTable: PageOutput {
    public func html(idPrefix: String, figure: FigureNumber?) -> String { ExperimentPage.html(self, idPrefix: idPrefix) }
}
