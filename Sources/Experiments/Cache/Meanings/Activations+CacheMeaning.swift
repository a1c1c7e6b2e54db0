import ExperimentLanguage

extension ActivationsStudy {
    /// The stack (layers, units, activation), the inputs, the histogram's bins and range (the
    /// activation's own when none is written) and each row's initialisation, in order. Not the
    /// title, labels or claims.
    public var cacheMeaning: CacheMeaning {
        let c = configuration
        var m = CacheMeaning()
        m.int("layers", c.layers)
        m.int("units", c.units)
        m.line("activation", c.activation.rawValue)
        m.int("inputSamples", c.inputSamples)
        m.int("bins", c.bins)
        m.numbers("range", [c.histogramRange.lowerBound, c.histogramRange.upperBound])
        m.seed("seed", c.seed)
        m.block("rows") { m in
            for row in c.rows { m.initialization("initialization", row.initialization) }
        }
        return m
    }
}
