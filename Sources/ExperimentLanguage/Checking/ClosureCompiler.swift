import CourseDiagnostics
import Objectives

/// Compiles an objective closure `{ x, y in … }` to a ``SymbolicFunction`` and its formula.
public enum ClosureCompiler {
    /// A compiled closure.
    public struct Result: Sendable {
        public var function: SymbolicFunction
        public var variableNames: [String]
        /// f as LaTeX.
        public var latex: String
    }

    /// Compiles `closure`, reporting every problem; `nil` when there was one.
    public static func compile(
        _ closure: ClosureSyntax, origin: SourceOrigin, constants: ConstantScope, diagnostics: inout [Diagnostic]
    ) -> Result? {
        func error(_ message: String, _ range: SourceRange, hint: String? = nil) {
            diagnostics.append(.error(message, at: origin.location(line: range.start.line, column: range.start.column),
                                      length: range.length, hint: hint))
        }
        let errorsBefore = diagnostics.count
        var translator = ExpressionTranslator(graph: ExpressionGraph(), origin: origin, constants: constants)
        var names: [String] = []
        if closure.hasSignature {
            guard (1...2).contains(closure.parameters.count) else {
                error("an objective closure takes one or two variables, as in '{ x, y in … }'", closure.range)
                return nil
            }
            for (index, parameter) in closure.parameters.enumerated() {
                if translator.variables[parameter.name] != nil {
                    error("duplicate parameter '\(parameter.name)'", parameter.range)
                }
                translator.variables[parameter.name] = index
                names.append(parameter.name)
            }
        } else {
            translator.allowsAnonymousParameters = true
        }
        var result: ExpressionGraph.ID?
        var resultRange = closure.range
        do {
            for (index, statement) in closure.statements.enumerated() {
                let isLast = index == closure.statements.count - 1
                switch statement {
                case .let(let name, let nameRange, let value, _):
                    if translator.variables[name] != nil || translator.locals[name] != nil {
                        error("'\(name)' is already defined in this closure", nameRange, hint: "choose another name")
                    }
                    if let id = try translator.translate(value, &diagnostics) { translator.locals[name] = id }
                    if isLast {
                        error("the closure ends with 'let \(name)' instead of the function's value", statement.range,
                              hint: "end with the expression to minimise, or 'return \(name)'")
                    }
                case .expression(let expr), .return(let expr?, _):
                    if !isLast {
                        error("only the closure's last statement may be its value", statement.range,
                              hint: "bind intermediate values with 'let'")
                    }
                    result = try translator.translate(expr, &diagnostics)
                    resultRange = expr.range
                case .return(nil, let range):
                    error("'return' needs the function's value", range)
                }
            }
        } catch {
            // The graph's budget bounds the work a pathological closure can cause.
            diagnostics.append(.error(
                "the objective is too large to differentiate (more than \(Limits.maximumExpressionNodes) expression nodes)",
                at: origin.location(line: closure.range.start.line, column: closure.range.start.column),
                hint: "write a smaller formula"))
            return nil
        }
        if closure.statements.isEmpty {
            error("an objective closure needs a formula, as in '{ x, y in x * x + y * y }'", closure.range)
        }
        if !closure.hasSignature {
            guard translator.anonymousParameterCount > 0 else {
                if diagnostics.count == errorsBefore, !closure.statements.isEmpty {
                    error("the objective does not use its variables", closure.range,
                          hint: "name them, as in '{ x, y in x * x + y * y }'")
                }
                return nil
            }
            names = translator.anonymousParameterCount == 1 ? ["x"] : ["x", "y"]
        }
        guard diagnostics.count == errorsBefore, let result else { return nil }
        do {
            let function = try SymbolicFunction(graph: translator.graph, root: result, dimension: names.count)
            let latex = LaTeXPrinter(variableNames: names).render(function.root, in: function.graph)
            return Result(function: function, variableNames: names, latex: latex)
        } catch {
            diagnostics.append(.error(
                "the objective's derivatives are too large (more than \(Limits.maximumExpressionNodes) expression nodes)",
                at: origin.location(line: resultRange.start.line, column: resultRange.start.column), length: resultRange.length,
                hint: "write a smaller formula"))
            return nil
        }
    }
}
