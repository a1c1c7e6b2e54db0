import CourseDiagnostics
import ExperimentLanguage
import Optimizers
import Testing

/// Directives of the course, parsed and run the way the build does.
enum Fixtures {
    /// Deep Learning from Scratch, figure 6-8: four optimizers on x²/20 + y² from (−7, 2).
    static let bowl = """
        Experiment("Four optimizers on an elongated bowl") {
            Objective { x, y in x * x / 20 + y * y }
            Minimum(0, 0)
            Start(-7, 2)
            Steps(30)
            Domain(x: -10...10, y: -5...5)
            Layout(.grid)
            SGD(lr: 0.95)
            SGD(lr: 0.1, momentum: 0.9).label("Momentum")
            AdaGrad(lr: 1.5)
            Adam(lr: 0.3)
        }
        """

    /// Rosenbrock with a schedule and a run that diverges, overlaid.
    static let rosenbrock = """
        Experiment("Rosenbrock's valley") {
            Objective(.rosenbrock)
            Start(-1.5, 2)
            Steps(200)
            Adam(lr: 0.05).schedule(.cosine(steps: 200, minLR: 0.001))
            SGD(lr: 0.01).label("SGD, too fast")
            Momentum(lr: 0.0005, momentum: 0.9)
        }
        """

    /// A schedule-free run beside SGD on a tilted bowl, overlaid: its iterate y and its
    /// evaluated average x part ways, so both paths and both loss curves show.
    static let scheduleFree = """
        Experiment("Schedule-free SGD on a tilted bowl") {
            Objective { x, y in x * x + 3 * y * y + x * y }
            Minimum(0, 0)
            Start(-4, 2)
            Steps(30)
            Domain(x: -5...3, y: -2.5...2.5)
            SGD(lr: 0.075)
            ScheduleFreeSGD(lr: 0.3)
        }
        """

    static func parse(_ text: String) throws -> Directive {
        var diagnostics: [Diagnostic] = []
        let directive = DirectiveParser.parse(text, origin: SourceOrigin(file: "chapter.md", line: 10), diagnostics: &diagnostics)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(directive)
    }

    static func experiment(_ text: String) throws -> Experiment {
        guard case .experiment(let experiment) = try parse(text) else {
            Issue.record("not an experiment")
            throw CancellationError()
        }
        return experiment
    }

    /// One trajectory per run and start, `[run][start]`.
    static func run(_ experiment: Experiment) -> [[Optimizers.Trajectory]] {
        experiment.runs.map { run in
            experiment.starts.map { start in
                RunLoop.run(experiment.objective.function, settings: RunSettings(
                    start: start, steps: experiment.steps, optimizer: run.optimizer, schedule: run.schedule,
                    noise: run.noise, batchSize: experiment.batchSize, seed: experiment.seed))
            }
        }
    }
}
