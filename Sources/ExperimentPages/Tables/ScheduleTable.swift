import ExperimentLanguage
import Experiments
import Plotting
import TextFormatting

/// The learning rates behind the schedule figure, at the start, the quarters, the last step
/// and every step a claim names.
///
/// The table must fit the text column without being cut: each run's schedule is written
/// under its name rather than in a column of its own, the rates have three significant
/// digits (the figure shows the curve; the table gives its size), and a power of ten may
/// break before its `×` on a narrow screen.
enum ScheduleTable {
    static let digits = 3

    static func html(_ result: ScheduleResult) -> String {
        let study = result.study
        let steps = columns(steps: study.steps, claimed: study.expectations.map(\.step))
        let significant = HTML.escape(Words.text("table.significantDigits", ["digits": String(digits)]))
        let caption = Words.html("schedulePage.tableCaption", ["rate": "η<sub>t</sub>", "significant": significant])
        var out = "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-results cg-schedule-rates\"><caption>\(caption)</caption>\n"
        out += "<thead><tr><th scope=\"col\">\(HTML.escape(Words.text("schedulePage.runAndSchedule")))</th>"
        for t in steps { out += "<th scope=\"col\"><var>t</var> = \(t)</th>" }
        out += "</tr></thead>\n<tbody>\n"
        for (run, rates) in zip(study.runs, result.learningRates) {
            out += "<tr><th scope=\"row\">\(HTML.escape(run.label))<br><small>"
            out += HTML.escape(run.schedule.map(HyperparameterText.describe) ?? Words.text("schedule.constant")) + "</small></th>"
            for t in steps { out += "<td>\(rate(rates[t]))</td>" }
            out += "</tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }

    /// A rate to ``digits`` significant digits, with a line-break opportunity before a power
    /// of ten: `6.17<wbr>×10⁻⁶`.
    static func rate(_ value: Double) -> String {
        let text = HTML.escape(NumberFormat.significant(value, digits: digits, trimmingZeros: true))
        return text.split(separator: "×", omittingEmptySubsequences: false).joined(separator: "<wbr>×")
    }

    /// 0, the quarters, the last step and the claimed steps, each once, in order.
    static func columns(steps: Int, claimed: [Int]) -> [Int] {
        let quarters = [0, steps / 4, steps / 2, 3 * steps / 4, steps - 1]
        return Array(Set(quarters + claimed).filter { (0..<steps).contains($0) }).sorted()
    }
}
