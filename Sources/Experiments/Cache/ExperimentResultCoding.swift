import ExperimentLanguage
import Optimizers

/// The data section of an `Experiment` entry (framed by ``CacheEntry``, written by
/// ``EntryWriter``): per run and start, the trajectory's numbers.
///
/// The experiment itself is not stored: its numbers follow from its meaning, which is in the
/// key, and its labels, colours, title and claims are the current directive's, which decoding
/// is given, so an edit to them shows with the stored numbers. Decoding checks the counts against the experiment (runs × starts, the
/// objective's dimension) and each trajectory against what a run of its steps can record
/// (``Trajectory/init(restoringDimension:steps:coordinates:losses:learningRates:effectiveLearningRates:evaluationCoordinates:evaluationLosses:divergedAt:switchedAt:syncSteps:halt:gradientEvaluations:)``);
/// a schedule-free run's trajectory that recorded a point also holds its averages x and their losses.
enum ExperimentResultCoding: ResultCoding {
    static func encode(_ result: ExperimentResult) -> [UInt8] {
        var w = EntryWriter()
        write(result.trajectories, into: &w)
        return w.bytes
    }

    static func decode(_ data: ArraySlice<UInt8>, of experiment: Experiment) -> ExperimentResult? {
        var r = EntryReader(data)
        guard let trajectories = read(&r, experiment: experiment), r.atEnd else { return nil }
        return ExperimentResult(experiment: experiment, trajectories: trajectories)
    }

    static func write(_ trajectories: [[Trajectory]], into w: inout EntryWriter) {
        w.int(trajectories.count)
        for run in trajectories {
            w.int(run.count)
            for trajectory in run { write(trajectory, into: &w) }
        }
    }

    /// `trajectories[run][start]` of `experiment`, or nil unless every count and value is one its runs can produce.
    static func read(_ r: inout EntryReader, experiment: Experiment) -> [[Trajectory]]? {
        guard r.int() == experiment.runs.count else { return nil }
        var trajectories: [[Trajectory]] = []
        for description in experiment.runs {
            guard r.int() == experiment.starts.count else { return nil }
            var run: [Trajectory] = []
            for _ in experiment.starts {
                guard let trajectory = read(
                    &r, dimension: experiment.objective.function.dimension, steps: experiment.steps,
                    evaluatesAverage: description.optimizer.evaluatesAverage)
                else {
                    return nil
                }
                run.append(trajectory)
            }
            trajectories.append(run)
        }
        return trajectories
    }

    private static func write(_ t: Trajectory, into w: inout EntryWriter) {
        w.int(t.dimension)
        for series in [t.coordinates, t.losses, t.learningRates, t.effectiveLearningRates] { w.doubles(series) }
        w.optionalInt(t.divergedAt)
        w.optionalInt(t.switchedAt)
        w.ints(t.syncSteps)
        switch t.halt {
        case nil: w.int(0)
        case .hessianUnavailable(let step):
            w.int(1)
            w.int(step)
        case .singularHessian(let step):
            w.int(2)
            w.int(step)
        case .invalidConfiguration(let messages):
            w.int(3)
            w.int(messages.count)
            for message in messages { w.string(message) }
        }
        w.int(t.gradientEvaluations)
        // Only a schedule-free run that recorded a point has its averages, so every other entry reads as before.
        if t.hasEvaluationPoints {
            w.doubles(t.evaluationCoordinates)
            w.doubles(t.evaluationLosses)
        }
    }

    private static func read(_ r: inout EntryReader, dimension: Int, steps: Int, evaluatesAverage: Bool) -> Trajectory? {
        guard r.int() == dimension,
              let coordinates = r.doubles(), let losses = r.doubles(), let rates = r.doubles(), let effectiveRates = r.doubles(),
              let divergedAt = r.optionalInt(), let switchedAt = r.optionalInt(), let syncSteps = r.ints(),
              let haltTag = r.int()
        else { return nil }
        var halt: Trajectory.Halt?
        switch haltTag {
        case 0: halt = nil
        case 1, 2:
            guard let step = r.int() else { return nil }
            halt = haltTag == 1 ? .hessianUnavailable(step: step) : .singularHessian(step: step)
        case 3:
            guard let messages = r.strings() else { return nil }
            halt = .invalidConfiguration(messages)
        default: return nil
        }
        guard let evaluations = r.int() else { return nil }
        var evaluationCoordinates: [Double] = [], evaluationLosses: [Double] = []
        if evaluatesAverage && !losses.isEmpty {
            guard let points = r.doubles(), let values = r.doubles(), !values.isEmpty else { return nil }
            (evaluationCoordinates, evaluationLosses) = (points, values)
        }
        return Trajectory(
            restoringDimension: dimension, steps: steps, coordinates: coordinates, losses: losses, learningRates: rates,
            effectiveLearningRates: effectiveRates, evaluationCoordinates: evaluationCoordinates,
            evaluationLosses: evaluationLosses, divergedAt: divergedAt, switchedAt: switchedAt, syncSteps: syncSteps, halt: halt, gradientEvaluations: evaluations)
    }
}
