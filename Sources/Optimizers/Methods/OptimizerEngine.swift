/// How one optimizer step went.
public enum StepStatus: Hashable, Sendable {
    /// The parameters were updated (possibly to non-finite values; the run loop checks).
    case moved
    /// The method needs the Hessian and the objective has none.
    case hessianUnavailable
    /// The (damped) Hessian is singular, so the Newton system has no solution.
    case singularHessian
}

/// A method's state and step, private to the module; ``Optimizer`` is the public face.
///
/// `step` asks the oracle for what it needs (one gradient, a line search's several,
/// a Hessian). Methods that only need the gradient at the current point also
/// implement `update`, so that callers holding a gradient can drive them directly.
/// Events particular to one method (a switch, a sync) go to the ``OptimizerEventLog``
/// its factory was given, not through this protocol.
protocol OptimizerEngine: AnyObject {
    /// One step, updating `x` in place. `learningRate` is the scheduled η of this step.
    func step(_ x: UnsafeMutableBufferPointer<Double>, learningRate: Double, oracle: GradientOracle) -> StepStatus
    /// One step from a given gradient `g` at `x` (which the method may overwrite);
    /// `false` when the method needs more than one gradient.
    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate: Double) -> Bool
    /// Writes the effective learning rate of the last step, per coordinate, into `rates`, read
    /// from the state that step left and its η (`learningRate`); `false`, writing nothing, for
    /// a method without one. Reading never changes the state, so recording leaves every bit of
    /// the run as it was.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate: Double) -> Bool
    /// Writes the average the method keeps beside the iterate it steps (ASGD's θ̄ₜ, schedule-free's
    /// x) into `into`; `false`, writing nothing, for a method that keeps none or before its first
    /// step. Whether the average is the point the method evaluates is its spec's
    /// ``MethodCapabilities/evaluatesAverage``, not the engine's business.
    func averagedIterate(_ into: UnsafeMutableBufferPointer<Double>) -> Bool
}

extension OptimizerEngine {
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate: Double) -> Bool { false }
    func averagedIterate(_ into: UnsafeMutableBufferPointer<Double>) -> Bool { false }
}

/// A method whose step is a function of the gradient at the current point: its `step` is its
/// `update` from the oracle's gradient.
protocol FirstOrderEngine: OptimizerEngine {}

extension FirstOrderEngine {
    func step(_ x: UnsafeMutableBufferPointer<Double>, learningRate: Double, oracle: GradientOracle) -> StepStatus {
        let g = oracle.gradientBuffer(count: x.count)
        _ = oracle.valueAndGradient(UnsafeBufferPointer(x), g)
        _ = update(x, gradient: g, learningRate: learningRate)
        return .moved
    }
}

/// torch's `maximize`: negates the gradient `g` (the engine's scratch) in place before the step,
/// as torch's `-grad` does. Negation is exact, so the step that follows matches torch's bits.
@inline(__always)
func negateForMaximize(_ g: UnsafeMutableBufferPointer<Double>, _ maximize: Bool) {
    guard maximize else { return }
    for i in 0..<g.count { g[i] = -g[i] }
}
