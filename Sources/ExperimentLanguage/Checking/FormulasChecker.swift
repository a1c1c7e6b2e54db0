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
            guard let spec = reader.choice(argument.value, "a method", noun: "method", choices: ids, &diagnostics,
                                           lookup: OptimizerCatalog.spec(id:))
            else {
                failed = true
                continue
            }
            let range = reader.resolve(argument.value).range
            if let first = seen[spec.id] {
                diagnostics.append(reader.error("'.\(spec.id)' is listed twice", range, notes: [reader.note("first listed here", first)]))
                failed = true
                continue
            }
            seen[spec.id] = range
            specs.append(spec)
        }
        return failed ? nil : .formulas(FormulaTable(optimizers: specs, location: reader.location(range)))
    }
}
