import ExperimentLanguage
import Experiments
import Plotting

/// Renders an `Average` builder: the noisy series with its clean signal, the averages over the
/// signal, a table of how close and how smooth each average is, and the source.
///
/// The fragment has the look of an experiment's: a `<figure>` with a caption whose SVG has a
/// title and a description in words, a table of the numbers, and the directive in a
/// `<details>` block. Ids all start with `idPrefix`.
public enum AveragePage {
    public static func html(_ result: AverageResult, idPrefix: String, figure number: FigureNumber? = nil) -> String {
        let study = result.study
        let prefix = FigureText.safePrefix(idPrefix)
        let words = description(result)
        var out = ExperimentPage.sectionStart(class: "cg-experiment cg-average", id: prefix)
        let figure = AverageSVG.svg(result, text: FigureWords.text(idPrefix: prefix + "-a", title: study.title, description: words))
        out += number.figureOpen + "\n\(figure)\(number.captionOpen)<strong>\(HTML.escape(Words.strings.sentence(study.title)))</strong>\(Words.sentenceGap)"
        out += FigureWords.caption(reading: "", summary: words) + "</figcaption></figure>\n"
        out += AverageTable.html(result)
        out += ExperimentPage.source(study.source)
        return out + "</section>\n"
    }

    /// What the figure shows, and which average is closest to the signal and which smoothest.
    static func description(_ result: AverageResult) -> String {
        let study = result.study
        let window = 1...study.samples
        var sentences = [
            Words.text("average.top", ["samples": String(study.samples), "signal": signalWords(study.signal)]),
            Words.text("average.bottom", ["averages": FigureWords.list(study.averages.map(\.displayLabel))]),
        ]
        let distances = result.averages.map { AverageMath.rmsDistance($0, result.signal, over: window) }
        let variations = result.averages.map { AverageMath.totalVariation($0, over: window) }
        if study.averages.count > 1, let closest = distances.indices.min(by: { distances[$0] < distances[$1] }),
           let smoothest = variations.indices.min(by: { variations[$0] < variations[$1] }) {
            sentences.append(Words.text("average.closest", ["label": study.averages[closest].displayLabel, "value": Numbers.text(distances[closest])]))
            sentences.append(Words.text("average.smoothest", ["label": study.averages[smoothest].displayLabel, "value": Numbers.text(variations[smoothest])]))
        }
        return Words.strings.sentences(sentences)
    }

    /// "a sine of period 100 and amplitude 1 with noise σ = 0.5".
    static func signalWords(_ signal: Signal) -> String {
        let shape: String
        switch signal {
        case .sine(let period, let amplitude, _):
            shape = Words.text("average.sine", ["period": Numbers.text(period), "amplitude": Numbers.text(amplitude)])
        case .step(let at, let from, let to, _):
            shape = Words.text("average.stepSignal", ["from": Numbers.text(from), "to": Numbers.text(to), "at": String(at)])
        case .constant(let value, _):
            shape = Words.text("average.constantSignal", ["value": Numbers.text(value)])
        }
        return signal.noise > 0
            ? Words.text("average.withNoise", ["signal": shape, "sigma": Numbers.text(signal.noise)])
            : Words.text("average.withoutNoise", ["signal": shape])
    }
}

extension AverageResult: PageOutput {
    public func html(idPrefix: String, figure: FigureNumber?) -> String { AveragePage.html(self, idPrefix: idPrefix, figure: figure) }
}

extension AverageDescription {
    /// The label the page shows: the author's `.label`, or the made-up one in the catalog's
    /// words (`moving average, w = 10`, `滑动平均，w = 10`). Claims name ``label`` itself.
    var displayLabel: String {
        guard isDefaultLabel else { return label }
        switch method {
        case .moving(let window):
            return Words.text("average.label.moving", ["window": String(window)])
        case .weighted(let weights):
            return Words.text("average.label.weighted", ["weights": weights.map(NumberText.format).joined(separator: Words.text("list.separator"))])
        case .exponential(let beta, let corrected):
            return Words.text(corrected ? "average.label.exponentialCorrected" : "average.label.exponential", ["beta": NumberText.format(beta)])
        }
    }
}
