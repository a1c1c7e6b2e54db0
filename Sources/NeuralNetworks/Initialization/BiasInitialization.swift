import Optimizers

/// How dense layers' biases start.
///
/// The Deep Learning from Scratch baseline, and the PyTorch benchmark beside it, set
/// biases to zero; `nn.Linear`'s own default draws them from U(−1/√n_in, 1/√n_in).
public enum BiasInitialization: Hashable, Sendable {
    case zeros
    case constant(Double)
    /// `nn.Linear.reset_parameters`: U(−1/√fan_in, 1/√fan_in).
    case torchDefault

    /// The rule as LaTeX.
    public var latex: String {
        switch self {
        case .zeros: "b_i = 0"
        case .constant: "b_i = c"
        case .torchDefault: "b_i \\sim \\mathcal{U}\\left(-\\frac{1}{\\sqrt{n_{\\text{in}}}}, \\frac{1}{\\sqrt{n_{\\text{in}}}}\\right)"
        }
    }

    /// Fills `biases` of a layer with `fanIn` inputs.
    func fill(_ biases: UnsafeMutableBufferPointer<Double>, fanIn: Int, using generator: inout Xoshiro256StarStar) {
        switch self {
        case .zeros: biases.update(repeating: 0)
        case .constant(let value): biases.update(repeating: value)
        case .torchDefault:
            let bound = 1 / Double(fanIn).squareRoot()
            for i in biases.indices { biases[i] = -bound + 2 * bound * generator.halfOpenUniform() }
        }
    }
}
