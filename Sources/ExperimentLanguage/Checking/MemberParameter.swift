import CourseDiagnostics

/// A labeled number an implicit member takes, as in `.cosine(steps: 100, minLR: 0)` or
/// `.moons(samples: 300, noise: 0.1)`: its label, its default, and which numbers it accepts.
struct MemberParameter: Sendable {
    enum Kind: Sendable {
        /// Any finite number.
        case number
        /// A whole number.
        case integer
        /// A whole number from 1 to ``Limits/maximumSamples``, such as a dataset's size.
        case count
        /// A number ≥ 0, such as a noise level.
        case nonNegative
    }

    let label: String
    /// `nil` when the argument is required.
    let defaultValue: Double?
    let kind: Kind

    static func number(_ label: String, _ defaultValue: Double? = nil) -> MemberParameter {
        MemberParameter(label: label, defaultValue: defaultValue, kind: .number)
    }

    static func integer(_ label: String, _ defaultValue: Double? = nil) -> MemberParameter {
        MemberParameter(label: label, defaultValue: defaultValue, kind: .integer)
    }

    static func count(_ label: String, _ defaultValue: Double) -> MemberParameter {
        MemberParameter(label: label, defaultValue: defaultValue, kind: .count)
    }

    static func nonNegative(_ label: String, _ defaultValue: Double) -> MemberParameter {
        MemberParameter(label: label, defaultValue: defaultValue, kind: .nonNegative)
    }
}

extension ValueReader {
    /// The values of `member`'s arguments matched to `parameters`, defaults filled in, in the
    /// parameters' order; `nil` after reporting the first argument that is wrong.
    func values(of member: Member, _ parameters: [MemberParameter], _ diagnostics: inout [Diagnostic]) -> [Double]? {
        guard let matched = ArgumentMatcher(origin: origin).match(
            member.arguments ?? [], to: parameters.map { .init($0.label, required: $0.defaultValue == nil) }, callee: "." + member.name,
            calleeRange: member.nameRange, diagnostics: &diagnostics)
        else { return nil }
        var values: [Double] = []
        for (index, parameter) in parameters.enumerated() {
            guard let argument = matched[index] else {
                values.append(parameter.defaultValue!)
                continue
            }
            guard let value = value(argument.value, of: parameter, &diagnostics) else { return nil }
            values.append(value)
        }
        return values
    }

    private func value(_ expr: ExprSyntax, of parameter: MemberParameter, _ diagnostics: inout [Diagnostic]) -> Double? {
        let what = "'\(parameter.label)'"
        switch parameter.kind {
        case .number:
            return number(expr, what, &diagnostics)
        case .integer:
            return integer(expr, what, &diagnostics).map(Double.init)
        case .count:
            return integer(expr, what, in: 1...Limits.maximumSamples, &diagnostics).map(Double.init)
        case .nonNegative:
            return nonNegative(expr, what, &diagnostics)
        }
    }
}
