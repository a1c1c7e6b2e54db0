import Objectives

/// The bounds that keep any input, however large or malformed, from hanging coursegen.
///
/// Each is reported as an ordinary error at the offending position.
public enum Limits {
    /// Bytes in one directive fence.
    public static let maximumSourceLength = 65_536
    /// Nested brackets, closures and operators in one expression.
    public static let maximumNestingDepth = 64
    /// Levels of one expression's tree, operator chains included (`a * b * c` is three).
    public static let maximumExpressionHeight = 256
    /// Optimizer steps per run.
    public static let maximumSteps = 100_000
    /// Runs (starts × optimizer calls) per experiment.
    public static let maximumRuns = 64
    /// Start points per experiment.
    public static let maximumStarts = 16
    /// Nodes of an objective's expression graph, derivatives included.
    public static let maximumExpressionNodes = ExpressionGraph.maximumNodes
    /// Dense layers of a network, hidden layers of a training's.
    public static let maximumLayers = 16
    /// Samples of a finite-sum objective.
    public static let maximumSamples = 100_000
}
