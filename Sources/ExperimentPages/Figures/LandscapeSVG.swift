import ExperimentLanguage
import Optimizers
import Plotting

/// The experiment's first figure: contours and paths for 2-D objectives, the curve with
/// its iterates for 1-D ones.
enum LandscapeSVG {
    /// Contour grid samples per drawing unit: about one every five units is finer than
    /// the eye can tell at 200 % zoom once the lines are interpolated.
    static let unitsPerSample = 5.0

    static func svg(
        _ experiment: Experiment, trajectories: [[Trajectory]], listsSeries: Bool = true, animation: PathAnimation? = nil,
        text: FigureText
    ) -> String {
        var unused: String?
        return svg(experiment, trajectories: trajectories, listsSeries: listsSeries, animation: animation, text: text,
                   sharedBackground: nil, background: &unused)
    }

    /// The figure, its contours and axes left to a `<use>` of `sharedBackground` when one is given
    /// (a sweep draws them once for all its variants), and in `background` the definitions of that
    /// element and of its narrow drawing's, `sharedBackground` + `-n`.
    static func svg(
        _ experiment: Experiment, trajectories: [[Trajectory]], listsSeries: Bool = true, animation: PathAnimation? = nil,
        text: FigureText, sharedBackground: String?, background: inout String?
    ) -> String {
        let objective = experiment.objective
        let (xRange, yRange) = window(experiment, trajectories: trajectories)
        if objective.dimension == 1 {
            return curve(experiment, trajectories: trajectories, xRange: xRange, listsSeries: listsSeries, animation: animation, text: text)
        }
        let aspect = (yRange.upperBound - yRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let columns = (580 / unitsPerSample).clampedInt(24...160)
        let rows = (Double(columns) * aspect).rounded().clampedInt(16...160)
        let function = objective.function
        let grid: ScalarGrid
        if let fit = function as? any LineFit {
            // A line fit's loss is a mean over its samples: a row's points are summed together.
            grid = ScalarGrid(xRange: xRange, yRange: yRange, columns: columns, rows: rows) { y, xs, values in
                fit.values(ws: xs, b: y, into: values)
            }
        } else {
            var point = [0.0, 0.0]
            grid = point.withUnsafeMutableBufferPointer { buffer in
                ScalarGrid(xRange: xRange, yRange: yRange, columns: columns, rows: rows) { x, y in
                    buffer[0] = x
                    buffer[1] = y
                    return function.value(UnsafeBufferPointer(buffer))
                }
            }
        }
        let panels: [LandscapeFigure.Panel]
        let paths = experiment.runs.indices.map { run in
            experiment.starts.indices.flatMap { start in
                drawnPaths(experiment, run: run, start: start, trajectory: trajectories[run][start])
            }
        }
        if experiment.layout == .grid {
            panels = experiment.runs.indices.map { run in
                LandscapeFigure.Panel(
                    title: experiment.runs[run].label, series: run, color: experiment.runs[run].color, trajectories: paths[run])
            }
        } else {
            panels = [LandscapeFigure.Panel(trajectories: paths.flatMap { $0 })]
        }
        var figure = LandscapeFigure(
            grid: grid, minimumValue: objective.minimumValue,
            minima: objective.minima.filter { $0.count == 2 }.map { Point($0[0], $0[1]) },
            panels: panels, columns: 2,
            xLabel: objective.variableNames.first ?? "x",
            yLabel: objective.variableNames.count > 1 ? objective.variableNames[1] : "y", listsSeries: listsSeries)
        figure.animation = animation
        guard let sharedBackground else { return figure.responsiveSVG(text) }
        let (svg, drawn) = figure.svg(text, sharedBackground: sharedBackground)
        let (narrowSVG, narrowDrawn) = figure.narrow.svg(text.narrow, sharedBackground: sharedBackground + "-n")
        background = "<g id=\"\(sharedBackground)\">\n\(drawn)</g>" + "<g id=\"\(sharedBackground)-n\">\n\(narrowDrawn)</g>"
        return ResponsiveFigure.html(wide: svg, narrow: narrowSVG)
    }

    /// The plot window: the author's `Domain`, or else one that shows every start, every
    /// known minimum and the paths near them (``PlotWindow``), a built-in's recommended
    /// window when that already does.
    static func window(
        _ experiment: Experiment, trajectories: [[Trajectory]]
    ) -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        let objective = experiment.objective
        let recommended = objective.recommendedDomain
        if let domain = experiment.domain {
            return (domain.x, domain.y ?? recommended.y ?? domain.x)
        }
        func point(_ p: [Double]) -> Point { Point(p[0], p.count > 1 ? p[1] : 0) }
        var anchors = experiment.starts.filter { !$0.isEmpty }.map(point) + objective.minima.filter { !$0.isEmpty }.map(point)
        let runs = Array(trajectories.joined())
        // A schedule-free run's evaluated point x is drawn too, so its path is fitted as y's is.
        let drawn = runs + runs.filter(\.hasEvaluationPoints).map(\.atEvaluationPoints)
        let paths = drawn.map { $0.points.filter { !$0.isEmpty }.map(point) }
        // Without a known minimum, the lowest point any run reached stands in for one (a run
        // that merely wandered off, without overflowing, must not count).
        if objective.minima.isEmpty,
           let best = runs.filter({ $0.divergedAt == nil && $0.halt == nil && $0.losses.last?.isFinite == true })
               .min(by: { $0.losses.last! < $1.losses.last! }),
           best.pointCount > 0 {
            anchors.append(point(best.finalPoint))
        }
        // A built-in's window is drawn with care (Rosenbrock's valley, Himmelblau's four
        // minima); a closure's default is only a guess, so it is not preferred.
        let preferred = objective.name == nil ? nil : (recommended.x, recommended.y ?? recommended.x)
        let fitted = PlotWindow.fitting(anchors: anchors, paths: paths, preferred: preferred)
        return objective.dimension == 1 ? (fitted.x, fitted.x) : fitted
    }

    /// The run's path, or for a run evaluated elsewhere (schedule-free) its iterate y and its
    /// evaluated point x, in that order.
    static func drawnPaths(_ experiment: Experiment, run: Int, start: Int, trajectory: Trajectory) -> [DrawnPath] {
        guard trajectory.hasEvaluationPoints else { return [path(experiment, run: run, start: start, trajectory: trajectory)] }
        var iterate = path(experiment, run: run, start: start, trajectory: trajectory)
        iterate.role = .iterate
        var evaluated = path(experiment, run: run, start: start, trajectory: trajectory.atEvaluationPoints)
        evaluated.role = .evaluated
        return [iterate, evaluated]
    }

    static func path(_ experiment: Experiment, run: Int, start: Int, trajectory: Trajectory) -> DrawnPath {
        let label = experiment.starts.count > 1 && experiment.layout == .grid
            ? Words.fromStart(experiment.runs[run].label, experiment.starts[start]) : experiment.runs[run].label
        // A diverged run stops before recording the point that diverged, so its path
        // ends at the last finite point (clipped at the frame) and the figure notes it.
        let points = trajectory.points.map { Point($0[0], $0.count > 1 ? $0[1] : 0) }
        let values = trajectory.losses
        return DrawnPath(
            label: label,
            series: run, color: experiment.runs[run].color, points: points, values: values, divergedAt: trajectory.divergedAt)
    }

    static func curve(
        _ experiment: Experiment, trajectories: [[Trajectory]], xRange: ClosedRange<Double>, listsSeries: Bool,
        animation: PathAnimation?, text: FigureText
    ) -> String {
        let function = experiment.objective.function
        let samples = 400
        let curve = (0...samples).map { k -> Point in
            let x = xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double(k) / Double(samples)
            return Point(x, function.value(at: [x]))
        }
        let runs = curvePaths(experiment, trajectories: trajectories)
        let minima = experiment.objective.minima.filter { $0.count == 1 }.map { Point($0[0], function.value(at: $0)) }
        let name = experiment.objective.variableNames.first ?? "x"
        var figure = CurveFigure(
            curve: curve, runs: runs, minima: minima, xAxis: Axis(label: name, range: xRange),
            yAxis: Axis(label: "f(\(name))"), listsSeries: listsSeries)
        figure.animation = animation
        return figure.responsiveSVG(text)
    }

    /// The numbers behind the figure's markers (``DataTable``), path by path in the figure's order.
    static func data(_ experiment: Experiment, trajectories: [[Trajectory]]) -> FigureData {
        if experiment.objective.dimension == 1 {
            return FigureData(curvePaths(experiment, trajectories: trajectories), curve: true, words: FigureWords.figure)
        }
        let paths = experiment.runs.indices.flatMap { run in
            experiment.starts.indices.flatMap { start in
                drawnPaths(experiment, run: run, start: start, trajectory: trajectories[run][start])
            }
        }
        return FigureData(paths, curve: false, words: FigureWords.figure)
    }

    /// A 1-D experiment's paths along its curve: each run from each start, (x, f(x)).
    static func curvePaths(_ experiment: Experiment, trajectories: [[Trajectory]]) -> [DrawnPath] {
        var runs: [DrawnPath] = []
        for run in experiment.runs.indices {
            for start in experiment.starts.indices {
                let label = experiment.starts.count > 1
                    ? Words.fromStart(experiment.runs[run].label, experiment.starts[start]) : experiment.runs[run].label
                let recorded = trajectories[run][start]
                let roles: [(Trajectory, PathRole)] = recorded.hasEvaluationPoints
                    ? [(recorded, .iterate), (recorded.atEvaluationPoints, .evaluated)] : [(recorded, .only)]
                for (trajectory, role) in roles {
                    var path = DrawnPath(
                        label: label, series: run, color: experiment.runs[run].color,
                        points: zip(trajectory.points, trajectory.losses).map { Point($0[0], $1) },
                        values: trajectory.losses, divergedAt: trajectory.divergedAt)
                    path.role = role
                    runs.append(path)
                }
            }
        }
        return runs
    }
}
