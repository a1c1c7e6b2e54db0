import ExperimentLanguage
import Experiments
import Plotting

/// The schedule figure: η_t against the step for every call, and under it, when the builder
/// has an objective, the runs' loss on the same step axis.
enum ScheduleSVG {
    static func svg(_ result: ScheduleResult, listsSeries: Bool = true, text: FigureText) -> String {
        let study = result.study
        let rates = zip(study.runs, result.learningRates).enumerated().map { index, pair in
            LineSeries(label: pair.0.label, series: index, color: pair.0.color, y: pair.1)
        }
        var panels = [LineFigure.Panel(yAxis: Axis(label: Words.text("axis.learningRateEta")), series: rates, height: result.problem == nil ? 220 : 150)]
        if let problem = result.problem {
            let experiment = problem.experiment
            let fStar = experiment.objective.minimumValue
            var losses: [LineSeries] = []
            for (run, description) in experiment.runs.enumerated() {
                for (start, trajectory) in problem.trajectories[run].enumerated() {
                    let label = experiment.starts.count > 1
                        ? Words.fromStart(description.label, experiment.starts[start]) : description.label
                    var values = trajectory.losses.map { loss in fStar.map { loss - $0 } ?? loss }
                    // A diverged run leaves through the top of the plot.
                    if trajectory.divergedAt != nil { values.append(.infinity) }
                    losses.append(LineSeries(label: label, series: run, color: description.color, y: values))
                }
            }
            let axis = fStar == nil ? Axis(label: "f", scale: .linear) : Axis(label: "f − f*", scale: .log)
            panels.append(LineFigure.Panel(yAxis: axis, series: losses, height: 200))
        }
        return LineFigure(xAxis: Axis(label: Words.text("axis.stepT")), panels: panels, listsSeries: listsSeries).responsiveSVG(text)
    }
}
