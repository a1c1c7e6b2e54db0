/// Which fan Kaiming initialisation scales by: fan_in keeps the forward pass's variance, fan_out the backward pass's.
public enum FanMode: String, Hashable, Sendable, CaseIterable {
    case fanIn
    case fanOut

    /// The fan for a weight matrix of `fanIn` inputs and `fanOut` outputs.
    public func fan(fanIn: Int, fanOut: Int) -> Int { self == .fanIn ? fanIn : fanOut }

    /// LaTeX for the fan: n_in or n_out.
    public var latex: String { self == .fanIn ? "n_{\\text{in}}" : "n_{\\text{out}}" }
}
