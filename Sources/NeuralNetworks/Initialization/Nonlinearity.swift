/// The nonlinearities `torch.nn.init.calculate_gain` knows, for Xavier and Kaiming gains.
public enum Nonlinearity: String, Hashable, Sendable, CaseIterable {
    case linear
    case sigmoid
    case tanh
    case relu
    case leakyRelu
    case selu

    /// `torch.nn.init.calculate_gain(nonlinearity, param)`.
    ///
    /// 1 for linear and sigmoid, 5/3 for tanh, √2 for ReLU, √(2 / (1 + s²)) for leaky
    /// ReLU with negative slope s = `param` (0.01 when nil, as torch), 3/4 for SELU.
    public func gain(param: Double? = nil) -> Double {
        switch self {
        case .linear, .sigmoid: 1
        case .tanh: 5.0 / 3
        case .relu: 2.0.squareRoot()
        case .leakyRelu:
            (2.0 / (1 + (param ?? 0.01) * (param ?? 0.01))).squareRoot()
        case .selu: 3.0 / 4
        }
    }

    /// The gain's formula as LaTeX.
    public var gainLatex: String {
        switch self {
        case .linear, .sigmoid: "1"
        case .tanh: "\\frac{5}{3}"
        case .relu: "\\sqrt{2}"
        case .leakyRelu: "\\sqrt{\\frac{2}{1 + a^2}}"
        case .selu: "\\frac{3}{4}"
        }
    }

    /// torch's spelling: "linear", "sigmoid", "tanh", "relu", "leaky_relu", "selu".
    public var torchName: String { self == .leakyRelu ? "leaky_relu" : rawValue }
}
