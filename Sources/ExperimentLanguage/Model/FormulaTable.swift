import CourseDiagnostics
import Optimizers

/// `Formulas(.sgd, .momentum, .adam)`: the catalog's update rules, side by side.
public struct FormulaTable: Sendable {
    /// The methods in the order written.
    public var optimizers: [OptimizerSpec]
    public var location: SourceLocation

    /// The catalog ids, in order (`["sgd", "adam"]`).
    public var ids: [String] { optimizers.map(\.id) }
}

extension FormulaTable: CheckedDirective {
    /// A table of formulas computes nothing.
    public var cost: DirectiveCost { .zero }
}
