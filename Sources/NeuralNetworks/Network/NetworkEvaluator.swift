/// Inference with a trained network: predicted classes, accuracy and mean loss over a whole dataset.
///
/// Runs the network in evaluation mode (no dropout; batch normalisation with running
/// statistics, torch's initial ones when none are given) over chunks of rows. Owns buffers,
/// so one evaluator serves one thread.
public final class NetworkEvaluator {
    public let architecture: NetworkArchitecture
    private let workspace: NetworkWorkspace
    private let chunk: Int

    public init(architecture: NetworkArchitecture, chunk: Int = 256, kernel: MatrixKernel = .preferred) {
        self.architecture = architecture
        self.chunk = max(chunk, 1)
        workspace = NetworkWorkspace(architecture: architecture, capacity: self.chunk, kernel: kernel)
    }

    /// The fraction of `data`'s samples whose largest logit is their label (ties go to the lower class, as `argmax`).
    public func accuracy(parameters: [Double], statistics: RunningStatistics? = nil, on data: LabeledData) -> Double {
        guard data.count > 0 else { return 0 }
        let predicted = predictions(parameters: parameters, statistics: statistics, on: data)
        let correct = zip(predicted, data.labels).reduce(0) { $0 + ($1.0 == $1.1 ? 1 : 0) }
        return Double(correct) / Double(data.count)
    }

    /// The predicted class of every sample.
    public func predictions(parameters: [Double], statistics: RunningStatistics? = nil, on data: LabeledData) -> [Int] {
        var result = [Int]()
        result.reserveCapacity(data.count)
        forEachChunk(parameters: parameters, statistics: statistics, data: data) { logits, rows, _ in
            let classes = architecture.outputSize
            for row in 0..<rows {
                let z = logits + row * classes
                var best = 0
                for j in 1..<classes where z[j] > z[best] { best = j }
                result.append(best)
            }
        }
        return result
    }

    /// The logits of every sample, `data.count × outputSize` row-major: `net.eval()(x)`.
    public func logits(parameters: [Double], statistics: RunningStatistics? = nil, on data: LabeledData) -> [Double] {
        var result = [Double]()
        result.reserveCapacity(data.count * architecture.outputSize)
        forEachChunk(parameters: parameters, statistics: statistics, data: data) { logits, rows, _ in
            result.append(contentsOf: UnsafeBufferPointer(start: logits, count: rows * architecture.outputSize))
        }
        return result
    }

    /// The mean cross-entropy over all of `data`, without dropout or L2.
    public func meanLoss(parameters: [Double], statistics: RunningStatistics? = nil, on data: LabeledData) -> Double {
        guard data.count > 0 else { return 0 }
        var total = 0.0
        parameters.withUnsafeBufferPointer { p in
            forEachChunk(parameters: parameters, statistics: statistics, data: data) { _, rows, start in
                total += Double(rows) * workspace.crossEntropy(
                    labels: { data.labels[start + $0] }, rows: rows, parameters: p.baseAddress!, gradient: nil)
            }
        }
        return total / Double(data.count)
    }

    private func forEachChunk(
        parameters: [Double], statistics: RunningStatistics?, data: LabeledData,
        _ body: (UnsafePointer<Double>, _ rows: Int, _ start: Int) -> Void
    ) {
        precondition(parameters.count == architecture.parameterCount, "parameter vector of the wrong length")
        if architecture.batchNorm {
            let statistics = statistics ?? RunningStatistics(for: architecture)
            precondition(statistics.mean.count == architecture.statisticsCount, "statistics of another architecture")
            workspace.statistics = statistics
        }
        parameters.withUnsafeBufferPointer { p in
            var start = 0
            while start < data.count {
                let rows = min(chunk, data.count - start)
                let indices = Array(start..<start + rows)
                indices.withUnsafeBufferPointer { workspace.gather(data, rows: $0) }
                body(workspace.forward(parameters: p.baseAddress!, rows: rows, training: false), rows, start)
                start += rows
            }
        }
    }
}
