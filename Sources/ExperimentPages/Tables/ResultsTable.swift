import ExperimentLanguage
import Experiments

/// The results table: per run, the final f, the distance to the nearest known minimum,
/// the first step with f − f* < 10⁻³, the step at which SWATS switched to SGD (when a run
/// is SWATS), and whether it diverged. The numbers behind the figures, for readers who
/// cannot see them.
enum ResultsTable {
    static func html(_ experiment: Experiment, summaries: [RunSummary]) -> String {
        let hasMinima = !experiment.objective.minima.isEmpty
        let hasFStar = experiment.objective.minimumValue != nil
        let hasSwitch = summaries.contains(where: \.canSwitch)
        let caption = Words.text("results.caption", ["steps": Words.steps(experiment.steps), "significant": Words.significant()])
        var out = "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-results\"><caption>\(HTML.escape(caption))</caption>\n"
        out += "<thead><tr><th scope=\"col\">\(HTML.escape(Words.text("table.run")))</th>"
        out += "<th scope=\"col\">\(Words.html("results.finalF", ["f": "<var>f</var>"]))</th>"
        if hasMinima { out += "<th scope=\"col\">\(HTML.escape(Words.text("results.distance")))</th>" }
        if hasFStar {
            let condition = "<var>f</var> − <var>f</var>* &lt; 10<sup>−3</sup>"
            out += "<th scope=\"col\">\(Words.html("results.firstStepBelow", ["condition": condition]))</th>"
        }
        if hasSwitch { out += "<th scope=\"col\">\(HTML.escape(Words.text("results.switchedToSGD")))</th>" }
        out += "<th scope=\"col\">\(HTML.escape(Words.text("table.diverged")))</th></tr></thead>\n<tbody>\n"
        for summary in summaries {
            out += "<tr><th scope=\"row\">\(HTML.escape(summary.label(in: experiment)))</th>"
            out += "<td>\(summary.finalLoss.map(Numbers.text) ?? "–")</td>"
            if hasMinima { out += "<td>\(summary.distanceToMinimum.map(Numbers.text) ?? "–")</td>" }
            if hasFStar { out += "<td>\(summary.firstStepBelowThreshold.map(String.init) ?? HTML.escape(Words.text("results.notReached")))</td>" }
            if hasSwitch {
                let cell = summary.canSwitch ? summary.switchedAt.map(String.init) ?? HTML.escape(Words.text("results.notSwitched")) : "–"
                out += "<td>\(cell)</td>"
            }
            var diverged = summary.divergedAt.map { Words.text("results.atStep", ["step": String($0)]) } ?? Words.text("table.no")
            if let halt = summary.haltWords { diverged = Words.strings.clauses([diverged, halt]) }
            out += "<td>\(HTML.escape(diverged))</td></tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }
}
