import ExperimentLanguage

extension ScheduleStudy {
    /// The steps, each call's method and schedule (what its rates follow from), and the runs
    /// on the objective when there is one (as an `Experiment` means them).
    public var cacheMeaning: CacheMeaning {
        var m = CacheMeaning()
        m.int("steps", steps)
        m.block("rates") { m in
            for run in runs {
                m.block("run") { m in
                    m.optimizer("optimizer", run.optimizer)
                    m.schedule("schedule", run.schedule)
                }
            }
        }
        if let problem {
            m.block("problem") { problem.describe(into: &$0) }
        } else {
            m.line("problem", "none")
        }
        return m
    }
}
