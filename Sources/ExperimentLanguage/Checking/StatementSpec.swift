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
        StatementSpec(name: "Schedule", signature: "Schedule(_ title: String) { statements }", isRepeatable: false,
                      summary: "Learning rate against step for optimizer calls with .schedule; with an Objective, also their runs on it."),
        StatementSpec(name: "Average", signature: "Average(_ title: String) { statements }", isRepeatable: false,
                      summary: "A noisy series drawn from the seed and moving, weighted and exponentially weighted averages of it."),
        StatementSpec(name: "Training", signature: "Training(_ title: String) { statements }", isRepeatable: false,
                      summary: "A network trained on a dataset once per optimizer call: loss curves, test accuracy, final figures."),
        StatementSpec(name: "Activations", signature: "Activations(_ title: String) { statements }", isRepeatable: false,
                      summary: "Histograms of each layer's activations for standard-normal inputs, one row per weight initialisation."),
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
        StatementSpec(name: "Sampling", signature: "Sampling(.shuffledEpochs | .withReplacement)", isRepeatable: false,
                      summary: "How BatchSize's batches are drawn: a fresh shuffle each epoch (the default) or uniform draws with replacement."),
        StatementSpec(name: "Expect", signature: "Expect(_ label: String, reaches:within: | misses:within: | diverges: | lowerLossThan:at:over:start: | closerThan: | endsNear:within:start: | loss:at:over:start: | distance:at:over:start: | stepSize:at:over:start: | effectiveLearningRate:at:over:start:)", isRepeatable: true,
                      summary: "A claim about the runs, checked after they finish; a false claim is an error."),
    ]

    /// The statements inside `Schedule { … }`, besides optimizer calls; with an `Objective`,
    /// every statement of `Experiment` is allowed too.
    public static let schedule: [StatementSpec] = [
        StatementSpec(name: "Steps", signature: "Steps(_ count: Int)", isRepeatable: false,
                      summary: "Optimizer steps plotted, 1 to 100,000; 100 by default."),
        StatementSpec(name: "Objective", signature: "Objective(.builtin) | Objective { x, y in formula }", isRepeatable: false,
                      summary: "Optional: run the calls on this objective too and plot their loss under the rates."),
        StatementSpec(name: "Expect", signature: "Expect(_ label: String, learningRate: Double, atStep: Int)", isRepeatable: true,
                      summary: "The run's learning rate at a 0-based step, within a relative 10⁻⁶; with an Objective, also Experiment's claims."),
    ]

    /// The statements inside `Average { … }`, besides the average calls.
    public static let average: [StatementSpec] = [
        StatementSpec(name: "Series", signature: "Series(_ signal: .signal, samples: Int = 100)", isRepeatable: false,
                      summary: "The clean signal and its Gaussian noise, observed at t = 1 … samples. Required."),
        StatementSpec(name: "Seed", signature: "Seed(_ seed: UInt64)", isRepeatable: false,
                      summary: "Seed of the noise; 42 by default."),
        StatementSpec(name: "Expect", signature: "Expect(_ label: String, smootherThan: String | closerThan: String, over: ClosedRange = all)", isRepeatable: true,
                      summary: "Smaller total variation, or smaller RMS distance to the clean signal, over observations a...b."),
    ]

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
