/// What a method needs from its caller and what it may report, declared in its spec so that
/// callers ask the spec instead of comparing call names.
///
/// A method's effective learning rate is declared by its formula,
/// ``OptimizerSpec/effectiveLearningRate``, not by a flag here.
public struct MethodCapabilities: OptionSet, Hashable, Sendable {
    public let rawValue: Int

    public init(rawValue: Int) {
        self.rawValue = rawValue
    }

    /// The step needs the objective's Hessian (Newton): a run on an objective without one
    /// halts, and a network's training loop, which computes none, cannot run the method.
    public static let needsHessian = MethodCapabilities(rawValue: 1 << 0)
    /// The step evaluates the objective beyond one gradient at the current point (a line
    /// search, a Hessian), so a caller holding only that gradient cannot drive it.
    public static let needsObjective = MethodCapabilities(rawValue: 1 << 1)
    /// The method wraps an inner method, its unlabeled argument (Lookahead): its learning
    /// rate, effective learning rate and needs are the inner method's.
    public static let wrapsMethod = MethodCapabilities(rawValue: 1 << 2)
    /// The method may switch from Adam to SGD and reports ``OptimizerEvent/switchedToSGD(step:)``.
    public static let switchesToSGD = MethodCapabilities(rawValue: 1 << 3)
    /// The method reports ``OptimizerEvent/synchronized(step:)`` when it resets to slow weights.
    public static let synchronizes = MethodCapabilities(rawValue: 1 << 4)
    /// The method evaluates another point than the one its gradients are taken at: schedule-free
    /// methods take gradients at y and evaluate the average x (``Optimizer/evaluationPoint(of:into:)``).
    public static let evaluatesAverage = MethodCapabilities(rawValue: 1 << 5)
    /// The step is Polyak's heavy ball, v_t = μ v_{t−1} + (1 − τ) g_t, θ_t = θ_{t−1} − η v_t, with
    /// hyperparameters `lr` and `momentum` (and, where it has them, `dampening`, coupled
    /// `weightDecay`, `nesterov` and `maximize`), so that its convergence on a quadratic is known
    /// in closed form and a phase diagram can draw it.
    public static let heavyBall = MethodCapabilities(rawValue: 1 << 6)
}
