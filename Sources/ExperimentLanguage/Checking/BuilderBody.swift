import CourseDiagnostics

/// A call statement of a builder's body: `Name(…) { … }.modifier(…)…`.
struct BuilderCall {
    /// The plain name the base call is written with, such as `Steps` or `Adam`.
    var name: String
    var nameRange: SourceRange
    /// The base call, without its modifiers.
    var call: ExprSyntax
    var arguments: [ArgumentSyntax]
    var trailing: ClosureSyntax?
    /// The modifiers after the base call, in written order.
    var modifiers: [OptimizerCallChecker.Modifier]
    /// The whole statement, modifiers included.
    var expr: ExprSyntax
}

/// The statement walk every builder checker starts with.
enum BuilderBody {
    /// How a statement's modifier chain is split from its base call.
    enum Chains {
        /// With ``OptimizerCallChecker/splitChain(_:_:)``, which reports malformed chains.
        case reporting
        /// Walking down `Base(…).modifier(…)…` without reporting anything; a malformed chain
        /// is then reported as a statement that is not a call.
        case silent
    }

    /// Walks `body`'s statements in order: binds each `let` into `reader` (reporting
    /// redeclarations), reports `return`s and statements that are not a call of a plain name
    /// (with "expected a statement such as \(example)"), and hands every call to `handle`
    /// with the reader as it is at that statement.
    static func walk(
        _ body: ClosureSyntax, example: String, chains: Chains = .reporting, reader: inout ValueReader,
        _ diagnostics: inout [Diagnostic], _ handle: (BuilderCall, ValueReader, inout [Diagnostic]) -> Void
    ) {
        var localNames: [String: SourceRange] = [:]
        for statement in body.statements {
            switch statement {
            case .let(let name, let nameRange, let value, _):
                if let previous = localNames[name] {
                    diagnostics.append(reader.error("invalid redeclaration of '\(name)'", nameRange, notes: [reader.note("first declared here", previous)]))
                    continue
                }
                localNames[name] = nameRange
                DirectiveParser.bind(name, value, nameRange: nameRange, in: &reader, &diagnostics)
            case .return(_, let range):
                diagnostics.append(reader.error("'return' cannot appear in a builder", range))
            case .expression(let expr):
                let split: (call: ExprSyntax, modifiers: [OptimizerCallChecker.Modifier])?
                switch chains {
                case .reporting: split = OptimizerCallChecker(reader: reader).splitChain(expr, &diagnostics)
                case .silent: split = silentSplit(expr)
                }
                guard let (call, modifiers) = split else { continue }
                guard case .call(let callee, let arguments, let trailing, _) = call.kind, case .identifier(let name) = callee.kind else {
                    diagnostics.append(reader.error("expected a statement such as \(example)", expr.range))
                    continue
                }
                handle(BuilderCall(name: name, nameRange: callee.range, call: call, arguments: arguments, trailing: trailing,
                                   modifiers: modifiers, expr: expr), reader, &diagnostics)
            }
        }
    }

    private static func silentSplit(_ expr: ExprSyntax) -> (call: ExprSyntax, modifiers: [OptimizerCallChecker.Modifier]) {
        var modifiers: [OptimizerCallChecker.Modifier] = []
        var current = expr
        // The chain is bounded by the expression height.
        while case .call(let callee, let arguments, _, _) = current.kind, case .member(let base, let name, let nameRange) = callee.kind {
            modifiers.insert(.init(name: name, nameRange: nameRange, arguments: arguments, range: current.range), at: 0)
            current = base
        }
        return (current, modifiers)
    }
}
