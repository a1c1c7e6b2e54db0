import CourseDiagnostics

/// Matches a call's arguments to a signature the way Swift does: labels must be the declared
/// ones, in the declared order, each at most once, with every required one present.
struct ArgumentMatcher {
    /// A parameter: its label (`nil` for an unlabeled one) and whether it may be left out.
    struct Parameter {
        var label: String?
        var isRequired: Bool
        init(_ label: String?, required: Bool = true) {
            self.label = label
            self.isRequired = required
        }
    }

    let origin: SourceOrigin

    private func error(_ message: String, _ range: SourceRange, hint: String? = nil) -> Diagnostic {
        .error(message, at: origin.location(line: range.start.line, column: range.start.column), length: range.length, hint: hint)
    }

    /// Each parameter's argument (by parameter index); `nil` after reporting a mismatch.
    func match(
        _ arguments: [ArgumentSyntax], to parameters: [Parameter], callee: String, calleeRange: SourceRange,
        diagnostics: inout [Diagnostic]
    ) -> [Int: ArgumentSyntax]? {
        let spelled = parameters.map { $0.label.map { "\($0):" } ?? "_" }
        let signature = "\(callee)(\(spelled.joined(separator: " ")))"
        var matched: [Int: ArgumentSyntax] = [:]
        var failed = false
        var lastIndex = -1
        for argument in arguments {
            let candidates = parameters.indices.filter { parameters[$0].label == argument.label }
            guard !candidates.isEmpty else {
                failed = true
                if let label = argument.label {
                    let labels = parameters.compactMap(\.label)
                    let suggestion = Suggestion.closest(to: label, in: labels)
                    diagnostics.append(error(
                        "'\(callee)' has no argument '\(label)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                        argument.labelRange ?? argument.range,
                        hint: labels.isEmpty ? "it takes no labeled arguments: \(signature)" : "its arguments are \(signature)"))
                } else if let expected = parameters.indices.first(where: { $0 > lastIndex && matched[$0] == nil }),
                          let label = parameters[expected].label {
                    diagnostics.append(error("missing argument label '\(label):'", argument.range,
                                             hint: "write '\(label): \(SyntaxPrinter.print(argument.value))'"))
                } else {
                    diagnostics.append(error("extra argument in call to '\(callee)'", argument.range, hint: "it is \(signature)"))
                }
                continue
            }
            // Among parameters with this label (several unlabeled ones), take the first unused after the previous.
            guard let index = candidates.first(where: { matched[$0] == nil && $0 > lastIndex })
                ?? candidates.first(where: { matched[$0] == nil }) else {
                failed = true
                let name = argument.label.map { "'\($0)'" } ?? "unlabeled argument"
                diagnostics.append(error(
                    argument.label == nil ? "extra argument in call to '\(callee)'" : "duplicate argument \(name)",
                    argument.labelRange ?? argument.range, hint: "it is \(signature)"))
                continue
            }
            if index < lastIndex, let label = argument.label {
                failed = true
                let previous = parameters[lastIndex].label.map { "'\($0)'" } ?? "the unlabeled argument"
                diagnostics.append(error("argument '\(label)' must precede \(previous)", argument.labelRange ?? argument.range,
                                         hint: "Swift keeps arguments in declaration order: \(signature)"))
            }
            matched[index] = argument
            lastIndex = max(lastIndex, index)
        }
        for (index, parameter) in parameters.enumerated() where parameter.isRequired && matched[index] == nil {
            failed = true
            let what = parameter.label.map { "argument '\($0):'" } ?? "an unlabeled argument"
            diagnostics.append(error("'\(callee)' is missing \(what)", calleeRange, hint: "it is \(signature)"))
        }
        return failed ? nil : matched
    }
}
