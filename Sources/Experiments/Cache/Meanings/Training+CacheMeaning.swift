import ExperimentLanguage

extension TrainingStudy {
    /// The dataset and its split, the network, its initialisation and regularisation, the
    /// batches, iterations, seed and evaluation interval, and each run's method with every
    /// hyperparameter, schedule and noise, in order. Not the title, labels, colours or claims.
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
        m.number("l2", c.l2)
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
