/// What an optimizer asks for values and gradients: the objective, seen through
/// the current step's mini-batch and gradient noise.
///
/// The run loop calls ``beginStep(_:)`` before every step; optimizers that
/// evaluate several points in a step (L-BFGS's line search) see the same batch
/// at each, with fresh noise at each.
public final class GradientOracle {
    /// The objective itself (full batch, no noise).
    public let function: any DifferentiableFunction
    private let finiteSum: (any FiniteSumFunction)?
    private let noise: GradientNoise?
    private var noiseGenerator: Xoshiro256StarStar
    private var sampler: MiniBatchSampler?
    private var batch: [Int]
    private var standardDeviation: Double = 0
    /// The gradient of the step, for the methods that ask for one gradient per step; held here
    /// rather than by each engine, since only a step through the oracle needs it.
    private var gradient: Vector
    /// How many gradient evaluations were made.
    public private(set) var gradientEvaluations = 0

    /// An oracle over `function`; `batchSize` and `sampling` apply only to a ``FiniteSumFunction``
    /// (otherwise every step is full-batch). Noise and batches use separate streams of `seed`.
    public init(
        _ function: any DifferentiableFunction, noise: GradientNoise? = nil, batchSize: Int? = nil,
        sampling: MiniBatchSampling = .shuffledEpochs, seed: UInt64 = 0
    ) {
        self.function = function
        self.noise = noise
        gradient = Vector(count: function.dimension)
        noiseGenerator = Xoshiro256StarStar(seed: seed ^ 0x6E6F_6973_6500_0000)  // "noise"
        let finiteSum = function as? any FiniteSumFunction
        self.finiteSum = finiteSum
        if let finiteSum, let batchSize, batchSize > 0, finiteSum.sampleCount > 0 {
            sampler = MiniBatchSampler(
                sampling: sampling, sampleCount: finiteSum.sampleCount, batchSize: batchSize, seed: seed ^ 0x7368_7566_666C_6500)  // "shuffle"
            batch = []
            batch.reserveCapacity(sampling == .shuffledEpochs ? min(batchSize, finiteSum.sampleCount) : batchSize)
        } else {
            batch = []
        }
    }

    /// The dimension of the parameter vector.
    public var dimension: Int { function.dimension }

    /// Prepares step index `t` (0 for the first step): draws its mini-batch and sets its noise level.
    public func beginStep(_ t: Int) {
        if var sampler {
            batch.removeAll(keepingCapacity: true)
            sampler.appendNextBatch(to: &batch)
            self.sampler = sampler
        }
        standardDeviation = noise.map { $0.standardDeviation(step: t) } ?? 0
    }

    /// The indices of the current mini-batch; empty for full-batch steps.
    public var currentBatch: [Int] { batch }

    /// f(x) on the current batch (no noise: noise is a property of gradients).
    public func value(_ x: UnsafeBufferPointer<Double>) -> Double {
        guard let finiteSum, !batch.isEmpty else { return function.value(x) }
        // A scratch gradient would allocate; evaluate without one by asking for the full
        // value when no batch is set, else through the batch gradient on a stack buffer.
        return withUnsafeTemporaryAllocation(of: Double.self, capacity: max(1, finiteSum.dimension)) { g in
            batch.withUnsafeBufferPointer { finiteSum.valueAndGradient(x, g, samples: $0) }
        }
    }

    /// Writes the step's gradient (batch and noise applied) into `g` and returns f on the batch.
    public func valueAndGradient(_ x: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>) -> Double {
        gradientEvaluations += 1
        let f: Double
        if let finiteSum, !batch.isEmpty {
            f = batch.withUnsafeBufferPointer { finiteSum.valueAndGradient(x, g, samples: $0) }
        } else {
            f = function.valueAndGradient(x, g)
        }
        if standardDeviation > 0 {
            for i in 0..<g.count {
                g[i] += standardDeviation * noiseGenerator.nextNormal()
            }
        }
        return f
    }

    /// A buffer of `count` doubles for the step's gradient, the same from step to step (made
    /// again only when `count` is not the objective's dimension).
    func gradientBuffer(count: Int) -> UnsafeMutableBufferPointer<Double> {
        if gradient.count != count { gradient = Vector(count: count) }
        return gradient.buffer
    }

    /// The Hessian of the full objective, or `false` when the objective has none.
    public func hessian(_ x: UnsafeBufferPointer<Double>, _ h: UnsafeMutableBufferPointer<Double>) -> Bool {
        function.hessian(x, h)
    }
}
