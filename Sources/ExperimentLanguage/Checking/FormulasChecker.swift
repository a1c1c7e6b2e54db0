import CourseDiagnostics
import Optimizers

extension BuilderDescription {
    static let formulas = BuilderDescription(
        "Formulas", noun: "formula table", signature: "Formulas(_ methods: .id...)", form: .arguments, statements: [],
        summary: "The catalog's update rules for the listed methods, as a table.", validate: readFormulas)

    /// `Formulas(.sgd, .adam)`: the catalog entries of the listed methods.
    private static func readFormulas(_ input: inout BuilderInput, _ diagnostics: inout [Diagnostic]) -> Directive? {
        let (range, arguments, reader) = (input.builderRange, input.arguments, input.reader)
        guard !arguments.isEmpty else {
            diagnostics.append(reader.error("'Formulas' needs at least one method", range, hint: "write 'Formulas(.sgd, .adam)'"))
            return nil
        }
        let ids = OptimizerCatalog.all.map(\.id)
        var specs: [OptimizerSpec] = []
        var seen: [String: SourceRange] = [:]
        var failed = false
        for argument in arguments {
            if let label = argument.label {
                diagnostics.append(reader.error("'Formulas' takes unlabeled methods, not '\(label):'", argument.labelRange ?? argument.range))
                failed = true
                continue
            }
            guard let member = reader.member(argument.value, "a method", choices: ids, &diagnostics) else {
                failed = true
                continue
            }
            guard member.arguments == nil, let spec = OptimizerCatalog.spec(id: member.name) else {
                reader.unknownMember(member, "method", choices: ids, &diagnostics)
                failed = true
                continue
            }
            if let first = seen[spec.id] {
                diagnostics.append(reader.error("'.\(spec.id)' is listed twice", member.range, notes: [reader.note("first listed here", first)]))
                failed = true
                continue
            }
            seen[spec.id] = member.range
            specs.append(spec)
        }
        return failed ? nil : .formulas(FormulaTable(optimizers: specs, location: reader.location(range)))
    }
}
