import CourseDiagnostics

/// Parses the LaTeX math subset into ``MathNode``s in one left-to-right pass.
///
/// Works on UTF-8 bytes so every error carries a byte offset. Bad input never
/// stops the parse: each problem becomes a ``LaTeXError`` and the parser moves
/// on, so one build reports every broken formula part at once. Nesting is
/// capped at ``maximumDepth`` so hostile input cannot exhaust the stack, and
/// every byte is looked at a bounded number of times, so time is linear.
struct LaTeXParser {
    /// Deeper formulas are an error; real ones nest a handful of levels.
    static let maximumDepth = 200

    private let bytes: [UInt8]
    private var position = 0
    private(set) var errors: [LaTeXError] = []
    private var depth = 0
    private var tooDeep = false
    /// The alphabet that letters are set in (`\mathbf{…}` sets it for its argument).
    private var font: MathFont?

    /// Display math: its lines may be labelled, tagged and numbered.
    private let display: Bool
    /// The lines that may carry numbers, in order (``EquationLine``); empty for inline math.
    private(set) var lines: [EquationLine] = []
    /// How each line came to be: the whole formula, a numbered row, or a starred one.
    private var lineKinds: [LineKind] = []
    private var suppressed: [Bool] = []
    /// The line that `\label`, `\tag` and `\nonumber` apply to now.
    private var currentLine: Int?
    /// What each line shows, from the caller's numbering of a previous parse.
    var numbers: [String?] = []
    /// Resolves `\ref` and `\eqref`; without it they show "??", as LaTeX does before it knows.
    var references: ((String) -> MathReference)?

    private enum LineKind { case formula, numbered, starred }

    init(_ latex: String, display: Bool = false) {
        bytes = Array(latex.utf8)
        self.display = display
    }

    /// Where a list of items ended.
    enum Stop: Sendable {
        case end, closeBrace, closeBracket, cell, row, right, endEnvironment, dollar
    }

    /// The whole formula as one row.
    mutating func parseFormula() -> MathNode {
        if display { currentLine = openLine(.formula) }
        let (nodes, _) = parseList(stops: [])
        if display { finishLines() }
        return .row(nodes)
    }

    // MARK: - Numbered lines

    private mutating func openLine(_ kind: LineKind) -> Int {
        lines.append(EquationLine())
        lineKinds.append(kind)
        suppressed.append(false)
        return lines.count - 1
    }

    /// Which lines take a number, and the labels left on lines that show none.
    private mutating func finishLines() {
        for i in lines.indices {
            switch lineKinds[i] {
            case .formula: lines[i].isNumbered = lines[i].label != nil && !suppressed[i]
            case .numbered: lines[i].isNumbered = !suppressed[i]
            case .starred: lines[i].isNumbered = false
            }
            guard let label = lines[i].label, !lines[i].showsNumber else { continue }
            report(at: lines[i].labelOffset, length: 8 + label.utf8.count, "'\\label{\(label)}' on a line that shows no number",
                   hint: suppressed[i]
                       ? "remove \\nonumber from the line, or the label"
                       : "use the numbered environment (align, not align*), or give the line a \\tag{…}")
        }
    }

    /// The `{…}` after `\label`, `\ref` or `\eqref`, taken as it is written; `nil`, reported, when
    /// it is missing or not a label.
    private mutating func parseLabelArgument(of name: String, at start: Int) -> String? {
        skipSpaceAndComments()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else {
            report(at: start, length: 1 + name.utf8.count, "'\\\(name)' needs a label in braces",
                   hint: "write \\\(name){eq:adam-update}")
            return nil
        }
        let open = position
        position += 1
        while position < bytes.count, bytes[position] != UInt8(ascii: "}"), bytes[position] != UInt8(ascii: "\\"),
              bytes[position] != UInt8(ascii: "$") {
            position += 1
        }
        let label = text(open + 1..<position)
        guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
            report(at: open, "unclosed '{' of '\\\(name)'", hint: "write \\\(name){eq:adam-update}")
            return nil
        }
        position += 1
        guard EquationLabel.isValid(label) else {
            report(at: open + 1, length: max(1, label.utf8.count), "'\(label)' is not a label",
                   hint: "a label is a letter, then letters, digits, '-', '_', ':' or '.', like eq:adam-update")
            return nil
        }
        return label
    }

    /// `\label{…}`, `\tag{…}`, `\nonumber`: what the current line shows.
    private mutating func parseNumbering(_ command: LaTeXCommand, name: String, at start: Int) -> MathNode? {
        let length = position - start
        if case .nonumber = command {
            if let line = currentLine { suppressed[line] = true }
            return nil
        }
        if case .label = command {
            guard let label = parseLabelArgument(of: name, at: start) else { return nil }
            guard display, let line = currentLine else {
                report(at: start, length: position - start, "'\\label' outside display math",
                       hint: "a label numbers a display formula: put it in $$ … $$ on lines of its own")
                return nil
            }
            if let first = lines[line].label {
                report(at: start, length: position - start, "a second label on one line, which already has '\\label{\(first)}'",
                       hint: "a line has one label; end the line with \\\\ to label the next one")
                return nil
            }
            lines[line].label = label
            lines[line].labelOffset = start
            return nil
        }
        // \tag{…} or \tag*{…}
        var bare = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "*") {
            position += 1
            bare = true
        }
        skipSpaceAndComments()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else {
            report(at: start, length: length, "'\\tag' needs its text in braces", hint: "write \\tag{1a}")
            return nil
        }
        let open = position
        position += 1
        var braces = 0
        while position < bytes.count {
            if bytes[position] == UInt8(ascii: "{") { braces += 1 }
            if bytes[position] == UInt8(ascii: "}") {
                if braces == 0 { break }
                braces -= 1
            }
            position += 1
        }
        guard position < bytes.count else {
            report(at: open, "unclosed '{' of '\\tag'", hint: "add '}' to end the tag")
            return nil
        }
        let tag = text(open + 1..<position).trimmingSpaces()
        position += 1
        guard display, let line = currentLine else {
            report(at: start, length: position - start, "'\\tag' outside display math",
                   hint: "a tag numbers a display formula: put it in $$ … $$ on lines of its own")
            return nil
        }
        guard lines[line].tag == nil else {
            report(at: start, length: position - start, "a second '\\tag' on one line", hint: "a line shows one tag")
            return nil
        }
        // A tag is text, with math in `$…$`: `\tag{$\star$}` shows "⋆".
        lines[line].tag = MathML.plainText(latex: "\\text{\(tag)}")
        lines[line].tagIsBare = bare
        return nil
    }

    /// `\ref{…}`, `\eqref{…}`: the number the label has, as text.
    private mutating func parseReference(name: String, parenthesised: Bool, at start: Int) -> MathNode? {
        guard let label = parseLabelArgument(of: name, at: start) else { return .error("\\" + name) }
        var shown = "??"
        switch references?(label) {
        case .number(let number)?: shown = number
        case .unresolved(let message, let hint)?:
            report(at: start, length: position - start, message, hint: hint)
        case nil: break
        }
        return .text(parenthesised ? "(\(shown))" : shown)
    }

    // MARK: - Lists and items

    /// Items up to the first of `stops` (consumed) or the end of input.
    /// Stop tokens that are not allowed here are reported and skipped.
    private mutating func parseList(stops: Set<Stop>) -> ([MathNode], Stop) {
        guard enter() else { return ([], .end) }
        defer { depth -= 1 }
        var nodes: [MathNode] = []
        while true {
            skipSpaceAndComments()
            guard position < bytes.count else { return (nodes, .end) }
            let start = position
            switch bytes[position] {
            case UInt8(ascii: "]") where stops.contains(.closeBracket):
                position += 1
                return (nodes, .closeBracket)
            case UInt8(ascii: "}"), UInt8(ascii: "&"):
                let stop = bytes[position] == UInt8(ascii: "}") ? Stop.closeBrace : .cell
                position += 1
                if stops.contains(stop) { return (nodes, stop) }
                if stop == .closeBrace {
                    report(at: start, "unexpected '}' without a matching '{'",
                           hint: "remove it, or add the '{' that opens the group")
                } else {
                    report(at: start, "'&' outside an aligned, cases, array or matrix environment",
                           hint: "wrap the lines in \\begin{aligned} … \\end{aligned} to align them at '&'")
                }
                continue
            case UInt8(ascii: "$"):
                position += 1
                if stops.contains(.dollar) { return (nodes, .dollar) }
                report(at: start, "unexpected '$' inside math", hint: "write \\$ for a dollar sign")
                continue
            case UInt8(ascii: "\\"):
                let name = peekCommandName()
                switch name {
                case "\\":
                    position += 2
                    if stops.contains(.row) { return (nodes, .row) }
                    report(at: start, length: 2, "line break '\\\\' outside an environment",
                           hint: "wrap the lines in \\begin{aligned} … \\end{aligned}")
                    continue
                case "right":
                    position += 6
                    if stops.contains(.right) { return (nodes, .right) }
                    report(at: start, length: 6, "'\\right' without a matching '\\left'",
                           hint: "open the pair with \\left( or \\left. for no delimiter")
                    _ = parseDelimiter(after: "right", at: start)
                    continue
                case "end":
                    position += 4
                    if stops.contains(.endEnvironment) { return (nodes, .endEnvironment) }
                    let environment = parseEnvironmentName(after: "end", at: start)
                    report(at: start, length: position - start,
                           "'\\end{\(environment ?? "")}' without a matching '\\begin'",
                           hint: "remove it, or add the \\begin{…} that opens the environment")
                    continue
                case "displaystyle", "textstyle":
                    position += 1 + name.utf8.count
                    // A style switch applies to the rest of its group, like in TeX.
                    let (rest, stop) = parseList(stops: stops)
                    nodes.append(.style(.row(rest), name == "displaystyle" ? .display : .text))
                    return (nodes, stop)
                default:
                    break
                }
            default:
                break
            }
            if let node = parseItem(stops: stops) { nodes.append(node) }
        }
    }

    /// One atom and the scripts attached to it.
    private mutating func parseItem(stops: Set<Stop>) -> MathNode? {
        let scriptStart = bytes[position]
        var base: MathNode
        if scriptStart == UInt8(ascii: "^") || scriptStart == UInt8(ascii: "_") {
            // A script with nothing before it, like `{}^2`, sits on an empty base.
            base = .row([])
        } else if scriptStart == UInt8(ascii: "'") {
            base = .row([])
        } else {
            guard let atom = parseAtom(stops: stops, asArgument: false) else { return nil }
            base = atom
        }
        return attachScripts(to: base)
    }

    /// Subscripts, superscripts, primes, `\limits` and `\nolimits` after `base`.
    private mutating func attachScripts(to base: MathNode) -> MathNode {
        var sub: MathNode?
        var sup: MathNode?
        var primes = 0
        var limits = prefersLimits(base)
        while true {
            skipSpaceAndComments()
            guard position < bytes.count else { break }
            let start = position
            let byte = bytes[position]
            if byte == UInt8(ascii: "_") || byte == UInt8(ascii: "^") {
                position += 1
                let isSub = byte == UInt8(ascii: "_")
                let what = isSub ? "subscript" : "superscript"
                let argument = parseArgument(of: isSub ? "'_'" : "'^'", at: start, role: what)
                if isSub ? sub != nil : sup != nil {
                    report(at: start, "double \(what)",
                           hint: "use braces to say which part each script belongs to, like {x_a}_b or x_{ab}")
                    continue
                }
                if isSub { sub = argument } else { sup = argument }
            } else if byte == UInt8(ascii: "'") {
                position += 1
                if sup != nil {
                    report(at: start, "prime after a superscript", hint: "write the prime first: x'^2")
                    continue
                }
                primes += 1
            } else if byte == UInt8(ascii: "\\"), ["limits", "nolimits"].contains(peekCommandName()) {
                let name = peekCommandName()
                position += 1 + name.utf8.count
                if isLargeOperator(base) {
                    limits = name == "limits"
                } else {
                    report(at: start, length: position - start, "'\\\(name)' can only follow a large operator such as \\sum",
                           hint: nil)
                }
            } else {
                break
            }
        }
        if primes > 0 {
            let mark = MathNode.operator(MathOperator(text: ["′", "″", "‴"][min(primes, 3) - 1]
                + String(repeating: "′", count: max(0, primes - 3))))
            sup = sup.map { .row([mark, $0]) } ?? mark
        }
        guard sub != nil || sup != nil else { return base }
        return .scripts(base: base, sub: sub, sup: sup, limits: limits)
    }

    private func isLargeOperator(_ node: MathNode) -> Bool {
        switch node {
        case .operator(let op): return op.largeop || op.movablelimits
        case .function(let inner): return isLargeOperator(inner)
        default: return false
        }
    }

    /// Whether scripts on `node` go above and below rather than to the side.
    private func prefersLimits(_ node: MathNode) -> Bool {
        switch node {
        case .operator(let op): return op.movablelimits
        case .function(let inner): return prefersLimits(inner)
        case .accent(_, _, _, let isAccent): return !isAccent
        default: return false
        }
    }

    /// One atom: a group, a letter, a number, a symbol or a command with its arguments.
    /// `asArgument` takes a single digit rather than a number, as TeX does for `\frac12`.
    private mutating func parseAtom(stops: Set<Stop>, asArgument: Bool) -> MathNode? {
        guard enter() else { return nil }
        defer { depth -= 1 }
        let start = position
        let byte = bytes[position]
        switch byte {
        case UInt8(ascii: "{"):
            return parseGroup()
        case UInt8(ascii: "\\"):
            return parseCommand(stops: stops)
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
            if font == .roman && !asArgument {
                while position < bytes.count, isASCIILetter(bytes[position]) { position += 1 }
                return .identifier(text(start..<position), upright: true)
            }
            position += 1
            return letter(Unicode.Scalar(byte))
        case UInt8(ascii: "0")...UInt8(ascii: "9"):
            position += 1
            if !asArgument {
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
                if position + 1 < bytes.count, bytes[position] == UInt8(ascii: "."), isDigit(bytes[position + 1]) {
                    position += 1
                    while position < bytes.count, isDigit(bytes[position]) { position += 1 }
                }
            }
            return number(text(start..<position))
        case UInt8(ascii: "."):
            position += 1
            if !asArgument, position < bytes.count, isDigit(bytes[position]) {
                while position < bytes.count, isDigit(bytes[position]) { position += 1 }
                return number(text(start..<position))
            }
            return .operator(MathOperator(text: "."))
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "|"),
             UInt8(ascii: "/"):
            position += 1
            // Unlike MathML's default, LaTeX never grows a plain parenthesis.
            return .operator(.delimiter(text(start..<position)))
        case UInt8(ascii: "-"):
            position += 1
            return .operator(MathOperator(text: "−"))
        case UInt8(ascii: "*"):
            position += 1
            return .operator(MathOperator(text: "∗"))
        case UInt8(ascii: "`"):
            position += 1
            return .operator(MathOperator(text: "‘"))
        case UInt8(ascii: "+"), UInt8(ascii: "="), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: ","),
             UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "!"), UInt8(ascii: "?"), UInt8(ascii: "@"),
             UInt8(ascii: "\""):
            position += 1
            return .operator(MathOperator(text: text(start..<position)))
        case UInt8(ascii: "~"):
            position += 1
            return .text("\u{A0}")
        case UInt8(ascii: "#"):
            position += 1
            report(at: start, "'#' is a macro parameter in LaTeX", hint: "write \\# for the number sign")
            return .error("#")
        case UInt8(ascii: "^"), UInt8(ascii: "_"), UInt8(ascii: "'"), UInt8(ascii: "}"), UInt8(ascii: "&"),
             UInt8(ascii: "$"):
            // Only reached as a command's argument: `\frac^2`, `\hat}`.
            position += 1
            report(at: start, "expected an argument, found '\(text(start..<position))'",
                   hint: "put the argument in braces, like \\hat{x}")
            return nil
        case 0..<0x20, 0x7F:
            position += 1
            report(at: start, "control character U+\(hex(byte)) in the formula", hint: "remove it")
            return nil
        default:
            return parseUnicode()
        }
    }

    /// A character outside ASCII, with any combining marks that follow it.
    private mutating func parseUnicode() -> MathNode? {
        let start = position
        position = min(bytes.count, position + sequenceLength(bytes[position]))
        while position < bytes.count, bytes[position] >= 0x80 {
            let length = sequenceLength(bytes[position])
            guard let scalar = scalar(at: position, length: length),
                  scalar.properties.generalCategory == .nonspacingMark || scalar.properties.generalCategory == .enclosingMark
            else { break }
            position += length
        }
        let chunk = text(start..<position)
        guard let first = chunk.unicodeScalars.first else { return nil }
        if first.properties.numericType == .decimal { return number(chunk) }
        if first.properties.isAlphabetic || "∞∂∇ℓℏ∅".unicodeScalars.contains(first) {
            return chunk.unicodeScalars.count == 1 ? letter(first) : .identifier(chunk, upright: false)
        }
        if first.properties.generalCategory == .spaceSeparator { return .text("\u{A0}") }
        return .operator(MathOperator(text: chunk))
    }

    /// A letter in the current alphabet.
    private func letter(_ scalar: Unicode.Scalar) -> MathNode {
        guard let font else { return .identifier(String(scalar), upright: false) }
        if font == .roman { return .identifier(String(scalar), upright: true) }
        if let styled = font.transform(scalar) { return .identifier(String(styled), upright: false) }
        return .identifier(String(scalar), upright: font != .italic && font != .boldItalic)
    }

    private func number(_ digits: String) -> MathNode {
        guard let font, font != .roman else { return .number(digits) }
        var styled = String.UnicodeScalarView()
        for scalar in digits.unicodeScalars { styled.append(font.transform(scalar) ?? scalar) }
        return .number(String(styled))
    }

    /// `{…}`, the position at its `{`.
    private mutating func parseGroup() -> MathNode {
        let open = position
        position += 1
        let (nodes, stop) = parseList(stops: [.closeBrace])
        if stop != .closeBrace {
            report(at: open, "unclosed '{'", hint: "add '}' to close the group opened here")
        }
        return nodes.count == 1 ? nodes[0] : .row(nodes)
    }

    /// A command's argument: a group or a single token.
    private mutating func parseArgument(of owner: String, at ownerStart: Int, role: String = "argument") -> MathNode {
        skipSpaceAndComments()
        guard position < bytes.count, !isArgumentTerminator(bytes[position]) else {
            report(at: ownerStart, length: max(1, position - ownerStart), "\(owner) needs \(article(role)) \(role)",
                   hint: "write it in braces after \(owner), like \(owner == "'^'" || owner == "'_'" ? "x\(owner.dropFirst().dropLast()){2}" : "\(owner.dropFirst().dropLast()){x}")")
            return .row([])
        }
        return parseAtom(stops: [], asArgument: true) ?? .row([])
    }

    private func article(_ word: String) -> String {
        word.first.map { "aeiou".contains($0) } == true ? "an" : "a"
    }

    private func isArgumentTerminator(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "}") || byte == UInt8(ascii: "&") || byte == UInt8(ascii: "$")
            || (byte == UInt8(ascii: "\\") && ["\\", "right", "end"].contains(peekCommandName()))
    }

    // MARK: - Commands

    /// The name after a backslash at `position`: letters, or one other character;
    /// empty at the end of input.
    private func peekCommandName() -> String {
        var end = position + 1
        guard end < bytes.count else { return "" }
        if isASCIILetter(bytes[end]) {
            while end < bytes.count, isASCIILetter(bytes[end]) { end += 1 }
        } else {
            end += sequenceLength(bytes[end])
        }
        return text(position + 1..<min(end, bytes.count))
    }

    private mutating func parseCommand(stops: Set<Stop>) -> MathNode? {
        let start = position
        let name = peekCommandName()
        position = min(bytes.count, position + 1 + name.utf8.count)
        let length = position - start
        if name.isEmpty {
            report(at: start, "'\\' at the end of the formula", hint: "write \\backslash for a backslash")
            return nil
        }
        switch name {
        case "{", "}": return .operator(.delimiter(name))
        case "|": return .operator(.delimiter("‖"))
        case "%", "$", "&", "#", "_": return .operator(MathOperator(text: name))
        default: break
        }
        guard let command = LaTeXCommand.all[name] else {
            let suggestion = reportsErrors && name.utf8.count <= 40
                ? Suggestion.closest(to: name, in: LaTeXCommand.sortedNames) : nil
            report(at: start, length: length, "unknown command '\\\(name)'",
                   hint: suggestion.map { "did you mean '\\\($0)'?" })
            return .error("\\" + name)
        }
        switch command {
        case .identifier(let symbol, let upright):
            if let font, font != .roman, let styled = font.transform(symbol.unicodeScalars.first!) {
                return .identifier(String(styled), upright: false)
            }
            return .identifier(symbol, upright: upright || font == .roman)
        case .operator(let symbol):
            return .operator(MathOperator(text: symbol))
        case .delimiter(let symbol):
            return .operator(.delimiter(symbol))
        case .largeOperator(let symbol, let limits):
            return .operator(MathOperator(text: symbol, largeop: true, movablelimits: limits))
        case .limitFunction(let shown):
            return .function(.operator(MathOperator(
                text: shown, form: .prefix, movablelimits: true, lspace: "0em", rspace: "0em")))
        case .function(let shown):
            return .function(.identifier(shown, upright: true))
        case .space(let em):
            return .space(em: em)
        case .fraction(let style):
            let numerator = parseArgument(of: "'\\\(name)'", at: start, role: "numerator")
            let denominator = parseArgument(of: "'\\\(name)'", at: start, role: "denominator")
            return .fraction(numerator, denominator, thickness: nil, style: style)
        case .binomial:
            let top = parseArgument(of: "'\\binom'", at: start)
            let bottom = parseArgument(of: "'\\binom'", at: start)
            return .row([
                .operator(MathOperator(text: "(", form: .prefix, stretchy: true, fence: true)),
                .fraction(top, bottom, thickness: "0", style: nil),
                .operator(MathOperator(text: ")", form: .postfix, stretchy: true, fence: true)),
            ])
        case .squareRoot:
            return parseSquareRoot(at: start)
        case .accent(let mark, let stretchy):
            let base = parseArgument(of: "'\\\(name)'", at: start)
            return .accent(base: base, mark: MathOperator(text: mark, stretchy: stretchy), under: false, isAccent: true)
        case .wideMark(let mark, let under, let isAccent):
            let base = parseArgument(of: "'\\\(name)'", at: start)
            return .accent(base: base, mark: MathOperator(text: mark, stretchy: true), under: under, isAccent: isAccent)
        case .font(let newFont):
            let saved = font
            font = newFont
            defer { font = saved }
            return parseArgument(of: "'\\\(name)'", at: start)
        case .text(let textFont):
            return parseText(of: name, at: start, font: textFont)
        case .operatorName:
            return parseOperatorName(at: start)
        case .left:
            return parseFenced(at: start)
        case .middle:
            let delimiter = parseDelimiter(after: "middle", at: start)
            guard stops.contains(.right) else {
                report(at: start, length: length, "'\\middle' outside a \\left … \\right pair",
                       hint: "use it between \\left and \\right, like \\left( a \\middle| b \\right)")
                return nil
            }
            return delimiter.map { .operator(MathOperator(text: $0, stretchy: true, fence: true)) }
        case .right:
            // parseList stops at \right; reaching here means a script or command took it as an argument.
            report(at: start, length: length, "'\\right' without a matching '\\left'", hint: nil)
            return nil
        case .sized(let em, let form):
            guard let delimiter = parseDelimiter(after: name, at: start) else { return nil }
            guard !delimiter.isEmpty else { return .space(em: 0) }
            return .operator(MathOperator(text: delimiter, form: form, stretchy: true, size: "\(em)em"))
        case .begin:
            return parseEnvironment(at: start)
        case .end:
            report(at: start, length: length, "'\\end' without a matching '\\begin'", hint: nil)
            return nil
        case .style(let style):
            // Reached only as an argument (`\frac\displaystyle x`), where it styles nothing.
            return .style(.row([]), style)
        case .limits:
            report(at: start, length: length, "'\\\(name)' can only follow a large operator such as \\sum", hint: nil)
            return nil
        case .phantom(let keep):
            return .phantom(parseArgument(of: "'\\\(name)'", at: start), keep: keep)
        case .not:
            return parseNegation(at: start)
        case .overset, .underset:
            let mark = parseArgument(of: "'\\\(name)'", at: start)
            let base = parseArgument(of: "'\\\(name)'", at: start)
            return name == "underset" ? .stack(base: base, over: nil, under: mark) : .stack(base: base, over: mark, under: nil)
        case .ignored:
            return nil
        case .label, .tag, .nonumber:
            return parseNumbering(command, name: name, at: start)
        case .reference(let parenthesised):
            return parseReference(name: name, parenthesised: parenthesised, at: start)
        }
    }

    private mutating func parseSquareRoot(at start: Int) -> MathNode {
        skipSpaceAndComments()
        var index: MathNode?
        if position < bytes.count, bytes[position] == UInt8(ascii: "[") {
            let open = position
            position += 1
            let (nodes, stop) = parseList(stops: [.closeBracket])
            if stop != .closeBracket {
                report(at: open, "unclosed '[' of the root's index", hint: "add ']' after the index, like \\sqrt[3]{x}")
            }
            index = nodes.count == 1 ? nodes[0] : .row(nodes)
        }
        let radicand = parseArgument(of: "'\\sqrt'", at: start)
        return index.map { .root(radicand, index: $0) } ?? .squareRoot(radicand)
    }

    private mutating func parseOperatorName(at start: Int) -> MathNode {
        var limits = false
        if position < bytes.count, bytes[position] == UInt8(ascii: "*") {
            position += 1
            limits = true
        }
        let saved = font
        font = .roman
        let name = parseArgument(of: "'\\operatorname'", at: start)
        font = saved
        if limits, case .identifier(let text, _) = name {
            return .function(.operator(MathOperator(
                text: text, form: .prefix, movablelimits: true, lspace: "0em", rspace: "0em")))
        }
        return .function(name)
    }

    private mutating func parseNegation(at start: Int) -> MathNode? {
        skipSpaceAndComments()
        guard position < bytes.count, let next = parseAtom(stops: [], asArgument: true) else {
            report(at: start, length: 4, "'\\not' needs a relation after it", hint: "write \\not= or \\not\\in")
            return nil
        }
        guard case .operator(var op) = next else {
            report(at: start, length: 4, "'\\not' needs a relation after it", hint: "write \\not= or \\not\\in")
            return next
        }
        op.text = LaTeXCommand.negated(op.text)
        return .operator(op)
    }

    /// `\left( … \right)`, the position at `\left`.
    private mutating func parseFenced(at start: Int) -> MathNode {
        let open = parseDelimiter(after: "left", at: start)
        let (inner, stop) = parseList(stops: [.right])
        var close: String?
        if stop == .right {
            close = parseDelimiter(after: "right", at: position - 6)
        } else {
            report(at: start, length: 5, "'\\left' has no matching '\\right'",
                   hint: "close it with \\right) or \\right. for no delimiter")
        }
        var nodes: [MathNode] = []
        if let open, !open.isEmpty {
            nodes.append(.operator(MathOperator(text: open, form: .prefix, stretchy: true, fence: true)))
        }
        nodes.append(.row(inner))
        if let close, !close.isEmpty {
            nodes.append(.operator(MathOperator(text: close, form: .postfix, stretchy: true, fence: true)))
        }
        return .row(nodes)
    }

    /// The delimiter after `\left`, `\right`, `\middle` or `\big`: its text, ""
    /// for `.`, `nil` (reported) when there is none.
    private mutating func parseDelimiter(after command: String, at start: Int) -> String? {
        skipSpaceAndComments()
        guard position < bytes.count else {
            reportMissingDelimiter(after: command, at: start)
            return nil
        }
        let byte = bytes[position]
        let simple: [UInt8: String] = [
            UInt8(ascii: "("): "(", UInt8(ascii: ")"): ")", UInt8(ascii: "["): "[", UInt8(ascii: "]"): "]",
            UInt8(ascii: "|"): "|", UInt8(ascii: "/"): "/", UInt8(ascii: "."): "",
            UInt8(ascii: "<"): "⟨", UInt8(ascii: ">"): "⟩",
        ]
        if let text = simple[byte] {
            position += 1
            return text
        }
        if byte == UInt8(ascii: "\\") {
            let name = peekCommandName()
            let symbol: String?
            switch name {
            case "{", "}": symbol = name
            case "|": symbol = "‖"
            default:
                switch LaTeXCommand.all[name] {
                case .delimiter(let text)?: symbol = text
                case .operator(let text)? where "↑↓⇑⇓↕".contains(text): symbol = text
                default: symbol = nil
                }
            }
            if let symbol {
                position += 1 + name.utf8.count
                return symbol
            }
        }
        reportMissingDelimiter(after: command, at: start)
        return nil
    }

    private mutating func reportMissingDelimiter(after command: String, at start: Int) {
        report(at: start, length: 1 + command.utf8.count, "missing delimiter after '\\\(command)'",
               hint: "write a delimiter such as ( [ | \\{ or \\langle, or '.' for none")
    }

    // MARK: - Text

    /// `\text{…}`: text with its spaces, `$…$` math inside, escapes and nested text commands.
    private mutating func parseText(of name: String, at start: Int, font textFont: MathFont?) -> MathNode {
        skipSpaceAndComments()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else {
            report(at: start, length: 1 + name.utf8.count, "'\\\(name)' needs its text in braces",
                   hint: "write \\\(name){…}")
            return .row([])
        }
        let open = position
        position += 1
        var parts: [MathNode] = []
        var buffer = ""
        var braces = 0
        func flush() {
            if !buffer.isEmpty { parts.append(.text(Self.textSpacing(buffer))) }
            buffer = ""
        }
        while true {
            guard position < bytes.count else {
                report(at: open, "unclosed '{' of '\\\(name)'", hint: "add '}' to end the text")
                break
            }
            let byte = bytes[position]
            if byte == UInt8(ascii: "}") {
                position += 1
                if braces == 0 { break }
                braces -= 1
            } else if byte == UInt8(ascii: "{") {
                position += 1
                braces += 1
            } else if byte == UInt8(ascii: "$") {
                let dollar = position
                position += 1
                flush()
                let saved = font
                font = nil
                let (nodes, stop) = parseList(stops: [.dollar])
                font = saved
                if stop != .dollar {
                    report(at: dollar, "unclosed '$' inside '\\\(name)'", hint: "add the closing '$'")
                }
                parts.append(.row(nodes))
            } else if byte == UInt8(ascii: "\\") {
                let commandStart = position
                let command = peekCommandName()
                position = min(bytes.count, position + 1 + command.utf8.count)
                switch command {
                case "{", "}", "$", "%", "&", "#", "_": buffer += command
                case " ", ",", ";", ":", "\\", "quad", "qquad": buffer += " "
                case "":
                    report(at: commandStart, "'\\' at the end of the formula", hint: "write \\textbackslash")
                case "textbackslash": buffer += "\\"
                default:
                    if case .text(let inner)? = LaTeXCommand.all[command] {
                        flush()
                        parts.append(parseText(of: command, at: commandStart, font: inner ?? textFont))
                    } else {
                        let suggestion = reportsErrors && command.utf8.count <= 40
                            ? Suggestion.closest(to: command, in: LaTeXCommand.textNames) : nil
                        report(at: commandStart, length: position - commandStart,
                               "unknown command '\\\(command)' in text",
                               hint: suggestion.map { "did you mean '\\\($0)'?" }
                                   ?? "inside \\text only escapes like \\$ \\{ \\} and spacing commands work")
                    }
                }
            } else if byte < 0x20 && byte != UInt8(ascii: "\n") && byte != UInt8(ascii: "\t") && byte != UInt8(ascii: "\r") || byte == 0x7F {
                report(at: position, "control character U+\(hex(byte)) in the formula", hint: "remove it")
                position += 1
            } else {
                let length = sequenceLength(byte)
                let end = min(bytes.count, position + length)
                let chunk = text(position..<end)
                position = end
                if let textFont, textFont != .roman {
                    for scalar in chunk.unicodeScalars {
                        buffer.unicodeScalars.append(textFont.transform(scalar) ?? scalar)
                    }
                } else {
                    buffer += chunk
                }
            }
        }
        flush()
        return parts.count == 1 ? parts[0] : .row(parts)
    }

    /// Runs of white space become one space, as TeX reads them; spaces at either
    /// end become no-break spaces, which MathML keeps where it trims plain ones.
    static func textSpacing(_ raw: String) -> String {
        var out = ""
        var pendingSpace = false
        for character in raw {
            if character.isWhitespace {
                pendingSpace = true
                continue
            }
            if pendingSpace { out += out.isEmpty ? "\u{A0}" : " " }
            pendingSpace = false
            out.append(character)
        }
        if pendingSpace { out += "\u{A0}" }
        return out
    }

    // MARK: - Environments

    private mutating func parseEnvironmentName(after command: String, at start: Int) -> String? {
        skipSpaceAndComments()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else {
            report(at: start, length: 1 + command.utf8.count, "'\\\(command)' needs an environment name in braces",
                   hint: "write \\\(command){aligned}")
            return nil
        }
        let open = position
        position += 1
        let nameStart = position
        while position < bytes.count, isASCIILetter(bytes[position]) || bytes[position] == UInt8(ascii: "*") {
            position += 1
        }
        let name = text(nameStart..<position)
        guard position < bytes.count, bytes[position] == UInt8(ascii: "}") else {
            report(at: open, "unclosed '{' of the environment name", hint: "write \\\(command){\(name.isEmpty ? "aligned" : name)}")
            return name
        }
        position += 1
        return name
    }

    /// `\begin{name} … \end{name}`, the position at `\begin`.
    private mutating func parseEnvironment(at start: Int) -> MathNode {
        let nameStart = position
        guard let name = parseEnvironmentName(after: "begin", at: start) else { return .row([]) }
        var layout = MathEnvironment.named(name)
        if layout == nil {
            let suggestion = Suggestion.closest(to: name, in: MathEnvironment.names)
            report(at: nameStart + 1, length: max(1, name.utf8.count), "unknown environment '\(name)'",
                   hint: suggestion.map { "did you mean '\($0)'?" }
                       ?? "the environments are \(MathEnvironment.names.joined(separator: ", "))")
        }
        if name == "array" {
            layout?.columnAlignments = parseArraySpecification(at: start)
        }
        // In display math, align and gather number each row, equation the formula; nested in
        // one of them, an environment's rows belong to the line around it.
        let numbering = display ? MathEnvironment.numbering(of: name) : nil
        let outerLine = currentLine
        var rowLines: [Int] = []
        if let numbering, let line = currentLine, lineKinds[line] == .formula, numbering.0 == .formula {
            lineKinds[line] = numbering.starred ? .starred : .numbered
        }
        let numbersRows = numbering?.0 == .rows && outerLine.map { lineKinds[$0] == .formula } == true
        func openRow() {
            guard numbersRows, let numbering else { return }
            currentLine = openLine(numbering.starred ? .starred : .numbered)
            rowLines.append(currentLine!)
        }
        defer { currentLine = outerLine }
        openRow()
        var rows: [[MathNode]] = []
        var cells: [MathNode] = []
        while true {
            let (nodes, stop) = parseList(stops: [.cell, .row, .endEnvironment])
            cells.append(nodes.count == 1 ? nodes[0] : .row(nodes))
            switch stop {
            case .cell:
                continue
            case .row:
                rows.append(cells)
                cells = []
                skipRowSpacing()
                openRow()
                continue
            case .endEnvironment:
                let endStart = position - 4
                let endName = parseEnvironmentName(after: "end", at: endStart)
                if let endName, endName != name {
                    report(at: endStart, length: position - endStart, "'\\begin{\(name)}' ended by '\\end{\(endName)}'",
                           hint: "write \\end{\(name)}")
                }
            default:
                report(at: start, length: position > start ? min(position - start, 6 + name.utf8.count + 2) : 1,
                       "'\\begin{\(name)}' has no matching '\\end{\(name)}'", hint: "add \\end{\(name)} after the last row")
            }
            break
        }
        // TeX ignores a line break after the last row.
        if !(cells.count == 1 && cells[0] == .row([]) && !rows.isEmpty) {
            rows.append(cells)
        } else if let last = rowLines.last, lines[last].label == nil, lines[last].tag == nil {
            // The row after a last '\\\\' is not a row, and has no line either.
            rowLines.removeLast()
            lines.removeLast()
            lineKinds.removeLast()
            suppressed.removeLast()
        }
        // An equation of one row is its formula, not a table.
        if name == "equation" || name == "equation*", rows.count == 1, rows[0].count == 1 {
            return rows[0][0]
        }
        let environment = layout ?? MathEnvironment.named("matrix")!
        var table = environment.table(rows)
        let rowNumbers = rowLines.map { $0 < numbers.count ? numbers[$0] : nil }
        if rowNumbers.contains(where: { $0 != nil }) {
            table.rowNumbers = rowNumbers
            table.rowIDs = zip(rowLines, rowNumbers).map { line, number in number == nil ? nil : lines[line].label }
        }
        return .table(table)
    }

    /// The column letters of `\begin{array}{lcr}`; `|` rules are not drawn.
    private mutating func parseArraySpecification(at start: Int) -> [MathTable.Alignment] {
        skipSpaceAndComments()
        guard position < bytes.count, bytes[position] == UInt8(ascii: "{") else {
            report(at: start, "'\\begin{array}' needs its column letters in braces", hint: "write \\begin{array}{lcr}")
            return [.center]
        }
        position += 1
        var alignments: [MathTable.Alignment] = []
        while position < bytes.count, bytes[position] != UInt8(ascii: "}") {
            switch bytes[position] {
            case UInt8(ascii: "l"): alignments.append(.left)
            case UInt8(ascii: "c"): alignments.append(.center)
            case UInt8(ascii: "r"): alignments.append(.right)
            case UInt8(ascii: "|"), UInt8(ascii: " "): break
            default:
                report(at: position, "unknown column letter '\(text(position..<position + sequenceLength(bytes[position])))' in the array's columns",
                       hint: "use l, c or r for each column")
            }
            position = min(bytes.count, position + sequenceLength(bytes[position]))
        }
        if position < bytes.count { position += 1 }
        return alignments.isEmpty ? [.center] : alignments
    }

    /// Skips the `[4pt]` of `\\[4pt]`; MathML rows are spaced by the renderer.
    private mutating func skipRowSpacing() {
        var scan = position
        while scan < bytes.count, bytes[scan] == UInt8(ascii: " ") { scan += 1 }
        guard scan < bytes.count, bytes[scan] == UInt8(ascii: "[") else { return }
        var end = scan + 1
        while end < bytes.count, end - scan < 16, bytes[end] != UInt8(ascii: "]") { end += 1 }
        if end < bytes.count, bytes[end] == UInt8(ascii: "]") { position = end + 1 }
    }

    // MARK: - Scanning

    private mutating func enter() -> Bool {
        guard depth < Self.maximumDepth else {
            if !tooDeep {
                tooDeep = true
                report(at: position, "formula nests more than \(Self.maximumDepth) levels deep",
                       hint: "split it into smaller formulas")
            }
            position = bytes.count
            return false
        }
        depth += 1
        return true
    }

    private mutating func skipSpaceAndComments() {
        while position < bytes.count {
            switch bytes[position] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                position += 1
            case UInt8(ascii: "%"):
                while position < bytes.count, bytes[position] != UInt8(ascii: "\n") { position += 1 }
            default:
                return
            }
        }
    }

    /// More errors than this in one formula are noise; the rest are summed up in one.
    static let maximumErrors = 20

    private mutating func report(at offset: Int, length: Int = 1, _ message: String, hint: String?) {
        if errors.count < Self.maximumErrors {
            errors.append(LaTeXError(offset: offset, length: length, message: message, hint: hint))
        } else if errors.count == Self.maximumErrors {
            errors.append(LaTeXError(offset: offset, length: length, message: "too many errors in this formula",
                                     hint: "fix the ones above first"))
        }
    }

    /// Whether another error would still be recorded, so that costly hints
    /// (did-you-mean searches) are not computed for errors that are dropped.
    private var reportsErrors: Bool { errors.count < Self.maximumErrors }

    private func text(_ range: Range<Int>) -> String {
        String(decoding: bytes[range.clamped(to: 0..<bytes.count)], as: UTF8.self)
    }

    private func scalar(at offset: Int, length: Int) -> Unicode.Scalar? {
        guard offset + length <= bytes.count else { return nil }
        return text(offset..<offset + length).unicodeScalars.first
    }

    /// Bytes in the UTF-8 sequence that starts with `lead` (1 for a stray continuation byte).
    private func sequenceLength(_ lead: UInt8) -> Int {
        switch lead {
        case 0xF0...: return 4
        case 0xE0...: return 3
        case 0xC0...: return 2
        default: return 1
        }
    }

    private func isASCIILetter(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }

    private func isDigit(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }

    private func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return String(repeating: "0", count: 4 - digits.count) + digits
    }
}

extension String {
    /// The text without spaces, tabs and line breaks at either end.
    func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        return String(self.drop(while: isSpace).reversed().drop(while: isSpace).reversed())
    }
}
