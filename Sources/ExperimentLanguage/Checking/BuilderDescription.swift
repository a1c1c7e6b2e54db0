import CourseDiagnostics
import Optimizers

/// One statement of a builder's body as its table declares it: the reference documents it,
/// and the shared ``BuilderChecker`` looks it up, rejects its duplicates and its modifiers,
/// reports it missing, and points to its builder when it is written elsewhere.
public struct StatementDescription: Sendable {
    public let name: String
    /// How it is written: `Steps(_ count: Int)`.
    public let signature: String
    public let summary: String
    /// Whether the builder reports "has no '\(name)'" without it.
    public let isRequired: Bool
    public let isRepeatable: Bool
    /// The modifiers it takes, such as `label` for `Weights(…).label("…")`; most take none.
    public let modifiers: [String]
    /// How to add the statement, when it is required and missing.
    let missingHint: String?

    init(
        _ name: String, signature: String, required: Bool = false, repeatable: Bool = false, modifiers: [String] = [],
        missingHint: String? = nil, summary: String
    ) {
        self.name = name
        self.signature = signature
        self.isRequired = required
        self.isRepeatable = repeatable
        self.modifiers = modifiers
        self.missingHint = missingHint
        self.summary = summary
    }

    /// The entry of the reference's tables.
    var spec: StatementSpec { StatementSpec(name: name, signature: signature, isRepeatable: isRepeatable, summary: summary) }
}

/// A builder of the language (`Training("…") { … }`, `Formulas(.adam)`): its statements as
/// data and its own `validate`, which turns the statements the shared ``BuilderChecker``
/// collected into the builder's model.
///
/// Adding a builder is its description (this table and `validate`) and model, its run, its
/// page and its entry in `docs/language.md`; see "How to add a builder" in `docs/ARCHITECTURE.md`.
public struct BuilderDescription: Sendable {
    /// What the builder's call holds.
    enum Form: Sendable {
        /// `Name("title") { statements }`; `example` is a whole call, for the missing-closure hint.
        case titled(example: String)
        /// `Name(arguments)` with no closure, such as `Formulas(.sgd, .adam)`.
        case arguments
    }

    /// The calls a body holds besides its statements, one run (or one curve) each.
    enum Runs: Sendable {
        case none
        /// Optimizer calls such as `Adam(lr: 0.1)`, read by ``OptimizerCallChecker``.
        case optimizers
        /// Calls of these names, such as `ExponentialAverage(beta: 0.9)`; `what` names them in messages.
        case calls([StatementSpec], what: String)

        func contains(_ name: String) -> Bool {
            switch self {
            case .none: false
            case .optimizers: OptimizerCatalog.spec(callName: name) != nil
            case .calls(let specs, _): specs.contains { $0.name == name }
            }
        }
    }

    public let name: String
    /// How messages name it: "training" in "the training's title", "a training's statements".
    let noun: String
    /// "a" or "an", before ``noun``.
    let article: String
    /// How the duplicate-statement hint names it: "a training builder has one 'Seed'".
    let duplicateNoun: String
    public let signature: String
    public let summary: String
    let form: Form
    public let statements: [StatementDescription]
    let runs: Runs
    /// A statement or two the body could hold, for "expected a statement such as …".
    let statementExample: String
    /// Whether the shared checker walks the body; `Schedule`, whose body becomes an
    /// `Experiment` when it has an `Objective`, walks its own.
    let walksBody: Bool
    /// The builder's own checks over the collected statements, in the order they are reported.
    let validate: @Sendable (inout BuilderInput, inout [Diagnostic]) -> Directive?

    init(
        _ name: String, noun: String, article: String = "a", duplicateNoun: String? = nil, signature: String, form: Form,
        statements: [StatementDescription], runs: Runs = .none, statementExample: String = "", walksBody: Bool = true, summary: String,
        validate: @escaping @Sendable (inout BuilderInput, inout [Diagnostic]) -> Directive?
    ) {
        self.name = name
        self.noun = noun
        self.article = article
        self.duplicateNoun = duplicateNoun ?? "\(article) \(noun)"
        self.signature = signature
        self.form = form
        self.statements = statements
        self.runs = runs
        self.statementExample = statementExample
        self.walksBody = walksBody
        self.summary = summary
        self.validate = validate
    }

    static func named(_ name: String) -> BuilderDescription? { all.first { $0.name == name } }

    func statement(_ name: String) -> StatementDescription? { statements.first { $0.name == name } }

    /// The entry of the reference's table of builders.
    var spec: StatementSpec { StatementSpec(name: name, signature: signature, isRepeatable: false, summary: summary) }

    /// The builders whose body takes `name`, as a statement or as one of its calls.
    static func builders(taking name: String) -> [BuilderDescription] {
        all.filter { $0.statement(name) != nil || $0.runs.contains(name) }
    }
}

/// What ``BuilderChecker`` hands a builder's `validate`: the title, the statements it
/// collected by name in written order, and the run calls.
public struct BuilderInput {
    let description: BuilderDescription
    /// Empty when the title had an error (already reported); the builder still checks its body.
    let title: String
    let builderRange: SourceRange
    /// The builder call's arguments, for builders of the ``BuilderDescription/Form/arguments`` form.
    let arguments: [ArgumentSyntax]
    /// The body as written; `nil` for builders without one.
    let body: ClosureSyntax?
    /// The reader with the body's constants bound.
    var reader: ValueReader
    /// The fence's text, kept with the model for the page's listing.
    let source: String
    /// Whether the parser reported errors: then missing statements are not reported, since
    /// the statement may be the one that failed to parse.
    let hadSyntaxErrors: Bool
    var statements: [String: [BuilderCall]] = [:]
    /// Optimizer calls, or the builder's own calls, in written order.
    var runs: [BuilderCall] = []
    /// The reader as it was before the body's `let`s: a sweep's variants walk the body again.
    var enclosing: ValueReader? = nil

    /// Every statement called `name`, in written order.
    func all(_ name: String) -> [BuilderCall] { statements[name] ?? [] }

    /// The statement called `name`, if written.
    func first(_ name: String) -> BuilderCall? { statements[name]?.first }

    /// The statement called `name`; when it is missing, reports so (unless the parser failed).
    func required(_ name: String, _ diagnostics: inout [Diagnostic]) -> BuilderCall? {
        if let call = first(name) { return call }
        reportMissing(name, &diagnostics)
        return nil
    }

    /// Reports that the required statement `name` is missing, unless the parser failed.
    func reportMissing(_ name: String, _ diagnostics: inout [Diagnostic]) {
        guard !hadSyntaxErrors else { return }
        diagnostics.append(reader.error(BuilderMessage.missing(name, in: description), builderRange,
                                        hint: description.statement(name)?.missingHint))
    }
}
