/// One hyperparameter of a method: its name, words, formula symbol, kind, default and valid range.
///
/// `name` is the one name used everywhere: the directive's argument label, the
/// Swift property and the formula legend. The formula lines of the method use
/// `latex` for it.
public struct HyperparameterSpec: Sendable {
    /// The argument label (`lr`, `betas`, `weightDecay`); `""` for an unlabeled argument.
    public let name: String
    /// Words for the legend: "learning rate".
    public let label: String
    /// Unicode for tables: `η`; for betas `β₁, β₂`.
    public let symbol: String
    /// LaTeX for formulas: `\eta`; for betas `\beta_1, \beta_2`.
    public let latex: String
    public let kind: HyperKind
    /// PyTorch's default, or `nil` when the argument is required.
    public let defaultValue: HyperValue?
    /// The valid range in words, as the validation messages state it: "lr must be ≥ 0".
    public let rangeDescription: String
    /// `nil` when the value is valid, else a PyTorch-style message:
    /// "Invalid learning rate: -0.1 (lr must be ≥ 0)". Assumes the value has ``kind``.
    public let validate: @Sendable (HyperValue) -> String?

    public init(
        name: String, label: String, symbol: String, latex: String, kind: HyperKind,
        defaultValue: HyperValue?, rangeDescription: String = "",
        validate: @escaping @Sendable (HyperValue) -> String? = { _ in nil }
    ) {
        self.name = name
        self.label = label
        self.symbol = symbol
        self.latex = latex
        self.kind = kind
        self.defaultValue = defaultValue
        self.rangeDescription = rangeDescription
        self.validate = validate
    }

    /// Whether the argument must be written.
    public var isRequired: Bool { defaultValue == nil }

    /// A number in `range`, of the kind of its default; `torch` is PyTorch's words for it in the
    /// message "Invalid <torch>: …" ("learning rate", "lr_decay value").
    static func number(
        _ name: String, _ label: String, symbol: String, latex: String, _ value: HyperValue, _ range: ValidRange,
        torch: String
    ) -> HyperparameterSpec {
        let kind: HyperKind
        if case .integer = value { kind = .integer } else { kind = .real }
        return HyperparameterSpec(
            name: name, label: label, symbol: symbol, latex: latex, kind: kind,
            defaultValue: value, rangeDescription: range.description(of: name), validate: range.check(torch, name))
    }
}
