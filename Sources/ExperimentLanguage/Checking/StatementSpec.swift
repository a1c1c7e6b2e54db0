/// One entry of the language's tables (a builder, a statement or a modifier), as the
/// reference documents it. The builders' and their statements' entries derive from the
/// ``BuilderDescription``s the checker runs on; a test keeps the reference in step with them.
public struct StatementSpec: Sendable {
    public let name: String
    /// How it is written: `Steps(_ count: Int)`.
    public let signature: String
    public let isRepeatable: Bool
    public let summary: String

    /// The builders a fence may hold, one per fence.
    public static var builders: [StatementSpec] { BuilderDescription.all.map(\.spec) }

    /// The statements inside `Experiment { … }`, besides optimizer calls.
    public static var experiment: [StatementSpec] { BuilderDescription.experiment.statements.map(\.spec) }

    /// The statements inside `Schedule { … }`, besides optimizer calls; with an `Objective`,
    /// every statement of `Experiment` is allowed too.
    public static var schedule: [StatementSpec] { BuilderDescription.schedule.statements.map(\.spec) }

    /// The statements inside `Average { … }`, besides the average calls.
    public static var average: [StatementSpec] { BuilderDescription.average.statements.map(\.spec) }

    /// The statements inside `Training { … }`, besides optimizer calls.
    public static var training: [StatementSpec] { BuilderDescription.training.statements.map(\.spec) }

    /// The statements inside `Activations { … }`.
    public static var activations: [StatementSpec] { BuilderDescription.activations.statements.map(\.spec) }

    /// The averages an `Average` builder computes, one line each.
    public static let averages: [StatementSpec] = [
        StatementSpec(name: "MovingAverage", signature: "MovingAverage(window: Int)", isRepeatable: true,
                      summary: "The mean of the last w observations (of all of them while t < w)."),
        StatementSpec(name: "WeightedAverage", signature: "WeightedAverage(weights: [Double])", isRepeatable: true,
                      summary: "Σ a_k x_{t−k} / Σ a_k, the first weight for the newest observation."),
        StatementSpec(name: "ExponentialAverage", signature: "ExponentialAverage(beta: Double, biasCorrection: Bool = false)", isRepeatable: true,
                      summary: "v_t = β v_{t−1} + (1 − β) x_t from v_0 = 0; divided by 1 − β^t when bias-corrected."),
    ]

    /// The signals of `Series`, with their labeled arguments and defaults (`nil`: required).
    public static let signals: [(name: String, parameters: [(label: String?, defaultValue: Double?)])] = [
        ("noisySine", [("period", nil), ("amplitude", 1), ("noise", 0)]),
        ("step", [("at", nil), ("from", 0), ("to", 1), ("noise", 0)]),
        ("constant", [(nil, nil), ("noise", 0)]),
    ]

    /// The modifiers of an optimizer call.
    public static let modifiers: [StatementSpec] = [
        StatementSpec(name: "label", signature: ".label(_ text: String)", isRepeatable: false,
                      summary: "The run's name in legends and in Expect; the method's display name by default."),
        StatementSpec(name: "color", signature: ".color(.name | \"#rrggbb\")", isRepeatable: false,
                      summary: "The path's colour; the palette's next colour by default."),
        StatementSpec(name: "schedule", signature: ".schedule(_ schedule[, then: schedule])", isRepeatable: false,
                      summary: "A learning-rate schedule, stepped once per optimizer step as PyTorch's schedulers are."),
        StatementSpec(name: "gradientNoise", signature: ".gradientNoise(eta: Double, gamma: Double = 0.55)", isRepeatable: false,
                      summary: "Annealed Gaussian noise of variance η/(1+t)^γ added to every gradient."),
    ]

    /// The colour names `.color(…)` accepts (SwiftUI's).
    public static let colorNames = [
        "red", "orange", "yellow", "green", "mint", "teal", "cyan", "blue", "indigo", "purple", "pink", "brown", "gray", "black",
    ]
}
