import CourseDiagnostics
import Objectives

extension BuiltinObjective {
    /// The objective with `values` for its parameters (in ``parameters`` order), its closure
    /// compiled by the language; `nil` only if the built-in's own closure fails to compile,
    /// which the tests rule out.
    public func objective(parameterValues values: [Double], call: String) -> Objective? {
        var scope = ConstantScope()
        for (parameter, value) in zip(parameters, values) {
            scope.bind(parameter.name, .number(value, isInteger: false), at: SourceRange(.start, .start))
        }
        var diagnostics: [Diagnostic] = []
        let origin = SourceOrigin(file: "<builtin \(name)>", line: 1)
        let statements = Parser.parse(closure, origin: origin, diagnostics: &diagnostics)
        guard case .expression(let expr)? = statements.first, case .closure(let syntax) = expr.kind,
              let compiled = ClosureCompiler.compile(syntax, origin: origin, constants: scope, diagnostics: &diagnostics),
              diagnostics.isEmpty
        else { return nil }
        return objective(function: compiled.function, parameterValues: values, call: call)
    }
}
