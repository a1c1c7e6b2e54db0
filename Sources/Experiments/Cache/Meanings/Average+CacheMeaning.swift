import ExperimentLanguage

extension AverageStudy {
    /// The signal, the noise's seed, the number of observations and each average's method, in
    /// order. Not the labels (made up or written), colours, title or claims.
    public var cacheMeaning: CacheMeaning {
        var m = CacheMeaning()
        switch signal {
        case .sine(let period, let amplitude, let noise):
            m.line("signal", "sine period \(CacheMeaning.number(period)) amplitude \(CacheMeaning.number(amplitude)) noise \(CacheMeaning.number(noise))")
        case .step(let at, let from, let to, let noise):
            m.line("signal", "step at \(at) from \(CacheMeaning.number(from)) to \(CacheMeaning.number(to)) noise \(CacheMeaning.number(noise))")
        case .constant(let value, let noise):
            m.line("signal", "constant \(CacheMeaning.number(value)) noise \(CacheMeaning.number(noise))")
        }
        m.int("samples", samples)
        m.seed("seed", seed)
        m.block("averages") { m in
            for average in averages {
                switch average.method {
                case .moving(let window): m.line("average", "moving window \(window)")
                case .weighted(let weights): m.numbers("average weighted", weights)
                case .exponential(let beta, let corrected):
                    m.line("average", "exponential beta \(CacheMeaning.number(beta)) biasCorrection \(corrected)")
                }
            }
        }
        return m
    }
}
