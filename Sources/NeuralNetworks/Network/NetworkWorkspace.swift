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
        deltaA = .allocate(capacity: 0)
        deltaB = .allocate(capacity: 0)
        reserve(rows: max(capacity, 1))
    }

    deinit { release() }

    private func release() {
        input.deallocate()
        for buffer in outputs + masks + dropped { buffer.deallocate() }
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
    /// In training the masks drawn last are applied; otherwise dropout is the identity.
    @discardableResult
    func forward(parameters: UnsafePointer<Double>, rows: Int, training: Bool) -> UnsafePointer<Double> {
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
            architecture.activation.apply(z, count: rows * layer.outputs)
            if applyDropout {
                let mask = masks[index], out = dropped[index]
                for i in 0..<rows * layer.outputs { out[i] = z[i] * mask[i] }
            }
        }
        return UnsafePointer(outputs[layers.count - 1])
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
            swap(&delta, &spare)
        }
    }
}
