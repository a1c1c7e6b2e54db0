import CourseDiagnostics

/// `PhaseDiagram(.stepsTo(loss: 1e-6))` in an experiment of two sweeps: a heat map of one
/// summary of a run over the grid of swept values, whose cells choose the variant shown.
///
/// Cell `k` is variant `k` of the ``ExperimentSweep``: the first sweep runs along the
/// horizontal axis, the second up the vertical one.
public struct PhaseDiagram: Hashable, Sendable {
    /// What colours a cell.
    public enum Summary: Hashable, Sendable {
        /// The first step t at which f(x_t) − f* < `loss`; the objective's f* must be known.
        case stepsTo(loss: Double)
        /// f − f* at the last step (f itself when f* is unknown), on a log scale when every value is positive.
        case finalLoss
        /// Whether the run diverged, and at which step.
        case diverged
    }

    public var summary: Summary
    /// The run whose summary colours the cells: the only run, or the one `run:` names.
    public var runIndex: Int
    /// Where `PhaseDiagram` is written.
    public var location: SourceLocation

    public init(summary: Summary, runIndex: Int, location: SourceLocation) {
        self.summary = summary
        self.runIndex = runIndex
        self.location = location
    }
}
