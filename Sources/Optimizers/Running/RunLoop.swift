/// Runs an optimizer from a start point for a number of steps and records its path.
public enum RunLoop {
    /// Coordinates beyond this magnitude count as divergence.
    public static let divergenceBound = 1e8

    /// The trajectory of `settings.optimizer` on `function` from `settings.start`.
    ///
    /// Deterministic: the same inputs give the same numbers on every machine. The
    /// start must have `function.dimension` coordinates; a run that diverges stops
    /// and says at which step (see ``Trajectory``).
    public static func run(_ function: any DifferentiableFunction, settings: RunSettings) -> Trajectory {
        let n = function.dimension
        precondition(settings.start.count == n, "the start point has the objective's dimension")
        var trajectory = Trajectory(dimension: n)
        guard let optimizer = Optimizer(settings.optimizer, dimension: n) else {
            trajectory.halt = .invalidConfiguration(OptimizerCatalog.problems(in: settings.optimizer).map(\.message))
            return trajectory
        }
        let steps = max(0, settings.steps)
        let oracle = GradientOracle(
            function, noise: settings.noise, batchSize: settings.batchSize, sampling: settings.sampling, seed: settings.seed)
        // Stepped after each step with the loss that step's gradient was taken at, as PyTorch's
        // `scheduler.step(loss)` after `optimizer.step()`; a plateau schedule reads it.
        var schedule = settings.schedule.map { ScheduleStepper($0, base: optimizer.baseLearningRate) }
        trajectory.coordinates.reserveCapacity((steps + 1) * n)
        trajectory.losses.reserveCapacity(steps + 1)
        trajectory.learningRates.reserveCapacity(steps)

        // Scratch for one step's effective learning rates; empty when none are recorded.
        var rates = [Double](repeating: 0, count: settings.recordsEffectiveLearningRate && settings.optimizer.hasEffectiveLearningRate ? n : 0)
        if !rates.isEmpty { trajectory.effectiveLearningRates.reserveCapacity(steps * n) }

        var x = settings.start
        let startLoss = function.value(at: x)
        guard isHealthy(x, loss: startLoss) else {
            trajectory.divergedAt = 0
            return trajectory
        }
        trajectory.coordinates.append(contentsOf: x)
        trajectory.losses.append(startLoss)
        // A schedule-free method's average x, recorded beside y from the start, where both are the start.
        var evaluated = optimizer.evaluatesAverage ? x : []
        if optimizer.evaluatesAverage {
            trajectory.evaluationCoordinates.reserveCapacity((steps + 1) * n)
            trajectory.evaluationCoordinates.append(contentsOf: x)
            trajectory.evaluationLosses.append(startLoss)
        }

        x.withUnsafeMutableBufferPointer { xp in
            for t in 0..<steps {
                let rate = schedule?.learningRate ?? optimizer.baseLearningRate
                oracle.beginStep(t)
                let status = optimizer.step(xp, oracle: oracle, learningRate: rate, momentum: schedule?.momentum)
                schedule?.advance(loss: trajectory.losses[t])
                switch status {
                case .moved: break
                case .hessianUnavailable:
                    trajectory.halt = .hessianUnavailable(step: t + 1)
                    return
                case .singularHessian:
                    trajectory.halt = .singularHessian(step: t + 1)
                    return
                }
                let loss = function.value(UnsafeBufferPointer(xp))
                guard isHealthy(UnsafeBufferPointer(xp), loss: loss) else {
                    trajectory.divergedAt = t + 1
                    return
                }
                var evaluatedLoss = 0.0
                if !evaluated.isEmpty {
                    let healthy = evaluated.withUnsafeMutableBufferPointer { ep in
                        optimizer.evaluationPoint(of: UnsafeBufferPointer(xp), into: ep)
                        evaluatedLoss = function.value(UnsafeBufferPointer(ep))
                        return isHealthy(UnsafeBufferPointer(ep), loss: evaluatedLoss)
                    }
                    guard healthy else {
                        trajectory.divergedAt = t + 1
                        return
                    }
                    trajectory.evaluationCoordinates.append(contentsOf: evaluated)
                    trajectory.evaluationLosses.append(evaluatedLoss)
                }
                trajectory.coordinates.append(contentsOf: xp)
                trajectory.losses.append(loss)
                trajectory.learningRates.append(rate)
                if !rates.isEmpty {
                    _ = rates.withUnsafeMutableBufferPointer { optimizer.effectiveLearningRate($0) }
                    trajectory.effectiveLearningRates.append(contentsOf: rates)
                }
            }
        }
        // A switch or sync on a step that diverged is not part of the recorded run.
        let recordedSteps = trajectory.pointCount - 1
        let events = optimizer.events.filter { $0.step <= recordedSteps }
        trajectory.switchedAt = events.switchedAt
        trajectory.syncSteps = events.syncSteps
        trajectory.gradientEvaluations = oracle.gradientEvaluations
        return trajectory
    }

    private static func isHealthy<C: Collection<Double>>(_ x: C, loss: Double) -> Bool {
        guard loss.isFinite else { return false }
        for v in x where !(v.isFinite && abs(v) <= divergenceBound) { return false }
        return true
    }
}
