/// One initialiser as a directive writes it: its name, its labelled parameters with defaults, and how to build it.
///
/// The directive checker resolves `initialization: .kaimingNormal(mode: .fanOut)` against
/// `InitializationSpec.all` (with did-you-mean over the names) instead of restating the table.
public struct InitializationSpec: Sendable {
    /// A parameter's value as written: a number, or an implicit member such as `.fanOut` or `.relu`.
    public enum Value: Hashable, Sendable {
        case real(Double)
        case fanMode(FanMode)
        case nonlinearity(Nonlinearity)
    }

    /// What a parameter accepts.
    public enum Kind: Hashable, Sendable {
        case real, fanMode, nonlinearity
    }

    public struct Parameter: Hashable, Sendable {
        /// The argument label: "mode"; "" never occurs (every parameter is labelled, as in torch's keywords).
        public let label: String
        public let kind: Kind
        /// nil when the argument is required.
        public let defaultValue: Value?
    }

    /// The directive spelling: "kaimingNormal".
    public let name: String
    public let parameters: [Parameter]
    private let build: @Sendable ([String: Value]) -> Initialization

    /// The initialiser for `arguments` (labels to values), defaults filled in; nil when a
    /// label is unknown, a required argument is missing, or a value has the wrong kind.
    public func make(_ arguments: [String: Value]) -> Initialization? {
        var values = [String: Value]()
        for parameter in parameters {
            guard let value = arguments[parameter.label] ?? parameter.defaultValue, value.kind == parameter.kind else { return nil }
            values[parameter.label] = value
        }
        guard arguments.keys.allSatisfy({ label in parameters.contains { $0.label == label } }) else { return nil }
        return build(values)
    }

    /// Every initialiser, in the order of torch.nn.init's documentation.
    public static let all: [InitializationSpec] = [
        InitializationSpec(name: "uniform", parameters: [.real("a", 0), .real("b", 1)]) {
            .uniform(a: $0.real("a"), b: $0.real("b"))
        },
        InitializationSpec(name: "normal", parameters: [.real("mean", 0), .real("std", 1)]) {
            .normal(mean: $0.real("mean"), std: $0.real("std"))
        },
        InitializationSpec(name: "constant", parameters: [.real("value", nil)]) { .constant(value: $0.real("value")) },
        InitializationSpec(name: "zeros", parameters: []) { _ in .zeros },
        InitializationSpec(name: "ones", parameters: []) { _ in .ones },
        InitializationSpec(name: "xavierUniform", parameters: [.real("gain", 1)]) { .xavierUniform(gain: $0.real("gain")) },
        InitializationSpec(name: "xavierNormal", parameters: [.real("gain", 1)]) { .xavierNormal(gain: $0.real("gain")) },
        InitializationSpec(name: "kaimingUniform", parameters: kaimingParameters) {
            .kaimingUniform(a: $0.real("a"), mode: $0.fanMode, nonlinearity: $0.nonlinearity)
        },
        InitializationSpec(name: "kaimingNormal", parameters: kaimingParameters) {
            .kaimingNormal(a: $0.real("a"), mode: $0.fanMode, nonlinearity: $0.nonlinearity)
        },
    ]

    /// The spec called `name`, or nil.
    public static func named(_ name: String) -> InitializationSpec? { all.first { $0.name == name } }

    private static let kaimingParameters: [Parameter] = [
        .real("a", 0),
        Parameter(label: "mode", kind: .fanMode, defaultValue: .fanMode(.fanIn)),
        Parameter(label: "nonlinearity", kind: .nonlinearity, defaultValue: .nonlinearity(.leakyRelu)),
    ]

    private init(name: String, parameters: [Parameter], build: @escaping @Sendable ([String: Value]) -> Initialization) {
        self.name = name
        self.parameters = parameters
        self.build = build
    }
}

extension InitializationSpec.Parameter {
    fileprivate static func real(_ label: String, _ defaultValue: Double?) -> Self {
        Self(label: label, kind: .real, defaultValue: defaultValue.map { .real($0) })
    }
}

extension InitializationSpec.Value {
    var kind: InitializationSpec.Kind {
        switch self {
        case .real: .real
        case .fanMode: .fanMode
        case .nonlinearity: .nonlinearity
        }
    }
}

extension [String: InitializationSpec.Value] {
    // `make` has checked every value's kind against its parameter before `build` reads it.
    fileprivate func real(_ label: String) -> Double {
        guard case .real(let value) = self[label] else { preconditionFailure("checked by make") }
        return value
    }

    fileprivate var fanMode: FanMode {
        guard case .fanMode(let mode) = self["mode"] else { preconditionFailure("checked by make") }
        return mode
    }

    fileprivate var nonlinearity: Nonlinearity {
        guard case .nonlinearity(let nonlinearity) = self["nonlinearity"] else { preconditionFailure("checked by make") }
        return nonlinearity
    }
}
