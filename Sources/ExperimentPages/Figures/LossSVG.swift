import ExperimentLanguage
import Optimizers
import Plotting

/// The loss-curve figure: f − f* on a log axis when f* is known, f on a linear axis when
/// not, and the learning rate under it when a run uses a schedule.
enum LossSVG {
    static func svg(
        _ experiment: Experiment, trajectories: [[Trajectory]], listsSeries: Bool = true, animation: PathAnimation? = nil, text: FigureText
    ) -> String {
        let fStar = experiment.objective.minimumValue
        var losses: [LineSeries] = []
        var rates: [LineSeries] = []
        for (run, description) in experiment.runs.enumerated() {
            for (start, trajectory) in trajectories[run].enumerated() {
                let label = experiment.starts.count > 1
                    ? Words.fromStart(description.label, experiment.starts[start]) : description.label
                // A run evaluated elsewhere (schedule-free) has a second, dashed curve: f at x.
                let curves: [(Trajectory, PathRole)] = trajectory.hasEvaluationPoints
                    ? [(trajectory, .iterate), (trajectory.atEvaluationPoints, .evaluated)] : [(trajectory, .only)]
                for (seen, role) in curves {
                    var values = seen.losses.map { loss in fStar.map { loss - $0 } ?? loss }
                    // A diverged run leaves through the top of the plot.
                    if seen.divergedAt != nil { values.append(.infinity) }
                    var line = LineSeries(label: label, series: run, color: description.color, y: values)
                    line.role = role
                    losses.append(line)
                }
                if description.schedule != nil, start == 0, !trajectory.learningRates.isEmpty {
                    rates.append(LineSeries(label: description.label, series: run, color: description.color, y: trajectory.learningRates))
                }
            }
        }
        let lossAxis = fStar == nil
            ? Axis(label: "f", scale: .linear)
            : Axis(label: "f − f*", scale: .log)
        var panels = [LineFigure.Panel(yAxis: lossAxis, series: losses, height: 200)]
        if !rates.isEmpty { panels.append(LineFigure.Panel(yAxis: Axis(label: Words.text("axis.learningRate")), series: rates, height: 90)) }
        var figure = LineFigure(xAxis: Axis(label: Words.text("axis.step")), panels: panels, listsSeries: listsSeries)
        figure.animation = animation
        return figure.responsiveSVG(text)
    }
}
