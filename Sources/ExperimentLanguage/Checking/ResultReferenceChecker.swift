import CourseDiagnostics

extension ResultReference {
    /// The reference a code span's text `=Result(…)` writes, or `nil` after reporting why it
    /// is not one. `origin` places the text's first character (the `=`) at column 1.
    public static func parse(_ text: String, origin: SourceOrigin, diagnostics: inout [Diagnostic]) -> ResultReference? {
        let example = "write `=Result(\"Adam\", .finalLoss, decimals: 3)`"
        // The `=` becomes a space, so that columns in the call are the span's.
        let body = " " + text.dropFirst()
        let errorsBefore = diagnostics.count
        let statements = Parser.parse(body, origin: origin, diagnostics: &diagnostics)
        guard diagnostics.count == errorsBefore else { return nil }
        let reader = ValueReader(origin: origin, constants: ConstantScope())
        let whole = SourceRange(SourcePosition(offset: 0, line: 1, column: 1),
                                SourcePosition(offset: text.utf8.count, line: 1, column: text.unicodeScalars.count + 1))
        guard statements.count == 1, case .expression(let expr) = statements[0],
              case .call(let callee, let arguments, nil, true) = expr.kind, case .identifier(let name) = callee.kind
        else {
            diagnostics.append(reader.error("a result reference is one call to 'Result'", whole, hint: example))
            return nil
        }
        guard name == "Result" else {
            diagnostics.append(reader.error("unknown reference '\(name)'; a result reference calls 'Result'", callee.range, hint: example))
            return nil
        }
        let parameters: [ArgumentMatcher.Parameter] = [
            .init(nil), .init(nil), .init("in", required: false), .init("start", required: false),
            .init("decimals", required: false), .init("significant", required: false), .init("percent", required: false),
            .init("point", required: false),
        ]
        guard let matched = ArgumentMatcher(origin: origin).match(
            arguments, to: parameters, callee: "Result", calleeRange: callee.range, diagnostics: &diagnostics)
        else { return nil }
        guard let label = reader.string(matched[0]!.value, "a run's label", &diagnostics) else { return nil }
        guard let quantity = quantity(matched[1]!.value, reader, &diagnostics) else { return nil }
        var title: String?
        if let argument = matched[2] {
            guard let value = reader.string(argument.value, "a directive's title", &diagnostics) else { return nil }
            title = value
        }
        var start: Int?
        if let argument = matched[3] {
            guard let value = reader.integer(argument.value, "'start'", &diagnostics) else { return nil }
            guard value >= 1 else {
                diagnostics.append(reader.error("'start' counts from 1, not \(value)", argument.value.range))
                return nil
            }
            start = value - 1
        }
        let roundings = (4...6).compactMap { index in matched[index].map { (parameters[index].label!, $0) } }
        if roundings.count > 1 {
            diagnostics.append(reader.error("a reference states one rounding, not \(roundings.count)",
                                            roundings[1].1.labelRange ?? roundings[1].1.range))
            return nil
        }
        var rounding = Rounding.integer
        if let (kind, argument) = roundings.first {
            if quantity.isStep {
                diagnostics.append(reader.error("'\(quantity.spelling)' is a step number and takes no rounding", argument.labelRange ?? argument.range))
                return nil
            }
            guard let digits = reader.integer(argument.value, "'\(kind)'", in: kind == "significant" ? 1...17 : 0...17, &diagnostics)
            else { return nil }
            rounding = kind == "decimals" ? .decimals(digits) : kind == "significant" ? .significant(digits) : .percent(digits)
        } else if !quantity.isStep {
            diagnostics.append(reader.error("'\(quantity.spelling)' needs a stated rounding", callee.range,
                                            hint: "add 'decimals: 2', 'significant: 3' or, for a fraction, 'percent: 1'"))
            return nil
        }
        var point: RunPoint?
        if let argument = matched[7] {
            guard let chosen = RunPoint.read(argument, reader, &diagnostics) else { return nil }
            point = chosen
        }
        return ResultReference(label: label, title: title, quantity: quantity, start: start, rounding: rounding, point: point, text: text,
                               location: origin.location(line: 1, column: 1))
    }

    private static func quantity(_ expr: ExprSyntax, _ reader: ValueReader, _ diagnostics: inout [Diagnostic]) -> Quantity? {
        let names = Quantity.names
        guard let member = reader.member(expr, "the quantity", choices: names, &diagnostics) else { return nil }
        if member.arguments == nil, let quantity = Quantity.simple[member.name] { return quantity }
        if let (make, first, what) = Quantity.indexed[member.name] {
            guard let arguments = member.arguments, arguments.count == 1, arguments[0].label == nil else {
                diagnostics.append(reader.error("'.\(member.name)' takes one \(what) number", member.range,
                                                hint: "write '.\(member.name)(\(first == 0 ? 50 : 5))'"))
                return nil
            }
            guard let n = reader.integer(arguments[0].value, "the \(what)", &diagnostics) else { return nil }
            guard n >= first else {
                diagnostics.append(reader.error("the \(what) must be ≥ \(first), not \(n)", arguments[0].value.range,
                                                hint: first == 0 ? "steps count from 0" : "\(what)s count from 1"))
                return nil
            }
            return make(n)
        }
        if member.name == "rate" {
            guard let arguments = member.arguments, arguments.count == 1, arguments[0].label == "over",
                  let range = reader.range(arguments[0].value, "'over'", &diagnostics) else {
                if member.arguments?.count != 1 || member.arguments?.first?.label != "over" {
                    diagnostics.append(reader.error("'.rate' takes the window it is measured over", member.range,
                                                    hint: "write '.rate(over: 20...100)'"))
                }
                return nil
            }
            guard let lower = Int(exactly: range.lowerBound), let upper = Int(exactly: range.upperBound), lower >= 0, upper > lower else {
                diagnostics.append(reader.error("a rate is measured over whole steps a...b with 0 ≤ a < b, not \(SyntaxPrinter.print(arguments[0].value))",
                                                arguments[0].value.range, hint: "write '.rate(over: 20...100)'"))
                return nil
            }
            return .rate(over: lower...upper)
        }
        if Quantity.simple[member.name] != nil {
            diagnostics.append(reader.error("'.\(member.name)' takes no arguments", member.range))
            return nil
        }
        reader.unknownMember(member, "quantity", choices: names, &diagnostics)
        return nil
    }
}

extension RunPoint {
    /// `point: .iterate` or `point: .evaluated`, in a claim or a reference; nil after an error.
    static func read(_ argument: ArgumentSyntax, _ reader: ValueReader, _ diagnostics: inout [Diagnostic]) -> RunPoint? {
        guard let member = reader.member(argument.value, "the point", choices: choices, &diagnostics) else { return nil }
        guard let point = RunPoint(rawValue: member.name) else {
            reader.unknownMember(member, "point", choices: choices, &diagnostics)
            return nil
        }
        guard member.arguments == nil else {
            diagnostics.append(reader.error("'.\(member.name)' takes no arguments", member.range, hint: "write 'point: .\(member.name)'"))
            return nil
        }
        return point
    }
}
