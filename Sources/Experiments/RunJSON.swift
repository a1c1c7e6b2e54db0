import ExperimentLanguage
import Optimizers

/// What `coursegen run` ran: an experiment with its numbers, or a formula table.
public enum RunOutput: Sendable {
    case experiment(ExperimentResult)
    case formulas(FormulaTable)
    /// A `Schedule` study: each call's learning rate per step, and its `Objective` runs if it has one.
    case schedule(ScheduleResult)
    /// An `Average` study: the series and every average's values.
    case average(AverageResult)
    /// A `Training` study: per run the loss of every iteration, accuracy checkpoints and final figures.
    case training(TrainingStudyResult)
    /// An `Activations` study: per initialisation, each layer's histogram.
    case activations(ActivationsStudyResult)
}

/// The `coursegen run --json` encoding, described by `docs/run-json.schema.json`.
///
/// One object, `{"experiments": [ … ]}`, one entry per fence in file order. Keys appear in a
/// fixed order (never dictionary order) and every number is finite, since runs stop at
/// divergence; the same input gives the same bytes on every machine. One line, no spaces,
/// ending in a newline.
public enum RunJSON {
    /// The schema's `$id`, which every output names as `$schema`.
    public static let schemaID = "https://coursegen.invalid/run-json.schema.json"

    public static func encode(_ outputs: [RunOutput]) -> String {
        var w = JSONWriter()
        w.raw("{")
        w.key("$schema")
        w.string(schemaID)
        w.key("experiments")
        w.raw("[")
        for (i, output) in outputs.enumerated() {
            if i > 0 { w.raw(",") }
            switch output {
            case .experiment(let result): experiment(result, &w)
            case .formulas(let table): formulas(table, &w)
            case .schedule(let result): schedule(result, &w)
            case .average(let result): average(result, &w)
            case .training(let result): training(result, &w)
            case .activations(let result): activations(result, &w)
            }
        }
        w.raw("]}\n")
        return w.text
    }

    private static func schedule(_ result: ScheduleResult, _ w: inout JSONWriter) {
        let study = result.study
        w.raw("{")
        w.key("title")
        w.string(study.title)
        w.key("kind")
        w.string("schedule")
        w.key("steps")
        w.integer(study.steps)
        w.key("runs")
        w.raw("[")
        for (i, run) in study.runs.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{")
            w.key("optimizer")
            w.string(run.call)
            w.key("label")
            w.string(run.label)
            w.key("learningRates")
            w.numbers(result.learningRates[i])
            w.raw("}")
        }
        w.raw("]")
        w.key("experiment")
        if let problem = result.problem { experiment(problem, &w) } else { w.raw("null") }
        w.raw("}")
    }

    private static func average(_ result: AverageResult, _ w: inout JSONWriter) {
        let study = result.study
        w.raw("{")
        w.key("title")
        w.string(study.title)
        w.key("kind")
        w.string("average")
        w.key("samples")
        w.integer(study.samples)
        w.key("seed")
        w.string(String(study.seed))
        w.key("signal")
        w.numbers(result.signal)
        w.key("observations")
        w.numbers(result.observations)
        w.key("averages")
        w.raw("[")
        for (i, average) in study.averages.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{")
            w.key("call")
            w.string(average.call)
            w.key("label")
            w.string(average.label)
            w.key("values")
            w.numbers(result.averages[i])
            w.raw("}")
        }
        w.raw("]}")
    }

    private static func experiment(_ result: ExperimentResult, _ w: inout JSONWriter) {
        let e = result.experiment
        w.raw("{")
        w.key("title")
        w.string(e.title)
        w.key("kind")
        w.string("experiment")
        w.key("objective")
        w.string(e.objective.call)
        w.key("dimension")
        w.integer(e.objective.dimension)
        w.key("steps")
        w.integer(e.steps)
        w.key("seed")
        // Seeds are UInt64; JSON readers lose integers above 2⁵³, so the seed is a string.
        w.string(String(e.seed))
        w.key("batchSize")
        w.optionalInteger(e.batchSize)
        w.key("runs")
        w.raw("[")
        var first = true
        for (r, run) in e.runs.enumerated() {
            for (s, start) in e.starts.enumerated() {
                if !first { w.raw(",") }
                first = false
                self.run(run, start: start, trajectory: result.trajectories[r][s], &w)
            }
        }
        w.raw("]}")
    }

    private static func run(_ run: RunDescription, start: [Double], trajectory t: Trajectory, _ w: inout JSONWriter) {
        w.raw("{")
        w.key("optimizer")
        w.string(run.call)
        w.key("label")
        w.string(run.label)
        w.key("start")
        w.numbers(start)
        w.key("trajectory")
        w.raw("[")
        for k in 0..<t.pointCount {
            if k > 0 { w.raw(",") }
            w.numbers(t.coordinates[k * t.dimension..<(k + 1) * t.dimension])
        }
        w.raw("]")
        w.key("loss")
        w.numbers(t.losses)
        w.key("learningRates")
        w.numbers(t.learningRates)
        // Only runs an effectiveLearningRate claim is about record the rates; the others' output is as it was.
        if !t.effectiveLearningRates.isEmpty {
            w.key("effectiveLearningRates")
            w.raw("[")
            for k in 0..<t.effectiveLearningRates.count / t.dimension {
                if k > 0 { w.raw(",") }
                w.numbers(t.effectiveLearningRates[k * t.dimension..<(k + 1) * t.dimension])
            }
            w.raw("]")
        }
        w.key("divergedAt")
        w.optionalInteger(t.divergedAt)
        w.key("switchedAt")
        w.optionalInteger(t.switchedAt)
        w.key("syncSteps")
        w.raw("[" + t.syncSteps.map(String.init).joined(separator: ",") + "]")
        w.key("halted")
        switch t.halt {
        case nil: w.raw("null")
        case .hessianUnavailable(let step):
            w.raw("{")
            w.key("reason")
            w.string("hessianUnavailable")
            w.key("step")
            w.integer(step)
            w.raw("}")
        case .singularHessian(let step):
            w.raw("{")
            w.key("reason")
            w.string("singularHessian")
            w.key("step")
            w.integer(step)
            w.raw("}")
        case .invalidConfiguration:
            w.raw("{")
            w.key("reason")
            w.string("invalidConfiguration")
            w.key("step")
            w.integer(0)
            w.raw("}")
        }
        w.key("gradientEvaluations")
        w.integer(t.gradientEvaluations)
        w.raw("}")
    }

    private static func formulas(_ table: FormulaTable, _ w: inout JSONWriter) {
        w.raw("{")
        w.key("title")
        w.raw("null")
        w.key("kind")
        w.string("formulas")
        w.key("methods")
        w.raw("[")
        for (i, spec) in table.optimizers.enumerated() {
            if i > 0 { w.raw(",") }
            w.raw("{")
            w.key("id")
            w.string(spec.id)
            w.key("displayName")
            w.string(spec.displayName)
            w.key("formula")
            w.raw("[")
            for (j, line) in spec.formula.enumerated() {
                if j > 0 { w.raw(",") }
                w.string(line)
            }
            w.raw("]")
            w.key("conditions")
            w.raw("[")
            for (j, line) in spec.conditions.enumerated() {
                if j > 0 { w.raw(",") }
                w.string(line)
            }
            w.raw("]")
            w.key("reference")
            w.string(spec.reference.citation)
            w.raw("}")
        }
        w.raw("]}")
    }
}
