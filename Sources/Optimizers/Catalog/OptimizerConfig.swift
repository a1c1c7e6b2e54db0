/// A resolved optimizer call: the method and a value for every hyperparameter.
///
/// Build one with ``init(callName:arguments:)``, which fills in the catalog's
/// defaults. `values` is keyed by hyperparameter name; iterate hyperparameters
/// in the spec's order (``orderedValues``), never in dictionary order.
public struct OptimizerConfig: Hashable, Sendable, CustomStringConvertible {
    /// The call's name as the catalog spells it: `Adam`, `LBFGS`.
    public let callName: String
    /// Every hyperparameter of the method, defaults filled in.
    public let values: [String: HyperValue]

    /// A configuration from values exactly as given (no defaults are filled in).
    public init(callName: String, values: [String: HyperValue]) {
        self.callName = callName
        self.values = values
    }

    /// The method `callName` with `arguments`, defaults filled in for the rest.
    ///
    /// Arguments that the method does not have are kept, so that
    /// ``OptimizerCatalog/problems(in:)`` can report them.
    public init(callName: String, arguments: [String: HyperValue]) {
        var values = arguments
        for parameter in OptimizerCatalog.spec(callName: callName)?.hyperparameters ?? [] {
            if values[parameter.name] == nil, let value = parameter.defaultValue {
                values[parameter.name] = value
            }
        }
        self.init(callName: callName, values: values)
    }

    /// The method's catalog entry, or `nil` for an unknown call name.
    public var spec: OptimizerSpec? { OptimizerCatalog.spec(callName: callName) }

    /// The method a wrapper runs (``MethodCapabilities/wrapsMethod``: Lookahead's unlabeled
    /// argument), or `nil` for a method that wraps none.
    public var inner: OptimizerConfig? {
        spec?.capabilities.contains(.wrapsMethod) == true ? values[""]?.optimizer : nil
    }

    /// Whether the method, or a method it wraps, has every one of `capabilities`
    /// (a Lookahead around Newton needs the Hessian; one around SWATS may switch).
    public func has(_ capabilities: MethodCapabilities) -> Bool {
        spec?.capabilities.isSuperset(of: capabilities) == true || inner?.has(capabilities) == true
    }

    /// Whether the method evaluates another point than its iterate (``MethodCapabilities/evaluatesAverage``:
    /// schedule-free's average x); a wrapper's inner method does not count, since Lookahead resets
    /// the iterate the average is of.
    public var evaluatesAverage: Bool { spec?.capabilities.contains(.evaluatesAverage) == true }

    /// Whether a run of this configuration has an effective learning rate to record: its
    /// method's (``OptimizerSpec/effectiveLearningRate``), or for a wrapper its inner method's.
    public var hasEffectiveLearningRate: Bool {
        if let inner { return inner.hasEffectiveLearningRate }
        return spec?.effectiveLearningRate != nil
    }

    /// The configured learning rate η, for a wrapper its inner method's.
    var learningRate: Double {
        inner?.learningRate ?? self[real: "lr"]
    }

    /// The values in the spec's hyperparameter order (names the spec lacks are left out).
    public var orderedValues: [(name: String, value: HyperValue)] {
        (spec?.hyperparameters ?? []).compactMap { parameter in
            values[parameter.name].map { (parameter.name, $0) }
        }
    }

    subscript(real name: String) -> Double {
        values[name]?.real ?? spec?.parameter(name)?.defaultValue?.real ?? 0
    }

    subscript(integer name: String) -> Int {
        values[name]?.integer ?? spec?.parameter(name)?.defaultValue?.integer ?? 0
    }

    subscript(bool name: String) -> Bool {
        values[name]?.bool ?? spec?.parameter(name)?.defaultValue?.bool ?? false
    }

    subscript(pair name: String) -> (Double, Double) {
        values[name]?.pair ?? spec?.parameter(name)?.defaultValue?.pair ?? (0, 0)
    }

    subscript(choice name: String) -> String {
        values[name]?.choice ?? spec?.parameter(name)?.defaultValue?.choice ?? ""
    }

    /// The call with every hyperparameter spelled out in spec order:
    /// `Adam(lr: 0.3, betas: (0.9, 0.999), eps: 1e-08, weightDecay: 0.0, amsgrad: false)`.
    public var description: String {
        let arguments = orderedValues.map { $0.name.isEmpty ? $0.value.description : "\($0.name): \($0.value)" }
        return "\(callName)(\(arguments.joined(separator: ", ")))"
    }
}
