import ExperimentLanguage

/// The data section of a `Schedule` entry: each call's learning rate at every step, and the
/// runs on the schedule's objective when it has one (as ``ExperimentResultCoding`` writes them).
enum ScheduleResultCoding: ResultCoding {
    static func encode(_ result: ScheduleResult) -> [UInt8] {
        var w = EntryWriter()
        w.int(result.learningRates.count)
        for rates in result.learningRates { w.doubles(rates) }
        if let problem = result.problem {
            w.int(1)
            ExperimentResultCoding.write(problem.trajectories, into: &w)
        } else {
            w.int(0)
        }
        return w.bytes
    }

    /// The result, or nil unless there is one finite rate per call and step, and runs exactly
    /// when the study has an objective.
    static func decode(_ data: ArraySlice<UInt8>, of study: ScheduleStudy) -> ScheduleResult? {
        var r = EntryReader(data)
        guard r.int() == study.runs.count else { return nil }
        var learningRates: [[Double]] = []
        for _ in study.runs {
            guard let rates = r.doubles(), rates.count == study.steps, rates.allSatisfy(\.isFinite) else { return nil }
            learningRates.append(rates)
        }
        var problem: ExperimentResult?
        switch (r.int(), study.problem) {
        case (0?, nil): problem = nil
        case (1?, let experiment?):
            guard let trajectories = ExperimentResultCoding.read(&r, experiment: experiment) else { return nil }
            problem = ExperimentResult(experiment: experiment, trajectories: trajectories)
        default: return nil
        }
        guard r.atEnd else { return nil }
        return ScheduleResult(study: study, learningRates: learningRates, problem: problem)
    }
}
