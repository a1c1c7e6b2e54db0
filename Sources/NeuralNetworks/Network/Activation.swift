import Foundation

/// The nonlinearity after each hidden dense layer.
public enum Activation: String, Hashable, Sendable, CaseIterable {
    case relu
    case sigmoid
    case tanh

    /// The name for tables and captions: "ReLU", "sigmoid", "tanh".
    public var displayName: String {
        switch self {
        case .relu: "ReLU"
        case .sigmoid: "sigmoid"
        case .tanh: "tanh"
        }
    }

    /// The function as LaTeX, for the page.
    public var latex: String {
        switch self {
        case .relu: "\\operatorname{ReLU}(z) = \\max(0, z)"
        case .sigmoid: "\\sigma(z) = \\frac{1}{1 + e^{-z}}"
        case .tanh: "\\tanh(z) = \\frac{e^{z} - e^{-z}}{e^{z} + e^{-z}}"
        }
    }

    /// The `torch.nn.init` nonlinearity whose gain suits this activation.
    public var nonlinearity: Nonlinearity {
        switch self {
        case .relu: .relu
        case .sigmoid: .sigmoid
        case .tanh: .tanh
        }
    }

    /// The values the activation can take, for histogram ranges: [0, 1] for sigmoid, [−1, 1] for tanh, nil for ReLU.
    public var bounds: ClosedRange<Double>? {
        switch self {
        case .relu: nil
        case .sigmoid: 0...1
        case .tanh: -1...1
        }
    }

    /// Applies the activation to `count` values in place.
    @inline(__always)
    func apply(_ values: UnsafeMutablePointer<Double>, count: Int) {
        switch self {
        case .relu:
            // SIMD selects: scalar code branches on the sign, which mispredicts half the time.
            var i = 0
            while i + 8 <= count {
                var v = UnsafeRawPointer(values + i).loadUnaligned(as: SIMD8<Double>.self)
                v.replace(with: 0, where: v .< 0)
                UnsafeMutableRawPointer(values + i).storeBytes(of: v, as: SIMD8<Double>.self)
                i += 8
            }
            while i < count {
                if values[i] < 0 { values[i] = 0 }
                i += 1
            }
        case .sigmoid:
            // Split by sign so exp never overflows: σ(z) = 1/(1+e^{−z}) = e^{z}/(1+e^{z}).
            for i in 0..<count {
                let z = values[i]
                if z >= 0 {
                    values[i] = 1 / (1 + exp(-z))
                } else {
                    let e = exp(z)
                    values[i] = e / (1 + e)
                }
            }
        case .tanh:
            for i in 0..<count { values[i] = Foundation.tanh(values[i]) }
        }
    }

    /// Multiplies `gradient` in place by the derivative, computed from the activation's outputs `outputs`.
    ///
    /// ReLU′ = [a > 0] (0 at 0, as PyTorch), σ′ = a(1 − a), tanh′ = 1 − a².
    @inline(__always)
    func backpropagate(_ gradient: UnsafeMutablePointer<Double>, outputs: UnsafePointer<Double>, count: Int) {
        switch self {
        case .relu:
            var i = 0
            while i + 8 <= count {
                let a = UnsafeRawPointer(outputs + i).loadUnaligned(as: SIMD8<Double>.self)
                var g = UnsafeRawPointer(gradient + i).loadUnaligned(as: SIMD8<Double>.self)
                g.replace(with: 0, where: a .<= 0)
                UnsafeMutableRawPointer(gradient + i).storeBytes(of: g, as: SIMD8<Double>.self)
                i += 8
            }
            while i < count {
                if !(outputs[i] > 0) { gradient[i] = 0 }
                i += 1
            }
        case .sigmoid:
            for i in 0..<count { gradient[i] *= outputs[i] * (1 - outputs[i]) }
        case .tanh:
            for i in 0..<count { gradient[i] *= 1 - outputs[i] * outputs[i] }
        }
    }
}
