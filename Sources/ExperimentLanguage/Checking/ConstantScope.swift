/// The `let` constants visible at a point of a fence, innermost last.
///
/// A numeric constant is evaluated once where it is declared; any other value (a string,
/// a tuple, an implicit member) is kept as syntax and read where it is used.
public struct ConstantScope: Sendable {
    public enum Binding: Sendable {
        case number(Double, isInteger: Bool)
        case syntax(ExprSyntax)
    }

    private var bindings: [(name: String, binding: Binding, range: SourceRange)] = []

    public init() {}

    /// The binding of `name`, or `nil`.
    public func lookup(_ name: String) -> Binding? {
        bindings.last { $0.name == name }?.binding
    }

    /// Where `name` was declared, or `nil`.
    public func declaration(of name: String) -> SourceRange? {
        bindings.last { $0.name == name }?.range
    }

    public mutating func bind(_ name: String, _ binding: Binding, at range: SourceRange) {
        bindings.append((name, binding, range))
    }

    /// Every visible name, for "did you mean" suggestions.
    public var names: [String] { bindings.map(\.name) }
}
