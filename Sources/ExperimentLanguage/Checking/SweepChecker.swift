import CourseDiagnostics
import Foundation
import Optimizers

/// Reads the `Sweep(…)`s of an `Experiment` and checks one experiment per variant.
///
/// A variant is the experiment's syntax with each `Sweep(…)` replaced by one of its values,
/// written as the author wrote it (or, for `from:to:count:`, as ``NumberText`` writes it), and
/// checked by the ordinary checker: so a variant is, to the last bit and to its cache key, the
/// experiment that writes that value, and every rule of the language applies to it.
struct SweepChecker {
    /// A `Sweep` stands for one number of an optimizer call, a `Start` or a built-in
    /// objective's parameters; these are the words the messages use for them.
    static let places = "an optimizer's hyperparameter, a 'Start' coordinate or a built-in objective's parameter"
    /// At most this many values in one sweep, and variants in one experiment.
    static let maximumVariants = 100
    /// At most this many `Sweep`s in one experiment: two make a grid.
    static let maximumAxes = 2

    let input: BuilderInput
    var reader: ValueReader { input.reader }

    /// A `Sweep(…)` where one is allowed, with the name and symbol of what it sweeps.
    struct Site {
        var call: ExprSyntax
        var arguments: [ArgumentSyntax]
        var name: String
        var symbol: String?
    }

    /// The checked experiment: the default variant carrying every variant in its `sweep`, or the
    /// plain experiment when nothing is swept. `checkVariant` checks one variant's input with
    /// the swept names bound to that variant's values (`nil` when nothing is swept).
    func check(
        _ diagnostics: inout [Diagnostic],
        checkVariant: (BuilderInput, [String: Double]?, inout [Diagnostic]) -> Experiment?
    ) -> Experiment? {
        let sites = self.sites()
        let phaseCall = input.first("PhaseDiagram")
        let phase = PhaseDiagramChecker(reader: reader)
        if let phaseCall, !phase.checkAxes(phaseCall, sweeps: sites.map(\.call.range), &diagnostics) {
            if sites.isEmpty { _ = checkVariant(input, nil, &diagnostics) }
            return nil
        }
        guard !sites.isEmpty, let body = input.body else { return checkVariant(input, nil, &diagnostics) }
        let errorsBefore = diagnostics.count
        var axes: [SweepAxis] = []
        var substitutes: [[ExprSyntax]] = []
        var names: [String: SourceRange] = [:]
        if sites.count > Self.maximumAxes {
            diagnostics.append(reader.error(
                "an experiment sweeps at most \(Self.maximumAxes) values (a grid), and this is sweep number \(Self.maximumAxes + 1)",
                sites[Self.maximumAxes].call.range, hint: "write a number here, or split the experiment into several"))
            return nil
        }
        for site in sites {
            guard let (axis, values) = self.axis(site, &diagnostics) else { continue }
            if let previous = names[axis.name] {
                diagnostics.append(reader.error(
                    "two sweeps are named '\(axis.name)'", site.call.range,
                    hint: "name one of them: 'Sweep(…, name: \"\(axis.name)2\")'; claims' conditions use the names",
                    notes: [reader.note("the first is here", previous)]))
                continue
            }
            names[axis.name] = site.call.range
            axes.append(axis)
            substitutes.append(values)
        }
        guard diagnostics.count == errorsBefore else { return nil }
        let count = axes.reduce(1) { $0 * $1.values.count }
        if count > Self.maximumVariants {
            diagnostics.append(reader.error(
                "the sweeps make \(axes.map { String($0.values.count) }.joined(separator: " × ")) = \(count) variants; at most \(Self.maximumVariants) are allowed",
                sites[1].call.range, hint: "sweep fewer values: a grid of 10 × 10 is the most a page shows well"))
            return nil
        }
        var variants: [Experiment] = []
        var failed = false
        for variant in 0..<count {
            let indices = ExperimentSweep.indices(of: variant, counts: axes.map(\.values.count))
            var replacements: [Int: ExprSyntax] = [:]
            var values: [String: Double] = [:]
            for (axis, index) in indices.enumerated() {
                replacements[sites[axis].call.range.start.offset] = substitutes[axis][index]
                values[axes[axis].name] = axes[axis].values[index]
            }
            let variantBody = SweepSubstitution(replacements: replacements).closure(body)
            var variantInput = BuilderInput(
                description: input.description, title: input.title, builderRange: input.builderRange, arguments: input.arguments,
                body: variantBody, reader: input.enclosing ?? input.reader, source: input.source, hadSyntaxErrors: input.hadSyntaxErrors)
            var found: [Diagnostic] = []
            BuilderChecker.collect(variantBody, into: &variantInput, &found)
            let experiment = checkVariant(variantInput, values, &found)
            // Most problems are the same in every variant: each is reported once.
            for diagnostic in found where !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
            if let experiment { variants.append(experiment) } else { failed = true }
        }
        guard !failed else { return nil }
        var sweep = ExperimentSweep(axes: axes, variants: variants)
        var experiment = variants[sweep.defaultVariant]
        if let phaseCall {
            guard let diagram = phase.read(phaseCall, experiment: experiment, &diagnostics) else { return nil }
            sweep.phaseDiagram = diagram
        }
        experiment.sweep = sweep
        return experiment
    }

    /// Every `Sweep(…)` written where one may stand, in written order.
    func sites() -> [Site] {
        var sites: [Site] = []
        for run in input.runs { optimizerSites(run.call, &sites) }
        for start in input.all("Start") {
            for (index, argument) in start.arguments.enumerated() where argument.label == nil {
                if let sweep = Self.sweepCall(argument.value) {
                    sites.append(Site(call: sweep.call, arguments: sweep.arguments, name: index == 0 ? "x" : "y", symbol: nil))
                }
            }
        }
        if let objective = input.first("Objective"), objective.arguments.count == 1,
           case .call(let callee, let arguments, _, _) = objective.arguments[0].value.kind, case .implicitMember = callee.kind {
            for argument in arguments {
                if let label = argument.label, let sweep = Self.sweepCall(argument.value) {
                    sites.append(Site(call: sweep.call, arguments: sweep.arguments, name: label, symbol: nil))
                }
            }
        }
        return sites.sorted { $0.call.range.start < $1.call.range.start }
    }

    /// The sweeps among an optimizer call's arguments, inside a pair such as `betas:`, and in a
    /// wrapped optimizer (`Lookahead(Adam(lr: Sweep(…)))`).
    private func optimizerSites(_ call: ExprSyntax, _ sites: inout [Site]) {
        guard case .call(let callee, let arguments, _, _) = call.kind, case .identifier(let name) = callee.kind else { return }
        let spec = OptimizerCatalog.spec(callName: name)
        for argument in arguments {
            let parameter = spec?.hyperparameters.first { $0.name == (argument.label ?? "") }
            let label = argument.label ?? parameter?.label ?? name
            if let sweep = Self.sweepCall(argument.value) {
                sites.append(Site(call: sweep.call, arguments: sweep.arguments, name: label, symbol: parameter?.symbol))
            } else if case .tuple(let elements) = argument.value.kind {
                let symbols = parameter?.symbol.components(separatedBy: ", ") ?? []
                let stem = label.hasSuffix("s") ? String(label.dropLast()) : label
                for (index, element) in elements.enumerated() {
                    if let sweep = Self.sweepCall(element.value) {
                        sites.append(Site(call: sweep.call, arguments: sweep.arguments, name: "\(stem)\(index + 1)",
                                          symbol: symbols.count == elements.count ? symbols[index] : nil))
                    }
                }
            } else if case .call = argument.value.kind {
                optimizerSites(argument.value, &sites)
            }
        }
    }

    /// `expr` when it is a call of `Sweep`.
    static func sweepCall(_ expr: ExprSyntax) -> (call: ExprSyntax, arguments: [ArgumentSyntax])? {
        guard case .call(let callee, let arguments, _, _) = expr.kind, case .identifier("Sweep") = callee.kind else { return nil }
        return (expr, arguments)
    }

    /// The values of one sweep and the syntax each variant writes in its place.
    private func axis(_ site: Site, _ diagnostics: inout [Diagnostic]) -> (SweepAxis, [ExprSyntax])? {
        let example = "write 'Sweep(0.01, 0.1, 1)' or 'Sweep(from: 1e-4, to: 1, count: 9, scale: .log)'"
        if case .call(_, _, let trailing?, _) = site.call.kind {
            diagnostics.append(reader.error("'Sweep' takes no closure", trailing.range, hint: example))
            return nil
        }
        let listed = site.arguments.filter { $0.label == nil }
        var labeled: [String: ArgumentSyntax] = [:]
        for argument in site.arguments {
            guard let label = argument.label else { continue }
            let known = listed.isEmpty ? ["from", "to", "count", "scale", "default", "name"] : ["default", "name"]
            guard known.contains(label) else {
                let suggestion = Suggestion.closest(to: label, in: known)
                diagnostics.append(reader.error(
                    "'Sweep' has no argument '\(label)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                    argument.labelRange ?? argument.range,
                    hint: listed.isEmpty ? "'Sweep' takes values, or 'from:to:count:scale:'; and 'default:', 'name:'" : "a list of values takes 'default:' and 'name:'"))
                return nil
            }
            if labeled[label] != nil {
                diagnostics.append(reader.error("'\(label)' is written twice", argument.labelRange ?? argument.range))
                return nil
            }
            labeled[label] = argument
        }
        var values: [Double] = []
        var syntax: [ExprSyntax] = []
        var logarithmic = false
        if !listed.isEmpty {
            for argument in listed {
                guard let value = reader.number(argument.value, "a swept value", &diagnostics) else { return nil }
                if let first = values.firstIndex(of: value) {
                    diagnostics.append(reader.error(
                        "the value \(NumberText.format(value)) is swept twice", argument.value.range,
                        hint: "each value of a sweep is one variant: remove the repeat",
                        notes: [reader.note("first written here", listed[first].value.range)]))
                    return nil
                }
                values.append(value)
                syntax.append(argument.value)
            }
        } else if labeled["from"] != nil || labeled["to"] != nil || labeled["count"] != nil {
            guard let generated = range(site, labeled, &diagnostics) else { return nil }
            (values, logarithmic) = generated
            syntax = values.map { Self.literal($0, at: site.call.range) }
        }
        guard values.count >= 2 else {
            diagnostics.append(reader.error(
                values.isEmpty ? "a sweep needs values" : "a sweep of one value sweeps nothing", site.call.range,
                hint: values.isEmpty ? example : "add values, or write the number itself"))
            return nil
        }
        guard values.count <= Self.maximumVariants else {
            diagnostics.append(reader.error("a sweep has at most \(Self.maximumVariants) values, not \(values.count)", site.call.range))
            return nil
        }
        var defaultIndex = 0
        if let argument = labeled["default"] {
            guard let value = reader.number(argument.value, "the default value", &diagnostics) else { return nil }
            guard let index = values.firstIndex(of: value) else {
                diagnostics.append(reader.error(
                    "the default \(NumberText.format(value)) is not one of the swept values", argument.value.range,
                    hint: "the values are " + values.map(NumberText.format).joined(separator: ", ")))
                return nil
            }
            defaultIndex = index
        }
        var name = site.name
        if let argument = labeled["name"] {
            guard let text = reader.label(argument.value, &diagnostics) else { return nil }
            name = text
        }
        if !listed.isEmpty { logarithmic = Self.looksLogarithmic(values) }
        let axis = SweepAxis(name: name, symbol: labeled["name"] == nil ? site.symbol : nil, values: values,
                             defaultIndex: defaultIndex, location: reader.location(site.call.range), isLogarithmic: logarithmic)
        return (axis, syntax)
    }

    /// `from:to:count:scale:`: `count` values from `from` to `to`, evenly spaced on a linear or
    /// a log scale, each rounded to the fewest significant digits (at least 3) that keep them
    /// apart, so that a label reads `0.0316`, not `0.031622776601683794`; and whether the scale is log.
    private func range(_ site: Site, _ labeled: [String: ArgumentSyntax], _ diagnostics: inout [Diagnostic]) -> ([Double], Bool)? {
        for label in ["from", "to", "count"] where labeled[label] == nil {
            diagnostics.append(reader.error(
                "a range sweep needs 'from:', 'to:' and 'count:'; '\(label):' is missing", site.call.range,
                hint: "write 'Sweep(from: 1e-4, to: 1, count: 9, scale: .log)'"))
            return nil
        }
        guard let from = reader.number(labeled["from"]!.value, "'from'", &diagnostics),
              let to = reader.number(labeled["to"]!.value, "'to'", &diagnostics),
              let count = reader.integer(labeled["count"]!.value, "'count'", in: 2...Self.maximumVariants, &diagnostics)
        else { return nil }
        var scale = "linear"
        if let argument = labeled["scale"] {
            guard let name = reader.choice(argument.value, "the scale", noun: "scale", choices: ["linear", "log"], &diagnostics, lookup: { $0 })
            else { return nil }
            scale = name
        }
        guard from != to else {
            diagnostics.append(reader.error("'from' and 'to' are both \(NumberText.format(from)): every value would be the same",
                                            labeled["to"]!.value.range, hint: "sweep from one value to another"))
            return nil
        }
        if scale == "log" {
            for (label, value) in [("from", from), ("to", to)] where value <= 0 {
                diagnostics.append(reader.error(
                    "a log scale runs through positive values only, and '\(label)' is \(NumberText.format(value))", labeled[label]!.value.range,
                    hint: "start above 0, as in 'from: 1e-4', or use 'scale: .linear'"))
                return nil
            }
        }
        let exact = (0..<count).map { k -> Double in
            let t = Double(k) / Double(count - 1)
            return scale == "log" ? Foundation.exp(Foundation.log(from) + t * (Foundation.log(to) - Foundation.log(from))) : from + t * (to - from)
        }
        for digits in 3...17 {
            let rounded = exact.map { Double(String(format: "%.\(digits)g", $0))! }
            if Set(rounded).count == count { return (rounded, scale == "log") }
        }
        return (exact, scale == "log")
    }

    /// Whether listed values look log-spaced: all positive, and their ratios vary less than
    /// their differences (0.01, 0.03, 0.1, 0.3 is; 0.1, 0.2, 0.3 is not).
    static func looksLogarithmic(_ values: [Double]) -> Bool {
        guard values.count >= 3, values.allSatisfy({ $0 > 0 }) else { return false }
        func spread(_ steps: [Double]) -> Double {
            let mean = steps.reduce(0, +) / Double(steps.count)
            return steps.map { abs($0 - mean) }.max()! / max(abs(mean), .leastNormalMagnitude)
        }
        let logs = values.map { Foundation.log($0) }
        let ratios = zip(logs, logs.dropFirst()).map { $1 - $0 }
        let differences = zip(values, values.dropFirst()).map { $1 - $0 }
        return spread(ratios) < spread(differences)
    }

    /// The syntax a directive writes for `value`: `0.5`, `-7`, `1e-05`.
    static func literal(_ value: Double, at range: SourceRange) -> ExprSyntax {
        let text = NumberText.format(Swift.abs(value))
        let number = ExprSyntax(text.contains(where: { !$0.isNumber }) ? .float(text) : .integer(text), range)
        return value < 0 ? ExprSyntax(.prefix(operator: "-", operand: number), range) : number
    }
}

/// A body with some expressions replaced, each found by the offset it starts at.
struct SweepSubstitution {
    let replacements: [Int: ExprSyntax]

    func closure(_ closure: ClosureSyntax) -> ClosureSyntax {
        var result = closure
        result.statements = closure.statements.map(statement)
        return result
    }

    private func statement(_ statement: StatementSyntax) -> StatementSyntax {
        switch statement {
        case .expression(let e): return .expression(expr(e))
        case .let(let name, let nameRange, let value, let range): return .let(name: name, nameRange: nameRange, value: expr(value), range: range)
        case .return(let e, let range): return .return(e.map(expr), range: range)
        }
    }

    private func arguments(_ arguments: [ArgumentSyntax]) -> [ArgumentSyntax] {
        arguments.map { ArgumentSyntax(label: $0.label, labelRange: $0.labelRange, value: expr($0.value)) }
    }

    func expr(_ e: ExprSyntax) -> ExprSyntax {
        if let replacement = replacements[e.range.start.offset], SweepChecker.sweepCall(e) != nil { return replacement }
        let kind: ExprSyntax.Kind
        switch e.kind {
        case .integer, .float, .string, .boolean, .identifier, .anonymousParameter, .implicitMember, .closure: return e
        case .member(let base, let name, let nameRange): kind = .member(base: expr(base), name: name, nameRange: nameRange)
        case .call(let callee, let args, let trailing, let parens):
            kind = .call(callee: expr(callee), arguments: arguments(args), trailingClosure: trailing.map(closure), hasParentheses: parens)
        case .parenthesized(let inner): kind = .parenthesized(expr(inner))
        case .tuple(let args): kind = .tuple(arguments(args))
        case .array(let elements): kind = .array(elements.map(expr))
        case .prefix(let op, let operand): kind = .prefix(operator: op, operand: expr(operand))
        case .binary(let op, let opRange, let lhs, let rhs): kind = .binary(operator: op, operatorRange: opRange, lhs: expr(lhs), rhs: expr(rhs))
        }
        return ExprSyntax(kind, e.range)
    }
}
