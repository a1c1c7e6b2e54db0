/// One lexical token of a directive, with its exact position.
public struct Token: Hashable, Sendable {
    /// What the token is.
    public enum Kind: Hashable, Sendable {
        case identifier(String)
        /// `$0`, `$1`, …: an anonymous closure parameter.
        case dollarIdentifier(Int)
        case keyword(Keyword)
        /// An integer literal as written (`1_000`, `0x1F`).
        case integer(String)
        /// A floating-point literal as written (`1e-8`, `0.5`).
        case float(String)
        /// A string literal, escapes decoded.
        case string(String)
        /// A run of operator characters (`+`, `...`, `^`, `**`).
        case `operator`(String)
        case leftParen, rightParen, leftBrace, rightBrace, leftBracket, rightBracket
        case comma, colon, semicolon, period
        case endOfFile
    }

    public var kind: Kind
    public var range: SourceRange
    /// Whether a line break separates this token from the previous one.
    public var startsLine: Bool
    /// No whitespace (or opening delimiter) before it, in Swift's operator-spacing sense.
    public var isLeftBound: Bool
    /// No whitespace (or closing delimiter) after it, in Swift's operator-spacing sense.
    public var isRightBound: Bool

    /// How Swift classifies an operator token by its spacing (The Swift Programming Language, "Operators").
    public enum OperatorPosition: Sendable { case prefix, postfix, infix }

    /// Both or neither side bound: infix; bound only on the right: prefix; only on the left: postfix.
    public var operatorPosition: OperatorPosition {
        switch (isLeftBound, isRightBound) {
        case (false, true): return .prefix
        case (true, false): return .postfix
        default: return .infix
        }
    }

    /// The source spelling for messages (`'('`, `'Adam'`, `end of text`).
    public var quoted: String {
        switch kind {
        case .identifier(let s), .integer(let s), .float(let s), .operator(let s): return "'\(s)'"
        case .dollarIdentifier(let n): return "'$\(n)'"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .string: return "string literal"
        case .leftParen: return "'('"
        case .rightParen: return "')'"
        case .leftBrace: return "'{'"
        case .rightBrace: return "'}'"
        case .leftBracket: return "'['"
        case .rightBracket: return "']'"
        case .comma: return "','"
        case .colon: return "':'"
        case .semicolon: return "';'"
        case .period: return "'.'"
        case .endOfFile: return "end of text"
        }
    }
}

/// Swift's reserved words: they cannot name a constant or a closure parameter,
/// so the lexer keeps them apart from identifiers.
public enum Keyword: String, Hashable, Sendable, CaseIterable {
    case `let`, `var`, `in`, `return`, `true`, `false`, `nil`
    case `func`, `class`, `struct`, `enum`, `protocol`, `extension`, `import`, `typealias`, `operator`
    case `if`, `else`, `guard`, `switch`, `case`, `default`, `for`, `while`, `repeat`, `do`
    case `break`, `continue`, `fallthrough`, `defer`, `throw`, `try`, `catch`, `as`, `is`, `where`
    case `self`, `Self`, `super`, `init`, `deinit`, `subscript`, `static`, `inout`
    case `public`, `private`, `internal`, `fileprivate`, `open`, `throws`, `rethrows`, `associatedtype`, `Any`
}
