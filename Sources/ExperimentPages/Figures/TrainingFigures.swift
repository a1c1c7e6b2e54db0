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
        let panel = LineFigure.Panel(yAxis: Axis(label: Words.text("axis.trainingLoss"), scale: .log), series: faint + smooth, height: 220)
        return LineFigure(xAxis: Axis(label: Words.text("axis.iteration")), panels: [panel], listsSeries: !LegendTable.isNeeded(for: smooth.count)).responsiveSVG(text)
    }

    /// Test accuracy at each checkpoint, in percent, on an axis fitted to the values (not
    /// forced to 0–100 %, where differences of a point or two vanish). When the first
    /// checkpoints are far below the rest, a second panel on the same iterations zooms on
    /// the second half of training.
    ///
    /// With a validation set, validation accuracy gets panels of its own above the test
    /// panels, named by their axes and on the same ranges, so the two are never mistaken
    /// for each other and a difference in height means the same in both.
    static func accuracy(_ result: TrainingStudyResult, text: FigureText) -> String {
        let lines = accuracyLines(result)
        let validation = validationLines(result)
        let layout = accuracyLayout(lines + validation, iterations: result.study.configuration.iterations)
        var panels: [LineFigure.Panel] = []
        for (series, axis, zoomAxis) in [
            (validation, FigureWords.validationAccuracyAxis, FigureWords.validationZoomAxis),
            (lines, FigureWords.accuracyAxis, validation.isEmpty ? FigureWords.accuracyZoomAxis : FigureWords.testZoomAxis),
        ] where !series.isEmpty {
            let fullHeight: Double = layout.zoom == nil ? (validation.isEmpty ? 180 : 150) : (validation.isEmpty ? 130 : 100)
            panels.append(LineFigure.Panel(yAxis: Axis(label: axis, range: layout.full), series: series, height: fullHeight))
            if let zoom = layout.zoom {
                panels.append(LineFigure.Panel(yAxis: Axis(label: zoomAxis, range: zoom), series: series, height: validation.isEmpty ? 170 : 130))
            }
        }
        return LineFigure(xAxis: Axis(label: Words.text("axis.iteration")), panels: panels, listsSeries: !LegendTable.isNeeded(for: lines.count)).responsiveSVG(text)
    }

    static func accuracyLines(_ result: TrainingStudyResult) -> [LineSeries] {
        result.report.results.enumerated().map { index, run in
            LineSeries(
                label: result.study.runs[index].label, series: index, color: result.study.runs[index].color,
                x: run.checkpoints.map { Double($0.iteration) },
                y: run.checkpoints.map { 100 * $0.testAccuracy })
        }
    }

    /// Validation accuracy at each checkpoint, in percent; empty without a validation set.
    static func validationLines(_ result: TrainingStudyResult) -> [LineSeries] {
        guard result.study.configuration.hasValidation else { return [] }
        return result.report.results.enumerated().map { index, run in
            LineSeries(
                label: result.study.runs[index].label, series: index, color: result.study.runs[index].color,
                x: run.checkpoints.map { Double($0.iteration) },
                y: run.checkpoints.map { 100 * ($0.validationAccuracy ?? .nan) })
        }
    }

    /// The accuracy axes: `full` fitted to every value; `zoom`, fitted to the second half of
    /// training, when the early checkpoints stretch `full` over 20 points and more than
    /// four times what the second half spans (a network that starts at chance level).
    static func accuracyLayout(_ lines: [LineSeries], iterations: Int) -> (full: ClosedRange<Double>, zoom: ClosedRange<Double>?) {
        func fitted(_ values: [Double]) -> ClosedRange<Double>? {
            guard let lo = values.min(), let hi = values.max() else { return nil }
            let range = Ticks.niceLinearRange(lo, hi, count: 4)
            // Accuracies live in 0…100 %; ticks beyond are meaningless.
            return max(0, range.lowerBound)...min(100, range.upperBound)
        }
        let all = lines.flatMap { $0.y.filter(\.isFinite) }
        guard let full = fitted(all) else { return (0...100, nil) }
        let late = lines.flatMap { line in line.y.indices.filter { (line.x?[$0] ?? Double($0)) >= Double(iterations) / 2 }.map { line.y[$0] } }
        guard let zoom = fitted(late.filter(\.isFinite)),
              full.upperBound - full.lowerBound > 20,
              (zoom.upperBound - zoom.lowerBound) * 4 < full.upperBound - full.lowerBound else { return (full, nil) }
        return (full, zoom)
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
        return figure.responsiveSVG(text)
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
