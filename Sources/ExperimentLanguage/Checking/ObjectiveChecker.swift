import CourseDiagnostics
import Objectives
import Optimizers

/// Resolves `Objective(.builtin)`, `Objective(.builtin(a: …))`, `Objective { x, y in … }` and the
/// finite-sum regressions into an ``Objective``.
struct ObjectiveChecker {
    let reader: ValueReader

    /// The finite-sum objectives from the Optimizers module, with their parameters.
    static let finiteSums: [(name: String, parameters: [MemberParameter])] = [
        ("linearRegression", [.number("samples", 200), .number("noise", 0.5)]),
        ("logisticRegression", [.number("samples", 200)]),
    ]

    /// Every name `Objective(.…)` accepts.
    static var memberNames: [String] { BuiltinObjective.all.map(\.name) + finiteSums.map(\.name) }

    func objective(
        callee: ExprSyntax, arguments: [ArgumentSyntax], trailing: ClosureSyntax?, seed: UInt64, _ diagnostics: inout [Diagnostic]
    ) -> Objective? {
        if let trailing {
            if let first = arguments.first {
                diagnostics.append(reader.error("'Objective' takes either a built-in or a closure, not both", first.range))
                return nil
            }
            return closure(trailing, &diagnostics)
        }
        guard arguments.count == 1, arguments[0].label == nil else {
            diagnostics.append(reader.error(
                "'Objective' takes one built-in such as .rosenbrock, or a closure", arguments.first?.range ?? callee.range,
                hint: "write 'Objective(.rosenbrock)' or 'Objective { x, y in x * x + y * y }'"))
            return nil
        }
        let value = reader.resolve(arguments[0].value)
        if case .closure(let syntax) = value.kind { return closure(syntax, &diagnostics) }
        let names = Self.memberNames
        guard let member = reader.member(value, "the objective", choices: names, &diagnostics) else { return nil }
        let call = SyntaxPrinter.print(value)
        if let builtin = BuiltinObjective.named(member.name) {
            guard let values = reader.values(of: member, builtin.parameters.map { .number($0.name, $0.defaultValue) }, &diagnostics)
            else { return nil }
            guard let objective = builtin.objective(parameterValues: values, call: call) else {
                preconditionFailure("built-in objective \(builtin.name) does not compile")
            }
            return objective
        }
        if let entry = Self.finiteSums.first(where: { $0.name == member.name }) {
            guard let values = reader.values(of: member, entry.parameters, &diagnostics) else { return nil }
            return regression(entry.name, values, member, call: call, seed: seed, &diagnostics)
        }
        reader.unknownMember(member, "objective", choices: names, &diagnostics)
        return nil
    }

    private func regression(
        _ name: String, _ values: [Double], _ member: ValueReader.Member, call: String, seed: UInt64, _ diagnostics: inout [Diagnostic]
    ) -> Objective? {
        let samples = values[0]
        guard samples == samples.rounded(), (1...Double(Limits.maximumSamples)).contains(samples) else {
            diagnostics.append(reader.error(
                "'samples' must be an integer from 1 to \(Limits.maximumSamples), not \(NumberText.format(samples))", member.range))
            return nil
        }
        let n = Int(samples)
        if name == "linearRegression" {
            guard values[1] >= 0 else {
                diagnostics.append(reader.error("'noise' must be ≥ 0, not \(NumberText.format(values[1]))", member.range))
                return nil
            }
            let function = LinearRegression(samples: n, noise: values[1], seed: seed)
            let minimum = function.minimizer
            return Objective(
                name: name, call: call, dimension: 2, function: function, symbolic: nil, variableNames: ["w", "b"],
                latex: "\\frac{1}{\(n)} \\sum_{i=1}^{\(n)} \\left(w x_i + b - y_i\\right)^{2}",
                gradientLatex: [
                    "\\frac{2}{\(n)} \\sum_{i=1}^{\(n)} \\left(w x_i + b - y_i\\right) x_i",
                    "\\frac{2}{\(n)} \\sum_{i=1}^{\(n)} \\left(w x_i + b - y_i\\right)",
                ],
                minima: minimum.map { [$0] } ?? [], minimumValue: function.minimumValue,
                recommendedDomain: Domain(x: -1...5, y: -2...4), defaultStart: [-0.5, -1.5])
        }
        let function = LogisticRegression(samples: n, seed: seed)
        let minimum = function.minimizer
        return Objective(
            name: name, call: call, dimension: 2, function: function, symbolic: nil, variableNames: ["w", "b"],
            latex: "\\frac{1}{\(n)} \\sum_{i=1}^{\(n)} \\ln\\left(1 + e^{-s_i \\left(w x_i + b\\right)}\\right)",
            gradientLatex: [
                "-\\frac{1}{\(n)} \\sum_{i=1}^{\(n)} \\frac{s_i x_i}{1 + e^{s_i \\left(w x_i + b\\right)}}",
                "-\\frac{1}{\(n)} \\sum_{i=1}^{\(n)} \\frac{s_i}{1 + e^{s_i \\left(w x_i + b\\right)}}",
            ],
            minima: minimum.map { [$0] } ?? [], minimumValue: function.minimumValue,
            recommendedDomain: Domain(x: -2...6, y: -4...3), defaultStart: [-1, 2])
    }

    private func closure(_ syntax: ClosureSyntax, _ diagnostics: inout [Diagnostic]) -> Objective? {
        guard let compiled = ClosureCompiler.compile(syntax, origin: reader.origin, constants: reader.constants, diagnostics: &diagnostics) else {
            return nil
        }
        let f = compiled.function
        let printer = LaTeXPrinter(variableNames: compiled.variableNames)
        let domain = f.dimension == 1 ? Domain(x: -5...5, y: nil) : Domain(x: -5...5, y: -5...5)
        return Objective(
            name: nil, call: SyntaxPrinter.print(syntax), dimension: f.dimension, function: f, symbolic: f,
            variableNames: compiled.variableNames, latex: compiled.latex,
            gradientLatex: f.gradient.map { printer.render($0, in: f.graph) },
            minima: [], minimumValue: nil, recommendedDomain: domain,
            defaultStart: f.dimension == 1 ? [4] : [4, 4])
    }
}
