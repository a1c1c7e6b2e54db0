/// The path of one optimizer run: the start, then the parameters after every step.
///
/// Every stored number is finite: a run stops before recording a point that is not
/// finite, whose loss is not finite, or whose coordinates pass 10⁸ in magnitude, and
/// records that step as ``divergedAt``. `learningRates` has one entry per recorded step
/// (`pointCount − 1`).
public struct Trajectory: Hashable, Sendable {
    /// Why a run ended before its last step, other than divergence.
    public enum Halt: Hashable, Sendable {
        /// Newton's method on an objective without a Hessian, at this 1-based step.
        case hessianUnavailable(step: Int)
        /// Newton's method met a singular (damped) Hessian at this 1-based step.
        case singularHessian(step: Int)
        /// The configuration has problems (it was not validated); nothing ran.
        case invalidConfiguration([String])
    }

    /// The length of every point.
    public let dimension: Int
    /// All points, flattened: point k is `coordinates[k·dimension ..< (k+1)·dimension]`.
    public internal(set) var coordinates: [Double]
    /// f at every point (the full objective, without noise or mini-batches).
    public internal(set) var losses: [Double]
    /// The learning rate each recorded step used.
    public internal(set) var learningRates: [Double]
    /// The optimizer's effective learning rate per coordinate after each recorded step (see
    /// ``Optimizer/effectiveLearningRate(_:)``), flattened as ``coordinates`` but from step 1:
    /// step t's rates are `effectiveLearningRates[(t−1)·dimension ..< t·dimension]`. Empty
    /// unless the run was asked to record them (``RunSettings/recordsEffectiveLearningRate``)
    /// and its method has one.
    public internal(set) var effectiveLearningRates: [Double]
    /// For a method that evaluates another point than its iterate (schedule-free: the
    /// average x, while ``coordinates`` are y, where its gradients are taken), that point after
    /// every recorded step, flattened as ``coordinates``, the start first; empty for every other method.
    public internal(set) var evaluationCoordinates: [Double]
    /// f at every point of ``evaluationCoordinates``; empty when they are.
    public internal(set) var evaluationLosses: [Double]
    /// The 1-based step whose result diverged; `nil` when the run stayed finite.
    public internal(set) var divergedAt: Int?
    /// The 1-based step at which SWATS switched to SGD.
    public internal(set) var switchedAt: Int?
    /// The 1-based steps at which Lookahead synchronized.
    public internal(set) var syncSteps: [Int]
    /// Why the run stopped early, when not by divergence.
    public internal(set) var halt: Halt?
    /// Gradient evaluations made (L-BFGS's line search makes several per step).
    public internal(set) var gradientEvaluations: Int

    init(dimension: Int) {
        self.dimension = dimension
        coordinates = []
        losses = []
        learningRates = []
        effectiveLearningRates = []
        evaluationCoordinates = []
        evaluationLosses = []
        syncSteps = []
        gradientEvaluations = 0
    }

    /// A trajectory from stored numbers (the result cache), or nil unless a run of `steps`
    /// steps could have recorded exactly these.
    ///
    /// What ``RunLoop`` guarantees is checked, so forged numbers never reach a page in a shape
    /// a run cannot take: `losses.count` points of `dimension` coordinates, every coordinate
    /// finite and within ``RunLoop/divergenceBound``, every loss and learning rate finite, one
    /// rate per recorded step; an ending that agrees with the count (all `steps + 1` points;
    /// `divergedAt` or a halt's step points; none for an invalid configuration); switch and
    /// sync steps among the recorded steps, sync steps increasing; effective learning rates
    /// either none or `dimension` finite non-negative ones per recorded step; evaluation points
    /// either none or one per recorded point, finite and bounded as the points, with finite losses.
    public init?(
        restoringDimension dimension: Int, steps: Int, coordinates: [Double], losses: [Double], learningRates: [Double],
        effectiveLearningRates: [Double] = [], evaluationCoordinates: [Double] = [], evaluationLosses: [Double] = [],
        divergedAt: Int?, switchedAt: Int?, syncSteps: [Int], halt: Halt?,
        gradientEvaluations: Int
    ) {
        let points = losses.count
        let (coordinateCount, overflow) = points.multipliedReportingOverflow(by: dimension)
        guard dimension >= 1, steps >= 0, steps < Int.max, points <= steps + 1, !overflow, coordinates.count == coordinateCount,
              learningRates.count == max(0, points - 1), gradientEvaluations >= 0,
              losses.allSatisfy(\.isFinite), learningRates.allSatisfy(\.isFinite),
              coordinates.allSatisfy({ $0.isFinite && abs($0) <= RunLoop.divergenceBound })
        else { return nil }
        switch (halt, divergedAt) {
        case (nil, nil): guard points == steps + 1 else { return nil }
        case (nil, let step?): guard step == points, step <= steps else { return nil }
        case (.hessianUnavailable(let step)?, nil), (.singularHessian(let step)?, nil):
            guard step >= 1, step <= steps, step == points else { return nil }
        case (.invalidConfiguration?, nil): guard points == 0 else { return nil }
        default: return nil
        }
        let recordedSteps = max(0, points - 1)
        guard effectiveLearningRates.isEmpty
                || (effectiveLearningRates.count == recordedSteps * dimension && effectiveLearningRates.allSatisfy({ $0.isFinite && $0 >= 0 })),
              points > 0 || (switchedAt == nil && syncSteps.isEmpty && gradientEvaluations == 0),
              switchedAt.map({ $0 >= 1 && $0 <= recordedSteps }) ?? true,
              syncSteps.allSatisfy({ $0 >= 1 && $0 <= recordedSteps }),
              zip(syncSteps, syncSteps.dropFirst()).allSatisfy({ $0 < $1 }),
              (evaluationCoordinates.isEmpty && evaluationLosses.isEmpty)
                || (evaluationLosses.count == points && evaluationCoordinates.count == coordinateCount
                    && evaluationLosses.allSatisfy(\.isFinite)
                    && evaluationCoordinates.allSatisfy({ $0.isFinite && abs($0) <= RunLoop.divergenceBound }))
        else { return nil }
        self.dimension = dimension
        self.coordinates = coordinates
        self.losses = losses
        self.learningRates = learningRates
        self.effectiveLearningRates = effectiveLearningRates
        self.evaluationCoordinates = evaluationCoordinates
        self.evaluationLosses = evaluationLosses
        self.divergedAt = divergedAt
        self.switchedAt = switchedAt
        self.syncSteps = syncSteps
        self.halt = halt
        self.gradientEvaluations = gradientEvaluations
    }

    /// How many points were recorded (the start included).
    public var pointCount: Int { dimension > 0 ? coordinates.count / dimension : losses.count }

    /// Point `k` (0 is the start).
    public func point(_ k: Int) -> [Double] {
        Array(coordinates[k * dimension..<(k + 1) * dimension])
    }

    /// Every point, the start first.
    public var points: [[Double]] { (0..<pointCount).map(point) }

    /// The effective learning rates after 1-based step `t`, one per coordinate, or `nil` when
    /// they were not recorded or the run has no step t.
    public func effectiveLearningRate(afterStep t: Int) -> [Double]? {
        guard t >= 1, t * dimension <= effectiveLearningRates.count else { return nil }
        return Array(effectiveLearningRates[(t - 1) * dimension..<t * dimension])
    }

    /// The last recorded point.
    public var finalPoint: [Double] { point(pointCount - 1) }

    /// Whether the run recorded an evaluated point besides its iterate (a schedule-free method's x).
    public var hasEvaluationPoints: Bool { !evaluationLosses.isEmpty }

    /// The same run seen at its evaluated points: for a schedule-free method the trajectory of
    /// the average x (coordinates and losses x's, everything else the run's); otherwise the run itself.
    public var atEvaluationPoints: Trajectory {
        guard hasEvaluationPoints else { return self }
        var evaluated = self
        evaluated.coordinates = evaluationCoordinates
        evaluated.losses = evaluationLosses
        evaluated.evaluationCoordinates = []
        evaluated.evaluationLosses = []
        return evaluated
    }
}
