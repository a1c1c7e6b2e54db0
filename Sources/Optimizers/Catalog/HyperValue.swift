/// A hyperparameter's value as a directive writes it.
///
/// Reals accept integers (`lr: 1` is `lr: 1.0`); read them with ``real``.
public indirect enum HyperValue: Hashable, Sendable, CustomStringConvertible {
    case real(Double)
    case integer(Int)
    case bool(Bool)
    /// A tuple of two reals, such as `betas: (0.9, 0.999)`.
    case pair(Double, Double)
    /// An implicit member such as `lineSearch: .strongWolfe`, stored without the dot.
    case choice(String)
    /// A wrapped optimizer, such as Lookahead's unlabeled first argument.
    case optimizer(OptimizerConfig)

    /// The value as a real number: `.real` as is, `.integer` converted; otherwise `nil`.
    public var real: Double? {
        switch self {
        case .real(let value): return value
        case .integer(let value): return Double(value)
        default: return nil
        }
    }

    /// The value as an integer: `.integer` as is, or a `.real` with an integral value; otherwise `nil`.
    public var integer: Int? {
        switch self {
        case .integer(let value): return value
        case .real(let value) where value.rounded() == value && abs(value) < 1e15: return Int(value)
        default: return nil
        }
    }

    /// The value as a Boolean, or `nil` when it is not one.
    public var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    /// The value as a pair of reals, or `nil` when it is not one.
    public var pair: (Double, Double)? {
        if case .pair(let a, let b) = self { return (a, b) }
        return nil
    }

    /// The implicit member's name, or `nil` when it is not a choice.
    public var choice: String? {
        if case .choice(let name) = self { return name }
        return nil
    }

    /// The wrapped optimizer, or `nil` when the value is not one.
    public var optimizer: OptimizerConfig? {
        if case .optimizer(let config) = self { return config }
        return nil
    }

    /// The value as a directive writes it: `0.9`, `(0.9, 0.999)`, `.strongWolfe`, `Adam(lr: 0.1)`.
    public var description: String {
        switch self {
        case .real(let value): return Self.format(value)
        case .integer(let value): return String(value)
        case .bool(let value): return String(value)
        case .pair(let a, let b): return "(\(Self.format(a)), \(Self.format(b)))"
        case .choice(let name): return "." + name
        case .optimizer(let config): return config.description
        }
    }

    /// Swift's shortest round-tripping spelling of a double (`0.1`, `1e-08`, `1.0`).
    static func format(_ value: Double) -> String { "\(value)" }
}

/// The type a hyperparameter accepts, which the directive checker enforces.
public enum HyperKind: Hashable, Sendable, CustomStringConvertible {
    case real, integer, bool, pair
    /// One of the listed implicit members (names without the dot).
    case choice([String])
    case optimizer

    /// Whether `value` has this kind; an integer literal counts as a real.
    public func accepts(_ value: HyperValue) -> Bool {
        switch (self, value) {
        case (.real, .real), (.real, .integer), (.integer, .integer), (.bool, .bool), (.pair, .pair),
            (.optimizer, .optimizer):
            return true
        case (.choice(let names), .choice(let name)):
            return names.contains(name)
        default:
            return false
        }
    }

    /// Words for a type error: "a real number", "one of .strongWolfe, .none".
    public var description: String {
        switch self {
        case .real: return "a number"
        case .integer: return "an integer"
        case .bool: return "true or false"
        case .pair: return "a pair of numbers such as (0.9, 0.999)"
        case .choice(let names): return "one of " + names.map { "." + $0 }.joined(separator: ", ")
        case .optimizer: return "an optimizer call such as Adam(lr: 0.1)"
        }
    }
}
