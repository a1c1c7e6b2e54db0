import ExperimentLanguage
import Experiments
import MathML
import NeuralNetworks
import Plotting

/// Renders an `Activations` builder: for each initialisation, one histogram per layer of
/// the activations, with a table of each layer's standard deviation behind them.
///
/// Each row is its own SVG (title and description in words) in one `<figure>`, coloured
/// by row, with the x range shared by every panel so spreads compare at a glance.
public enum ActivationsPage {
    public static func html(_ result: ActivationsStudyResult, idPrefix: String, figure number: FigureNumber? = nil) -> String {
        let study = result.study
        let configuration = study.configuration
        let prefix = FigureText.safePrefix(idPrefix)
        var out = ExperimentPage.sectionStart(class: "cg-experiment cg-activations", id: prefix)
        out += "<p>\(HTML.escape(setupWords(configuration)))" + (Words.strings.language.isUnspaced ? "" : " ")
        out += Words.html("activations.activation", ["formula": MathML.render(latex: configuration.activation.latex).markup]) + "</p>\n"
        out += number.figureOpen + "\n"
        let rows = result.result.rows.map { row in
            row.layers.map { layer in Histogram(title: Words.text("activations.layer", ["layer": String(layer.layer)]), edges: edges(layer), counts: layer.counts) }
        }
        // The rows are compared with each other (Xavier's spread against He's), so every
        // panel of every row counts on the same axis.
        let counts = HistogramFigure.countRange(rows.flatMap { $0 })
        for (index, row) in result.result.rows.enumerated() {
            let histograms = rows[index]
            let statistics = row.layers.map {
                Words.text("activations.layerStatistics", ["layer": String($0.layer), "mean": Numbers.text($0.mean), "std": Numbers.text($0.standardDeviation)])
            }
            let words = Words.text("activations.rowDescription", [
                "layers": String(configuration.layers), "label": row.label, "statistics": Words.strings.clauses(statistics),
            ])
            let figure = HistogramFigure(
                histograms: histograms, columns: configuration.layers, xLabel: Words.text("axis.activationOutput", ["activation": configuration.activation.displayName]),
                series: index, countRange: counts)
            out += "<p class=\"cg-row-title\"><strong>\(HTML.escape(row.label))</strong>\(HTML.escape(Words.text("punctuation.colon")))"
            // An initialiser's rule is a long formula: it scrolls in its own box on a phone.
            out += "<span class=\"math-wide\" tabindex=\"0\">" + MathML.render(latex: row.initialization.latex).markup + "</span>"
            let arguments = row.initialization.arguments
            // The rule is written in symbols; the values the row used go beside it.
            if !arguments.isEmpty { out += " <code>(\(HTML.escape(arguments)))</code>" }
            out += "</p>\n"
            out += figure.responsiveSVG(FigureWords.text(idPrefix: "\(prefix)-h\(index + 1)", title: Words.text("activations.rowTitle", ["title": study.title, "label": row.label]), description: words))
        }
        out += "\(number.captionOpen)<strong>\(HTML.escape(Words.strings.sentence(study.title)))</strong>\(Words.sentenceGap)"
        out += HTML.escape(Words.text("activations.caption", ["samples": String(configuration.inputSamples)]))
        out += "</figcaption></figure>\n"
        out += table(result)
        out += ExperimentPage.source(study.source)
        return out + "</section>\n"
    }

    static func setupWords(_ configuration: ActivationHistogramsConfiguration) -> String {
        Words.text("activations.setup", [
            "samples": String(configuration.inputSamples), "units": String(configuration.units),
            "layers": String(configuration.layers), "seed": String(configuration.seed),
        ])
    }

    static func edges(_ histogram: LayerHistogram) -> [Double] {
        let bins = histogram.counts.count
        let low = histogram.range.lowerBound, width = histogram.range.upperBound - low
        return (0...bins).map { low + width * Double($0) / Double(bins) }
    }

    /// Standard deviation of every layer's activations, one row per initialisation.
    static func table(_ result: ActivationsStudyResult) -> String {
        let layers = result.study.configuration.layers
        let caption = Words.text("activations.tableCaption", ["significant": Words.significant()])
        var out = "<div class=\"table-wrap\" tabindex=\"0\"><table class=\"cg-results\"><caption>\(HTML.escape(caption))</caption>\n"
        out += "<thead><tr><th scope=\"col\">\(HTML.escape(Words.text("activations.weights")))</th>"
        for layer in 1...layers { out += "<th scope=\"col\">\(HTML.escape(Words.text("activations.layer", ["layer": String(layer)])))</th>" }
        out += "<th scope=\"col\">\(HTML.escape(Words.text("activations.outsideRange")))</th></tr></thead>\n<tbody>\n"
        for row in result.result.rows {
            out += "<tr><th scope=\"row\">\(HTML.escape(row.label))</th>"
            for layer in row.layers { out += "<td>\(Numbers.text(layer.standardDeviation))</td>" }
            let outside = row.layers.map { $0.below + $0.above }.reduce(0, +)
            let total = row.layers.map(\.total).reduce(0, +)
            out += "<td>\(total == 0 ? "–" : Words.percent(Numbers.text(100 * Double(outside) / Double(total))))</td></tr>\n"
        }
        return out + "</tbody></table></div>\n"
    }
}

extension ActivationsStudyResult: PageOutput {
    public func html(idPrefix: String, figure: FigureNumber?) -> String { ActivationsPage.html(self, idPrefix: idPrefix, figure: figure) }
}
