import Foundation
import Optimizers

/// Preallocated buffers and the forward and backward passes of a `NetworkArchitecture` over a batch of rows.
///
/// Not thread-safe: each training run or evaluation owns one. Nothing here allocates
/// after `init` unless a batch larger than the capacity arrives.
final class NetworkWorkspace {
    let architecture: NetworkArchitecture
    let kernel: MatrixKernel
    private(set) var capacity: Int
    /// The batch's features, `rows × inputSize`.
    private(set) var input: UnsafeMutablePointer<Double>
    /// Per layer: the activation's outputs (hidden layers) or the logits (last layer), `rows × outputs`.
    private var outputs: [UnsafeMutablePointer<Double>]
    /// Per hidden layer, when dropout is on: the dropout multipliers (0 or 1/(1 − p)) and the outputs after dropout.
    private var masks: [UnsafeMutablePointer<Double>]
    private var dropped: [UnsafeMutablePointer<Double>]
    /// Per hidden layer, with batch normalisation: the normalised pre-activations x̂ of the last
    /// training pass (`rows × outputs`), and per unit 1/√(σ² + ε), μ and σ² (`3 × outputs`).
    private var normalized: [UnsafeMutablePointer<Double>]
    private var moments: [UnsafeMutablePointer<Double>]
    /// The running statistics evaluation normalises with, and training passes update.
    var statistics: RunningStatistics
    /// Two `rows × maxWidth` buffers the backward pass alternates between.
    private var deltaA: UnsafeMutablePointer<Double>
    private var deltaB: UnsafeMutablePointer<Double>

    init(architecture: NetworkArchitecture, capacity: Int, kernel: MatrixKernel) {
        self.architecture = architecture
        self.kernel = kernel
        self.capacity = 0
        input = .allocate(capacity: 0)
        outputs = []
        masks = []
        dropped = []
        normalized = []
        statistics = RunningStatistics(for: architecture)
        moments = architecture.layers.dropLast().map { .allocate(capacity: architecture.batchNorm ? 3 * $0.outputs : 0) }
        deltaA = .allocate(capacity: 0)
        deltaB = .allocate(capacity: 0)
        reserve(rows: max(capacity, 1))
    }

    deinit {
        release()
        for buffer in moments { buffer.deallocate() }
    }

    private func release() {
        input.deallocate()
        for buffer in outputs + masks + dropped + normalized { buffer.deallocate() }
        deltaA.deallocate()
        deltaB.deallocate()
    }

    /// Makes room for `rows` rows; a no-op when there is room already.
    func reserve(rows: Int) {
        guard rows > capacity else { return }
        release()
        capacity = rows
        input = .allocate(capacity: rows * architecture.inputSize)
        outputs = architecture.layers.map { .allocate(capacity: rows * $0.outputs) }
        let hiddenLayers = architecture.layers.dropLast()
        masks = architecture.dropout > 0 ? hiddenLayers.map { .allocate(capacity: rows * $0.outputs) } : []
        dropped = architecture.dropout > 0 ? hiddenLayers.map { .allocate(capacity: rows * $0.outputs) } : []
        normalized = architecture.batchNorm ? hiddenLayers.map { .allocate(capacity: rows * $0.outputs) } : []
        deltaA = .allocate(capacity: rows * architecture.maxWidth)
        deltaB = .allocate(capacity: rows * architecture.maxWidth)
    }

    /// Copies the rows `indices` of `data` into `input`.
    func gather(_ data: LabeledData, rows indices: UnsafeBufferPointer<Int>) {
        reserve(rows: indices.count)
        let width = data.featureCount
        data.features.withUnsafeBufferPointer { features in
            for (row, index) in indices.enumerated() {
                (input + row * width).update(from: features.baseAddress! + index * width, count: width)
            }
        }
    }

    /// Draws fresh dropout multipliers for `rows` rows.
    func drawDropoutMasks(rows: Int, using generator: inout Xoshiro256StarStar) {
        reserve(rows: rows)
        let p = architecture.dropout
        guard p > 0 else { return }
        let keep = 1 / (1 - p)
        for (layer, mask) in zip(architecture.layers, masks) {
            for i in 0..<rows * layer.outputs { mask[i] = generator.halfOpenUniform() < p ? 0 : keep }
        }
    }

    /// The input of layer `index`: the batch, or the previous layer's outputs (after dropout in training).
    private func layerInput(_ index: Int, training: Bool) -> UnsafePointer<Double> {
        if index == 0 { return UnsafePointer(input) }
        return UnsafePointer(training && !dropped.isEmpty ? dropped[index - 1] : outputs[index - 1])
    }

    /// Runs the layers on the first `rows` rows of `input`; returns the logits (`rows × outputSize`).
    ///
    /// In training the masks drawn last are applied, and batch normalisation uses the batch's
    /// statistics (and, with `updatingStatistics`, moves `statistics` towards them); otherwise
    /// dropout is the identity and batch normalisation uses `statistics`.
    @discardableResult
    func forward(
        parameters: UnsafePointer<Double>, rows: Int, training: Bool, updatingStatistics: Bool = false
    ) -> UnsafePointer<Double> {
        let layers = architecture.layers
        let applyDropout = training && !dropped.isEmpty
        for (index, layer) in layers.enumerated() {
            let z = outputs[index]
            if let biasOffset = layer.biasOffset {
                for row in 0..<rows { (z + row * layer.outputs).update(from: parameters + biasOffset, count: layer.outputs) }
            }
            kernel.gemm(
                transposeA: false, transposeB: true, m: rows, n: layer.outputs, k: layer.inputs,
                alpha: 1, a: layerInput(index, training: training), lda: layer.inputs, b: parameters + layer.weightOffset, ldb: layer.inputs,
                beta: layer.biasOffset == nil ? 0 : 1, c: z, ldc: layer.outputs)
            guard index < layers.count - 1 else { break }
            if let normalization = layer.normalization {
                if training {
                    normalizeWithBatchStatistics(
                        z, rows: rows, layer: layer, index: index, normalization: normalization, parameters: parameters,
                        updatingStatistics: updatingStatistics)
                } else {
                    normalizeWithRunningStatistics(z, rows: rows, layer: layer, normalization: normalization, parameters: parameters)
                }
            }
            architecture.activation.apply(z, count: rows * layer.outputs)
            if applyDropout {
                let mask = masks[index], out = dropped[index]
                for i in 0..<rows * layer.outputs { out[i] = z[i] * mask[i] }
            }
        }
        return UnsafePointer(outputs[layers.count - 1])
    }

    /// `nn.BatchNorm1d` in training: z ← γ ⊙ x̂ + β with x̂ = (z − μ)/√(σ² + ε), μ and σ² the
    /// batch's mean and biased variance per unit; keeps x̂ and 1/√(σ² + ε) for the backward pass.
    private func normalizeWithBatchStatistics(
        _ z: UnsafeMutablePointer<Double>, rows: Int, layer: NetworkArchitecture.Layer, index: Int,
        normalization: NetworkArchitecture.Normalization, parameters: UnsafePointer<Double>, updatingStatistics: Bool
    ) {
        let n = layer.outputs
        let gamma = parameters + normalization.scaleOffset, beta = parameters + normalization.shiftOffset
        let xHat = normalized[index], inverse = moments[index], means = inverse + n, variances = inverse + 2 * n
        let count = Double(rows)
        // The means, then the centred sums of squares: two passes, as exact as the data allow.
        means.update(repeating: 0, count: 2 * n)
        for row in 0..<rows {
            let zr = z + row * n
            for j in 0..<n { means[j] += zr[j] }
        }
        for j in 0..<n { means[j] /= count }
        for row in 0..<rows {
            let zr = z + row * n
            for j in 0..<n {
                let centred = zr[j] - means[j]
                variances[j] += centred * centred
            }
        }
        for j in 0..<n {
            variances[j] /= count
            inverse[j] = 1 / (variances[j] + NetworkArchitecture.batchNormEpsilon).squareRoot()
        }
        for row in 0..<rows {
            let zr = z + row * n, xr = xHat + row * n
            for j in 0..<n {
                xr[j] = (zr[j] - means[j]) * inverse[j]
                zr[j] = gamma[j] * xr[j] + beta[j]
            }
        }
        guard updatingStatistics else { return }
        let m = NetworkArchitecture.batchNormMomentum
        // torch moves the running variance towards the unbiased estimate; one row has none (B − 1 = 0).
        let unbiasing = rows > 1 ? count / (count - 1) : .nan
        let offset = normalization.statisticsOffset
        for j in 0..<n {
            statistics.mean[offset + j] = (1 - m) * statistics.mean[offset + j] + m * means[j]
            statistics.variance[offset + j] = (1 - m) * statistics.variance[offset + j] + m * variances[j] * unbiasing
        }
    }

    /// `nn.BatchNorm1d` in evaluation: z ← γ ⊙ (z − running mean)/√(running variance + ε) + β.
    private func normalizeWithRunningStatistics(
        _ z: UnsafeMutablePointer<Double>, rows: Int, layer: NetworkArchitecture.Layer,
        normalization: NetworkArchitecture.Normalization, parameters: UnsafePointer<Double>
    ) {
        let n = layer.outputs
        let gamma = parameters + normalization.scaleOffset, beta = parameters + normalization.shiftOffset
        let offset = normalization.statisticsOffset
        statistics.mean.withUnsafeBufferPointer { mean in
            statistics.variance.withUnsafeBufferPointer { variance in
                for row in 0..<rows {
                    let zr = z + row * n
                    for j in 0..<n {
                        let inverse = 1 / (variance[offset + j] + NetworkArchitecture.batchNormEpsilon).squareRoot()
                        zr[j] = gamma[j] * ((zr[j] - mean[offset + j]) * inverse) + beta[j]
                    }
                }
            }
        }
    }

    /// The outputs of hidden layer `index` (after the activation, before dropout) from the last forward pass.
    func hiddenOutputs(_ index: Int) -> UnsafePointer<Double> { UnsafePointer(outputs[index]) }

    /// Mean softmax cross-entropy of the logits of the last forward pass against `labels`;
    /// when `gradient` is given, backpropagates and writes ∂loss/∂parameters there.
    ///
    /// The loss is (1/B) Σᵢ [log Σⱼ exp zᵢⱼ − zᵢ,yᵢ], as `nn.CrossEntropyLoss()`;
    /// the logits' gradient is (softmax(z) − onehot(y)) / B.
    func crossEntropy(
        labels: (Int) -> Int, rows: Int, parameters: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>?
    ) -> Double {
        let layers = architecture.layers
        let classes = architecture.outputSize
        let logits = outputs[layers.count - 1]
        let delta = deltaA
        var total = 0.0
        let scale = 1 / Double(rows)
        for row in 0..<rows {
            let z = logits + row * classes
            var largest = -Double.infinity
            for j in 0..<classes { largest = max(largest, z[j]) }
            var sum = 0.0
            for j in 0..<classes { sum += exp(z[j] - largest) }
            let logSumExp = largest + log(sum)
            let label = labels(row)
            total += logSumExp - z[label]
            if gradient != nil {
                let d = delta + row * classes
                for j in 0..<classes { d[j] = exp(z[j] - logSumExp) * scale }
                d[label] -= scale
            }
        }
        guard let gradient else { return total * scale }
        backward(parameters: parameters, gradient: gradient, rows: rows)
        return total * scale
    }

    /// Turns ∂L/∂y of batch-normalised layer `index` (held in `dy`) into ∂L/∂z, and writes ∂L/∂γ = Σᵢ dy ⊙ x̂
    /// and ∂L/∂β = Σᵢ dy: ∂L/∂z = γ/√(σ² + ε) ⊙ (dy − (1/B)·∂L/∂β − x̂ ⊙ (1/B)·∂L/∂γ), the batch's
    /// statistics being functions of z too (Ioffe & Szegedy 2015, §3).
    private func backpropagateNormalization(
        _ dy: UnsafeMutablePointer<Double>, rows: Int, index: Int, normalization: NetworkArchitecture.Normalization,
        parameters: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>
    ) {
        let n = architecture.layers[index].outputs
        let xHat = normalized[index], inverse = moments[index]
        let gamma = parameters + normalization.scaleOffset
        let gGamma = gradient + normalization.scaleOffset, gBeta = gradient + normalization.shiftOffset
        gGamma.update(repeating: 0, count: n)
        gBeta.update(repeating: 0, count: n)
        for row in 0..<rows {
            let d = dy + row * n, x = xHat + row * n
            for j in 0..<n {
                gGamma[j] += d[j] * x[j]
                gBeta[j] += d[j]
            }
        }
        let count = Double(rows)
        for row in 0..<rows {
            let d = dy + row * n, x = xHat + row * n
            for j in 0..<n {
                d[j] = gamma[j] * inverse[j] * (d[j] - gBeta[j] / count - x[j] * (gGamma[j] / count))
            }
        }
    }

    /// Backpropagates the logits' gradient held in `deltaA` through every layer.
    private func backward(parameters: UnsafePointer<Double>, gradient: UnsafeMutablePointer<Double>, rows: Int) {
        var delta = deltaA, spare = deltaB
        for index in architecture.layers.indices.reversed() {
            let layer = architecture.layers[index]
            let a = layerInput(index, training: true)
            // ∂L/∂W = δᵀ·a  (outputs × inputs)
            kernel.gemm(
                transposeA: true, transposeB: false, m: layer.outputs, n: layer.inputs, k: rows,
                alpha: 1, a: delta, lda: layer.outputs, b: a, ldb: layer.inputs,
                beta: 0, c: gradient + layer.weightOffset, ldc: layer.inputs)
            if let biasOffset = layer.biasOffset {
                // ∂L/∂b = Σ over rows of δ, summed in row order.
                let g = gradient + biasOffset
                g.update(repeating: 0, count: layer.outputs)
                for row in 0..<rows {
                    let d = delta + row * layer.outputs
                    for j in 0..<layer.outputs { g[j] += d[j] }
                }
            }
            guard index > 0 else { break }
            // ∂L/∂a = δ·W  (rows × inputs), then through dropout and the activation.
            kernel.gemm(
                transposeA: false, transposeB: false, m: rows, n: layer.inputs, k: layer.outputs,
                alpha: 1, a: delta, lda: layer.outputs, b: parameters + layer.weightOffset, ldb: layer.inputs,
                beta: 0, c: spare, ldc: layer.inputs)
            let count = rows * layer.inputs
            if !masks.isEmpty {
                let mask = masks[index - 1]
                for i in 0..<count { spare[i] *= mask[i] }
            }
            architecture.activation.backpropagate(spare, outputs: outputs[index - 1], count: count)
            if let normalization = architecture.layers[index - 1].normalization {
                backpropagateNormalization(spare, rows: rows, index: index - 1, normalization: normalization, parameters: parameters, gradient: gradient)
            }
            swap(&delta, &spare)
        }
    }
}
