import CourseDiagnostics
import Optimizers

/// One optimizer call of an experiment, with its modifiers resolved.
public struct RunDescription: Sendable {
    /// The method and every hyperparameter, defaults filled in.
    public var optimizer: OptimizerConfig
    /// The call as written, modifiers included, whitespace normalised: `Adam(lr: 0.3).color(.purple)`.
    public var call: String
    /// `.label("…")`, or the method's display name. Unique within the experiment.
    public var label: String
    /// `.color(.purple)` as the name `purple`, or `.color("#1f77b4")` as the hex string; `nil` for the palette's next colour.
    public var color: String?
    public var schedule: LearningRateSchedule?
    public var noise: GradientNoise?
    /// The call's name in the chapter.
    public var location: SourceLocation
}
