/// `torch.optim.Adadelta`.
enum Adadelta: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "Adadelta",
        hyperparameters: [
            .lr(1.0),
            .number(
                "rho", "decay rate", symbol: "ρ", latex: "\\rho", .real(0.9), .unitInterval, torch: "rho value"),
            .eps(1e-6), .weightDecay(), .maximize,
        ],
        reference: PaperReference(
            citation: "Zeiler 2012", title: "ADADELTA: An Adaptive Learning Rate Method",
            arXiv: "1212.5701"),
        formula: [
            #"g_t = \nabla f(\theta_{t-1}) + \lambda \theta_{t-1}"#,
            #"v_t = \rho v_{t-1} + (1 - \rho) g_t^2"#,
            #"\Delta_t = \frac{\sqrt{u_{t-1} + \varepsilon}}{\sqrt{v_t + \varepsilon}} g_t"#,
            #"u_t = \rho u_{t-1} + (1 - \rho) \Delta_t^2"#,
            #"\theta_t = \theta_{t-1} - \eta \Delta_t"#,
        ],
        conditions: [
            .when("maximize", #"With maximize, $g_t$ starts from $-\nabla f(\theta_{t-1})$."#),
        ],
        notation: [Notation.gradient, ("v_t", "running mean of squared gradients"), ("u_t", "running mean of squared updates")],
        summary: "Scales the step by the ratio of past update size to gradient size, so units match without a learning rate.",
        effectiveLearningRate: #"\eta \sqrt{u_{t-1} + \varepsilon} / \sqrt{v_t + \varepsilon}"#)

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        AdadeltaEngine(
            dimension: n, rho: c[real: "rho"], eps: c[real: "eps"], weightDecay: c[real: "weightDecay"],
            maximize: c[bool: "maximize"])
    }
}

/// `torch.optim.Adadelta` (`_single_tensor_adadelta`).
final class AdadeltaEngine: FirstOrderEngine {
    private let squareAverage: Vector
    private let accumulatedDelta: Vector
    /// √(uₜ₋₁ + ε) / √(vₜ + ε) of the last step, per coordinate: its rate without η.
    private let ratio: Vector
    private let rho: Double, eps: Double, weightDecay: Double

    private let maximize: Bool

    init(dimension: Int, rho: Double, eps: Double, weightDecay: Double, maximize: Bool = false) {
        self.maximize = maximize
        squareAverage = Vector(count: dimension)
        accumulatedDelta = Vector(count: dimension)
        ratio = Vector(count: dimension)
        self.rho = rho
        self.eps = eps
        self.weightDecay = weightDecay
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        negateForMaximize(g, maximize)
        let v = squareAverage.pointer, u = accumulatedDelta.pointer, r = ratio.pointer
        for i in 0..<x.count {
            let gi = withWeightDecay(g[i], x[i], weightDecay)
            v[i] = runningSquareAverage(v[i], gi, rho)
            let std = (v[i] + eps).squareRoot()
            r[i] = (u[i] + eps).squareRoot() / std
            let delta = r[i] * gi
            u[i] = runningSquareAverage(u[i], delta, rho)
            x[i] = x[i].addingProduct(-lr, delta)
        }
        return true
    }

    /// η √(uₜ₋₁ + ε) / √(vₜ + ε) per coordinate: the factor of the gradient in the step.
    func effectiveLearningRate(_ rates: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let r = ratio.pointer
        for i in 0..<rates.count { rates[i] = lr * r[i] }
        return true
    }
}
