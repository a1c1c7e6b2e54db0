/// One method of the catalog: its spec and the engine factory, in the file of the engine it
/// configures (`Methods/Adam.swift` holds `Adam` and `AdamEngine`), as torch keeps each
/// algorithm's LaTeX beside its loop. Aliases that configure another method's engine
/// (`AMSGrad`, `AdamW`) are a file of their own holding only their spec and factory.
///
/// ``OptimizerCatalog/methods`` lists every method, one line each; nothing else names one.
protocol OptimizerMethod: Sendable {
    /// Names, hyperparameters, formula, reference and capabilities.
    static var spec: OptimizerSpec { get }
    /// The engine for `config`, a configuration of this method without problems, on vectors
    /// of length `dimension`; it reports method-specific events (a switch, a sync) to `events`.
    static func makeEngine(_ config: OptimizerConfig, dimension: Int, events: OptimizerEventLog) -> (any OptimizerEngine)?
    /// The engine for `config` on parameters split as `layout`; methods that need shapes
    /// (Adafactor, Muon) implement it, every other method runs on the flat vector.
    static func makeEngine(_ config: OptimizerConfig, layout: ParameterLayout, events: OptimizerEventLog) -> (any OptimizerEngine)?
}

extension OptimizerMethod {
    static func makeEngine(_ config: OptimizerConfig, layout: ParameterLayout, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        makeEngine(config, dimension: layout.count, events: events)
    }
}
