/// One checked `experiment` fence: what the later layers run and render.
///
/// Each builder of the language is one case; a new builder (training runs, activation
/// plots, schedules, averages) adds a case and its own statement table in the checker.
public enum Directive: Sendable {
    /// `Experiment("…") { … }`: optimizer paths on an objective.
    case experiment(Experiment)
    /// `Formulas(.sgd, .adam)`: a table of update rules from the catalog.
    case formulas(FormulaTable)
    /// `Schedule("…") { … }`: learning rate against step for optimizer calls with schedules.
    case schedule(ScheduleStudy)
    /// `Average("…") { … }`: a noisy series and the averages that smooth it.
    case average(AverageStudy)
    /// `Training("…") { … }`: a network trained on a dataset once per optimizer call.
    case training(TrainingStudy)
    /// `Activations("…") { … }`: each layer's activations under several weight initialisations.
    case activations(ActivationsStudy)
}
