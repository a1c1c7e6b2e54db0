import ExperimentLanguage
import Experiments

/// The learning rates behind the schedule figure, at the start, the quarters, the last step
/// and every step a claim names.
enum ScheduleTable {
    static func html(_ result: ScheduleResult) -> String {
        let study = result.study
        let steps = columns(steps: study.steps, claimed: study.expectations.map(\.step))
        var out = "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-results cg-schedule-rates\"><caption>Learning rate η<sub>t</sub> at step t "
        out += "(numbers to \(Numbers.digits) significant digits)</caption>\n<thead><tr><th scope=\"col\">Run</th>"
        out += "<th scope=\"col\">schedule</th>"
        for t in steps { out += "<th scope=\"col\"><var>t</var> = \(t)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (run, rates) in zip(study.runs, result.learningRates) {
            out += "<tr><th scope=\"row\">\(HTML.escape(run.label))</th>"
            out += "<td>\(HTML.escape(run.schedule.map(HyperparameterText.describe) ?? "constant"))</td>"
            for t in steps { out += "<td>\(Numbers.text(rates[t]))</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    /// 0, the quarters, the last step and the claimed steps, each once, in order.
    static func columns(steps: Int, claimed: [Int]) -> [Int] {
        let quarters = [0, steps / 4, steps / 2, 3 * steps / 4, steps - 1]
        return Array(Set(quarters + claimed).filter { (0..<steps).contains($0) }).sorted()
    }
}
