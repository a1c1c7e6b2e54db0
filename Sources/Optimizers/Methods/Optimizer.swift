internal import COptimizerKernels

/// A stepper for one method and one parameter vector: the state of the method
/// and its step, driven by any caller (the 2-D run loop, a network trainer).
///
/// Vectors may have any length; a step never allocates (L-BFGS allocates its
/// history vectors once, as the history first fills). Not thread-safe: one
/// optimizer per run.
public final class Optimizer {
    /// The configuration this optimizer runs.
    public let config: OptimizerConfig
    /// The length of the parameter vector.
    public let dimension: Int
    /// How the parameter vector splits into matrices and vectors.
    public let layout: ParameterLayout
    /// The configured learning rate η (for Lookahead, its inner method's), which schedules scale.
    public let baseLearningRate: Double
    /// How many steps were taken.
    public private(set) var stepCount = 0
    /// The η the last step used, for ``effectiveLearningRate(_:)``.
    private var lastLearningRate: Double?
    /// Whether the method's step needs only the gradient at the current point.
    public let needsOnlyGradients: Bool
    private let engine: any OptimizerEngine
    /// The engine again when a schedule can set its momentum.
    let momentumEngine: (any MomentumCyclingEngine)?
    private let log: OptimizerEventLog

    /// An optimizer for `config` on vectors of length `dimension`; `nil` when
    /// ``OptimizerCatalog/problems(in:)`` reports a problem with `config`.
    /// The vector is a landscape's point, one 1×`dimension` matrix (``ParameterLayout/point(_:)``).
    public convenience init?(_ config: OptimizerConfig, dimension: Int) {
        guard dimension >= 0 else { return nil }
        self.init(config, layout: .point(dimension))
    }

    /// An optimizer for `config` on parameters split as `layout` (a network's weight matrices
    /// and biases); `nil` when ``OptimizerCatalog/problems(in:)`` reports a problem with `config`.
    public init?(_ config: OptimizerConfig, layout: ParameterLayout) {
        let log = OptimizerEventLog()
        guard OptimizerCatalog.problems(in: config).isEmpty,
              let engine = OptimizerCatalog.makeEngine(config, layout: layout, events: log)
        else { return nil }
        self.config = config
        self.dimension = layout.count
        self.layout = layout
        self.engine = engine
        momentumEngine = engine as? any MomentumCyclingEngine
        self.log = log
        baseLearningRate = config.learningRate
        // Decided once: a step from a given gradient would otherwise ask the catalog every time.
        needsOnlyGradients = !config.has(.needsObjective)
    }

    /// One step on `x` in place, asking `oracle` for gradients (and Hessians).
    /// `learningRate` overrides η for this step (a schedule's value); `momentum`, when given, sets
    /// μ (or β₁) for this and the following steps, as a cycling schedule does (``cyclesMomentum``).
    @discardableResult
    public func step(
        _ x: UnsafeMutableBufferPointer<Double>, oracle: GradientOracle, learningRate: Double? = nil, momentum: Double? = nil
    ) -> StepStatus {
        precondition(x.count == dimension, "the parameter vector has the optimizer's dimension")
        if let momentum { setMomentum(momentum) }
        stepCount += 1
        let rate = learningRate ?? baseLearningRate
        lastLearningRate = rate
        return engine.step(x, learningRate: rate, oracle: oracle)
    }

    /// One step on `x` in place from a gradient `g` already computed at `x` (overwritten
    /// as scratch). `false`, with nothing changed, for methods that need the objective
    /// itself (L-BFGS, Newton).
    @discardableResult
    public func step(
        _ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate: Double? = nil,
        momentum: Double? = nil
    ) -> Bool {
        precondition(x.count == dimension && g.count == dimension, "vectors have the optimizer's dimension")
        guard needsOnlyGradients else { return false }
        if let momentum { setMomentum(momentum) }
        stepCount += 1
        let rate = learningRate ?? baseLearningRate
        lastLearningRate = rate
        return engine.update(x, gradient: g, learningRate: rate)
    }

    private func setMomentum(_ value: Double) {
        precondition(momentumEngine != nil, "a schedule cycles the momentum only of a method that has one (checked with cyclesMomentum)")
        momentumEngine?.setMomentum(value)
    }

    /// The instructions that steps of Adam, AdamW, SGD, RMSProp, AdaGrad, ASGD, Rprop, Lion and Yogi run on long
    /// vectors here: "AVX2 with FMA", or "portable C" without them. The bits are the same either way.
    public static var longVectorInstructions: String {
        optimizer_kernels_use_avx2_fma() ? "AVX2 with FMA" : "portable C"
    }

    /// Writes the last step's effective learning rate per coordinate into `rates` (of the
    /// optimizer's dimension): the factor by which the step multiplied the bias-corrected first
    /// moment (or the gradient), η over the step's denominator, as the catalog's
    /// ``OptimizerSpec/effectiveLearningRate`` states for each method. Read from the engine's
    /// state, so it is exactly the denominator the step divided by and changes nothing.
    /// `false`, with nothing written, before the first step or for a method without one.
    public func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>) -> Bool {
        precondition(rates.count == dimension, "the rates have the optimizer's dimension")
        guard let lastLearningRate else { return false }
        return engine.effectiveLearningRate(rates, learningRate: lastLearningRate)
    }

    /// Writes the average that the method keeps beside the parameters it steps into `average` (of
    /// the optimizer's dimension): ASGD's θ̄ₜ, torch's `state["ax"]`, which the steps never move the
    /// parameters to and torch never evaluates by itself; schedule-free's x, which
    /// ``evaluationPoint(of:into:)`` returns. `false`, with nothing written, before the first step
    /// or for a method without one.
    public func averagedIterate(_ average: UnsafeMutableBufferPointer<Double>) -> Bool {
        precondition(average.count == dimension, "the average has the optimizer's dimension")
        return engine.averagedIterate(average)
    }

    /// Whether the method evaluates another point than its iterate (schedule-free: the average x,
    /// while steps take gradients at the iterate y), so that callers record and evaluate both.
    public var evaluatesAverage: Bool { config.evaluatesAverage }

    /// Writes the point the method evaluates after its last step into `point`: for schedule-free
    /// methods the average x (as the package's `optimizer.eval()` sets the parameters to it), for
    /// every other method, and before the first step, the iterate `x` itself.
    public func evaluationPoint(of x: UnsafeBufferPointer<Double>, into point: UnsafeMutableBufferPointer<Double>) {
        precondition(x.count == dimension && point.count == dimension, "vectors have the optimizer's dimension")
        if !(evaluatesAverage && engine.averagedIterate(point)) { _ = point.update(fromContentsOf: x) }
    }

    /// What the method reported so far besides moving (SWATS's switch, Lookahead's syncs), in
    /// order; numbered by the method's own steps.
    public var events: [OptimizerEvent] { log.events }
}
