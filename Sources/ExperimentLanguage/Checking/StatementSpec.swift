/// One entry of the language's tables (a builder, a statement or a modifier), as the
/// reference documents it; the checker dispatches on the same names, and a test keeps the
/// reference in step with these tables.
public struct StatementSpec: Sendable {
    public let name: String
    /// How it is written: `Steps(_ count: Int)`.
    public let signature: String
    public let isRepeatable: Bool
    public let summary: String

    /// The builders a fence may hold, one per fence.
    public static let builders: [StatementSpec] = [
        StatementSpec(name: "Experiment", signature: "Experiment(_ title: String) { statements }", isRepeatable: false,
                      summary: "Optimizer paths on one objective, drawn as a figure."),
        StatementSpec(name: "Formulas", signature: "Formulas(_ methods: .id...)", isRepeatable: false,
                      summary: "The catalog's update rules for the listed methods, as a table."),
    ]

    /// The statements inside `Experiment { … }`, besides optimizer calls.
    public static let experiment: [StatementSpec] = [
        StatementSpec(name: "Objective", signature: "Objective(.builtin) | Objective { x, y in formula }", isRepeatable: false,
                      summary: "The function to minimise: a built-in or a closure of one or two variables. Required."),
        StatementSpec(name: "Start", signature: "Start(_ x: Double, _ y: Double)", isRepeatable: true,
                      summary: "A start point; each start gets one path per optimizer. Defaults to the objective's start."),
        StatementSpec(name: "Steps", signature: "Steps(_ count: Int)", isRepeatable: false,
                      summary: "Optimizer steps per run, 1 to 100,000; 100 by default."),
        StatementSpec(name: "Domain", signature: "Domain(x: ClosedRange, y: ClosedRange)", isRepeatable: false,
                      summary: "The plot window; derived from the paths when absent. 1-D objectives give only x."),
        StatementSpec(name: "Layout", signature: "Layout(.overlay | .grid)", isRepeatable: false,
                      summary: "One plot for all paths (.overlay, the default) or one panel per optimizer (.grid)."),
        StatementSpec(name: "Seed", signature: "Seed(_ seed: UInt64)", isRepeatable: false,
                      summary: "Seed for everything stochastic (noise, data, mini-batches); 42 by default."),
        StatementSpec(name: "Minimum", signature: "Minimum(_ x: Double, _ y: Double)", isRepeatable: true,
                      summary: "A known minimiser of a closure objective, so distances to it and f − f* can be shown."),
        StatementSpec(name: "BatchSize", signature: "BatchSize(_ size: Int)", isRepeatable: false,
                      summary: "Samples per step for .linearRegression and .logisticRegression; full batch when absent."),
        StatementSpec(name: "Expect", signature: "Expect(_ label: String, reaches:within: | diverges: | closerThan:)", isRepeatable: true,
                      summary: "A claim about the runs, checked after they finish; a false claim is an error."),
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
