/// Lookahead (Zhang et al. 2019, Algorithm 1) around any inner method: the slow
/// weights φ start at the start point; after every k-th inner step
/// φ ← φ + α(θ − φ) and θ ← φ. The inner method keeps its state across syncs.
final class LookaheadEngine: OptimizerEngine {
    private let inner: any OptimizerEngine
    private let slow: Vector
    private let k: Int, alpha: Double
    private var t = 0
    private var slowInitialized = false
    private(set) var syncSteps: [Int] = []

    init(inner: any OptimizerEngine, dimension: Int, k: Int, alpha: Double) {
        self.inner = inner
        slow = Vector(count: dimension)
        self.k = k
        self.alpha = alpha
    }

    var switchedAt: Int? { inner.switchedAt }

    /// The inner method's: the fast weights' steps are the inner method's own.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate: Double) -> Bool {
        inner.effectiveLearningRate(rates, learningRate: learningRate)
    }

    func step(_ x: UnsafeMutableBufferPointer<Double>, learningRate: Double, oracle: GradientOracle) -> StepStatus {
        begin(x)
        let status = inner.step(x, learningRate: learningRate, oracle: oracle)
        if status == .moved { synchronize(x) }
        return status
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate: Double) -> Bool {
        begin(x)
        guard inner.update(x, gradient: g, learningRate: learningRate) else { return false }
        synchronize(x)
        return true
    }

    private func begin(_ x: UnsafeMutableBufferPointer<Double>) {
        if !slowInitialized, let start = x.baseAddress {
            slow.copy(from: start)
            slowInitialized = true
        }
    }

    private func synchronize(_ x: UnsafeMutableBufferPointer<Double>) {
        t += 1
        guard t % k == 0 else { return }
        let phi = slow.pointer
        for i in 0..<x.count {
            phi[i] += alpha * (x[i] - phi[i])
            x[i] = phi[i]
        }
        syncSteps.append(t)
    }
}
