/// The catalog's range checks, each producing PyTorch's message followed by the
/// range in the directive's own names: "Invalid learning rate: -0.1 (lr must be ≥ 0)".
enum Validation {
    /// `value ≥ 0` and finite.
    static func nonNegative(_ what: String, _ name: String) -> @Sendable (HyperValue) -> String? {
        { value in
            guard let x = value.real else { return nil }
            return x >= 0 && x.isFinite ? nil : "Invalid \(what): \(value) (\(name) must be ≥ 0)"
        }
    }

    /// `value > 0` and finite (Lion's learning rate, which lion-pytorch asserts positive).
    static func positive(_ what: String, _ name: String) -> @Sendable (HyperValue) -> String? {
        { value in
            guard let x = value.real else { return nil }
            return x > 0 && x.isFinite ? nil : "Invalid \(what): \(value) (\(name) must be > 0)"
        }
    }

    /// Finite; PyTorch checks nothing more (dampening).
    static func finite(_ what: String, _ name: String) -> @Sendable (HyperValue) -> String? {
        { value in
            guard let x = value.real else { return nil }
            return x.isFinite ? nil : "Invalid \(what): \(value) (\(name) must be finite)"
        }
    }

    /// `0 ≤ value ≤ 1`.
    static func unitInterval(_ what: String, _ name: String) -> @Sendable (HyperValue) -> String? {
        { value in
            guard let x = value.real else { return nil }
            return (0...1).contains(x) ? nil : "Invalid \(what): \(value) (\(name) must be in [0, 1])"
        }
    }

    /// An integer `≥ minimum`.
    static func atLeast(_ minimum: Int, _ what: String, _ name: String) -> @Sendable (HyperValue) -> String? {
        { value in
            guard let n = value.integer else { return "Invalid \(what): \(value) (\(name) must be an integer ≥ \(minimum))" }
            return n >= minimum ? nil : "Invalid \(what): \(value) (\(name) must be ≥ \(minimum))"
        }
    }

    /// Both coefficients in `[0, 1)`, as PyTorch's `betas`.
    static let betas: @Sendable (HyperValue) -> String? = { value in
        guard let (b1, b2) = value.pair else { return nil }
        if !(0 <= b1 && b1 < 1) {
            return "Invalid beta parameter at index 0: \(HyperValue.format(b1)) (betas must each be in [0, 1))"
        }
        if !(0 <= b2 && b2 < 1) {
            return "Invalid beta parameter at index 1: \(HyperValue.format(b2)) (betas must each be in [0, 1))"
        }
        return nil
    }
}

/// Which values a number accepts, stated once for the range column and for the message.
enum ValidRange: Sendable {
    case nonNegative, positive, finite, unitInterval
    /// An integer `≥ minimum`.
    case atLeast(Int)

    /// "lr must be ≥ 0", in the directive's name for the value.
    func description(of name: String) -> String {
        switch self {
        case .nonNegative: return "\(name) must be ≥ 0"
        case .positive: return "\(name) must be > 0"
        case .finite: return "\(name) must be finite"
        case .unitInterval: return "\(name) must be in [0, 1]"
        case .atLeast(let minimum): return "\(name) must be ≥ \(minimum)"
        }
    }

    /// The check, with PyTorch's words `what` for the value ("learning rate", "lr_decay value").
    func check(_ what: String, _ name: String) -> @Sendable (HyperValue) -> String? {
        switch self {
        case .nonNegative: return Validation.nonNegative(what, name)
        case .positive: return Validation.positive(what, name)
        case .finite: return Validation.finite(what, name)
        case .unitInterval: return Validation.unitInterval(what, name)
        case .atLeast(let minimum): return Validation.atLeast(minimum, what, name)
        }
    }
}
