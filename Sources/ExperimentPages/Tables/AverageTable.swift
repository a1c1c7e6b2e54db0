import ExperimentLanguage
import Experiments

/// The numbers behind the averages figure: for the observations and each average, its first
/// and last value, its RMS distance to the clean signal and its total variation, the two
/// measures the claims compare.
enum AverageTable {
    static func html(_ result: AverageResult) -> String {
        let study = result.study
        let window = 1...study.samples
        let caption = Words.text("average.tableCaption", ["samples": String(study.samples), "significant": Words.significant()])
        var out = "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-results cg-averages\"><caption>\(HTML.escape(caption))</caption>\n<thead><tr>"
        for header in ["average.line", "average.firstValue", "average.lastValue", "average.rmsDistance", "average.totalVariation"] {
            out += "<th scope=\"col\">\(HTML.escape(Words.text(header)))</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        let lines = [(Words.text("average.observations"), result.observations)] + zip(study.averages.map(\.displayLabel), result.averages).map { ($0, $1) }
        for (label, values) in lines {
            out += "<tr><th scope=\"row\">\(HTML.escape(label))</th>"
            out += "<td>\(values.first.map(Numbers.text) ?? "–")</td><td>\(values.last.map(Numbers.text) ?? "–")</td>"
            out += "<td>\(Numbers.text(AverageMath.rmsDistance(values, result.signal, over: window)))</td>"
            out += "<td>\(Numbers.text(AverageMath.totalVariation(values, over: window)))</td></tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }
}
