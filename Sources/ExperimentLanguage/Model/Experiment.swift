import CourseDiagnostics
import Objectives
import Optimizers

/// A checked `Experiment` builder: every value resolved, every default filled in.
///
/// The runner makes one run per start and optimizer call (`starts.count × runs.count`),
/// each independent of the others.
public struct Experiment: Sendable {
    public var title: String
    public var objective: Objective
    /// The `Start` points in order, or the objective's default start when none is written.
    public var starts: [[Double]]
    /// Optimizer steps per run (`Steps`, default ``defaultSteps``).
    public var steps: Int
    /// The plot window; `nil` lets the renderer derive it from the paths.
    public var domain: Domain?
    public var layout: Layout
    /// `Play(…)`: the figure can draw its paths step by step; `nil` draws them still.
    public var playback: Playback?
    /// Seed for everything stochastic (`Seed`, default ``defaultSeed``).
    public var seed: UInt64
    /// Samples per step for finite-sum objectives; `nil` means full batch.
    public var batchSize: Int?
    /// How mini-batches are drawn (`Sampling`, default `.shuffledEpochs`); only with `batchSize`.
    public var sampling: MiniBatchSampling
    /// One per optimizer call, in order.
    public var runs: [RunDescription]
    public var expectations: [Expectation]
    /// The fence's text, for a "source" disclosure beside the figure.
    public var source: String
    /// The builder's name in the chapter.
    public var location: SourceLocation
    /// The variants, when the experiment writes `Sweep(…)`; then every other field is the
    /// default variant's (every `Sweep` at its default value).
    public var sweep: ExperimentSweep? = nil

    public static let defaultSteps = 100
    public static let defaultSeed: UInt64 = 42
}

/// How an experiment's paths play (`Play(seconds:)`): drawn step by step over `seconds`, the
/// loss figure's cursor keeping step, when the reader presses play.
public struct Playback: Hashable, Sendable {
    /// From the first step to the last; at most ``maximumSeconds``.
    public var seconds: Double

    public init(seconds: Double) { self.seconds = seconds }

    public static let maximumSeconds = 600.0

    /// Five steps a second, but no shorter than 4 s (too quick to follow) and no longer than
    /// 12 s (a reader waits for the end).
    public static func defaultSeconds(steps: Int) -> Double { min(12, max(4, Double(steps) / 5)) }
}

/// How the runs of one experiment are drawn.
public enum Layout: String, Hashable, Sendable, CaseIterable {
    /// All paths on one plot (the default).
    case overlay
    /// Small multiples: one panel per optimizer call.
    case grid
}

extension Experiment: CheckedDirective {
    public var figureTitle: String? { title }

    /// A sweep costs what its variants cost together: every variant runs.
    public var cost: DirectiveCost {
        guard let sweep else { return DirectiveCost.of(self) }
        let costs = sweep.variants.map(DirectiveCost.of)
        return DirectiveCost(operations: costs.map(\.operations).reduce(0, +), bytes: costs.map(\.bytes).reduce(0, +))
    }
}
