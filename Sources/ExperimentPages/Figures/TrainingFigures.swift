import ExperimentLanguage
import Experiments
import NeuralNetworks
import Plotting

/// The figures of a `Training` builder: loss curves, test accuracy over training, and,
/// for a 2-D dataset, each run's decision regions.
enum TrainingFigures {
    /// Raw per-iteration losses drawn at most this many points per run: the faint line
    /// shows the noise's band, and a 640-unit-wide plot cannot show more.
    static let rawPointsPerRun = 400

    /// Mini-batch loss per iteration on a log axis: the raw values faint, their
    /// bias-corrected exponential moving average on top.
    static func loss(_ result: TrainingStudyResult, text: FigureText) -> String {
        var faint: [LineSeries] = [], smooth: [LineSeries] = []
        for (index, run) in result.report.results.enumerated() {
            let losses = run.trainingLoss
            let label = result.study.runs[index].label, color = result.study.runs[index].color
            let every = max(1, (losses.count + rawPointsPerRun - 1) / rawPointsPerRun)
            let picked = Array(stride(from: 0, to: losses.count, by: every))
            faint.append(LineSeries(label: label, series: index, color: color, x: picked.map { Double($0 + 1) }, y: picked.map { losses[$0] }, isFaint: true))
            var values = smoothed(losses, beta: smoothing(iterations: result.study.configuration.iterations))
            // A diverged run leaves through the top of the plot.
            if run.divergedAt != nil { values.append(.infinity) }
            smooth.append(LineSeries(label: label, series: index, color: color, x: values.indices.map { Double($0 + 1) }, y: values))
        }
        let panel = LineFigure.Panel(yAxis: Axis(label: "training loss", scale: .log), series: faint + smooth, height: 220)
        return LineFigure(xAxis: Axis(label: "iteration"), panels: [panel]).svg(text)
    }

    /// Test accuracy at each checkpoint, in percent.
    static func accuracy(_ result: TrainingStudyResult, text: FigureText) -> String {
        let lines = result.report.results.enumerated().map { index, run in
            LineSeries(
                label: result.study.runs[index].label, series: index, color: result.study.runs[index].color,
                x: run.checkpoints.map { Double($0.iteration) },
                y: run.checkpoints.map { 100 * $0.testAccuracy })
        }
        let panel = LineFigure.Panel(yAxis: Axis(label: "test accuracy (%)", range: 0...100), series: lines, height: 180)
        return LineFigure(xAxis: Axis(label: "iteration"), panels: [panel]).svg(text)
    }

    /// The decision regions of every run, or nil when the data is not 2-D.
    static func decisionRegions(_ result: TrainingStudyResult, text: FigureText) -> String? {
        let boundaries = result.report.results.compactMap(\.decisionBoundary)
        guard boundaries.count == result.report.results.count, let first = boundaries.first else { return nil }
        var samples: [DecisionRegionFigure.Sample] = []
        for (points, labels, isTest) in [(first.trainPoints, first.trainLabels, false), (first.testPoints, first.testLabels, true)] {
            for (i, label) in labels.enumerated() {
                samples.append(.init(point: Point(points[2 * i], points[2 * i + 1]), label: label, isTest: isTest))
            }
        }
        let panels = zip(result.study.runs, boundaries).map { run, boundary in
            DecisionRegionFigure.Panel(title: run.label, predictions: boundary.predictions)
        }
        let figure = DecisionRegionFigure(
            xRange: first.xRange, yRange: first.yRange, gridColumns: first.columns, gridRows: first.rows, panels: panels,
            samples: samples, columns: panels.count == 1 ? 1 : 2)
        return figure.svg(text)
    }

    /// β of the loss curves' moving average: an effective window of about a fortieth of
    /// the run (1/(1 − β) iterations), at least 1 and at most 100.
    static func smoothing(iterations: Int) -> Double {
        let window = min(100, max(1, Double(iterations) / 40))
        return 1 - 1 / window
    }

    /// The bias-corrected exponential moving average of `values` (TensorBoard's smoothing):
    /// m_t = β m_{t−1} + (1 − β) x_t from m_0 = 0, divided by 1 − β^t. Stops at the first non-finite value.
    static func smoothed(_ values: [Double], beta: Double) -> [Double] {
        var out: [Double] = []
        out.reserveCapacity(values.count)
        var average = 0.0, correction = 1.0
        for x in values {
            guard x.isFinite else { break }
            average = beta * average + (1 - beta) * x
            correction *= beta
            out.append(average / (1 - correction))
        }
        return out
    }
}
