/// SGDW: momentum SGD with decoupled weight decay.
enum SGDW: OptimizerMethod {
    static let spec = OptimizerSpec(
        callName: "SGDW", hyperparameters: [.lr(1e-3), .momentum(0.9), .weightDecay(1e-2)],
        reference: AdamW.spec.reference,
        formula: [
            #"g_t = \nabla f(\theta_{t-1})"#,
            #"v_t = \mu v_{t-1} + g_t, \quad v_0 = 0"#,
            #"\theta_t = (1 - \eta \lambda) \theta_{t-1} - \eta v_t"#,
        ],
        notation: Momentum.spec.notation,
        summary: "Momentum SGD with decoupled weight decay: the decay shrinks the weights, not the gradient.")

    static func makeEngine(_ c: OptimizerConfig, dimension n: Int, events: OptimizerEventLog) -> (any OptimizerEngine)? {
        SGDWEngine(dimension: n, momentum: c[real: "momentum"], weightDecay: c[real: "weightDecay"])
    }
}

/// SGDW (Loshchilov & Hutter 2019, Algorithm 1 with SGD): momentum on the raw gradient,
/// and decoupled decay θ ← θ − ηλθ applied before the step, as PyTorch's AdamW does.
final class SGDWEngine: FirstOrderEngine {
    private let velocity: Vector
    private let momentum: Double, weightDecay: Double

    init(dimension: Int, momentum: Double, weightDecay: Double) {
        velocity = Vector(count: dimension)
        self.momentum = momentum
        self.weightDecay = weightDecay
    }

    func update(_ x: UnsafeMutableBufferPointer<Double>, gradient g: UnsafeMutableBufferPointer<Double>, learningRate lr: Double) -> Bool {
        let v = velocity.pointer
        let decay = 1 - lr * weightDecay
        for i in 0..<x.count {
            v[i] = momentum * v[i] + g[i]
            x[i] = x[i] * decay - lr * v[i]
        }
        return true
    }
}
