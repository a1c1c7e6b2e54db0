import Optimizers

/// A network's training loss on the current mini-batch, as the `DifferentiableFunction` the optimizer steppers drive.
///
/// f(θ) = (1/B) Σᵢ CE(softmax(net_θ(xᵢ)), yᵢ) + (λ/2) Σ_layers ‖W‖², over the batch
/// chosen with `useBatch(_:)` (biases carry no penalty, as in Deep Learning from
/// Scratch; decoupled weight decay belongs to the optimizer). Dropout masks are drawn
/// when a batch is chosen and kept until the next, so every evaluation within one
/// step (an L-BFGS line search, say) sees the same function. Gradients are written
/// by hand-derived backpropagation, matrix products through `MatrixKernel`.
///
/// With batch normalisation the loss normalises with the batch's own statistics (training
/// mode), and the first evaluation on each batch moves ``runningStatistics`` towards them,
/// as the one forward pass of a PyTorch step does; later evaluations on the same batch (a
/// line search) leave them. With ``clipping``, every gradient is clipped after
/// backpropagation, as `clip_grad_norm_` or `clip_grad_value_` after `loss.backward()`: the
/// gradient the optimizer sees is then not f's, which is the point.
///
/// As a `FiniteSumFunction` over the training samples, `valueAndGradient(_:_:samples:)`
/// chooses `samples` as the batch first, unless they are the current batch already. An instance is confined to one training run
/// (it owns mutable buffers), which is why it is `@unchecked Sendable`: never share one
/// between threads.
public final class NetworkObjective: FiniteSumFunction, @unchecked Sendable {
    public let architecture: NetworkArchitecture
    public let data: LabeledData
    /// The L2 coefficient λ ≥ 0.
    public let l2: Double
    /// How gradients are clipped; nil leaves them as backpropagated.
    public let clipping: GradientClipping?
    public var dimension: Int { architecture.parameterCount }
    public var sampleCount: Int { data.count }

    private let workspace: NetworkWorkspace
    private var batch: [Int] = []
    private var dropoutGenerator: Xoshiro256StarStar
    private let layout: ParameterLayout
    /// Whether no training pass has yet run on the current batch.
    private var statisticsPending = false

    /// - Parameters:
    ///   - batchCapacity: the usual batch size, to size buffers once.
    ///   - dropoutSeed: seeds the dropout masks' stream.
    public init(
        architecture: NetworkArchitecture, data: LabeledData, l2: Double = 0, clipping: GradientClipping? = nil, batchCapacity: Int,
        kernel: MatrixKernel = .preferred, dropoutSeed: UInt64 = 0
    ) {
        precondition(data.featureCount == architecture.inputSize, "data has \(data.featureCount) features, the network \(architecture.inputSize) inputs")
        precondition(data.classCount <= architecture.outputSize, "more classes than outputs")
        self.architecture = architecture
        self.data = data
        self.l2 = l2
        self.clipping = clipping
        layout = architecture.parameterLayout
        workspace = NetworkWorkspace(architecture: architecture, capacity: batchCapacity, kernel: kernel)
        dropoutGenerator = RandomStream.dropout.generator(seed: dropoutSeed)
    }

    /// The samples (indices into `data`) the loss is taken over until the next call; draws new dropout masks.
    public func useBatch(_ indices: [Int]) {
        batch = indices
        firstValueOnBatch = nil
        gradientNormOnBatch = nil
        statisticsPending = true
        indices.withUnsafeBufferPointer { workspace.gather(data, rows: $0) }
        workspace.drawDropoutMasks(rows: indices.count, using: &dropoutGenerator)
    }

    /// The current batch.
    public var currentBatch: [Int] { batch }

    /// The loss at the first evaluation since the batch was chosen: for a step, the
    /// mini-batch loss at the parameters it started from (`loss.item()` in PyTorch).
    public private(set) var firstValueOnBatch: Double?

    /// The total 2-norm of the first gradient since the batch was chosen, before clipping:
    /// what `clip_grad_norm_` returns, and what grows when gradients explode.
    public private(set) var gradientNormOnBatch: Double?

    /// The batch-normalised units' running mean and variance, which evaluation uses.
    public var runningStatistics: RunningStatistics {
        get { workspace.statistics }
        set {
            precondition(newValue.mean.count == architecture.statisticsCount, "statistics of another architecture")
            workspace.statistics = newValue
        }
    }

    public func value(_ x: UnsafeBufferPointer<Double>) -> Double {
        evaluate(x, gradient: nil)
    }

    public func valueAndGradient(_ x: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>) -> Double {
        precondition(g.count == dimension, "gradient buffer of the wrong length")
        return evaluate(x, gradient: g.baseAddress!)
    }

    public func valueAndGradient(
        _ x: UnsafeBufferPointer<Double>, _ g: UnsafeMutableBufferPointer<Double>, samples: UnsafeBufferPointer<Int>
    ) -> Double {
        // The same samples again (a line search within one step) keep their dropout masks.
        if !samples.elementsEqual(batch) { useBatch(Array(samples)) }
        return valueAndGradient(x, g)
    }

    /// Second derivatives are not available for networks.
    public func hessian(_ x: UnsafeBufferPointer<Double>, _ h: UnsafeMutableBufferPointer<Double>) -> Bool { false }

    private func evaluate(_ x: UnsafeBufferPointer<Double>, gradient: UnsafeMutablePointer<Double>?) -> Double {
        precondition(x.count == dimension, "parameter vector of the wrong length")
        precondition(!batch.isEmpty, "choose a batch with useBatch(_:) first")
        let parameters = x.baseAddress!
        let rows = batch.count
        workspace.forward(parameters: parameters, rows: rows, training: true, updatingStatistics: statisticsPending)
        statisticsPending = false
        let labels = data.labels
        var loss = batch.withUnsafeBufferPointer { batch in
            workspace.crossEntropy(labels: { labels[batch[$0]] }, rows: rows, parameters: parameters, gradient: gradient)
        }
        if l2 > 0 {
            var squares = 0.0
            for layer in architecture.layers {
                let w = parameters + layer.weightOffset
                let count = layer.inputs * layer.outputs
                for i in 0..<count { squares += w[i] * w[i] }
                if let gradient {
                    let g = gradient + layer.weightOffset
                    for i in 0..<count { g[i] += l2 * w[i] }
                }
            }
            loss += 0.5 * l2 * squares
        }
        if firstValueOnBatch == nil { firstValueOnBatch = loss }
        if let gradient, gradientNormOnBatch == nil || clipping != nil {
            let g = UnsafeMutableBufferPointer(start: gradient, count: dimension)
            let norm = GradientClipping.totalNorm(UnsafeBufferPointer(g), layout: layout)
            if gradientNormOnBatch == nil { gradientNormOnBatch = norm }
            clipping?.clip(g, totalNorm: norm)
        }
        return loss
    }
}
