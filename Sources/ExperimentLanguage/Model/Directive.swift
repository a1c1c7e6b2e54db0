/// One checked `experiment` fence: what the later layers run and render.
///
/// Each builder of the language is one case here and one entry of ``BuilderDescription/all``
/// below; its statement table and `validate` live in its ``BuilderDescription``.
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

extension BuilderDescription {
    /// Every builder, in the order the reference lists them: one entry per case of ``Directive``.
    public static let all: [BuilderDescription] = [.experiment, .formulas, .schedule, .average, .training, .activations]
}

/// A checked builder's model, as every later layer sees it without knowing which builder it
/// is. `Experiments` refines it with the builder's run (`RunnableDirective`).
public protocol CheckedDirective: Sendable {
    /// What running it will take, estimated before it runs (``DirectiveCost/zero`` if it computes nothing).
    var cost: DirectiveCost { get }
    /// The title of the figure it draws, which names the figure when its fence gives no id
    /// (`Experiment("Momentum on the bowl")` → `fig:momentum-on-the-bowl`); `nil` when it draws none.
    var figureTitle: String? { get }
}

extension CheckedDirective {
    public var figureTitle: String? { nil }
}

extension Directive {
    /// The builder's model behind the case.
    public var checked: any CheckedDirective {
        switch self {
        case .experiment(let model): model
        case .formulas(let model): model
        case .schedule(let model): model
        case .average(let model): model
        case .training(let model): model
        case .activations(let model): model
        }
    }
}
