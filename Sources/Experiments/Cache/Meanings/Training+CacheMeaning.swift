import ExperimentLanguage

extension TrainingStudy {
    /// The dataset and its split, the network, its initialisation and regularisation, the
    /// batches, iterations, seed and evaluation interval, and each run's method with every
    /// hyperparameter, schedule and noise, in order. Not the title, labels, colours or claims.
    /// Batch normalisation and gradient clipping add a line only when set, so the keys of
    /// trainings without them are those from before they existed.
    public var cacheMeaning: CacheMeaning {
        let c = configuration
        var m = CacheMeaning()
        m.dataset("dataset", c.dataset)
        m.number("testFraction", c.testFraction)
        m.number("validationFraction", c.validationFraction)
        m.line("trainingSamples", c.trainingSamples.map(String.init) ?? "all")
        m.line("hidden", c.hidden.map(String.init).joined(separator: " "))
        m.line("activation", c.activation.rawValue)
        m.initialization("initialization", c.initialization)
        m.biasInitialization("biasInitialization", c.biasInitialization)
        m.number("dropout", c.dropout)
        if c.batchNorm { m.line("batchNorm", "true") }
        m.number("l2", c.l2)
        switch c.clipping {
        case nil: break
        case .norm(let maxNorm)?: m.line("clipping", "norm \(CacheMeaning.number(maxNorm))")
        case .value(let v)?: m.line("clipping", "value \(CacheMeaning.number(v))")
        }
        m.int("batchSize", c.batchSize)
        m.int("iterations", c.iterations)
        m.line("sampling", c.sampling.rawValue)
        m.seed("seed", c.seed)
        m.int("evaluationInterval", c.evaluationInterval)
        m.block("runs") { m in
            for run in c.runs {
                m.block("run") { m in
                    m.optimizer("optimizer", run.optimizer)
                    m.schedule("schedule", run.schedule)
                    m.noise("noise", run.noise)
                }
            }
        }
        return m
    }
}
