import CourseDiagnostics
import NeuralNetworks

/// A checked `Activations` builder: standard-normal inputs through a stack of equal dense
/// layers without biases, once per weight initialisation, each layer's activations histogrammed.
public struct ActivationsStudy: Sendable {
    public var title: String
    /// What `ActivationHistograms.run` takes; its rows are the `Weights` statements in order.
    public var configuration: ActivationHistogramsConfiguration
    /// Each `Weights` statement as written, in the order of `configuration.rows`.
    public var calls: [String]
    public var expectations: [ActivationExpectation]
    /// The fence's text, for a "source" disclosure beside the figure.
    public var source: String
    /// The builder's name in the chapter.
    public var location: SourceLocation
}

/// A claim about one layer's activations under one initialisation.
///
/// The spread is the standard deviation of the layer's activations over every unit and
/// input; the saturated share is the fraction of activations in the histogram's first
/// and last bins or beyond them (with sigmoid's 30 bins over [0, 1]: below 1/30 or above 29/30).
public struct ActivationExpectation: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// `stdAbove: s`: the layer's activations have a standard deviation above s.
        case stdAbove(Double)
        /// `stdBelow: s`: the standard deviation is below s.
        case stdBelow(Double)
        /// `saturatedAbove: f`: more than the fraction f of activations sit at the range's ends.
        case saturatedAbove(Double)
        /// `widerThan: "B"`: the standard deviation is larger than B's at the same layer.
        case widerThan(String)
    }

    /// The row's label.
    public var label: String
    /// The 1-based layer.
    public var layer: Int
    public var kind: Kind
    /// The `Expect` call as written, whitespace normalised.
    public var call: String
    public var location: SourceLocation
}

extension ActivationsStudy: CheckedDirective {
    public var figureTitle: String? { title }

    public var cost: DirectiveCost { DirectiveCost.of(configuration) }
}
