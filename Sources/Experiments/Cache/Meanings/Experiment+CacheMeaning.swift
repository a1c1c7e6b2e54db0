import ExperimentLanguage

extension Experiment {
    /// The objective, starts, steps, seed, batches and each run in order: its method with
    /// every hyperparameter, schedule, noise and whether it records its effective learning
    /// rates (a claim about them makes it). Not the title, domain, layout, playback, labels, colours or claims.
    /// A sweep's meaning is its variants' in order; each variant's entry is its own, keyed as
    /// the experiment that writes its values is.
    public var cacheMeaning: CacheMeaning {
        var m = CacheMeaning()
        if let sweep {
            m.block("sweep") { m in
                for variant in sweep.variants { m.block("variant") { m in variant.describe(into: &m) } }
            }
        } else {
            describe(into: &m)
        }
        return m
    }

    func describe(into m: inout CacheMeaning) {
        m.objective("objective", objective)
        m.block("starts") { m in
            for start in starts { m.numbers("start", start) }
        }
        m.int("steps", steps)
        m.seed("seed", seed)
        if let batchSize {
            m.int("batchSize", batchSize)
            m.line("sampling", sampling.rawValue)
        } else {
            m.line("batchSize", "full")
        }
        let recording = Set(expectations.compactMap(\.effectiveLearningRateLabel))
        m.block("runs") { m in
            for run in runs {
                m.block("run") { m in
                    m.optimizer("optimizer", run.optimizer)
                    m.schedule("schedule", run.schedule)
                    m.noise("noise", run.noise)
                    m.line("recordsEffectiveLearningRate", recording.contains(run.label) ? "true" : "false")
                }
            }
        }
    }
}
