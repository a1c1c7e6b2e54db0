import Optimizers

/// How weight matrices start: the rules of `torch.nn.init`, with its names, defaults and fan computations.
///
/// For a weight W of shape (n_out, n_in) — `nn.Linear.weight` — torch's
/// `_calculate_fan_in_and_fan_out` gives fan_in = n_in and fan_out = n_out. Samples
/// come from coursegen's seeded generator, so values match torch's in distribution,
/// not in bits. `nn.Linear`'s own default is `torchLinearDefault`
/// (Kaiming uniform with a = √5, i.e. U(−1/√n_in, 1/√n_in)); the Deep Learning from
/// Scratch network uses `.kaimingNormal()` with zero biases (`BiasInitialization.zeros`).
public enum Initialization: Hashable, Sendable {
    /// `uniform_(a, b)`: W ~ U(a, b).
    case uniform(a: Double = 0, b: Double = 1)
    /// `normal_(mean, std)`: W ~ N(mean, std²).
    case normal(mean: Double = 0, std: Double = 1)
    /// `constant_(val)`: every weight equals `value`.
    case constant(value: Double)
    /// `zeros_`.
    case zeros
    /// `ones_`.
    case ones
    /// `xavier_uniform_(gain)`: U(−a, a) with a = gain·√(6 / (n_in + n_out)) (Glorot & Bengio 2010).
    case xavierUniform(gain: Double = 1)
    /// `xavier_normal_(gain)`: N(0, σ²) with σ = gain·√(2 / (n_in + n_out)).
    case xavierNormal(gain: Double = 1)
    /// `kaiming_uniform_(a, mode, nonlinearity)`: U(−b, b) with b = gain·√(3 / fan) (He et al. 2015).
    ///
    /// `a` is the leaky-ReLU negative slope passed to `calculate_gain`; torch's defaults
    /// (a = 0, fan_in, leaky_relu) give gain √2, the same as ReLU.
    case kaimingUniform(a: Double = 0, mode: FanMode = .fanIn, nonlinearity: Nonlinearity = .leakyRelu)
    /// `kaiming_normal_(a, mode, nonlinearity)`: N(0, σ²) with σ = gain / √fan.
    case kaimingNormal(a: Double = 0, mode: FanMode = .fanIn, nonlinearity: Nonlinearity = .leakyRelu)

    /// `nn.Linear`'s default weight initialisation: `kaiming_uniform_(a=√5)`, which is U(−1/√n_in, 1/√n_in).
    public static let torchLinearDefault = Initialization.kaimingUniform(a: 5.0.squareRoot())

    /// The directive spelling, the name of its `InitializationSpec`: "kaimingNormal".
    public var name: String {
        switch self {
        case .uniform: "uniform"
        case .normal: "normal"
        case .constant: "constant"
        case .zeros: "zeros"
        case .ones: "ones"
        case .xavierUniform: "xavierUniform"
        case .xavierNormal: "xavierNormal"
        case .kaimingUniform: "kaimingUniform"
        case .kaimingNormal: "kaimingNormal"
        }
    }

    /// torch's function name: "kaiming_normal_".
    public var torchName: String {
        switch self {
        case .uniform: "uniform_"
        case .normal: "normal_"
        case .constant: "constant_"
        case .zeros: "zeros_"
        case .ones: "ones_"
        case .xavierUniform: "xavier_uniform_"
        case .xavierNormal: "xavier_normal_"
        case .kaimingUniform: "kaiming_uniform_"
        case .kaimingNormal: "kaiming_normal_"
        }
    }

    /// The name for tables and legends: "Kaiming (He) normal".
    public var displayName: String {
        switch self {
        case .uniform, .normal, .constant, .zeros, .ones: name
        case .xavierUniform: "Xavier (Glorot) uniform"
        case .xavierNormal: "Xavier (Glorot) normal"
        case .kaimingUniform: "Kaiming (He) uniform"
        case .kaimingNormal: "Kaiming (He) normal"
        }
    }

    /// The gain torch uses, for Xavier (as given) and Kaiming (`calculate_gain(nonlinearity, a)`); nil otherwise.
    public var gain: Double? {
        switch self {
        case .xavierUniform(let gain), .xavierNormal(let gain): gain
        case .kaimingUniform(let a, _, let nonlinearity), .kaimingNormal(let a, _, let nonlinearity):
            nonlinearity.gain(param: a)
        case .uniform, .normal, .constant, .zeros, .ones: nil
        }
    }

    /// The rule as LaTeX in the symbols of its parameters, for the page's formula table.
    ///
    /// n_in and n_out are the weight's fan_in and fan_out.
    public var latex: String {
        let xavierFan = "n_{\\text{in}} + n_{\\text{out}}"
        switch self {
        case .uniform: return "W_{ij} \\sim \\mathcal{U}(a, b)"
        case .normal: return "W_{ij} \\sim \\mathcal{N}(\\mu, \\sigma^2)"
        case .constant: return "W_{ij} = c"
        case .zeros: return "W_{ij} = 0"
        case .ones: return "W_{ij} = 1"
        case .xavierUniform:
            return "W_{ij} \\sim \\mathcal{U}(-a, a), \\quad a = \\text{gain} \\cdot \\sqrt{\\frac{6}{\(xavierFan)}}"
        case .xavierNormal:
            return "W_{ij} \\sim \\mathcal{N}(0, \\sigma^2), \\quad \\sigma = \\text{gain} \\cdot \\sqrt{\\frac{2}{\(xavierFan)}}"
        case .kaimingUniform(_, let mode, let nonlinearity):
            return "W_{ij} \\sim \\mathcal{U}(-b, b), \\quad b = \(nonlinearity.gainLatex) \\cdot \\sqrt{\\frac{3}{\(mode.latex)}}"
        case .kaimingNormal(_, let mode, let nonlinearity):
            return "W_{ij} \\sim \\mathcal{N}(0, \\sigma^2), \\quad \\sigma = \\frac{\(nonlinearity.gainLatex)}{\\sqrt{\(mode.latex)}}"
        }
    }

    /// The parameters as a call writes them: "gain: 1", "mode: .fanIn, nonlinearity: .relu".
    public var arguments: String {
        switch self {
        case .uniform(let a, let b): "a: \(a), b: \(b)"
        case .normal(let mean, let std): "mean: \(mean), std: \(std)"
        case .constant(let value): "value: \(value)"
        case .zeros, .ones: ""
        case .xavierUniform(let gain), .xavierNormal(let gain): "gain: \(gain)"
        case .kaimingUniform(let a, let mode, let nonlinearity), .kaimingNormal(let a, let mode, let nonlinearity):
            (a == 0 ? "" : "a: \(a), ") + "mode: .\(mode.rawValue), nonlinearity: .\(nonlinearity.rawValue)"
        }
    }

    /// The mean and standard deviation of one weight for a matrix with these fans.
    public func moments(fanIn: Int, fanOut: Int) -> (mean: Double, std: Double) {
        switch self {
        case .uniform(let a, let b): ((a + b) / 2, (b - a) / 12.0.squareRoot())
        case .normal(let mean, let std): (mean, std)
        case .constant(let value): (value, 0)
        case .zeros: (0, 0)
        case .ones: (1, 0)
        case .xavierUniform, .kaimingUniform: (0, bound(fanIn: fanIn, fanOut: fanOut)! / 3.0.squareRoot())
        case .xavierNormal(let gain): (0, gain * (2 / Double(fanIn + fanOut)).squareRoot())
        case .kaimingNormal(_, let mode, _):
            (0, gain! / Double(mode.fan(fanIn: fanIn, fanOut: fanOut)).squareRoot())
        }
    }

    /// The half-width of the symmetric uniform rules (Xavier and Kaiming uniform); nil for the others.
    public func bound(fanIn: Int, fanOut: Int) -> Double? {
        switch self {
        case .xavierUniform(let gain): gain * (6 / Double(fanIn + fanOut)).squareRoot()
        case .kaimingUniform(_, let mode, _): gain! * (3 / Double(mode.fan(fanIn: fanIn, fanOut: fanOut))).squareRoot()
        default: nil
        }
    }

    /// Why these parameters are invalid, in torch's words; nil when valid.
    public var validationError: String? {
        switch self {
        case .uniform(let a, let b) where !(a <= b) || !a.isFinite || !b.isFinite:
            "uniform expects a ≤ b, both finite, but found a=\(a) > b=\(b)"
        case .normal(_, let std) where !(std >= 0) || !std.isFinite:
            "normal expects std ≥ 0.0, but found std \(std)"
        case .xavierUniform(let gain) where !(gain > 0), .xavierNormal(let gain) where !(gain > 0):
            "the gain must be positive, not \(gain)"
        case .constant(let value) where !value.isFinite:
            "constant expects a finite value, not \(value)"
        default: nil
        }
    }

    /// Fills a weight matrix with `fanIn` inputs and `fanOut` outputs.
    func fill(
        _ weights: UnsafeMutableBufferPointer<Double>, fanIn: Int, fanOut: Int, using generator: inout Xoshiro256StarStar
    ) {
        switch self {
        case .uniform(let a, let b):
            for i in weights.indices { weights[i] = a + (b - a) * generator.halfOpenUniform() }
        case .normal(let mean, let std):
            for i in weights.indices { weights[i] = mean + std * generator.nextNormal() }
        case .constant(let value): weights.update(repeating: value)
        case .zeros: weights.update(repeating: 0)
        case .ones: weights.update(repeating: 1)
        case .xavierUniform, .kaimingUniform:
            let bound = bound(fanIn: fanIn, fanOut: fanOut)!
            for i in weights.indices { weights[i] = -bound + 2 * bound * generator.halfOpenUniform() }
        case .xavierNormal, .kaimingNormal:
            let std = moments(fanIn: fanIn, fanOut: fanOut).std
            for i in weights.indices { weights[i] = std * generator.nextNormal() }
        }
    }
}
