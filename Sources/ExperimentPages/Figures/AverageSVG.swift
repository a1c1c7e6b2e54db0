import ExperimentLanguage
import Experiments
import Plotting

/// The averages figure: the noisy observations with the clean signal on top, the averages
/// with the signal under them, on one axis of observations t = 1 … N.
enum AverageSVG {
    /// The series indices of the observations and the signal: two fixed palette slots (the
    /// sky blue and the black), so they look the same in every figure.
    static let observationSeries = 5
    static let signalSeries = 6

    /// Average `index`'s palette slot: the others, in order, skipping the two fixed ones.
    static func series(ofAverage index: Int) -> Int {
        index < observationSeries ? index : index + 2
    }

    static func svg(_ result: AverageResult, text: FigureText) -> String {
        let t = (1...result.study.samples).map(Double.init)
        let signal = LineSeries(label: Words.text("average.signal"), series: signalSeries, x: t, y: result.signal)
        let observations = LineSeries(label: Words.text("average.observations"), series: observationSeries, x: t, y: result.observations)
        let averages = zip(result.study.averages, result.averages).enumerated().map { index, pair in
            LineSeries(label: pair.0.displayLabel, series: series(ofAverage: index), color: pair.0.color, x: t, y: pair.1)
        }
        let panels = [
            LineFigure.Panel(yAxis: Axis(label: Words.text("axis.observationX")), series: [observations, signal], height: 150),
            LineFigure.Panel(yAxis: Axis(label: Words.text("axis.average")), series: averages + [signal], height: 220),
        ]
        return LineFigure(xAxis: Axis(label: Words.text("axis.observationT")), panels: panels).responsiveSVG(text)
    }
}
