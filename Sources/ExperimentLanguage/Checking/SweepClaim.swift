import CourseDiagnostics

/// Reads a claim's `variants:` in one variant of a sweep: `.all` (the default), `.none`,
/// `.exactlyWhen(condition)` or `.when(condition)`, where the condition compares the swept
/// values by name (`lr > 1`, `momentum >= 0.9 && lr < 0.1`).
struct SweepClaim {
    let reader: ValueReader
    /// The variant's swept values by name; `nil` when the experiment sweeps nothing.
    let values: [String: Double]?

    static let forms = "'variants: .all', 'variants: .none', 'variants: .exactlyWhen(lr > 1)' or 'variants: .when(lr < 0.5)'"

    /// The scope as written and whether the claim must hold in this variant (`nil`: not checked here).
    func scope(_ argument: ArgumentSyntax, _ diagnostics: inout [Diagnostic]) -> (VariantScope, Bool?)? {
        guard let values else {
            diagnostics.append(reader.error(
                "'variants:' is for an experiment that sweeps a value, and this one sweeps none", argument.labelRange ?? argument.range,
                hint: "remove 'variants:', or write 'Sweep(…)' for a value, as in 'SGD(lr: Sweep(0.1, 0.5, 1.1))'"))
            return nil
        }
        let choices = ["all", "none", "exactlyWhen(condition)", "when(condition)"]
        guard let member = reader.member(argument.value, "'variants'", choices: choices, &diagnostics) else { return nil }
        switch (member.name, member.arguments) {
        case ("all", nil): return (.every, true)
        case ("none", nil): return (.none, false)
        case ("exactlyWhen", let arguments?), ("when", let arguments?):
            guard arguments.count == 1, arguments[0].label == nil else {
                diagnostics.append(reader.error("'.\(member.name)' takes one condition on the swept values", member.range,
                                                hint: "write '.\(member.name)(\(values.keys.sorted().first ?? "lr") > 1)'"))
                return nil
            }
            guard let holds = condition(arguments[0].value, values, &diagnostics) else { return nil }
            let text = SyntaxPrinter.print(arguments[0].value)
            return member.name == "when" ? (.when(text), holds ? true : nil) : (.exactlyWhen(text), holds)
        default:
            reader.unknownMember(member, "variant scope", choices: ["all", "none", "exactlyWhen", "when"], &diagnostics)
            return nil
        }
    }

    /// Whether `expr` holds for `values`: comparisons of arithmetic on the swept names, joined
    /// by `&&`, `||` and `!`.
    func condition(_ expr: ExprSyntax, _ values: [String: Double], _ diagnostics: inout [Diagnostic]) -> Bool? {
        let value = reader.resolve(expr)
        switch value.kind {
        case .boolean(let flag): return flag
        case .prefix("!", let operand): return condition(operand, values, &diagnostics).map { !$0 }
        case .binary("&&", _, let lhs, let rhs), .binary("||", _, let lhs, let rhs):
            guard let a = condition(lhs, values, &diagnostics), let b = condition(rhs, values, &diagnostics) else { return nil }
            if case .binary("&&", _, _, _) = value.kind { return a && b }
            return a || b
        case .binary(let op, _, let lhs, let rhs) where ["<", "<=", ">", ">=", "==", "!="].contains(op):
            var scope = reader
            for (name, number) in values.sorted(by: { $0.key < $1.key }) {
                scope.constants.bind(name, .number(number, isInteger: false), at: value.range)
            }
            guard let a = scope.number(lhs, "the condition's left side", &diagnostics),
                  let b = scope.number(rhs, "the condition's right side", &diagnostics) else { return nil }
            switch op {
            case "<": return a < b
            case "<=": return a <= b
            case ">": return a > b
            case ">=": return a >= b
            case "==": return a == b
            default: return a != b
            }
        default:
            diagnostics.append(reader.error(
                "a condition compares swept values, as in 'lr > 1'", value.range,
                hint: "the swept values are " + values.keys.sorted().map { "'\($0)'" }.joined(separator: ", ")
                    + "; join comparisons with '&&', '||' and '!'"))
            return nil
        }
    }
}
