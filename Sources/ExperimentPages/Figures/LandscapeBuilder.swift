import ExperimentLanguage
import Optimizers
import Plotting

/// The experiment's first figure: contours and paths for 2-D objectives, the curve with
/// its iterates for 1-D ones.
enum LandscapeBuilder {
    /// Contour grid samples per drawing unit: about one every five units is finer than
    /// the eye can tell at 200 % zoom once the lines are interpolated.
    static let unitsPerSample = 5.0

    static func svg(
        _ experiment: Experiment, trajectories: [[Optimizers.Trajectory]], text: FigureText
    ) -> String {
        let objective = experiment.objective
        let domain = experiment.domain ?? objective.recommendedDomain
        if objective.dimension == 1 {
            return curve(experiment, trajectories: trajectories, xRange: domain.x, text: text)
        }
        let yRange = domain.y ?? objective.recommendedDomain.y ?? domain.x
        let xRange = domain.x
        let aspect = (yRange.upperBound - yRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
        let columns = max(24, min(160, Int(580 / unitsPerSample)))
        let rows = max(16, min(160, Int((Double(columns) * aspect).rounded())))
        let function = objective.function
        var point = [0.0, 0.0]
        let grid = point.withUnsafeMutableBufferPointer { buffer in
            ScalarGrid(xRange: xRange, yRange: yRange, columns: columns, rows: rows) { x, y in
                buffer[0] = x
                buffer[1] = y
                return function.value(UnsafeBufferPointer(buffer))
            }
        }
        let panels: [LandscapeFigure.Panel]
        let paths = experiment.runs.indices.map { run in
            experiment.starts.indices.map { start in
                path(experiment, run: run, start: start, trajectory: trajectories[run][start])
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
        let figure = LandscapeFigure(
            grid: grid, minimumValue: objective.minimumValue,
            minima: objective.minima.filter { $0.count == 2 }.map { Point($0[0], $0[1]) },
            panels: panels, columns: 2,
            xLabel: objective.variableNames.first ?? "x",
            yLabel: objective.variableNames.count > 1 ? objective.variableNames[1] : "y")
        return figure.svg(text)
    }

    static func path(_ experiment: Experiment, run: Int, start: Int, trajectory: Optimizers.Trajectory) -> Plotting.Trajectory {
        let label = experiment.starts.count > 1 && experiment.layout == .grid
            ? "from \(Numbers.point(experiment.starts[start]))" : experiment.runs[run].label
        // A diverged run stops before recording the point that diverged, so its path
        // ends at the last finite point (clipped at the frame) and the figure notes it.
        let points = trajectory.points.map { Point($0[0], $0.count > 1 ? $0[1] : 0) }
        let values = trajectory.losses
        return Plotting.Trajectory(
            label: experiment.runs[run].label == label ? label : "\(experiment.runs[run].label) \(label)",
            series: run, color: experiment.runs[run].color, points: points, values: values, divergedAt: trajectory.divergedAt)
    }

    static func curve(
        _ experiment: Experiment, trajectories: [[Optimizers.Trajectory]], xRange: ClosedRange<Double>, text: FigureText
    ) -> String {
        let function = experiment.objective.function
        let samples = 400
        let curve = (0...samples).map { k -> Point in
            let x = xRange.lowerBound + (xRange.upperBound - xRange.lowerBound) * Double(k) / Double(samples)
            return Point(x, function.value(at: [x]))
        }
        var runs: [Plotting.Trajectory] = []
        for run in experiment.runs.indices {
            for start in experiment.starts.indices {
                let trajectory = trajectories[run][start]
                let label = experiment.starts.count > 1
                    ? "\(experiment.runs[run].label) from \(Numbers.point(experiment.starts[start]))" : experiment.runs[run].label
                runs.append(Plotting.Trajectory(
                    label: label, series: run, color: experiment.runs[run].color,
                    points: zip(trajectory.points, trajectory.losses).map { Point($0[0], $1) },
                    values: trajectory.losses, divergedAt: trajectory.divergedAt))
            }
        }
        let minima = experiment.objective.minima.filter { $0.count == 1 }.map { Point($0[0], function.value(at: $0)) }
        let name = experiment.objective.variableNames.first ?? "x"
        return CurveFigure(
            curve: curve, runs: runs, minima: minima, xAxis: Axis(label: name, range: xRange),
            yAxis: Axis(label: "f(\(name))")
        ).svg(text)
    }
}
