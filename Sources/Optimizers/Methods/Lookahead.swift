/// Lookahead around any inner method, which shares its event log.
enum Lookahead: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "Lookahead",
        hyperparameters: [
            HyperparameterSpec(
                name: "", label: "inner optimizer", symbol: "A", latex: "A", kind: .optimizer, defaultValue: nil),
            .number(
                "k", "synchronization period", symbol: "k", latex: "k", .integer(5), .atLeast(1), torch: "synchronization period"),
            .number(
                "alpha", "slow-weights step size", symbol: "α", latex: "\\alpha", .real(0.5), .unitInterval, torch: "slow step size"),
        ],
        reference: PaperReference(
            citation: "Zhang et al. 2019", title: "Lookahead Optimizer: k steps forward, 1 step back",
            arXiv: "1907.08610"),
        formula: [
            #"\theta_t = A(\theta_{t-1}), \quad \phi_0 = \theta_0"#,
            #"\phi \leftarrow \phi + \alpha (\theta_t - \phi), \quad \theta_t \leftarrow \phi"#,
        ],
        conditions: [
            #"The second line runs every $k$ steps, when $k$ divides $t$."#,
        ],
        notation: [("A", "one step of the inner optimizer"), ("\\phi", "slow weights")],
        summary: "Runs any optimizer for k fast steps, then moves slow weights part of the way and restarts from them.",
        capabilities: [.wrapsMethod, .synchronizes])

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        makeEngine(c, layout: .point(n), events: events)
    }

    /// The inner method sees the layout, so that a Lookahead around Muon still knows its matrices.
    static func makeEngine(_ c: OptimizerConfig, layout: ParameterLayout, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        guard let innerConfig = c.inner, let inner = OptimizerCatalog.makeEngine(innerConfig, layout: layout, events: events) else {
            return nil
        }
        return LookaheadEngine(inner: inner, dimension: layout.count, k: c[integer: "k"], alpha: c[real: "alpha"], events: events)
    }
}

/// Lookahead (Zhang et al. 2019, Algorithm 1) around any inner method: the slow
/// weights φ start at the start point; after every k-th inner step
/// φ ← φ + α(θ − φ) and θ ← φ. The inner method keeps its state across syncs.
final class LookaheadEngine: OptimizerEngine {
    private let inner: any OptimizerEngine
    private let slow: Vector
    private let k: Int, alpha: Double
    private var t = 0
    private var slowInitialized = false
    private let events: OptimizerEventLog

    init(inner: any OptimizerEngine, dimension: Int, k: Int, alpha: Double, events: OptimizerEventLog) {
        self.inner = inner
        slow = Vector(count: dimension)
        self.k = k
        self.alpha = alpha
        self.events = events
    }

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
        events.record(.synchronized(step: t))
    }
}
