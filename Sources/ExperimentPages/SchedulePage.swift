import ExperimentLanguage
import Experiments
import Optimizers
import Plotting

/// Renders a `Schedule` builder: the learning rate of every call against the step (over the
/// loss curves when it has an objective), the rates at a few steps as a table, and the source.
///
/// The fragment has the look of an experiment's: a `<figure>` with a caption whose SVG has a
/// title and a description in words, a table of the numbers behind the lines, and the
/// directive in a `<details>` block. Ids all start with `idPrefix`.
public enum SchedulePage {
    public static func html(_ result: ScheduleResult, idPrefix: String, figure number: FigureNumber? = nil) -> String {
        let study = result.study
        let prefix = FigureText.safePrefix(idPrefix)
        let words = description(result)
        var out = ExperimentPage.sectionStart(class: "cg-experiment cg-schedule", id: prefix)
        if let problem = result.problem { out += ExperimentPage.objective(problem.experiment.objective) }
        let key = legendTable(result)
        let figure = ScheduleSVG.svg(
            result, listsSeries: key.isEmpty, text: FigureWords.text(idPrefix: prefix + "-s", title: study.title, description: words))
        out += number.figureOpen + "\n\(figure)\(key)\(number.captionOpen)<strong>\(HTML.escape(Words.strings.sentence(study.title)))</strong>\(Words.sentenceGap)"
        out += FigureWords.caption(reading: "", summary: words) + "</figcaption></figure>\n"
        out += ScheduleTable.html(result)
        if let problem = result.problem {
            let experiment = problem.experiment
            out += ResultsTable.html(experiment, summaries: problem.allSummaries)
        }
        out += ExperimentPage.source(study.source)
        return out + "</section>\n"
    }

    /// The key to the lines under the figure when there are too many for a legend inside it;
    /// empty otherwise.
    static func legendTable(_ result: ScheduleResult) -> String {
        let runs = result.study.runs
        var entries = runs.enumerated().map { LegendTable.Entry(label: $1.label, series: $0, color: $1.color) }
        if let problem = result.problem, problem.experiment.starts.count > 1 {
            let experiment = problem.experiment
            entries = experiment.runs.enumerated().flatMap { run, description in
                experiment.starts.map { start in
                    LegendTable.Entry(label: Words.fromStart(description.label, start), series: run, color: description.color)
                }
            }
        }
        return LegendTable.isNeeded(for: entries.count) ? LegendTable.html(entries) : ""
    }

    /// "Learning rate per step of A and B over 200 steps. A stays at 0.1; B goes from 0.1 to 0.001 (lowest 0.001 at step 199)."
    static func description(_ result: ScheduleResult) -> String {
        let study = result.study
        var sentences = [Words.text(
            result.problem == nil ? "schedulePage.rates" : "schedulePage.ratesOverLoss",
            ["names": FigureWords.list(study.runs.map(\.label)), "steps": Words.steps(study.steps)])]
        var parts: [String] = []
        for (run, rates) in zip(study.runs, result.learningRates) {
            guard let first = rates.first, let last = rates.last, let low = rates.min(), let high = rates.max() else { continue }
            if low == high {
                parts.append(Words.text("schedulePage.stays", ["label": run.label, "value": Numbers.text(first)]))
                continue
            }
            var key = "schedulePage.goes", extreme = "", step = ""
            if high > max(first, last), let peak = rates.firstIndex(of: high) {
                (key, extreme, step) = ("schedulePage.goesPeak", Numbers.text(high), String(peak))
            } else if low < min(first, last), let trough = rates.firstIndex(of: low) {
                (key, extreme, step) = ("schedulePage.goesTrough", Numbers.text(low), String(trough))
            }
            parts.append(Words.text(key, [
                "label": run.label, "first": Numbers.text(first), "last": Numbers.text(last), "extreme": extreme, "step": step,
            ]))
        }
        if !parts.isEmpty { sentences.append(Words.strings.sentence(Words.strings.clauses(parts))) }
        if let problem = result.problem {
            sentences.append(FigureWords.outcome(problem.experiment, summaries: problem.allSummaries))
        }
        return Words.strings.sentences(sentences)
    }
}

extension ScheduleResult: PageOutput {
    public func html(idPrefix: String, figure: FigureNumber?) -> String { SchedulePage.html(self, idPrefix: idPrefix, figure: figure) }
}
