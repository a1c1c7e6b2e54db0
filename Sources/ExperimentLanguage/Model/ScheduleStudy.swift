import CourseDiagnostics

/// A checked `Schedule` builder: the learning rate of each optimizer call against the step,
/// and, when the builder names an `Objective`, the same calls run on it.
///
/// The rates are those the run loop would use, one per optimizer step (`t = 0` is the
/// first step), so any line of a `Schedule` can be copied into an `Experiment` unchanged.
public struct ScheduleStudy: Sendable {
    public var title: String
    /// Optimizer steps plotted (`Steps`, default ``Experiment/defaultSteps``).
    public var steps: Int
    /// One per optimizer call, in order; a call without `.schedule` plots a constant rate.
    public var runs: [RunDescription]
    /// The `Expect(_:learningRate:atStep:)` claims.
    public var expectations: [ScheduleExpectation]
    /// The calls run on the builder's `Objective`, with the statements and claims of an
    /// `Experiment`; `nil` when the builder has no `Objective`.
    public var problem: Experiment?
    /// The fence's text, for a "source" disclosure beside the figure.
    public var source: String
    /// The builder's name in the chapter.
    public var location: SourceLocation
}

/// `Expect("step", learningRate: 0.03, atStep: 50)`: the run's learning rate at a step.
///
/// It holds when |η_t − value| ≤ ``relativeTolerance`` · |value| (or η_t = 0 when value is
/// 0), so a claim can state a rate as it is written, e.g. 0.03 for 0.1 · 0.3.
public struct ScheduleExpectation: Hashable, Sendable {
    public var label: String
    public var learningRate: Double
    /// The 0-based optimizer step, as the schedule counts it.
    public var step: Int
    /// The `Expect` call as written, whitespace normalised.
    public var call: String
    public var location: SourceLocation

    /// The relative tolerance of the comparison.
    public static let relativeTolerance = 1e-6

    /// Whether `rate` is the claimed learning rate within the tolerance.
    public func holds(for rate: Double) -> Bool {
        abs(rate - learningRate) <= Self.relativeTolerance * abs(learningRate)
    }
}

extension ScheduleStudy: CheckedDirective {
    public var figureTitle: String? { title }

    public var cost: DirectiveCost {
        DirectiveCost(operations: Double(runs.count) * Double(steps) * 20, bytes: Double(runs.count) * Double(steps) * 16)
            + (problem.map(DirectiveCost.of) ?? .zero)
    }
}
