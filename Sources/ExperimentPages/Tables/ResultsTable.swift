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
        var out = "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-results\"><caption>Results after \(experiment.steps) steps "
        out += "(numbers to \(Numbers.digits) significant digits)</caption>\n<thead><tr><th scope=\"col\">Run</th>"
        out += "<th scope=\"col\">final <var>f</var></th>"
        if hasMinima { out += "<th scope=\"col\">distance to minimum</th>" }
        if hasFStar { out += "<th scope=\"col\">first step with <var>f</var> − <var>f</var>* &lt; 10<sup>−3</sup></th>" }
        if hasSwitch { out += "<th scope=\"col\">switched to SGD at step</th>" }
        out += "<th scope=\"col\">diverged</th></tr></thead>\n<tbody>\n"
        for summary in summaries {
            out += "<tr><th scope=\"row\">\(HTML.escape(summary.label(in: experiment)))</th>"
            out += "<td>\(summary.finalLoss.map(Numbers.text) ?? "–")</td>"
            if hasMinima { out += "<td>\(summary.distanceToMinimum.map(Numbers.text) ?? "–")</td>" }
            if hasFStar { out += "<td>\(summary.firstStepBelowThreshold.map(String.init) ?? "not reached")</td>" }
            if hasSwitch {
                let cell = summary.canSwitch ? summary.switchedAt.map(String.init) ?? "not switched" : "–"
                out += "<td>\(cell)</td>"
            }
            var diverged = summary.divergedAt.map { "at step \($0)" } ?? "no"
            if let halt = summary.haltWords { diverged += "; " + halt }
            out += "<td>\(HTML.escape(diverged))</td></tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }
}
