/// An expression as written, in the shape Swift's own syntax tree gives it.
///
/// The parser keeps every position, so the checker can point at the exact token
/// of a wrong value, label or name.
public struct ExprSyntax: Sendable {
    public indirect enum Kind: Sendable {
        /// An integer literal, spelled as written (`1_000`, `0x10`).
        case integer(String)
        /// A floating-point literal, spelled as written (`1e-8`).
        case float(String)
        case string(String)
        case boolean(Bool)
        case identifier(String)
        /// `$0`, `$1`: anonymous closure parameters.
        case anonymousParameter(Int)
        /// `.rosenbrock`: a member of a type the context implies.
        case implicitMember(String)
        /// `base.name`, as in a modifier chain `Adam(lr: 0.1).color(.red)`.
        case member(base: ExprSyntax, name: String, nameRange: SourceRange)
        /// `callee(arguments) { trailing closure }`; `hasParentheses` is false for `Objective { … }`.
        case call(callee: ExprSyntax, arguments: [ArgumentSyntax], trailingClosure: ClosureSyntax?, hasParentheses: Bool)
        /// `(a)`: a parenthesised expression.
        case parenthesized(ExprSyntax)
        /// `(a, b)` or `(x: 1, y: 2)`.
        case tuple([ArgumentSyntax])
        case array([ExprSyntax])
        /// A prefix operator applied to its operand: `-x`.
        case prefix(operator: String, operand: ExprSyntax)
        /// `lhs op rhs`, grouped by Swift's precedence.
        case binary(operator: String, operatorRange: SourceRange, lhs: ExprSyntax, rhs: ExprSyntax)
        case closure(ClosureSyntax)
    }

    public var kind: Kind
    public var range: SourceRange
    /// Levels of the tree below and including this node; the parser bounds it (``Limits/maximumExpressionHeight``)
    /// so that every recursive walk of a tree has bounded depth.
    public let height: Int

    public init(_ kind: Kind, _ range: SourceRange) {
        self.kind = kind
        self.range = range
        self.height = 1 + Self.childHeight(kind)
    }

    private static func childHeight(_ kind: Kind) -> Int {
        switch kind {
        case .integer, .float, .string, .boolean, .identifier, .anonymousParameter, .implicitMember: return 0
        case .member(let base, _, _): return base.height
        case .call(let callee, let arguments, let trailing, _):
            return max(callee.height, arguments.map(\.value.height).max() ?? 0, trailing?.height ?? 0)
        case .parenthesized(let inner), .prefix(_, let inner): return inner.height
        case .tuple(let arguments): return arguments.map(\.value.height).max() ?? 0
        case .array(let elements): return elements.map(\.height).max() ?? 0
        case .binary(_, _, let lhs, let rhs): return max(lhs.height, rhs.height)
        case .closure(let closure): return closure.height
        }
    }

    /// The name a call is made to, when its callee is a plain identifier (`Adam`) or implicit member (`.cosine`).
    public var calleeName: String? {
        switch kind {
        case .identifier(let name), .implicitMember(let name): return name
        default: return nil
        }
    }
}

/// One argument of a call or element of a tuple, with its optional label.
public struct ArgumentSyntax: Sendable {
    public var label: String?
    public var labelRange: SourceRange?
    public var value: ExprSyntax

    public init(label: String?, labelRange: SourceRange?, value: ExprSyntax) {
        self.label = label
        self.labelRange = labelRange
        self.value = value
    }

    /// The label's range, or the value's when unlabeled.
    public var range: SourceRange { labelRange.map { $0.union(value.range) } ?? value.range }
}

/// `{ x, y in … }`: a closure with its parameters and statements.
public struct ClosureSyntax: Sendable {
    public struct Parameter: Sendable {
        public var name: String
        public var range: SourceRange
    }

    public var parameters: [Parameter]
    /// Whether the closure wrote `in` (a closure without it may use `$0`, `$1`).
    public var hasSignature: Bool
    public var statements: [StatementSyntax]
    public var range: SourceRange

    /// The tallest expression in the body, plus one.
    public var height: Int {
        1 + (statements.map { statement -> Int in
            switch statement {
            case .expression(let e), .let(_, _, let e, _), .return(let e?, _): return e.height
            case .return(nil, _): return 0
            }
        }.max() ?? 0)
    }
}

/// A statement: an expression, `let name = value`, or `return value`.
public enum StatementSyntax: Sendable {
    case expression(ExprSyntax)
    case `let`(name: String, nameRange: SourceRange, value: ExprSyntax, range: SourceRange)
    case `return`(ExprSyntax?, range: SourceRange)

    public var range: SourceRange {
        switch self {
        case .expression(let e): return e.range
        case .let(_, _, _, let range), .return(_, let range): return range
        }
    }
}
