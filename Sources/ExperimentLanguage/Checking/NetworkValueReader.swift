import CourseDiagnostics
import NeuralNetworks

/// Reads the values of the neural-network builders: datasets, activations, weight and
/// bias initialisations, and lists of layer widths, each against the table it names.
extension ValueReader {
    /// The datasets of `Dataset(…)`, with their labeled arguments and defaults.
    static let datasets: [(name: String, parameters: [MemberParameter])] = [
        ("digits", []),
        ("spirals", [.count("samplesPerClass", 100), .count("classes", 3), .nonNegative("noise", 0.2)]),
        ("moons", [.count("samples", 300), .nonNegative("noise", 0.1)]),
        ("blobs", [.count("samples", 300), .count("centers", 3), .nonNegative("std", 1)]),
        ("mnist", []),
    ]

    /// `.digits`, `.spirals(samplesPerClass: 100)`, `.mnist(path: "data/mnist")`.
    func dataset(_ expr: ExprSyntax, _ diagnostics: inout [Diagnostic]) -> DatasetSource? {
        let names = Self.datasets.map(\.name)
        guard let member = member(expr, "the dataset", choices: names, &diagnostics) else { return nil }
        guard let entry = Self.datasets.first(where: { $0.name == member.name }) else {
            unknownMember(member, "dataset", choices: names, &diagnostics)
            return nil
        }
        if member.name == "mnist" {
            guard let arguments = member.arguments,
                  let matched = ArgumentMatcher(origin: origin).match(
                    arguments, to: [.init("path")], callee: ".mnist", calleeRange: member.nameRange, diagnostics: &diagnostics)
            else {
                if member.arguments == nil {
                    diagnostics.append(error("'.mnist' needs the folder of its IDX files", member.range,
                                             hint: "write .mnist(path: \"data/mnist\"), relative to where coursegen runs"))
                }
                return nil
            }
            guard let path = string(matched[0]!.value, "the MNIST folder", &diagnostics) else { return nil }
            guard !path.trimmingWhitespace.isEmpty else {
                diagnostics.append(error("the MNIST folder cannot be empty", matched[0]!.value.range))
                return nil
            }
            return .mnist(path: path)
        }
        guard let values = self.values(of: member, entry.parameters, &diagnostics) else { return nil }
        let source: DatasetSource
        switch member.name {
        case "digits": source = .digits
        case "spirals": source = .spirals(samplesPerClass: Int(values[0]), classes: Int(values[1]), noise: values[2])
        case "moons": source = .moons(samples: Int(values[0]), noise: values[1])
        default: source = .blobs(samples: Int(values[0]), centers: Int(values[1]), std: values[2])
        }
        // The generators' own checks (at least two classes, enough samples per class), in their words.
        if case .invalidParameter(let message)? = source.parameterProblem {
            diagnostics.append(error(message, member.range))
            return nil
        }
        return source
    }

    /// `.relu`, `.sigmoid` or `.tanh`.
    func activation(_ expr: ExprSyntax, _ diagnostics: inout [Diagnostic]) -> Activation? {
        choice(expr, "the activation", noun: "activation", &diagnostics)
    }

    /// A weight initialisation of `InitializationSpec.all`: `.kaimingNormal`,
    /// `.kaimingNormal(mode: .fanOut, nonlinearity: .relu)`, `.normal(std: 0.01)`.
    func initialization(_ expr: ExprSyntax, _ diagnostics: inout [Diagnostic]) -> Initialization? {
        let names = InitializationSpec.all.map(\.name)
        guard let member = member(expr, "the initialisation", choices: names, &diagnostics) else { return nil }
        guard let spec = InitializationSpec.named(member.name) else {
            unknownMember(member, "initialisation", choices: names, &diagnostics)
            return nil
        }
        let required = spec.parameters.filter { $0.defaultValue == nil }
        if member.arguments == nil, !required.isEmpty {
            diagnostics.append(error(
                "'.\(spec.name)' needs its arguments", member.range,
                hint: "write .\(spec.name)(" + required.map { "\($0.label): …" }.joined(separator: ", ") + ")"))
            return nil
        }
        let parameters = spec.parameters.map { ArgumentMatcher.Parameter($0.label, required: $0.defaultValue == nil) }
        guard let matched = ArgumentMatcher(origin: origin).match(
            member.arguments ?? [], to: parameters, callee: "." + spec.name, calleeRange: member.nameRange, diagnostics: &diagnostics)
        else { return nil }
        var values: [String: InitializationSpec.Value] = [:]
        for (index, parameter) in spec.parameters.enumerated() {
            guard let argument = matched[index] else { continue }
            let what = "'\(parameter.label)'"
            switch parameter.kind {
            case .real:
                guard let value = number(argument.value, what, &diagnostics) else { return nil }
                values[parameter.label] = .real(value)
            case .fanMode:
                guard let mode: FanMode = choice(argument.value, what, noun: "fan mode", &diagnostics) else { return nil }
                values[parameter.label] = .fanMode(mode)
            case .nonlinearity:
                guard let nonlinearity: Nonlinearity = choice(argument.value, what, noun: "nonlinearity", &diagnostics) else { return nil }
                values[parameter.label] = .nonlinearity(nonlinearity)
            }
        }
        guard let initialization = spec.make(values) else {
            preconditionFailure("every argument was matched to its parameter and read as its kind")
        }
        if let message = initialization.validationError {
            diagnostics.append(error(message, member.range))
            return nil
        }
        return initialization
    }

    /// `.zeros`, `.constant(0.1)` or `.torchDefault`.
    func biasInitialization(_ expr: ExprSyntax, _ diagnostics: inout [Diagnostic]) -> BiasInitialization? {
        let names = ["zeros", "constant", "torchDefault"]
        guard let member = member(expr, "the bias initialisation", choices: names, &diagnostics) else { return nil }
        switch (member.name, member.arguments) {
        case ("zeros", nil): return .zeros
        case ("torchDefault", nil): return .torchDefault
        case ("constant", let arguments?):
            guard let matched = ArgumentMatcher(origin: origin).match(
                arguments, to: [.init(nil)], callee: ".constant", calleeRange: member.nameRange, diagnostics: &diagnostics),
                let value = number(matched[0]!.value, "the bias", &diagnostics)
            else { return nil }
            return .constant(value)
        case ("constant", nil):
            diagnostics.append(error("'.constant' needs its value", member.range, hint: "write .constant(0.1)"))
            return nil
        default:
            unknownMember(member, "bias initialisation", choices: names, &diagnostics)
            return nil
        }
    }

    /// `[100, 100, 100]`: layer widths, each from 1 to `maximum`, at most `maximumCount` of them.
    func widths(_ expr: ExprSyntax, maximum: Int, maximumCount: Int, _ diagnostics: inout [Diagnostic]) -> [Int]? {
        let value = resolve(expr)
        guard case .array(let elements) = value.kind else {
            diagnostics.append(error("the hidden layers must be a list of widths such as [100, 100]", value.range))
            return nil
        }
        guard elements.count <= maximumCount else {
            diagnostics.append(error("a network has at most \(maximumCount) hidden layers, not \(elements.count)", value.range))
            return nil
        }
        var widths: [Int] = []
        for element in elements {
            guard let width = integer(element, "a layer width", in: 1...maximum, &diagnostics) else { return nil }
            widths.append(width)
        }
        return widths
    }

    /// A probability in [0, 1), such as a dropout rate.
    func probability(_ expr: ExprSyntax, _ what: String, _ diagnostics: inout [Diagnostic]) -> Double? {
        guard let value = number(expr, what, &diagnostics) else { return nil }
        guard value >= 0, value < 1 else {
            diagnostics.append(error("\(what) must lie in [0, 1), not \(NumberText.format(value))", resolve(expr).range))
            return nil
        }
        return value
    }

    /// An unsigned seed; a literal is read exactly, so every UInt64 can be written.
    func seed(_ expr: ExprSyntax, _ diagnostics: inout [Diagnostic]) -> UInt64? {
        if case .integer(let text) = resolve(expr).kind, let value = UInt64(text.filter { $0 != "_" }) { return value }
        guard let value = integer(expr, "the seed", &diagnostics) else { return nil }
        guard value >= 0 else {
            diagnostics.append(error("the seed must be ≥ 0, not \(value)", resolve(expr).range))
            return nil
        }
        return UInt64(value)
    }
}
