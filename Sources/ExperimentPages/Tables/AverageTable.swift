import ExperimentLanguage
import Experiments

/// The numbers behind the averages figure: for the observations and each average, its first
/// and last value, its RMS distance to the clean signal and its total variation, the two
/// measures the claims compare.
enum AverageTable {
    static func html(_ result: AverageResult) -> String {
        let study = result.study
        let window = 1...study.samples
        var out = "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-results cg-averages\"><caption>The series and its averages over \(study.samples) observations "
        out += "(numbers to \(Numbers.digits) significant digits)</caption>\n<thead><tr><th scope=\"col\">Line</th>"
        out += "<th scope=\"col\">first value</th><th scope=\"col\">last value</th>"
        out += "<th scope=\"col\">RMS distance to the signal</th><th scope=\"col\">total variation</th></tr></thead>\n<tbody>\n"
        let lines = [("observations", result.observations)] + zip(study.averages.map(\.label), result.averages).map { ($0, $1) }
        for (label, values) in lines {
            out += "<tr><th scope=\"row\">\(HTML.escape(label))</th>"
            out += "<td>\(values.first.map(Numbers.text) ?? "–")</td><td>\(values.last.map(Numbers.text) ?? "–")</td>"
            out += "<td>\(Numbers.text(AverageMath.rmsDistance(values, result.signal, over: window)))</td>"
            out += "<td>\(Numbers.text(AverageMath.totalVariation(values, over: window)))</td></tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }
}
