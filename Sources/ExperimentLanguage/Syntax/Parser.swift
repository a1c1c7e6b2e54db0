import CourseDiagnostics

/// Parses a directive's tokens into statements, with Swift's grammar, precedence and
/// operator-spacing rules, recovering after each error so that every error of a fence is found.
public struct Parser {
    private let tokens: [Token]
    private let origin: SourceOrigin
    private var index = 0
    private var depth = 0
    private var diagnostics: [Diagnostic] = []
    /// Set once the nesting limit is hit, so that the limit is reported once and parsing unwinds.
    private var tooDeep = false

    /// Parses `text` into its top-level statements; errors are appended to `diagnostics`.
    public static func parse(_ text: String, origin: SourceOrigin, diagnostics: inout [Diagnostic]) -> [StatementSyntax] {
        let tokens = Lexer.tokenize(text, origin: origin, diagnostics: &diagnostics)
        var parser = Parser(tokens: tokens, origin: origin)
        let statements = parser.parseStatements(closedBy: nil)
        diagnostics += parser.diagnostics
        return statements
    }

    private init(tokens: [Token], origin: SourceOrigin) {
        self.tokens = tokens
        self.origin = origin
    }

    // MARK: Tokens

    private var current: Token { tokens[index] }
    private var previous: Token { tokens[max(0, index - 1)] }

    private mutating func advance() {
        if index < tokens.count - 1 { index += 1 }
    }

    private func isAt(_ kind: Token.Kind) -> Bool { current.kind == kind }

    private func isAtOperator(_ spelling: String) -> Bool {
        if case .operator(spelling) = current.kind { return true }
        return false
    }

    private mutating func report(_ message: String, _ range: SourceRange, hint: String? = nil) {
        diagnostics.append(.error(
            message, at: origin.location(line: range.start.line, column: range.start.column), length: range.length, hint: hint))
    }

    /// Reports `message` at the current token, or just after the previous token when the
    /// current one is on a later line (an unclosed `(` is best shown where it was left open).
    private mutating func reportExpected(_ message: String, hint: String? = nil) {
        if current.startsLine || isAt(.endOfFile), index > 0 {
            let end = previous.range.end
            report(message, SourceRange(end, end), hint: hint)
        } else {
            report(message, current.range, hint: hint)
        }
    }

    // MARK: Statements

    /// Statements up to `closedBy` (not consumed) or the end of the text.
    private mutating func parseStatements(closedBy closer: Token.Kind?) -> [StatementSyntax] {
        var statements: [StatementSyntax] = []
        while !isAt(.endOfFile), !tooDeep {
            if let closer, isAt(closer) { break }
            if isAt(.semicolon) {
                advance()
                continue
            }
            if isAt(.rightBrace) || isAt(.rightParen) || isAt(.rightBracket) {
                report("unexpected \(current.quoted)", current.range, hint: closer == nil ? "remove it, or add the matching opening bracket" : nil)
                advance()
                continue
            }
            let start = index
            if let statement = parseStatement() {
                statements.append(statement)
                if !(isAt(.semicolon) || isAt(.endOfFile) || current.startsLine || (closer.map { isAt($0) } ?? false)) {
                    report("consecutive statements on a line must be separated by ';'", current.range,
                           hint: "put each statement on its own line")
                }
            } else {
                synchronize(from: start, closer: closer)
            }
        }
        return statements
    }

    /// Skips to the next statement after an error: the next line at this nesting level,
    /// a `;`, or the closing brace.
    private mutating func synchronize(from start: Int, closer: Token.Kind?) {
        if index == start { advance() }
        var nesting = 0
        while !isAt(.endOfFile) {
            if nesting == 0 {
                if let closer, isAt(closer) { return }
                if current.startsLine || isAt(.semicolon) { return }
            }
            switch current.kind {
            case .leftParen, .leftBrace, .leftBracket: nesting += 1
            case .rightParen, .rightBrace, .rightBracket:
                if nesting == 0 { return }
                nesting -= 1
            default: break
            }
            advance()
        }
    }

    private mutating func parseStatement() -> StatementSyntax? {
        let start = current.range.start
        switch current.kind {
        case .keyword(.let):
            advance()
            guard case .identifier(let name) = current.kind else {
                if case .keyword(let k) = current.kind {
                    report("'\(k.rawValue)' is a Swift keyword and cannot name a constant", current.range, hint: "choose another name")
                } else {
                    reportExpected("expected a name after 'let'")
                }
                return nil
            }
            let nameRange = current.range
            advance()
            if isAt(.colon) {
                // `let lr: Double = 0.1`: the annotation is valid Swift; the value decides the type.
                advance()
                guard case .identifier = current.kind else {
                    reportExpected("expected a type name after ':'")
                    return nil
                }
                advance()
            }
            guard isAtOperator("=") else {
                reportExpected("expected '=' after 'let \(name)'", hint: "write 'let \(name) = value'")
                return nil
            }
            if current.operatorPosition != .infix {
                report("'=' must have consistent whitespace on both sides", current.range, hint: "write 'let \(name) = …'")
            }
            advance()
            guard let value = parseExpression() else { return nil }
            return .let(name: name, nameRange: nameRange, value: value, range: SourceRange(start, value.range.end))
        case .keyword(.return):
            advance()
            if isAt(.rightBrace) || isAt(.semicolon) || isAt(.endOfFile) || current.startsLine {
                return .return(nil, range: previous.range)
            }
            guard let value = parseExpression() else { return nil }
            return .return(value, range: SourceRange(start, value.range.end))
        case .keyword(.var):
            report("'var' is not part of the directive language", current.range, hint: "directives are declarative: use 'let'")
            return nil
        case .keyword(let keyword) where ![.true, .false].contains(keyword):
            report("'\(keyword.rawValue)' is not part of the directive language", current.range,
                   hint: "a directive is a builder call such as 'Experiment(\"…\") { … }', with 'let' constants")
            return nil
        default:
            return parseExpression().map(StatementSyntax.expression)
        }
    }

    // MARK: Expressions

    /// Swift's standard-library precedence groups, loosest first, for the operators a directive can meet.
    private static func precedence(of op: String) -> (level: Int, associative: Bool)? {
        switch op {
        case "||": return (1, true)
        case "&&": return (2, true)
        case "==", "!=", "<", "<=", ">", ">=", "===", "!==", "~=": return (3, false)
        case "??": return (4, true)
        case "...", "..<": return (5, false)
        case "+", "-", "&+", "&-", "|", "^": return (6, true)
        case "*", "/", "%", "&*", "&": return (7, true)
        case "<<", ">>", "&<<", "&>>": return (8, false)
        default: return nil
        }
    }

    private mutating func enter(_ range: SourceRange) -> Bool {
        depth += 1
        if depth > Limits.maximumNestingDepth {
            if !tooDeep {
                report("expressions nest deeper than \(Limits.maximumNestingDepth) levels", range,
                       hint: "split the expression with 'let' constants")
            }
            tooDeep = true
            return false
        }
        return true
    }

    /// A full expression: prefix expressions joined by infix operators, grouped by precedence.
    mutating func parseExpression() -> ExprSyntax? {
        parseBinary(minimumLevel: 0)
    }

    private mutating func parseBinary(minimumLevel: Int) -> ExprSyntax? {
        guard var lhs = parsePrefix() else { return nil }
        while case .operator(let op) = current.kind {
            let token = current
            if op == "=" { break }
            // An operator that starts a line and binds only to its right begins the next statement (`-x`).
            if token.startsLine, token.operatorPosition == .prefix { break }
            let known = Self.precedence(of: op)
            // Unknown operators parse in Swift (their meaning is looked up later); the checker rejects them.
            let level = known?.level ?? 7
            if level < minimumLevel { break }
            if token.operatorPosition != .infix {
                let hint = token.operatorPosition == .prefix
                    ? "Swift reads '\(op)' here as a prefix operator; write spaces on both sides or on neither"
                    : "Swift reads '\(op)' here as a postfix operator; write spaces on both sides or on neither"
                report("'\(op)' must have consistent whitespace on both sides", token.range, hint: hint)
                // Which of two readings was meant is a guess; checking either would add a misleading error.
                return nil
            }
            advance()
            // Every group here associates left (or not at all), so the right side binds tighter.
            guard let rhs = parseBinary(minimumLevel: level + 1) else { return nil }
            lhs = ExprSyntax(.binary(operator: op, operatorRange: token.range, lhs: lhs, rhs: rhs), lhs.range.union(rhs.range))
            guard lhs.height <= Limits.maximumExpressionHeight else {
                if !tooDeep {
                    report("the expression has more than \(Limits.maximumExpressionHeight) levels of operators", token.range,
                           hint: "split it with 'let' constants")
                }
                tooDeep = true
                return nil
            }
            if let known, !known.associative, case .operator(let next) = current.kind,
               Self.precedence(of: next)?.level == level, !current.startsLine {
                report("adjacent '\(op)' and '\(next)' operators are non-associative", current.range,
                       hint: "add parentheses")
            }
        }
        return lhs
    }

    private mutating func parsePrefix() -> ExprSyntax? {
        if case .operator(let op) = current.kind {
            let token = current
            guard enter(token.range) else { return nil }
            defer { depth -= 1 }
            advance()
            if token.isRightBound == false {
                report("unary operator '\(op)' cannot be separated from its operand", token.range, hint: "write '\(op)' right before its operand")
            }
            guard let operand = parsePrefix() else { return nil }
            return ExprSyntax(.prefix(operator: op, operand: operand), token.range.union(operand.range))
        }
        return parsePostfix()
    }

    private mutating func parsePostfix() -> ExprSyntax? {
        guard var expr = parsePrimary() else { return nil }
        while true {
            switch current.kind {
            case .leftParen where !current.startsLine:
                guard enter(current.range) else { return nil }
                defer { depth -= 1 }
                guard let (arguments, close) = parseArgumentList(opener: "(", closer: .rightParen) else { return nil }
                var trailing: ClosureSyntax?
                if isAt(.leftBrace) {
                    guard let closure = parseClosure() else { return nil }
                    trailing = closure
                }
                let end = trailing?.range.end ?? close
                expr = ExprSyntax(.call(callee: expr, arguments: arguments, trailingClosure: trailing, hasParentheses: true),
                                  SourceRange(expr.range.start, end))
            case .leftBrace:
                guard let closure = parseClosure() else { return nil }
                expr = ExprSyntax(.call(callee: expr, arguments: [], trailingClosure: closure, hasParentheses: false),
                                  expr.range.union(closure.range))
            case .period:
                advance()
                guard let name = memberName() else {
                    reportExpected("expected a member name after '.'")
                    return nil
                }
                let nameRange = current.range
                advance()
                expr = ExprSyntax(.member(base: expr, name: name, nameRange: nameRange), expr.range.union(nameRange))
            case .leftBracket where !current.startsLine:
                report("subscripts are not part of the directive language", current.range)
                return nil
            default:
                return expr
            }
        }
    }

    /// After a `.`, Swift accepts identifiers and keywords alike (`.default`, `.init`).
    private func memberName() -> String? {
        switch current.kind {
        case .identifier(let name): return name
        case .keyword(let keyword): return keyword.rawValue
        default: return nil
        }
    }

    /// The expression one token makes on its own: a literal or a name.
    private static func leaf(_ kind: Token.Kind) -> ExprSyntax.Kind? {
        switch kind {
        case .integer(let text): .integer(text)
        case .float(let text): .float(text)
        case .string(let value): .string(value)
        case .keyword(.true): .boolean(true)
        case .keyword(.false): .boolean(false)
        case .identifier(let name): .identifier(name)
        case .dollarIdentifier(let n): .anonymousParameter(n)
        default: nil
        }
    }

    private mutating func parsePrimary() -> ExprSyntax? {
        let token = current
        if let leaf = Self.leaf(token.kind) {
            advance()
            return ExprSyntax(leaf, token.range)
        }
        switch token.kind {
        case .period:
            advance()
            guard let name = memberName() else {
                reportExpected("expected a member name after '.'", hint: "implicit members are written '.name', as in '.rosenbrock'")
                return nil
            }
            let range = token.range.union(current.range)
            advance()
            return ExprSyntax(.implicitMember(name), range)
        case .leftParen:
            guard enter(token.range) else { return nil }
            defer { depth -= 1 }
            guard let (elements, close) = parseArgumentList(opener: "(", closer: .rightParen) else { return nil }
            let range = SourceRange(token.range.start, close)
            if elements.count == 1, elements[0].label == nil {
                return ExprSyntax(.parenthesized(elements[0].value), range)
            }
            if elements.isEmpty {
                report("empty tuples are not values in the directive language", range)
                return nil
            }
            return ExprSyntax(.tuple(elements), range)
        case .leftBracket:
            guard enter(token.range) else { return nil }
            defer { depth -= 1 }
            guard let (elements, close) = parseArgumentList(opener: "[", closer: .rightBracket) else { return nil }
            for element in elements where element.label != nil {
                report("array elements have no labels", element.labelRange ?? element.range)
            }
            return ExprSyntax(.array(elements.map(\.value)), SourceRange(token.range.start, close))
        case .leftBrace:
            guard let closure = parseClosure() else { return nil }
            return ExprSyntax(.closure(closure), closure.range)
        case .keyword(let keyword):
            report("'\(keyword.rawValue)' is a Swift keyword and cannot be used here", token.range)
            return nil
        case .endOfFile:
            reportExpected("expected an expression")
            return nil
        default:
            reportExpected("expected an expression, found \(token.quoted)")
            return nil
        }
    }

    /// `( a, label: b, … )` or `[ … ]`, with the opener at the current token. Returns the
    /// elements and the end of the closing bracket. Swift allows a trailing comma.
    private mutating func parseArgumentList(opener: String, closer: Token.Kind) -> ([ArgumentSyntax], SourcePosition)? {
        let open = current
        advance()
        var arguments: [ArgumentSyntax] = []
        while !isAt(closer) {
            if isAt(.endOfFile) || isAt(.rightBrace) && closer != .rightBrace {
                let closeSpelling = closer == .rightParen ? ")" : "]"
                report("expected '\(closeSpelling)' to close this '\(opener)'", open.range,
                       hint: "add '\(closeSpelling)' after the last argument")
                return nil
            }
            var label: String?
            var labelRange: SourceRange?
            if index + 1 < tokens.count, tokens[index + 1].kind == .colon {
                switch current.kind {
                case .identifier(let name):
                    label = name
                case .keyword(let k) where ![.inout, .var, .let].contains(k):
                    label = k.rawValue
                default:
                    break
                }
                if label != nil {
                    labelRange = current.range
                    advance()
                    advance()
                }
            }
            guard let value = parseExpression() else { return nil }
            arguments.append(ArgumentSyntax(label: label, labelRange: labelRange, value: value))
            if isAt(.comma) {
                advance()
                continue
            }
            if !isAt(closer) {
                if isAt(.endOfFile) || current.startsLine && isAt(.rightBrace) {
                    continue
                }
                reportExpected("expected ',' between arguments", hint: nil)
                return nil
            }
        }
        let end = current.range.end
        advance()
        return (arguments, end)
    }

    /// `{ x, y in statements }`, `{ (x, y) in … }` or `{ statements }`.
    private mutating func parseClosure() -> ClosureSyntax? {
        let open = current
        guard enter(open.range) else { return nil }
        defer { depth -= 1 }
        advance()
        var parameters: [ClosureSyntax.Parameter] = []
        var hasSignature = false
        if let signature = scanClosureSignature() {
            hasSignature = true
            parameters = signature
        }
        let statements = parseStatements(closedBy: .rightBrace)
        if tooDeep { return nil }
        guard isAt(.rightBrace) else {
            report("unterminated closure: expected '}' to close this '{'", open.range, hint: "add '}' after the closure's last statement")
            return nil
        }
        let end = current.range.end
        advance()
        return ClosureSyntax(parameters: parameters, hasSignature: hasSignature, statements: statements,
                             range: SourceRange(open.range.start, end))
    }

    /// Reads `x, y in` or `(x, y) in` when the closure starts with one; otherwise consumes nothing.
    private mutating func scanClosureSignature() -> [ClosureSyntax.Parameter]? {
        var look = index
        let parenthesized = tokens[look].kind == .leftParen
        if parenthesized { look += 1 }
        var names: [ClosureSyntax.Parameter] = []
        while case .identifier(let name) = tokens[look].kind {
            names.append(.init(name: name, range: tokens[look].range))
            look += 1
            if tokens[look].kind == .comma { look += 1 } else { break }
        }
        if parenthesized {
            guard tokens[look].kind == .rightParen else { return nil }
            look += 1
        }
        guard tokens[look].kind == .keyword(.in), !names.isEmpty || parenthesized else { return nil }
        index = look + 1
        return names
    }
}
